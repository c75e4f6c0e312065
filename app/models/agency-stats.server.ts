// Agency track records (/agencies, /agencies/{slug}): per lead agency, state or commodity, the
// number of reviews, days from notice of intent to decision and from application to decision
// (median and IQR, or the values themselves when there are too few), the share of milestones met
// on their first target, the average slip, reviews past the statutory deadline, and days with the
// agency vs the applicant from the review clock. The fictional training project is left out.
//
// Definitions (docs/decisions/0019-monitoring-desk.md):
// - notice of intent and decision: the milestones marked NOTICE_OF_INTENT and DECISION
//   (Milestone.statutoryRole), their actual dates, each read at the first day of its period;
// - application: the earliest of the first package submission in Lodestone and the actual date of a
//   milestone keyed "plan_submitted" (how the public record names it);
// - a durations' dates known only to the month or year make the figure approximate (flagged).
//
// Each project's figures are precomputed (track-facts.server.ts, decision 0028); this module brings
// the stale ones up to date, then aggregates in SQL: counts and sums, percentile_cont for the
// median and quartiles (linear interpolation between closest ranks, the same as quantile() in
// agency-stats.ts), and the review clock and statutory deadline finished for `today`.
import { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { isoDay } from "~/utils/dates";
import { MIN_CASES_FOR_SUMMARY, type Summary } from "./agency-stats";
import { refreshTrackFacts } from "./track-facts.server";

export type GroupBy = "agency" | "state" | "commodity";

/** The track record of every review together (the /agencies charts), beside the groups. */
export const ALL_KEY = "all";

type ProjectRef = { slug: string; name: string };
export type Duration = ProjectRef & { days: number; approximate: boolean };

export type TrackRecord = {
  key: string;
  label: string;
  /** How many reviews (projects) the group holds. */
  reviews: number;
  /** The projects themselves, by name; null when not asked for (detail "summary"). */
  projects: ProjectRef[] | null;
  /** items: every case by days, or with detail "summary" only when there are too few for a median. */
  noiToDecision: Summary & { items: Duration[] };
  applicationToDecision: Summary & { items: Duration[] };
  firstTarget: { met: number; of: number };
  slip: { mean: number | null; n: number };
  /** Slip per year of the baseline (for the "slips over time" chart). */
  slipByYear: { year: number; mean: number; n: number }[];
  pastDeadline: { statutory: ProjectRef[]; reference: ProjectRef[] };
  desk: { agencyDays: number; applicantDays: number; projects: number };
};

export type TrackRecordOptions = {
  /** "full" (default): every project and case; "summary": what the /agencies table shows. */
  detail?: "full" | "summary";
};

type Grouping = GroupBy | typeof ALL_KEY;

type AggregateRow = {
  key: string;
  label: string;
  reviews: number;
  projects: ProjectRef[] | null;
  noiN: number;
  noiMedian: number | null;
  noiQ1: number | null;
  noiQ3: number | null;
  noiMin: number | null;
  noiMax: number | null;
  noiItems: Duration[] | null;
  appN: number;
  appMedian: number | null;
  appQ1: number | null;
  appQ3: number | null;
  appMin: number | null;
  appMax: number | null;
  appItems: Duration[] | null;
  met: number;
  judged: number;
  pastStatutory: ProjectRef[] | null;
  pastReference: ProjectRef[] | null;
  agencyDays: number;
  applicantDays: number;
  deskProjects: number;
};

/** The group key and label of a project row `p` (with `la` its lead agency, `c` a mineral). */
function groupSql(by: Grouping) {
  switch (by) {
    case "agency":
      return {
        from: Prisma.sql`JOIN "Organization" la ON la.id = p."leadAgencyId"`,
        key: Prisma.sql`la.slug`,
        label: Prisma.sql`coalesce(la.name, la.slug)`,
      };
    case "state":
      return { from: Prisma.empty, key: Prisma.sql`p.state`, label: Prisma.sql`p.state` };
    case "commodity":
      return {
        from: Prisma.sql`CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.commodities) AS c) c`,
        key: Prisma.sql`c.c`,
        label: Prisma.sql`c.c`,
      };
    case ALL_KEY:
      return { from: Prisma.empty, key: Prisma.sql`${ALL_KEY}::text`, label: Prisma.sql`'All reviews'::text` };
  }
}

/**
 * Projects (not training) with their group: one row per project and group (a project with two
 * minerals is in both). With a filter, only that group's projects; grouped the same way, only
 * that group (the overall record of the filtered projects otherwise).
 */
function groupedProjects(by: Grouping, filter: { by: GroupBy; only: string } | null) {
  const g = groupSql(by);
  let where = Prisma.empty;
  if (filter && filter.by === by) where = Prisma.sql`AND ${g.key} = ${filter.only}`;
  else if (filter?.by === "commodity") where = Prisma.sql`AND p.commodities @> ARRAY[${filter.only}::text]`;
  else if (filter?.by === "state") where = Prisma.sql`AND p.state = ${filter.only}`;
  else if (filter?.by === "agency") {
    where = Prisma.sql`AND EXISTS (SELECT 1 FROM "Organization" fa WHERE fa.id = p."leadAgencyId" AND fa.slug = ${filter.only})`;
  }
  return Prisma.sql`SELECT p.id, p.slug, p.name, ${g.key} AS key, ${g.label} AS label
    FROM "Project" p ${g.from}
    WHERE NOT p."isTraining" ${where}`;
}

const ref = Prisma.sql`json_build_object('slug', g.slug, 'name', g.name)`;

function aggregateSql(by: Grouping, filter: { by: GroupBy; only: string } | null, today: Date, full: boolean) {
  const day = Prisma.sql`${isoDay(today)}::date`;
  const missed = Prisma.sql`(f."clockOutcome" = 'missed'
    OR (f."clockOutcome" IS NULL AND f."clockBasis" IS NOT NULL AND f."clockDeadlineEnd" < ${day}))`;
  const cases = (column: string, approximate: string, n: string) => {
    const items = Prisma.sql`json_agg(json_build_object('slug', g.slug, 'name', g.name, 'days', f.${Prisma.raw(`"${column}"`)},
        'approximate', f.${Prisma.raw(`"${approximate}"`)}) ORDER BY f.${Prisma.raw(`"${column}"`)}, g.name, g.slug)
      FILTER (WHERE f.${Prisma.raw(`"${column}"`)} IS NOT NULL)`;
    return full ? items : Prisma.sql`CASE WHEN ${Prisma.raw(n)} < ${MIN_CASES_FOR_SUMMARY}::int THEN ${items} END`;
  };
  const stats = (column: string, prefix: string) => {
    const c = Prisma.raw(`f."${column}"`);
    return Prisma.sql`count(${c})::int AS ${Prisma.raw(`"${prefix}N"`)},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${c}) AS ${Prisma.raw(`"${prefix}Median"`)},
      percentile_cont(0.25) WITHIN GROUP (ORDER BY ${c}) AS ${Prisma.raw(`"${prefix}Q1"`)},
      percentile_cont(0.75) WITHIN GROUP (ORDER BY ${c}) AS ${Prisma.raw(`"${prefix}Q3"`)},
      min(${c}) AS ${Prisma.raw(`"${prefix}Min"`)}, max(${c}) AS ${Prisma.raw(`"${prefix}Max"`)}`;
  };
  return Prisma.sql`
    WITH g AS (${groupedProjects(by, filter)}),
    d AS (
      SELECT g.id,
        f."deskAgencyDays" + f."deskAgencySlope" * (${day} - f."deskBase") AS agency,
        f."deskApplicantDays" + f."deskApplicantSlope" * (${day} - f."deskBase") AS applicant
      FROM "ProjectTrackFacts" f JOIN (SELECT DISTINCT id FROM g) g ON g.id = f."projectId"
      WHERE f."deskCounted"
    )
    SELECT g.key, g.label, count(*)::int AS reviews,
      ${full ? Prisma.sql`json_agg(${ref} ORDER BY g.name, g.slug)` : Prisma.sql`NULL::json`} AS projects,
      ${stats("noiDays", "noi")}, ${cases("noiDays", "noiApproximate", `count(f."noiDays")`)} AS "noiItems",
      ${stats("applicationDays", "app")},
      ${cases("applicationDays", "applicationApproximate", `count(f."applicationDays")`)} AS "appItems",
      coalesce(sum(f."firstTargetMet"), 0)::int AS met, coalesce(sum(f."firstTargetJudged"), 0)::int AS judged,
      json_agg(${ref} ORDER BY g.name, g.slug) FILTER (WHERE ${missed} AND f."clockBasis" = 'statutory') AS "pastStatutory",
      json_agg(${ref} ORDER BY g.name, g.slug) FILTER (WHERE ${missed} AND f."clockBasis" = 'reference') AS "pastReference",
      coalesce(sum(d.agency) FILTER (WHERE d.agency + d.applicant > 0), 0)::float8 AS "agencyDays",
      coalesce(sum(d.applicant) FILTER (WHERE d.agency + d.applicant > 0), 0)::float8 AS "applicantDays",
      count(d.id) FILTER (WHERE d.agency + d.applicant > 0)::int AS "deskProjects"
    FROM g JOIN "ProjectTrackFacts" f ON f."projectId" = g.id
    LEFT JOIN d ON d.id = g.id
    GROUP BY g.key, g.label`;
}

function slipYearsSql(by: Grouping, filter: { by: GroupBy; only: string } | null) {
  return Prisma.sql`
    WITH g AS (${groupedProjects(by, filter)})
    SELECT g.key, y.year, sum(y."slipSum")::float8 AS sum, sum(y."slipCount")::int AS n
    FROM g JOIN "ProjectSlipYear" y ON y."projectId" = g.id
    GROUP BY g.key, y.year ORDER BY g.key, y.year`;
}

function summary(
  n: number,
  median: number | null,
  q1: number | null,
  q3: number | null,
  min: number | null,
  max: number | null,
): Summary {
  if (n === 0) return { n, median: null, q1: null, q3: null, min: null, max: null };
  const enough = n >= MIN_CASES_FOR_SUMMARY;
  return { n, median: enough ? median : null, q1: enough ? q1 : null, q3: enough ? q3 : null, min, max };
}

async function aggregate(
  by: Grouping,
  filter: { by: GroupBy; only: string } | null,
  today: Date,
  full: boolean,
): Promise<TrackRecord[]> {
  const [rows, years] = await Promise.all([
    prisma.$queryRaw<AggregateRow[]>(aggregateSql(by, filter, today, full)),
    prisma.$queryRaw<{ key: string; year: number; sum: number; n: number }[]>(slipYearsSql(by, filter)),
  ]);
  const yearsOf = new Map<string, { year: number; sum: number; n: number }[]>();
  for (const y of years) {
    const list = yearsOf.get(y.key);
    if (list) list.push(y);
    else yearsOf.set(y.key, [y]);
  }
  return rows.map((r) => {
    const slipYears = yearsOf.get(r.key) ?? [];
    const slipN = slipYears.reduce((total, y) => total + y.n, 0);
    const slipSum = slipYears.reduce((total, y) => total + y.sum, 0);
    return {
      key: r.key,
      label: r.label,
      reviews: r.reviews,
      projects: r.projects,
      noiToDecision: {
        ...summary(r.noiN, r.noiMedian, r.noiQ1, r.noiQ3, r.noiMin, r.noiMax),
        items: r.noiItems ?? [],
      },
      applicationToDecision: {
        ...summary(r.appN, r.appMedian, r.appQ1, r.appQ3, r.appMin, r.appMax),
        items: r.appItems ?? [],
      },
      firstTarget: { met: r.met, of: r.judged },
      slip: { mean: slipN ? slipSum / slipN : null, n: slipN },
      slipByYear: slipYears.map((y) => ({ year: y.year, mean: y.sum / y.n, n: y.n })),
      pastDeadline: { statutory: r.pastStatutory ?? [], reference: r.pastReference ?? [] },
      desk: { agencyDays: r.agencyDays, applicantDays: r.applicantDays, projects: r.deskProjects },
    };
  });
}

const byReviews = (a: TrackRecord, b: TrackRecord) => b.reviews - a.reviews || a.label.localeCompare(b.label);

/**
 * Every track record for one grouping (only the group `only`, when given), ordered by the number of
 * reviews, then the label.
 */
export async function loadTrackRecords(
  today: Date,
  by: GroupBy,
  only?: string,
  options: TrackRecordOptions = {},
): Promise<TrackRecord[]> {
  await refreshTrackFacts(today);
  const filter = only === undefined ? null : { by, only };
  return (await aggregate(by, filter, today, options.detail !== "summary")).sort(byReviews);
}

/**
 * The track records of one grouping and the record of every review together (null when there is
 * none): what /agencies shows.
 */
export async function loadTrackRecordsWithOverall(
  today: Date,
  by: GroupBy,
  only?: string,
  options: TrackRecordOptions = {},
): Promise<{ records: TrackRecord[]; overall: TrackRecord | null }> {
  await refreshTrackFacts(today);
  const filter = only === undefined ? null : { by, only };
  const full = options.detail !== "summary";
  const [records, [overall]] = await Promise.all([
    aggregate(by, filter, today, full),
    aggregate(ALL_KEY, filter, today, full),
  ]);
  return { records: records.sort(byReviews), overall: overall ?? null };
}
