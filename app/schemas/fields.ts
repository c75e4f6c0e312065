// Field shapes shared by many schemas, so a bound that protects the database is written once.
import { z } from "zod";

/** PostgreSQL's `integer`: a larger number from a form would crash the query instead of failing here. */
export const INT32_MAX = 2_147_483_647;

/**
 * A positive 32-bit integer sent as text, such as a record's version for optimistic locking. The
 * page wrote it; a value outside the range means an edited or stale form.
 */
export function int32(message = "This page is out of date. Reload it and try again.") {
  return z.coerce.number({ invalid_type_error: message }).int(message).positive(message).max(INT32_MAX, message);
}

// Our ids are cuids; seeded and imported records may carry other plain ids, so the shape is the
// characters an id can hold rather than cuid's exact format. Anything else (a dot, a tilde, a
// space, a slash) cannot name a record and must not reach a storage key or a query.
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A record's id sent by a form. */
export function id(message = "This page is out of date. Reload it and try again.") {
  return z.string().regex(ID_PATTERN, message);
}
