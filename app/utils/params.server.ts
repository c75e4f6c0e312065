// Route params are typed by the URL, not by us: an id param holding a dot, a tilde or a space
// names no record, so it is a 404 before it can reach a query or a storage key.
import { ID_PATTERN } from "~/schemas/fields";
import { notFound } from "~/utils/http.server";

/** The id in `params[name]`, or a thrown 404 saying what was not found. */
export function requireIdParam(params: Record<string, string | undefined>, name: string, what: string): string {
  const value = params[name];
  if (value === undefined || !ID_PATTERN.test(value)) throw notFound(`There is no ${what} at this address.`);
  return value;
}
