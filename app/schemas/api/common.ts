// Shapes shared by every read-API response: pages, problems, dates with their precision.
import { z } from "./zod";

/** Items per page: a page size, not a depth (any number of pages may be read). */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;

export const Instant = z.string().datetime().openapi({ description: "An exact instant, ISO 8601 in UTC." });

export const DatePrecisionSchema = z
  .enum(["DAY", "MONTH", "YEAR"])
  .openapi("DatePrecision", { description: "How precisely the source states a date: a day, a month or only a year." });

export const CalendarDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .openapi({
    description:
      'A calendar date written to its precision (ISO 8601 reduced precision): "2026-03-14", "2026-03" or "2026".',
  });

export const Url = z.string().url();

/** A page of a collection: the items in a stable order and the link to the next page, if any. */
export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      next: Url.nullable().openapi({
        description: "The next page (same filters, same limit), or null on the last page. Follow it as given.",
      }),
    })
    .openapi(name);
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi("Problem", { description: "An error, as RFC 9457 problem details (application/problem+json)." });

export const OrganizationRef = z.object({ name: z.string(), slug: z.string() }).openapi("OrganizationRef");
