// The /schedule (schedule slips) query, read from the URL: the /projects filters (q, state,
// commodity, stage, status, leadAgency) plus what to list and how to order it. Like the project
// query, every field falls back on its own: a stale link renders a list, never a 400.
// The lists, labels and link writing a page shows live in ~/utils/slip-query (no zod in the browser).
import { z } from "zod";
import { includesTraining } from "~/utils/open-record-links";
import { DEFAULT_DIR, SLIP_FILTER_FIELDS, SLIP_KINDS, SLIP_SORTS, type SlipQuery } from "~/utils/slip-query";
import { parseProjectQuery } from "./project-search";

export {
  SLIP_KIND_LABELS,
  SLIP_KINDS,
  SLIP_PAGE_SIZE,
  SLIP_SORT_LABELS,
  SLIP_SORTS,
  slipQueryToSearch,
  type SlipKind,
  type SlipQuery,
  type SlipSort,
} from "~/utils/slip-query";

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

export function parseSlipQuery(params: URLSearchParams): SlipQuery {
  const own = slipSchema.parse({
    kind: params.get("kind") ?? undefined,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
    baselineYear: params.get("baselineYear") || undefined,
    page: params.get("page") ?? undefined,
  });
  const filters = new URLSearchParams();
  for (const field of SLIP_FILTER_FIELDS) {
    const value = params.get(field);
    if (value) filters.set(field, value);
  }
  return {
    ...own,
    projects: { ...parseProjectQuery(filters), schedule: undefined },
    includeTraining: includesTraining(params),
  };
}
