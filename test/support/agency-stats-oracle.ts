// The agency track records as they were computed before decision 0028: every project's figures
// recomputed in this process on each call, from the same pure rules. Kept as the test oracle only:
// test/integration/track-facts.test.ts checks that the precomputed, SQL-aggregated figures
// (app/models/agency-stats.server.ts) are identical to these on a varied record and several days.
import { Prisma, type DatePrecision, type ReviewTrack } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { utcDaysBetween } from "~/utils/dates";
import { metFirstTarget, summarize, type Summary } from "~/models/agency-stats";
import { projectClocks } from "~/models/information-requests/information-request-reads.server";
import { periodStart, slipDays } from "~/models/schedule";
import { loadStatutoryClocks } from "~/models/statutory-clock.server";

import type { GroupBy } from "~/models/agency-stats.server";

const ALL_KEY = "all";
type ProjectRef = { slug: string; name: string };
type Duration = ProjectRef & { days: number; approximate: boolean };

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

type OracleRecord = {
  key: string;
  label: string;
  projects: ProjectRef[];
  noiToDecision: Summary & { items: Duration[] };
  applicationToDecision: Summary & { items: Duration[] };
  firstTarget: { met: number; of: number };
  slip: { mean: number | null; n: number };
  slipByYear: { year: number; mean: number; n: number }[];
  pastDeadline: { statutory: ProjectRef[]; reference: ProjectRef[] };
  desk: { agencyDays: number; applicantDays: number; projects: number };
};

type ProjectRow = {
  id: string;
  slug: string;
  name: string;
  state: string;
  commodities: string[];
  reviewTrack: ReviewTrack;
  leadAgencySlug: string | null;
  leadAgencyName: string | null;
  firstSubmission: Date | null;
  hasClockRecord: boolean;
};

function groupsOf(p: ProjectRow, by: GroupBy | typeof ALL_KEY): { key: string; label: string }[] {
  if (by === ALL_KEY) return [{ key: ALL_KEY, label: "All reviews" }];
  if (by === "state") return [{ key: p.state, label: p.state }];
  if (by === "commodity") return p.commodities.map((c) => ({ key: c, label: c }));
  return p.leadAgencySlug ? [{ key: p.leadAgencySlug, label: p.leadAgencyName ?? p.leadAgencySlug }] : [];
}

function earliest(dates: { date: Date; precision: DatePrecision }[]) {
  return dates.sort(
    (a, b) => periodStart(a.date, a.precision).getTime() - periodStart(b.date, b.precision).getTime(),
  )[0];
}

/** Every track record for one grouping, ordered by the number of reviews, then the label. */
export async function oracleTrackRecords(today: Date, by: GroupBy, only?: string): Promise<OracleRecord[]> {
  return (await oracleTrackRecordsWithOverall(today, by, only)).records;
}

/**
 * The track records of one grouping and, from the same reads, the record of every review together
 * (null when there is none): what /agencies shows.
 */
export async function oracleTrackRecordsWithOverall(
  today: Date,
  by: GroupBy,
  only?: string,
): Promise<{ records: OracleRecord[]; overall: OracleRecord | null }> {
  const projects = await prisma.$queryRaw<ProjectRow[]>(Prisma.sql`
    SELECT p.id, p.slug, p.name, p.state, p.commodities, p."reviewTrack", la.slug AS "leadAgencySlug",
      la.name AS "leadAgencyName",
      (SELECT min(v."submittedAt") FROM "PackageVersion" v JOIN "PermitPackage" k ON k.id = v."packageId"
        WHERE k."projectId" = p.id) AS "firstSubmission",
      (EXISTS (SELECT 1 FROM "InformationRequest" r WHERE r."projectId" = p.id)
        OR EXISTS (SELECT 1 FROM "PermitPackage" k WHERE k."projectId" = p.id)) AS "hasClockRecord"
    FROM "Project" p LEFT JOIN "Organization" la ON la.id = p."leadAgencyId"
    WHERE NOT p."isTraining"
      ${only && by === "agency" ? Prisma.sql`AND la.slug = ${only}` : Prisma.empty}
      ${only && by === "state" ? Prisma.sql`AND p.state = ${only}` : Prisma.empty}
      ${only && by === "commodity" ? Prisma.sql`AND p.commodities @> ARRAY[${only}::text]` : Prisma.empty}`);
  if (projects.length === 0) return { records: [], overall: null };
  const ids = projects.map((p) => p.id);
  const milestones = await prisma.$queryRaw<MilestoneRow[]>(Prisma.sql`
    SELECT m."projectId", m.key, m."statutoryRole"::text AS "statutoryRole", m."baselineDate", m."targetDate",
      m."actualDate", m."datePrecision", ch.first AS "firstRecordedTarget", coalesce(ch.moves, 0)::int AS moves
    FROM "Milestone" m
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS moves, (array_agg(c."previousDate" ORDER BY c."changedAt"))[1] AS first
      FROM "MilestoneDateChange" c WHERE c."milestoneId" = m.id
    ) ch ON true
    WHERE m."projectId" = ANY(${ids}::text[])`);
  const byProject = new Map<string, MilestoneRow[]>();
  for (const m of milestones) byProject.set(m.projectId, [...(byProject.get(m.projectId) ?? []), m]);

  const clocks = new Map(
    (await loadStatutoryClocks(today, { id: { in: ids } })).map((c) => [c.project.id, c.clock] as const),
  );
  // The review clock needs each project's request history: one batch for the projects that have one.
  const desks = await projectClocks(
    projects.filter((p) => p.hasClockRecord).map((p) => p.id),
    today,
  );

  const groupBy = (grouping: GroupBy | typeof ALL_KEY) => {
    const groups = new Map<string, { label: string; projects: ProjectRow[] }>();
    for (const p of projects) {
      for (const g of groupsOf(p, grouping)) {
        if (only && grouping !== ALL_KEY && g.key !== only) continue;
        const entry = groups.get(g.key) ?? { label: g.label, projects: [] };
        entry.projects.push(p);
        groups.set(g.key, entry);
      }
    }
    return groups;
  };

  const build = (key: string, group: { label: string; projects: ProjectRow[] }) => {
    const noi: Duration[] = [];
    const app: Duration[] = [];
    let met = 0;
    let judged = 0;
    const slips: number[] = [];
    const yearSlips = new Map<number, number[]>();
    const pastStatutory: ProjectRef[] = [];
    const pastReference: ProjectRef[] = [];
    let agencyDays = 0;
    let applicantDays = 0;
    let deskProjects = 0;
    for (const p of group.projects) {
      const ref = { slug: p.slug, name: p.name };
      const ms = byProject.get(p.id) ?? [];
      const dated = (role: string) =>
        ms
          .filter((m) => m.statutoryRole === role && m.actualDate)
          .map((m) => ({ date: m.actualDate as Date, precision: m.datePrecision }));
      const start = earliest(dated("NOTICE_OF_INTENT"));
      const decision = earliest(dated("DECISION"));
      if (start && decision) {
        const days = utcDaysBetween(
          periodStart(start.date, start.precision),
          periodStart(decision.date, decision.precision),
        );
        if (days >= 0)
          noi.push({ ...ref, days, approximate: start.precision !== "DAY" || decision.precision !== "DAY" });
      }
      const application = earliest([
        ...(p.firstSubmission ? [{ date: periodStart(p.firstSubmission, "DAY"), precision: "DAY" as const }] : []),
        ...ms
          .filter((m) => m.key === "plan_submitted" && m.actualDate)
          .map((m) => ({ date: m.actualDate as Date, precision: m.datePrecision })),
      ]);
      if (application && decision) {
        const days = utcDaysBetween(
          periodStart(application.date, application.precision),
          periodStart(decision.date, decision.precision),
        );
        if (days >= 0) {
          app.push({ ...ref, days, approximate: application.precision !== "DAY" || decision.precision !== "DAY" });
        }
      }
      for (const m of ms) {
        const ok = metFirstTarget(m);
        if (ok !== null) {
          judged += 1;
          if (ok) met += 1;
        }
        const slip = slipDays(m);
        if (slip !== null && m.baselineDate) {
          slips.push(slip);
          const year = m.baselineDate.getUTCFullYear();
          yearSlips.set(year, [...(yearSlips.get(year) ?? []), slip]);
        }
      }
      const clock = clocks.get(p.id);
      if (clock && clock.state === "missed") (clock.basis === "statutory" ? pastStatutory : pastReference).push(ref);
      const desk = desks.get(p.id);
      if (desk && desk.agencyDays + desk.applicantDays > 0) {
        agencyDays += desk.agencyDays;
        applicantDays += desk.applicantDays;
        deskProjects += 1;
      }
    }
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
    return {
      key,
      label: group.label,
      projects: group.projects.map((p) => ({ slug: p.slug, name: p.name })),
      noiToDecision: { ...summarize(noi.map((d) => d.days)), items: noi.sort((a, b) => a.days - b.days) },
      applicationToDecision: { ...summarize(app.map((d) => d.days)), items: app.sort((a, b) => a.days - b.days) },
      firstTarget: { met, of: judged },
      slip: { mean: mean(slips), n: slips.length },
      slipByYear: [...yearSlips.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, values]) => ({ year, mean: mean(values) ?? 0, n: values.length })),
      pastDeadline: { statutory: pastStatutory, reference: pastReference },
      desk: { agencyDays, applicantDays, projects: deskProjects },
    };
  };
  const records = [...groupBy(by)].map(([key, group]) => build(key, group));
  const [overall] = [...groupBy(ALL_KEY)].map(([key, group]) => build(key, group));
  return {
    records: records.sort((a, b) => b.projects.length - a.projects.length || a.label.localeCompare(b.label)),
    overall: overall ?? null,
  };
}
