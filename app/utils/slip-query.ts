// The /schedule (schedule slips) query's lists, labels and link writing: what a page shows, in a
// module without zod so the browser bundle stays small. ~/schemas/schedule parses the URL.
import { TRAINING_INCLUDE, TRAINING_PARAM } from "./open-record-links";
import type { ProjectQuery } from "./project-query";

export const SLIP_KINDS = ["all", "overdue", "moved", "baselined"] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];
export const SLIP_SORTS = ["slip", "overdue", "moves", "target", "project"] as const;
export type SlipSort = (typeof SLIP_SORTS)[number];

export const SLIP_KIND_LABELS: Record<SlipKind, string> = {
  all: "Moved or overdue",
  overdue: "Overdue (past target, no actual date)",
  moved: "Target moved",
  baselined: "Every milestone with a baseline (moved or not)",
};
export const SLIP_SORT_LABELS: Record<SlipSort, string> = {
  slip: "Days slipped from baseline",
  overdue: "Days overdue",
  moves: "Number of moves",
  target: "Current target",
  project: "Project",
};
export const DEFAULT_DIR: Record<SlipSort, "asc" | "desc"> = {
  slip: "desc",
  overdue: "desc",
  moves: "desc",
  target: "asc",
  project: "asc",
};

export const SLIP_PAGE_SIZE = 50;

/** The /projects filters a slip query keeps. */
export const SLIP_FILTER_FIELDS = ["q", "state", "commodity", "stage", "status", "leadAgency"] as const;

export type SlipQuery = {
  kind: SlipKind;
  sort: SlipSort;
  dir: "asc" | "desc";
  /** The year of the baseline: the rows behind one bar of the "slips over time" charts. */
  baselineYear?: number;
  page: number;
  /** The /projects filters; its sort, page and schedule fields are not used here. */
  projects: ProjectQuery;
  /**
   * `include_training=true`: list the demo's fictional training project too. Left out by default,
   * on the page and in its CSV alike, as in the agency statistics and every open-data export: the
   * count is quoted as a fact about real reviews.
   */
  includeTraining: boolean;
};

/** The URL search string for a slip query, defaults left out so shared links stay short. */
export function slipQueryToSearch(query: SlipQuery, changes: Partial<Omit<SlipQuery, "projects">> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const field of SLIP_FILTER_FIELDS) {
    const value = next.projects[field];
    if (value) params.set(field, String(value));
  }
  if (next.kind !== "all") params.set("kind", next.kind);
  if (next.sort !== "slip") params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIR[next.sort]) params.set("dir", next.dir);
  if (next.baselineYear !== undefined) params.set("baselineYear", String(next.baselineYear));
  if (next.includeTraining) params.set(TRAINING_PARAM, TRAINING_INCLUDE);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
