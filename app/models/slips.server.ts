// Schedule slips across projects (/schedule and its CSV): every milestone whose target moved (a
// recorded date change, or a target or actual date at another period than its baseline) or passed
// with no actual date (isOverdue), with days slipped from the baseline, the number of moves, the
// reasons given and whom the reasons put the delay on.
//
// One SQL statement per page, like /projects: the period-end arithmetic of app/models/schedule.ts
// (periodEnd, slipDays, isOverdue) is written once more in SQL below, and the integration test
// checks every row against the TypeScript rule. Filters are the /projects filters (conditions()).
import { Prisma, type DateChangeReason, type DatePrecision, type ProjectStatus } from "@prisma/client";
import { prisma } from "~/services/db.server";
import type { SlipQuery } from "~/schemas/schedule";
import { SLIP_PAGE_SIZE } from "~/schemas/schedule";
import { isoDay } from "~/utils/dates";
import { conditions } from "./project-search.server";

/** Whom a move's reason puts the delay on (the Permitting Dashboard's reason codes). */
export type Responsibility = "applicant" | "agency" | "other";
export const REASON_RESPONSIBILITY: Record<DateChangeReason, Responsibility> = {
  SPONSOR_FACTORS: "applicant",
  ADDITIONAL_ANALYSIS: "agency",
  CONSULTATION: "agency",
  POLICY_CHANGE: "agency",
  LITIGATION: "other",
  DATA_CORRECTION: "other",
  PROJECT_PAUSE: "other",
};
export const RESPONSIBILITY_LABELS: Record<Responsibility | "both" | "none", string> = {
  applicant: "Applicant",
  agency: "Agency",
  both: "Agency and applicant",
  other: "Neither (court, pause or correction)",
  none: "No reason recorded",
};

export function responsibilityOf(reasons: DateChangeReason[]): Responsibility | "both" | "none" {
  if (reasons.length === 0) return "none";
  const sides = new Set(reasons.map((r) => REASON_RESPONSIBILITY[r]));
  if (sides.has("applicant") && sides.has("agency")) return "both";
  if (sides.has("applicant")) return "applicant";
  if (sides.has("agency")) return "agency";
  return "other";
}

export type SlipRow = {
  milestoneId: string;
  milestoneName: string;
  projectSlug: string;
  projectName: string;
  projectStatus: ProjectStatus;
  isTraining: boolean;
  state: string;
  leadAgencyName: string | null;
  leadAgencySlug: string | null;
  /** The milestone's responsible agency or authority, as recorded. */
  responsible: string | null;
  baselineDate: Date | null;
  targetDate: Date | null;
  actualDate: Date | null;
  datePrecision: DatePrecision;
  /** Days from the baseline's period end to the actual's (or target's); null without a baseline. */
  slipDays: number | null;
  moves: number;
  reasons: DateChangeReason[];
  /** Narratives of the moves, newest first (public text from the change history). */
  narratives: string[];
  /** Days since the target's period ended, for an overdue milestone; null otherwise. */
  overdueDays: number | null;
};

/** The last day of the period a date stands for, in SQL (mirrors periodEnd). */
function periodEndSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE m."datePrecision"
    WHEN 'YEAR' THEN (date_trunc('year', ${column}::timestamp) + interval '1 year - 1 day')::date
    WHEN 'MONTH' THEN (date_trunc('month', ${column}::timestamp) + interval '1 month - 1 day')::date
    ELSE ${column} END)`;
}

/**
 * The slips of the milestones matching the query, as a CTE body (shared by the page, the CSV and
 * the bench); `only` restricts it to those milestones (the CSV's batches).
 */
function slipsCte(query: SlipQuery, today: Date, only?: string[]): Prisma.Sql {
  const todaySql = Prisma.sql`${isoDay(today)}::date`;
  const targetEnd = periodEndSql(Prisma.sql`m."targetDate"`);
  const kind =
    query.kind === "overdue"
      ? Prisma.sql`s."overdueDays" IS NOT NULL`
      : query.kind === "moved"
        ? Prisma.sql`(s.moves > 0 OR s."slipDays" <> 0)`
        : query.kind === "baselined"
          ? Prisma.sql`s."slipDays" IS NOT NULL`
          : Prisma.sql`(s.moves > 0 OR s."slipDays" <> 0 OR s."overdueDays" IS NOT NULL)`;
  const year =
    query.baselineYear === undefined
      ? Prisma.empty
      : Prisma.sql`AND m."baselineDate" >= make_date(${query.baselineYear}::int, 1, 1)
          AND m."baselineDate" < make_date(${query.baselineYear + 1}::int, 1, 1)`;
  return Prisma.sql`s AS (
    SELECT m.id AS "milestoneId", m.name AS "milestoneName", p.slug AS "projectSlug", p.name AS "projectName",
      p.status AS "projectStatus", p."isTraining", p.state, la.name AS "leadAgencyName", la.slug AS "leadAgencySlug",
      coalesce(ra.name, m.authority) AS responsible, m."baselineDate", m."targetDate", m."actualDate", m."datePrecision",
      (${periodEndSql(Prisma.sql`coalesce(m."actualDate", m."targetDate")`)} - ${periodEndSql(Prisma.sql`m."baselineDate"`)})
        AS "slipDays",
      coalesce(ch.moves, 0)::int AS moves, coalesce(ch.reasons, ARRAY[]::text[]) AS reasons,
      coalesce(ch.narratives, ARRAY[]::text[]) AS narratives,
      (CASE WHEN m."actualDate" IS NULL AND m."targetDate" IS NOT NULL AND ${targetEnd} < ${todaySql}
        THEN ${todaySql} - ${targetEnd} END) AS "overdueDays"
    FROM "Milestone" m
    JOIN "Project" p ON p.id = m."projectId"
    LEFT JOIN "Organization" la ON la.id = p."leadAgencyId"
    LEFT JOIN "Organization" ra ON ra.id = m."agencyId"
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS moves, array_agg(DISTINCT c.reason::text) AS reasons,
        array_agg(c.narrative ORDER BY c."changedAt" DESC) AS narratives
      FROM "MilestoneDateChange" c WHERE c."milestoneId" = m.id
    ) ch ON true
    WHERE ${conditions(query.projects)} ${year}
      ${query.includeTraining ? Prisma.empty : Prisma.sql`AND NOT p."isTraining"`}
      ${only ? Prisma.sql`AND m.id = ANY(${only}::text[])` : Prisma.empty}
  ), slips AS (SELECT * FROM s WHERE ${kind})`;
}

function orderBy(query: SlipQuery): Prisma.Sql {
  const dir = Prisma.raw(query.dir === "desc" ? "DESC" : "ASC");
  // NULLS LAST either way: a row without the figure belongs at the end of a list sorted by it.
  switch (query.sort) {
    case "slip":
      return Prisma.sql`"slipDays" ${dir} NULLS LAST`;
    case "overdue":
      return Prisma.sql`"overdueDays" ${dir} NULLS LAST`;
    case "moves":
      return Prisma.sql`moves ${dir}`;
    case "target":
      return Prisma.sql`"targetDate" ${dir} NULLS LAST`;
    case "project":
      return Prisma.sql`lower("projectName") ${dir}`;
  }
}

/** One page of slips; exported so the benchmark EXPLAINs exactly what runs. */
export function slipPageSql(query: SlipQuery, today: Date, limit: number | null = SLIP_PAGE_SIZE): Prisma.Sql {
  const page = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}::int OFFSET ${(query.page - 1) * limit}::int`;
  return Prisma.sql`WITH ${slipsCte(query, today)}
    SELECT (SELECT count(*)::int FROM slips) AS total, slips.* FROM slips
    ORDER BY ${orderBy(query)}, lower("projectName"), "milestoneName", "milestoneId" ${page}`;
}

type Row = SlipRow & { total: number };

export async function listSlips(query: SlipQuery, today: Date) {
  const rows = await prisma.$queryRaw<Row[]>(slipPageSql(query, today));
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / SLIP_PAGE_SIZE)),
  };
}

/**
 * Every slip for the query, in the page's order, for the CSV: one statement orders the milestone
 * ids (the only time the whole list is computed), then rows are read by id 1,000 at a time. Paging
 * the full statement by OFFSET recomputed and re-sorted the whole list for every page (quadratic:
 * 24.6 s at 10,000 projects); keyset paging on the computed sort keys would still compute the
 * whole list per page. A milestone that stops matching between the two reads is left out.
 */
export async function* allSlips(query: SlipQuery, today: Date): AsyncGenerator<SlipRow> {
  const chunk = 1000;
  const order = await prisma.$queryRaw<{ milestoneId: string }[]>(Prisma.sql`WITH ${slipsCte(query, today)}
    SELECT "milestoneId" FROM slips
    ORDER BY ${orderBy(query)}, lower("projectName"), "milestoneName", "milestoneId"`);
  for (let i = 0; i < order.length; i += chunk) {
    const ids = order.slice(i, i + chunk).map((r) => r.milestoneId);
    const rows = await prisma.$queryRaw<SlipRow[]>(Prisma.sql`WITH ${slipsCte(query, today, ids)}
      SELECT * FROM slips`);
    const byId = new Map(rows.map((r) => [r.milestoneId, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}
