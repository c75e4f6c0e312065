// The /schedule (schedule slips) query, read from the URL: the /projects filters (q, state,
// commodity, stage, status, leadAgency) plus what to list and how to order it. Like the project
// query, every field falls back on its own: a stale link renders a list, never a 400.
import { z } from "zod";
import { includesTraining, TRAINING_INCLUDE, TRAINING_PARAM } from "~/utils/open-record-links";
import { parseProjectQuery, type ProjectQuery } from "./project-search";

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
const DEFAULT_DIR: Record<SlipSort, "asc" | "desc"> = {
  slip: "desc",
  overdue: "desc",
  moves: "desc",
  target: "asc",
  project: "asc",
};

export const SLIP_PAGE_SIZE = 50;

const slipSchema = z
  .object({
    kind: z.enum(SLIP_KINDS).catch("all"),
    sort: z.enum(SLIP_SORTS).catch("slip"),
    dir: z.enum(["asc", "desc"]).optional().catch(undefined),
    // The year of the baseline: the rows behind one bar of the "slips over time" charts.
    baselineYear: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
    page: z.coerce
      .number()
      .int()
      .catch(1)
      .transform((n) => Math.min(Math.max(n, 1), 10_000)),
  })
  .transform((v) => ({ ...v, dir: v.dir ?? DEFAULT_DIR[v.sort] }));

export type SlipQuery = z.output<typeof slipSchema> & {
  /** The /projects filters; its sort, page and schedule fields are not used here. */
  projects: ProjectQuery;
  /**
   * `include_training=true`: list the demo's fictional training project too. Left out by default,
   * on the page and in its CSV alike, as in the agency statistics and every open-data export: the
   * count is quoted as a fact about real reviews.
   */
  includeTraining: boolean;
};

const FILTER_FIELDS = ["q", "state", "commodity", "stage", "status", "leadAgency"] as const;

export function parseSlipQuery(params: URLSearchParams): SlipQuery {
  const own = slipSchema.parse({
    kind: params.get("kind") ?? undefined,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
    baselineYear: params.get("baselineYear") || undefined,
    page: params.get("page") ?? undefined,
  });
  const filters = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = params.get(field);
    if (value) filters.set(field, value);
  }
  return {
    ...own,
    projects: { ...parseProjectQuery(filters), schedule: undefined },
    includeTraining: includesTraining(params),
  };
}

/** The URL search string for a slip query, defaults left out so shared links stay short. */
export function slipQueryToSearch(query: SlipQuery, changes: Partial<Omit<SlipQuery, "projects">> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
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
