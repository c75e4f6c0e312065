// The public project list's query, read from the URL so that a shared view opens as it was sent.
// Every field falls back to its default on its own: a link with a stale or hand-edited filter
// (an old stage key, page=abc, pageSize=5000) must still render a list, never a 400.
// The query's shape, defaults and URL writing are in ~/utils/project-query (no zod: the list page
// and the subscribe links use them in the browser); the parse is here, on the server.
import { z } from "zod";
import {
  DEFAULT_DIRECTION,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  PROJECT_QUERY_FIELDS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  SCHEDULE_FILTERS,
  STAGE_KEYS,
  type ProjectQuery,
} from "~/utils/project-query";
import { US_STATES } from "~/utils/places";

export * from "~/utils/project-query";

const MAX_QUERY_LENGTH = 100;

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);

const wholeNumber = (fallback: number, min: number, max: number) =>
  z.coerce
    .number()
    .int()
    .catch(fallback)
    .transform((n) => (n < min ? fallback : Math.min(n, max)));

export const projectQuerySchema = z
  .object({
    q: z
      .string()
      .catch("")
      .transform((v) => v.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH)),
    state: optional(z.string().trim().toUpperCase().pipe(z.enum(US_STATES))),
    // Commodities are stored lower-cased (see app/schemas/project.ts).
    commodity: optional(z.string().trim().toLowerCase().min(1).max(40)),
    stage: optional(z.enum(STAGE_KEYS)),
    status: optional(z.enum(PROJECT_STATUSES)),
    leadAgency: optional(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,100}$/),
    ),
    schedule: optional(z.enum(SCHEDULE_FILTERS)),
    sort: z.enum(PROJECT_SORTS).catch("name"),
    dir: optional(z.enum(["asc", "desc"])),
    page: wholeNumber(1, 1, MAX_PAGE),
    pageSize: wholeNumber(DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  })
  .transform((v): ProjectQuery => ({ ...v, dir: v.dir ?? DEFAULT_DIRECTION[v.sort] }));

export function parseProjectQuery(params: URLSearchParams): ProjectQuery {
  // The first value wins when a key repeats, as it does for a form field.
  const raw = Object.fromEntries(PROJECT_QUERY_FIELDS.map((field) => [field, params.get(field) ?? undefined]));
  return projectQuerySchema.parse(raw);
}
