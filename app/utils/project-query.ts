// The public project list's query: its fields, defaults and how it is written into an address.
// Pure and without zod, so the list page and the subscribe links can use it in the browser
// without loading the validation library; the server parses a URL into a query with the zod
// schema in ~/schemas/project-search (which re-exports everything here).
import type { ProjectStatus } from "@prisma/client";
import type { ScheduleStatus } from "~/models/schedule";
import { PROJECT_STATUS_LABELS, REVIEW_TRACKS } from "~/models/workflow";
import type { US_STATES } from "~/utils/places";

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

/** A query as the server parsed it: every filter valid or absent, sort and page always set. */
export type ProjectQuery = {
  q: string;
  state?: (typeof US_STATES)[number];
  commodity?: string;
  stage?: string;
  status?: ProjectStatus;
  leadAgency?: string;
  schedule?: (typeof SCHEDULE_FILTERS)[number];
  sort: ProjectSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
};

/** The query's fields in the order they are written into an address. */
export const PROJECT_QUERY_FIELDS = [
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
] as const satisfies readonly (keyof ProjectQuery)[];

/** What an address without a query means (a unit test checks it against the schema's parse of one). */
export const DEFAULT_PROJECT_QUERY: ProjectQuery = {
  q: "",
  sort: "name",
  dir: DEFAULT_DIRECTION.name,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

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

/** A search string from field values, leaving out empty fields and defaults so shared links stay short. */
function searchOf(values: Partial<Record<keyof ProjectQuery, string | number>>, sort: string): string {
  const params = new URLSearchParams();
  for (const field of PROJECT_QUERY_FIELDS) {
    const value = values[field];
    if (value === undefined || value === "") continue;
    if (field === "dir" ? value === DEFAULT_DIRECTION[sort as ProjectSort] : value === DEFAULT_PROJECT_QUERY[field]) {
      continue;
    }
    params.set(field, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The URL search string for a query, leaving out defaults so shared links stay short. */
export function projectQueryToSearch(query: ProjectQuery, changes: Partial<ProjectQuery> = {}): string {
  const next = { ...query, ...changes };
  return searchOf(next, next.sort);
}

/**
 * The address of a submitted filter form, back on the first page, as short as
 * `projectQueryToSearch` would write it. The form's controls only offer valid values; whatever
 * else arrives (a hand-edited page) the server's parse still drops, so this one need not.
 */
export function filterFormSearch(form: URLSearchParams): string {
  const values: Partial<Record<keyof ProjectQuery, string | number>> = {};
  for (const field of PROJECT_QUERY_FIELDS) values[field] = (form.get(field) ?? "").replace(/\s+/g, " ").trim();
  const sort = PROJECT_SORTS.find((s) => s === values.sort) ?? DEFAULT_PROJECT_QUERY.sort;
  return searchOf({ ...values, sort, page: 1, pageSize: Number(values.pageSize) || DEFAULT_PAGE_SIZE }, sort);
}
