// The public project list: search, filters, sort and one page in a single SQL statement, each
// project's schedule status computed in the database by the rules of app/models/schedule.ts.
//
// Raw SQL because this is the busiest page and the schedule roll-up is an aggregate the Prisma
// query builder cannot express: filtering or sorting on it would mean loading every project's
// milestones into Node. Every value reaches PostgreSQL as a bind parameter (Prisma.sql).
import { Prisma, type DatePrecision, type ProjectStatus, type ReviewTrack } from "@prisma/client";
import { prisma } from "~/services/db.server";
import type { ProjectQuery } from "~/schemas/project-search";
import { addUtcDays, isoDay } from "~/utils/dates";
import { AT_RISK_WINDOW_DAYS, periodStart, type ScheduleStatus } from "./schedule";
import { REVIEW_TRACKS, isStageOf, stageLabel, stagePosition } from "./workflow";

export type ProjectListItem = {
  slug: string;
  name: string;
  state: string;
  county: string;
  commodities: string[];
  reviewTrack: ReviewTrack;
  currentStage: string;
  stageLabel: string;
  stagePosition: { index: number; of: number };
  status: ProjectStatus;
  /** The demo's fictional training project: badged as such in every list. */
  isTraining: boolean;
  schedule: ScheduleStatus;
  /** Zero means "no milestones recorded": show that rather than an "on track" badge. */
  milestoneCount: number;
  company: { name: string };
  leadAgency: { name: string; slug: string } | null;
  updatedAt: string;
};

export type ProjectSearchResult = {
  projects: ProjectListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

export type ProjectFilterOptions = {
  states: string[];
  commodities: string[];
  leadAgencies: { id: string; slug: string; name: string }[];
  stages: { key: string; label: string }[];
};

// ───────────── Schedule status in SQL ─────────────

// Each milestone gets a code: 0 complete, 1 on track, 2 delayed, 3 at risk, 4 missed, in the
// precedence of milestoneStatus(). `max()` over a project's codes is its worst one; complete is
// the lowest, so a max of 0 means every milestone is complete, and NULL means none are recorded.
// Paused is decided per project, before the milestones, as projectScheduleStatus() does.

/** Sort position of a project's schedule: descending puts the projects furthest behind first. */
export const SCHEDULE_ORDER = [
  "complete",
  "on_track",
  "paused",
  "delayed",
  "at_risk",
  "missed",
] as const satisfies readonly ScheduleStatus[];

/** The first day of the period containing `day`, for the milestone's own precision. */
function periodStartOf(day: Date): Prisma.Sql {
  const start = (precision: DatePrecision) => isoDay(periodStart(day, precision));
  return Prisma.sql`(CASE m."datePrecision"
    WHEN 'YEAR' THEN ${start("YEAR")}::date WHEN 'MONTH' THEN ${start("MONTH")}::date ELSE ${start("DAY")}::date END)`;
}

function truncated(column: Prisma.Sql): Prisma.Sql {
  // Cast to timestamp (without zone) so the session's time zone cannot shift the day.
  return Prisma.sql`(CASE m."datePrecision"
    WHEN 'YEAR' THEN date_trunc('year', ${column}::timestamp) WHEN 'MONTH' THEN date_trunc('month', ${column}::timestamp)
    ELSE ${column}::timestamp END)`;
}

/**
 * The rules of milestoneStatus(), rewritten so that each row is compared with constants instead
 * of computing its period end: a period ends before day D exactly when it starts before the
 * period containing D. So "periodEnd(target) < today" is "target < periodStart(today)", and
 * "periodEnd(target) - today <= 30" is "target < periodStart(today + 31 days)". Ends of two
 * periods of the same precision compare as their starts do, which decides "delayed".
 */
function worstMilestone(today: Date): Prisma.Sql {
  const day = periodStart(today, "DAY");
  const atRiskUntil = addUtcDays(day, AT_RISK_WINDOW_DAYS + 1);
  return Prisma.sql`max(CASE
    WHEN m."actualDate" IS NOT NULL THEN 0
    WHEN m."targetDate" IS NULL THEN 1
    WHEN m."targetDate" < ${periodStartOf(day)} THEN 4
    WHEN m."targetDate" < ${periodStartOf(atRiskUntil)} THEN 3
    WHEN m."baselineDate" IS NOT NULL
      AND ${truncated(Prisma.sql`m."targetDate"`)} > ${truncated(Prisma.sql`m."baselineDate"`)} THEN 2
    ELSE 1
  END)`;
}

/**
 * `ms.worst` and `ms.milestone_count` for each project row. Filtering or sorting on the schedule
 * needs them for every project: one pass over all milestones, grouped, measured 2-3x faster on
 * 1,000 projects than an index lookup per project. A page of 25 rows takes the lookups.
 */
function milestoneRollup(today: Date, form: "grouped" | "lateral"): Prisma.Sql {
  const worst = worstMilestone(today);
  return form === "grouped"
    ? Prisma.sql`LEFT JOIN (
        SELECT m."projectId", count(*)::int AS milestone_count, ${worst} AS worst
        FROM "Milestone" m GROUP BY m."projectId"
      ) ms ON ms."projectId" = p.id`
    : Prisma.sql`LEFT JOIN LATERAL (
        SELECT count(*)::int AS milestone_count, ${worst} AS worst FROM "Milestone" m WHERE m."projectId" = p.id
      ) ms ON true`;
}

/** Index into SCHEDULE_ORDER, from the project status and its worst milestone code. */
const scheduleOrder = Prisma.sql`(CASE
  WHEN p.status = 'PAUSED' THEN 2
  WHEN ms.worst = 0 AND p.status IN ('APPROVED', 'DENIED', 'WITHDRAWN') THEN 0
  WHEN ms.worst IS NULL OR ms.worst <= 1 THEN 1
  ELSE ms.worst + 1
END)`;

// ───────────── Stage progress ─────────────

/**
 * How far through its own track a stage is (position / number of stages), so that sorting by
 * stage puts both tracks' last stage, permits issued, at the same end. Unknown keys count as 0.
 */
function stageProgress(track: ReviewTrack, key: string): number {
  const { index, of } = stagePosition(track, key);
  return index / of;
}

const STAGE_ROWS = (Object.keys(REVIEW_TRACKS) as ReviewTrack[]).flatMap((track) =>
  REVIEW_TRACKS[track].stages.map((stage) => ({ track, key: stage.key, progress: stageProgress(track, stage.key) })),
);

const stageProgressJoin = Prisma.sql`LEFT JOIN (VALUES ${Prisma.join(
  STAGE_ROWS.map((row) => Prisma.sql`(${row.track}::text, ${row.key}::text, ${row.progress}::float8)`),
)}) AS stage_progress(track, key, progress)
  ON stage_progress.track = p."reviewTrack"::text AND stage_progress.key = p."currentStage"`;

/**
 * Stage keys in reading order for the stage filter: the EIS track, with the stages only the EA
 * track has placed before the next stage both share (permits issued).
 */
const STAGE_OPTION_ORDER: string[] = (() => {
  const order = REVIEW_TRACKS.EIS.stages.map((stage) => stage.key);
  let pending: string[] = [];
  for (const { key } of REVIEW_TRACKS.EA.stages) {
    if (!order.includes(key)) pending.push(key);
    else if (pending.length > 0) {
      order.splice(order.indexOf(key), 0, ...pending);
      pending = [];
    }
  }
  return [...order, ...pending];
})();

// ───────────── The query ─────────────

/** `%`, `_` and `\` in what a person typed are literal characters, not LIKE wildcards. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE of the /projects filters on `p` ("Project"), shared by /schedule and /agencies. */
export function conditions(query: ProjectQuery): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  // Every word must appear in the name, the company's name or a commodity ("lithium nevada").
  for (const term of query.q.split(" ").filter(Boolean).slice(0, 6)) {
    const pattern = containsPattern(term);
    where.push(Prisma.sql`(p.name ILIKE ${pattern}
      OR array_to_string(p.commodities, ' ') ILIKE ${pattern}
      OR p."companyId" IN (SELECT o.id FROM "Organization" o WHERE o.name ILIKE ${pattern}))`);
  }
  if (query.state) where.push(Prisma.sql`p.state = ${query.state}`);
  if (query.commodity) where.push(Prisma.sql`p.commodities @> ARRAY[${query.commodity}::text]`);
  if (query.stage) where.push(Prisma.sql`p."currentStage" = ${query.stage}`);
  if (query.status) where.push(Prisma.sql`p.status = ${query.status}::"ProjectStatus"`);
  if (query.leadAgency) {
    where.push(Prisma.sql`p."leadAgencyId" = (SELECT o.id FROM "Organization" o WHERE o.slug = ${query.leadAgency})`);
  }
  if (query.schedule) where.push(Prisma.sql`${scheduleOrder} = ${SCHEDULE_ORDER.indexOf(query.schedule)}::int`);
  return where.length ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`;
}

/** What the page is ordered by first; the name, then the id, break ties. */
function sortKey(query: ProjectQuery): Prisma.Sql {
  switch (query.sort) {
    case "updated":
      return Prisma.sql`p."updatedAt"`;
    case "stage":
      return Prisma.sql`coalesce(stage_progress.progress, 0)`;
    case "schedule":
      return scheduleOrder;
    case "name":
      return Prisma.sql`lower(p.name)`;
  }
}

/** FROM and WHERE of the projects matching the query, with the joins its filter and sort need. */
function matching(query: ProjectQuery, today: Date): Prisma.Sql {
  const needsSchedule = query.schedule !== undefined || query.sort === "schedule";
  return Prisma.sql`FROM "Project" p
    ${needsSchedule ? milestoneRollup(today, "grouped") : Prisma.empty}
    ${query.sort === "stage" ? stageProgressJoin : Prisma.empty}
    WHERE ${conditions(query)}`;
}

/**
 * The statement for one page; exported so the benchmark can EXPLAIN exactly what runs.
 *
 * The matches are listed once (with their sort keys) and used twice: counted, and cut to one page
 * by a top-N sort, which keeps only a page in memory instead of sorting every match. The page's
 * ids travel in an array so that their order is kept (unnest ... WITH ORDINALITY); only those
 * rows are joined to their company and agency and have their milestones rolled up for display.
 */
export function projectPageSql(query: ProjectQuery, today: Date, page = query.page): Prisma.Sql {
  // The direction is one of two constants chosen from a validated value, never user text.
  const dir = Prisma.raw(query.dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`WITH matches AS (
    SELECT p.id, ${sortKey(query)} AS sort_key, lower(p.name) AS sort_name
    ${matching(query, today)}
  )
  SELECT (SELECT count(*)::int FROM matches) AS total, p.slug, p.name, p.state, p.county, p.commodities,
    p."reviewTrack", p."currentStage", p.status, p."isTraining", p."updatedAt", c.name AS "companyName",
    la.name AS "leadAgencyName", la.slug AS "leadAgencySlug", ms.milestone_count AS "milestoneCount",
    ${scheduleOrder} AS "scheduleOrder"
  FROM unnest(ARRAY(
    SELECT matches.id FROM matches
    ORDER BY matches.sort_key ${dir}, matches.sort_name, matches.id
    LIMIT ${query.pageSize}::int OFFSET ${(page - 1) * query.pageSize}::int
  )) WITH ORDINALITY AS page(id, position)
  JOIN "Project" p ON p.id = page.id
  JOIN "Organization" c ON c.id = p."companyId"
  LEFT JOIN "Organization" la ON la.id = p."leadAgencyId"
  ${milestoneRollup(today, "lateral")}
  ORDER BY page.position`;
}

type PageRow = {
  total: number;
  slug: string;
  name: string;
  state: string;
  county: string;
  commodities: string[];
  reviewTrack: ReviewTrack;
  currentStage: string;
  status: ProjectStatus;
  isTraining: boolean;
  updatedAt: Date;
  companyName: string;
  leadAgencyName: string | null;
  leadAgencySlug: string | null;
  milestoneCount: number;
  scheduleOrder: number;
};

function toListItem(row: PageRow): ProjectListItem {
  return {
    slug: row.slug,
    name: row.name,
    state: row.state,
    county: row.county,
    commodities: row.commodities,
    reviewTrack: row.reviewTrack,
    currentStage: row.currentStage,
    stageLabel: stageLabel(row.reviewTrack, row.currentStage),
    stagePosition: stagePosition(row.reviewTrack, row.currentStage),
    status: row.status,
    isTraining: row.isTraining,
    schedule: SCHEDULE_ORDER[row.scheduleOrder],
    milestoneCount: row.milestoneCount,
    company: { name: row.companyName },
    leadAgency:
      row.leadAgencyName !== null && row.leadAgencySlug !== null
        ? { name: row.leadAgencyName, slug: row.leadAgencySlug }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * One page of the public project list. `today` is judged by its UTC calendar day, as everywhere
 * else the schedule is shown. A page past the end answers with the last page.
 */
export async function searchProjects(query: ProjectQuery, today: Date): Promise<ProjectSearchResult> {
  let page = query.page;
  let rows = await prisma.$queryRaw<PageRow[]>(projectPageSql(query, today, page));
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Rare (a stale link after projects were removed, or a hand-edited page number): count, then
    // answer with the last page rather than an empty one that says "0 projects".
    const [count] = await prisma.$queryRaw<{ total: number }[]>(
      Prisma.sql`SELECT count(*)::int AS total ${matching(query, today)}`,
    );
    total = count?.total ?? 0;
    page = Math.max(1, Math.ceil(total / query.pageSize));
    if (total > 0) {
      rows = await prisma.$queryRaw<PageRow[]>(projectPageSql(query, today, page));
      total = rows[0]?.total ?? total;
    }
  }
  return {
    projects: rows.map(toListItem),
    total,
    page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** What the filters can offer: only values some project has, so no choice leads to nothing. */
export async function projectFilterOptions(): Promise<ProjectFilterOptions> {
  const [row] = await prisma.$queryRaw<
    {
      states: string[];
      commodities: string[];
      stages: string[];
      leadAgencies: { id: string; slug: string; name: string }[];
    }[]
  >(Prisma.sql`SELECT
    ARRAY(SELECT DISTINCT p.state FROM "Project" p ORDER BY 1) AS states,
    ARRAY(SELECT DISTINCT c FROM "Project" p, unnest(p.commodities) AS c ORDER BY 1) AS commodities,
    ARRAY(SELECT DISTINCT p."currentStage" FROM "Project" p) AS stages,
    coalesce((SELECT json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name) ORDER BY o.name)
      FROM "Organization" o
      WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p."leadAgencyId" = o.id)), '[]'::json) AS "leadAgencies"`);
  // Keys no track knows (older data) go last, under their raw key, so they can still be chosen.
  const position = (key: string) => (STAGE_OPTION_ORDER.includes(key) ? STAGE_OPTION_ORDER.indexOf(key) : Infinity);
  const label = (key: string) => {
    const track = (Object.keys(REVIEW_TRACKS) as ReviewTrack[]).find((t) => isStageOf(t, key));
    return track ? stageLabel(track, key) : key;
  };
  return {
    states: row?.states ?? [],
    commodities: row?.commodities ?? [],
    leadAgencies: row?.leadAgencies ?? [],
    stages: (row?.stages ?? [])
      .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
      .map((key) => ({ key, label: label(key) })),
  };
}

// ───────────── Keyset reads for the API and open data ─────────────

export type ProjectKeysetOptions = {
  /** The slug of the last project of the previous page; null for the first page. */
  afterSlug: string | null;
  limit: number;
  /** The fictional training project is left out unless asked for (open data rule). */
  includeTraining: boolean;
  /** One project only (the API's project endpoint reads it through the same query). */
  onlySlug?: string;
};

export type ProjectKeysetItem = ProjectListItem & {
  createdAt: string;
  location: { latitude: number; longitude: number } | null;
};

/**
 * Projects matching the /projects filters in slug order, after a slug: the same filters as the
 * page (conditions(), with the schedule roll-up when filtered on), read by keyset so any depth
 * costs the same. `limit + 1` rows come back so the caller knows whether a next page exists.
 */
export function projectKeysetSql(query: ProjectQuery, today: Date, options: ProjectKeysetOptions): Prisma.Sql {
  const extra: Prisma.Sql[] = [];
  if (!options.includeTraining) extra.push(Prisma.sql`NOT p."isTraining"`);
  if (options.afterSlug !== null) extra.push(Prisma.sql`p.slug > ${options.afterSlug}`);
  if (options.onlySlug !== undefined) extra.push(Prisma.sql`p.slug = ${options.onlySlug}`);
  const needsSchedule = query.schedule !== undefined;
  return Prisma.sql`WITH matches AS (
    SELECT p.id, p.slug FROM "Project" p
    ${needsSchedule ? milestoneRollup(today, "grouped") : Prisma.empty}
    WHERE ${conditions(query)} ${extra.length ? Prisma.sql`AND ${Prisma.join(extra, " AND ")}` : Prisma.empty}
    ORDER BY p.slug
    LIMIT ${options.limit + 1}::int
  )
  SELECT 0 AS total, p.slug, p.name, p.state, p.county, p.commodities,
    p."reviewTrack", p."currentStage", p.status, p."isTraining", p."updatedAt", p."createdAt",
    p.latitude::float8 AS latitude, p.longitude::float8 AS longitude, c.name AS "companyName",
    la.name AS "leadAgencyName", la.slug AS "leadAgencySlug", ms.milestone_count AS "milestoneCount",
    ${scheduleOrder} AS "scheduleOrder"
  FROM matches
  JOIN "Project" p ON p.id = matches.id
  JOIN "Organization" c ON c.id = p."companyId"
  LEFT JOIN "Organization" la ON la.id = p."leadAgencyId"
  ${milestoneRollup(today, "lateral")}
  ORDER BY p.slug`;
}

export async function searchProjectsAfter(
  query: ProjectQuery,
  today: Date,
  options: ProjectKeysetOptions,
): Promise<ProjectKeysetItem[]> {
  const rows = await prisma.$queryRaw<
    (PageRow & { createdAt: Date; latitude: number | null; longitude: number | null })[]
  >(projectKeysetSql(query, today, options));
  return rows.map((row) => ({
    ...toListItem(row),
    createdAt: row.createdAt.toISOString(),
    location:
      row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
  }));
}

/**
 * The ids of every project matching the list's search and filters (sort and page aside), for the
 * feeds, calendars and map of a search and for saved searches: the same conditions as the list.
 * In name order, among `within` when given, at most `limit`. The fictional training project only
 * when asked for.
 */
export async function matchingProjectIds(
  query: ProjectQuery,
  today: Date,
  options: { includeTraining?: boolean; within?: string[]; limit?: number } = {},
): Promise<string[]> {
  if (options.within && options.within.length === 0) return [];
  const filters = { ...query, sort: "name" as const };
  const training = options.includeTraining ? Prisma.empty : Prisma.sql`AND NOT p."isTraining"`;
  const within = options.within ? Prisma.sql`AND p.id IN (${Prisma.join(options.within)})` : Prisma.empty;
  const limit = options.limit ? Prisma.sql`LIMIT ${options.limit}::int` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT p.id ${matching(filters, today)} ${training} ${within} ORDER BY lower(p.name), p.id ${limit}`,
  );
  return rows.map((row) => row.id);
}

/**
 * matchingProjectIds for several searches in one statement (a watchlist's saved searches): each
 * search's ids in name order, at most `limit` each, in the order the queries were given.
 */
export async function matchingProjectIdsMany(
  queries: readonly ProjectQuery[],
  today: Date,
  options: { includeTraining?: boolean; limit?: number } = {},
): Promise<string[][]> {
  if (queries.length === 0) return [];
  const training = options.includeTraining ? Prisma.empty : Prisma.sql`AND NOT p."isTraining"`;
  const limit = options.limit ? Prisma.sql`LIMIT ${options.limit}::int` : Prisma.empty;
  const parts = queries.map(
    (query, i) =>
      Prisma.sql`(SELECT ${i}::int AS i, p.id, lower(p.name) AS n ${matching({ ...query, sort: "name" }, today)} ${training}
        ORDER BY lower(p.name), p.id ${limit})`,
  );
  const rows = await prisma.$queryRaw<{ i: number; id: string }[]>(
    Prisma.sql`SELECT i, id FROM (${Prisma.join(parts, " UNION ALL ")}) m ORDER BY i, n, id`,
  );
  const result: string[][] = queries.map(() => []);
  for (const row of rows) result[row.i].push(row.id);
  return result;
}
