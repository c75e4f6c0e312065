// Field schemas shared by every form that stores the same kind of value, so one rule holds for
// each kind everywhere it is typed in.
import { z } from "zod";
import { calendarDateMessage, parseCalendarDate } from "~/utils/dates";
import { stripBidiControls } from "~/utils/text";
import { isHttpUrl } from "~/utils/urls";
import { parseLocalDateTime } from "~/utils/zoned-time";

const MAX_URL_LENGTH = 2048;

/**
 * An optional web address: blank means none; anything else must be an absolute http(s) URL.
 * Every stored URL field uses this (test/unit/stored-urls.test.ts checks the schema for new ones).
 */
export const httpUrl = (message = "Enter a full web address starting with https:// (or http://).") =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z.string().max(MAX_URL_LENGTH, `Use at most ${MAX_URL_LENGTH} characters.`).refine(isHttpUrl, message).optional(),
    );

/**
 * A calendar date typed as YYYY-MM-DD (what `<input type="date">` sends), as UTC midnight. A date
 * that does not exist (2027-02-31) or a year outside 1900–2100 is refused with a message that says
 * so; `example` is the message for anything that is not a date at all ("Enter a date like …").
 * Every date field uses this or `localDateTime`; a milestone's precision (day, month, year) is
 * recorded beside the date, which is still a real day.
 */
export const calendarDate = (example: string) =>
  z.string({ required_error: example }).transform((value, ctx) => {
    const parsed = parseCalendarDate(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: calendarDateMessage(parsed.problem, value, example) });
      return z.NEVER;
    }
    return parsed.date;
  });

/** An optional `calendarDate`: blank means none. */
export const optionalCalendarDate = (example: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v : undefined))
    .pipe(calendarDate(example).optional());

/**
 * A wall-clock date and time as `datetime-local` sends it ("2027-03-31T23:59"), kept without a zone:
 * the model turns it into an instant in the agency's zone. The same calendar and year rules as
 * `calendarDate`.
 */
export const localDateTime = (example: string) =>
  z.string({ required_error: example }).transform((value, ctx) => {
    const day = parseCalendarDate(value.trim().slice(0, 10));
    if (!day.ok && day.problem !== "format") {
      ctx.addIssue({ code: "custom", message: calendarDateMessage(day.problem, value.trim().slice(0, 10), example) });
      return z.NEVER;
    }
    const parsed = parseLocalDateTime(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: example });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * Typed text with bidirectional controls removed (see ~/utils/text): pipe it into the field's own
 * rules, e.g. `plainText("Enter your name.").pipe(z.string().trim().min(1, "Enter your name."))`.
 */
export const plainText = (requiredMessage?: string) =>
  z.string(requiredMessage ? { required_error: requiredMessage } : undefined).transform(stripBidiControls);

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
