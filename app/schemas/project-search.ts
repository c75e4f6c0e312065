// The public project list's query, read from the URL so that a shared view opens as it was sent.
// Every field falls back to its default on its own: a link with a stale or hand-edited filter
// (an old stage key, page=abc, pageSize=5000) must still render a list, never a 400.
import type { ProjectStatus } from "@prisma/client";
import { z } from "zod";
import type { ScheduleStatus } from "~/models/schedule";
import { PROJECT_STATUS_LABELS, REVIEW_TRACKS } from "~/models/workflow";
import { US_STATES } from "./project";

export const PROJECT_SORTS = ["name", "updated", "stage", "schedule"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** The direction a sort takes when the URL names none: the order a reader expects first. */
export const DEFAULT_DIRECTION: Record<ProjectSort, SortDirection> = {
  name: "asc",
  updated: "desc",
  stage: "desc",
  // Descending puts the projects furthest behind schedule first.
  schedule: "desc",
};

export const SCHEDULE_FILTERS = [
  "on_track",
  "delayed",
  "at_risk",
  "missed",
  "paused",
  "complete",
] as const satisfies readonly ScheduleStatus[];

export const PROJECT_STATUSES = Object.keys(PROJECT_STATUS_LABELS) as [ProjectStatus, ...ProjectStatus[]];

/** Every stage key of every review track (shared keys such as pre_application once). */
export const STAGE_KEYS = [
  ...new Set(Object.values(REVIEW_TRACKS).flatMap((track) => track.stages.map((stage) => stage.key))),
] as [string, ...string[]];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
// Bounds the OFFSET a hand-made URL can ask the database for; the model clamps to the last page.
export const MAX_PAGE = 10_000;
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
  .transform((v) => ({ ...v, dir: v.dir ?? DEFAULT_DIRECTION[v.sort] }));

export type ProjectQuery = z.output<typeof projectQuerySchema>;

const FIELDS = [
  "q",
  "state",
  "commodity",
  "stage",
  "status",
  "leadAgency",
  "schedule",
  "sort",
  "dir",
  "page",
  "pageSize",
] as const;

export function parseProjectQuery(params: URLSearchParams): ProjectQuery {
  // The first value wins when a key repeats, as it does for a form field.
  const raw = Object.fromEntries(FIELDS.map((field) => [field, params.get(field) ?? undefined]));
  return projectQuerySchema.parse(raw);
}

export const DEFAULT_PROJECT_QUERY: ProjectQuery = parseProjectQuery(new URLSearchParams());

/** Filters that narrow the list (search included), for "Clear filters" and the empty state. */
export function hasFilters(query: ProjectQuery): boolean {
  return Boolean(
    query.q || query.state || query.commodity || query.stage || query.status || query.leadAgency || query.schedule,
  );
}

/** The filters behind the disclosure on the project list (the search box stands outside it). */
export const FILTER_FIELDS = ["state", "commodity", "stage", "status", "schedule", "leadAgency"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The filters a query sets, in the order the form shows them: the disclosure's summary counts them. */
export function activeFilters(query: ProjectQuery): FilterField[] {
  return FILTER_FIELDS.filter((field) => Boolean(query[field]));
}

/** The URL search string for a query, leaving out defaults so shared links stay short. */
export function projectQueryToSearch(query: ProjectQuery, changes: Partial<ProjectQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = next[field];
    if (value === undefined || value === "") continue;
    if (field === "dir" && value === DEFAULT_DIRECTION[next.sort]) continue;
    if (value === DEFAULT_PROJECT_QUERY[field] && field !== "dir") continue;
    params.set(field, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
