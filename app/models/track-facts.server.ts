// The agency track records' per-project figures, kept in ProjectTrackFacts and ProjectSlipYear so
// /agencies, /agencies/{slug} and /agencies.csv aggregate them in SQL (agency-stats.server.ts)
// instead of recomputing every project's statutory and review clocks on each request
// (docs/decisions/0028-desk-precomputed.md).
//
// How the figures stay right:
// - Triggers mark a project stale (TrackFactsStale) in the transaction of every change to what its
//   figures read: its milestones and their date changes, packages and their versions, information
//   requests and their responses, stage transitions, statutory extensions, and its own status or
//   review track (migration 20261202133325_track_facts). Nothing that writes those rows escapes,
//   raw SQL and createMany included.
// - refreshTrackFacts, called before every aggregation, recomputes the stale projects with the
//   same pure rules the project pages use (statutoryClock, computeClock, metFirstTarget, slipDays)
//   and clears only the marks it saw (by their seq), so a change committed while it computed keeps
//   its mark for the next read. A reader therefore never aggregates a figure older than the record.
// - Figures that move with the calendar are stored so the SQL finishes them for the day asked:
//   the statutory deadline's last day (a running clock is missed once it has passed), and the
//   review clock's days as a value on deskBase plus a slope per day. That is exact from deskFrom on,
//   the first day after every date of the project's clock record (before then, an answer or a
//   decision dated in the future could still change the arithmetic). A row computed on a day before
//   its deskFrom holds for that day only; read on another day (or read for a day before deskFrom),
//   it is recomputed for that day.
// - Projects with no row (a database filled past the triggers) are computed like stale ones.
import { Prisma, type DatePrecision } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { utcDayNumber, utcDaysBetween, addUtcDays, isoDay } from "~/utils/dates";
import { metFirstTarget } from "./agency-stats";
import {
  clockFromInput,
  projectClockInputs,
  type ProjectClockInput,
} from "./information-requests/information-request-reads.server";
import { periodEnd, periodStart, slipDays } from "./schedule";
import { loadStatutoryClocks } from "./statutory-clock.server";

/** Projects recomputed per batch: bounds memory and the length of the writing transaction. */
const BATCH = 2000;

type MilestoneRow = {
  projectId: string;
  key: string;
  statutoryRole: string | null;
  baselineDate: Date | null;
  targetDate: Date | null;
  actualDate: Date | null;
  datePrecision: DatePrecision;
  firstRecordedTarget: Date | null;
  moves: number;
};

export type TrackFacts = {
  projectId: string;
  noiDays: number | null;
  noiApproximate: boolean;
  applicationDays: number | null;
  applicationApproximate: boolean;
  firstTargetMet: number;
  firstTargetJudged: number;
  clockBasis: "statutory" | "reference" | null;
  clockOutcome: "met" | "missed" | "undetermined" | null;
  clockDeadlineEnd: Date | null;
  deskCounted: boolean;
  deskBase: Date | null;
  deskFrom: Date | null;
  deskAgencyDays: number;
  deskApplicantDays: number;
  deskAgencySlope: number;
  deskApplicantSlope: number;
  slipYears: { year: number; sum: number; count: number }[];
};

type Dated = { date: Date; precision: DatePrecision };

function earliest(dates: Dated[]): Dated | undefined {
  return dates.sort(
    (a, b) => periodStart(a.date, a.precision).getTime() - periodStart(b.date, b.precision).getTime(),
  )[0];
}

/** Days between two dates each read at the first day of its period; null when negative. */
function duration(from: Dated | undefined, to: Dated | undefined) {
  if (!from || !to) return { days: null, approximate: false };
  const days = utcDaysBetween(periodStart(from.date, from.precision), periodStart(to.date, to.precision));
  if (days < 0) return { days: null, approximate: false };
  return { days, approximate: from.precision !== "DAY" || to.precision !== "DAY" };
}

/**
 * The first UTC midnight at or after every instant of a review clock's record. From that day on,
 * computeClock is affine in the day: nothing starts, ends or stops later, so each further day
 * goes wholly to the applicant (some request still open) or to the agency, or to nobody (stopped).
 */
function deskFromDay(input: ProjectClockInput): Date | null {
  if (!input.startedAt) return null;
  const instants = [input.startedAt, input.stoppedAt, ...input.applicantIntervals.flatMap((i) => [i.start, i.end])]
    .filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()))
    .map((d) => d.getTime());
  const latest = Math.max(...instants);
  const day = utcDayNumber(new Date(latest));
  return addUtcDays(new Date(0), latest % 86_400_000 === 0 ? day : day + 1);
}

/** The review clock's stored form for `today` (see the header). */
function deskFacts(input: ProjectClockInput | undefined, today: Date) {
  const none = {
    deskCounted: false,
    deskBase: null,
    deskFrom: null,
    deskAgencyDays: 0,
    deskApplicantDays: 0,
    deskAgencySlope: 0,
    deskApplicantSlope: 0,
  };
  if (!input) return none;
  const now = clockFromInput(input, today);
  const from = deskFromDay(input);
  // No clock started: zero days, the same every day.
  if (!from) return { ...none, deskCounted: true, deskBase: today };
  // Before `from` the figure is exact for `today` only (slopes 0; the reader recomputes it on another day).
  const next = from <= today ? clockFromInput(input, addUtcDays(today, 1)) : now;
  return {
    deskCounted: true,
    deskBase: today,
    deskFrom: from,
    deskAgencyDays: now.agencyDays,
    deskApplicantDays: now.applicantDays,
    deskAgencySlope: next.agencyDays - now.agencyDays,
    deskApplicantSlope: next.applicantDays - now.applicantDays,
  };
}

/** Computes the figures of `ids` (projects that no longer exist are left out of the result). */
export async function computeTrackFacts(ids: string[], today: Date): Promise<TrackFacts[]> {
  if (ids.length === 0) return [];
  const [projects, milestones, clocks] = await Promise.all([
    prisma.$queryRaw<{ id: string; firstSubmission: Date | null; hasClockRecord: boolean }[]>(Prisma.sql`
      SELECT p.id,
        (SELECT min(v."submittedAt") FROM "PackageVersion" v JOIN "PermitPackage" k ON k.id = v."packageId"
          WHERE k."projectId" = p.id) AS "firstSubmission",
        (EXISTS (SELECT 1 FROM "InformationRequest" r WHERE r."projectId" = p.id)
          OR EXISTS (SELECT 1 FROM "PermitPackage" k WHERE k."projectId" = p.id)) AS "hasClockRecord"
      FROM "Project" p WHERE p.id = ANY(${ids}::text[])`),
    prisma.$queryRaw<MilestoneRow[]>(Prisma.sql`
      SELECT m."projectId", m.key, m."statutoryRole"::text AS "statutoryRole", m."baselineDate", m."targetDate",
        m."actualDate", m."datePrecision", ch.first AS "firstRecordedTarget", coalesce(ch.moves, 0)::int AS moves
      FROM "Milestone" m
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS moves, (array_agg(c."previousDate" ORDER BY c."changedAt"))[1] AS first
        FROM "MilestoneDateChange" c WHERE c."milestoneId" = m.id
      ) ch ON true
      WHERE m."projectId" = ANY(${ids}::text[])`),
    loadStatutoryClocks(today, { id: { in: ids } }),
  ]);
  const byProject = new Map<string, MilestoneRow[]>();
  for (const m of milestones) {
    const list = byProject.get(m.projectId);
    if (list) list.push(m);
    else byProject.set(m.projectId, [m]);
  }
  const clockOf = new Map(clocks.map((c) => [c.project.id, c.clock] as const));
  const deskInputs = await projectClockInputs(projects.filter((p) => p.hasClockRecord).map((p) => p.id));

  return projects.map((p) => {
    const ms = byProject.get(p.id) ?? [];
    const dated = (keep: (m: MilestoneRow) => boolean) =>
      ms
        .filter((m) => keep(m) && m.actualDate)
        .map((m) => ({ date: m.actualDate as Date, precision: m.datePrecision }));
    const start = earliest(dated((m) => m.statutoryRole === "NOTICE_OF_INTENT"));
    const decision = earliest(dated((m) => m.statutoryRole === "DECISION"));
    const application = earliest([
      ...(p.firstSubmission ? [{ date: periodStart(p.firstSubmission, "DAY"), precision: "DAY" as const }] : []),
      ...dated((m) => m.key === "plan_submitted"),
    ]);
    const noi = duration(start, decision);
    const app = duration(application, decision);

    let met = 0;
    let judged = 0;
    const years = new Map<number, { sum: number; count: number }>();
    for (const m of ms) {
      const ok = metFirstTarget(m);
      if (ok !== null) {
        judged += 1;
        if (ok) met += 1;
      }
      const slip = slipDays(m);
      if (slip !== null && m.baselineDate) {
        const year = m.baselineDate.getUTCFullYear();
        const entry = years.get(year) ?? { sum: 0, count: 0 };
        entry.sum += slip;
        entry.count += 1;
        years.set(year, entry);
      }
    }

    const clock = clockOf.get(p.id);
    const started = clock && clock.state !== "not_started" ? clock : null;
    return {
      projectId: p.id,
      noiDays: noi.days,
      noiApproximate: noi.approximate,
      applicationDays: app.days,
      applicationApproximate: app.approximate,
      firstTargetMet: met,
      firstTargetJudged: judged,
      clockBasis: started ? started.basis : null,
      clockOutcome: started?.decision ? (started.state as "met" | "missed" | "undetermined") : null,
      clockDeadlineEnd: started ? periodEnd(started.deadline, started.deadlinePrecision) : null,
      ...deskFacts(deskInputs.get(p.id), today),
      slipYears: [...years].map(([year, { sum, count }]) => ({ year, sum, count })),
    };
  });
}

const day = (d: Date | null) => (d ? isoDay(d) : null);

/** Replaces the stored figures of `keep` with `facts` (rows of projects not in `facts` are dropped). */
async function writeFacts(tx: Prisma.TransactionClient, keep: string[], facts: TrackFacts[]) {
  await tx.$executeRaw`DELETE FROM "ProjectTrackFacts" WHERE "projectId" = ANY(${keep}::text[])`;
  await tx.$executeRaw`DELETE FROM "ProjectSlipYear" WHERE "projectId" = ANY(${keep}::text[])`;
  if (facts.length === 0) return;
  const col = <T>(pick: (f: TrackFacts) => T) => facts.map(pick);
  await tx.$executeRaw`
    INSERT INTO "ProjectTrackFacts" ("projectId", "noiDays", "noiApproximate", "applicationDays",
      "applicationApproximate", "firstTargetMet", "firstTargetJudged", "clockBasis", "clockOutcome",
      "clockDeadlineEnd", "deskCounted", "deskBase", "deskFrom", "deskAgencyDays", "deskApplicantDays",
      "deskAgencySlope", "deskApplicantSlope")
    SELECT * FROM unnest(${col((f) => f.projectId)}::text[], ${col((f) => f.noiDays)}::int[],
      ${col((f) => f.noiApproximate)}::boolean[], ${col((f) => f.applicationDays)}::int[],
      ${col((f) => f.applicationApproximate)}::boolean[], ${col((f) => f.firstTargetMet)}::int[],
      ${col((f) => f.firstTargetJudged)}::int[], ${col((f) => f.clockBasis)}::text[],
      ${col((f) => f.clockOutcome)}::text[], ${col((f) => day(f.clockDeadlineEnd))}::date[],
      ${col((f) => f.deskCounted)}::boolean[], ${col((f) => day(f.deskBase))}::date[],
      ${col((f) => day(f.deskFrom))}::date[], ${col((f) => f.deskAgencyDays)}::int[],
      ${col((f) => f.deskApplicantDays)}::int[], ${col((f) => f.deskAgencySlope)}::int[],
      ${col((f) => f.deskApplicantSlope)}::int[])`;
  const years = facts.flatMap((f) => f.slipYears.map((y) => ({ projectId: f.projectId, ...y })));
  if (years.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ProjectSlipYear" ("projectId", year, "slipSum", "slipCount")
    SELECT * FROM unnest(${years.map((y) => y.projectId)}::text[], ${years.map((y) => y.year)}::int[],
      ${years.map((y) => y.sum)}::int[], ${years.map((y) => y.count)}::int[])`;
}

/**
 * Brings every project's figures up to date for `today`: the stale ones, those with no row, and
 * those whose review clock cannot be extrapolated to `today`. Returns how many were recomputed.
 */
export async function refreshTrackFacts(today: Date): Promise<number> {
  const todaySql = Prisma.sql`${isoDay(today)}::date`;
  await prisma.$executeRaw`
    INSERT INTO "TrackFactsStale" ("projectId")
    SELECT p.id FROM "Project" p
      WHERE NOT EXISTS (SELECT 1 FROM "ProjectTrackFacts" f WHERE f."projectId" = p.id)
    UNION
    SELECT f."projectId" FROM "ProjectTrackFacts" f
      WHERE (f."deskFrom" > ${todaySql} OR f."deskBase" < f."deskFrom") AND f."deskBase" <> ${todaySql}
    ON CONFLICT ("projectId") DO NOTHING`;
  const marks = await prisma.$queryRaw<{ projectId: string; seq: bigint }[]>`
    SELECT "projectId", seq FROM "TrackFactsStale" ORDER BY "projectId"`;
  let done = 0;
  for (let i = 0; i < marks.length; i += BATCH) {
    const batch = marks.slice(i, i + BATCH);
    const facts = await computeTrackFacts(
      batch.map((m) => m.projectId),
      today,
    );
    done += await prisma.$transaction(async (tx) => {
      // Only the marks this refresh saw: one made since (a newer seq) stays for the next read.
      const cleared = await tx.$queryRaw<{ projectId: string }[]>`
        DELETE FROM "TrackFactsStale" s
        USING unnest(${batch.map((m) => m.projectId)}::text[], ${batch.map((m) => m.seq.toString())}::bigint[])
          AS seen(id, seq)
        WHERE s."projectId" = seen.id AND s.seq = seen.seq
        RETURNING s."projectId"`;
      const keep = cleared.map((c) => c.projectId);
      const kept = new Set(keep);
      await writeFacts(
        tx,
        keep,
        facts.filter((f) => kept.has(f.projectId)),
      );
      return keep.length;
    });
  }
  return done;
}
