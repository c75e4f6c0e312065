// A project's record as it stood at the end of a past day (?as_of=YYYY-MM-DD), rebuilt from the
// history Lodestone keeps: stage transitions (stage and status), target date changes (each
// milestone's target then), actual dates, pauses, and comment periods with their deadline changes.
//
// "The end of the day" is midnight after it in the lead agency's zone (UTC without one), the zone
// the project's events are shown in. What the history does not hold is listed in CANNOT_RECONSTRUCT
// and shown on the page; nothing is guessed.
import type { DatePrecision, ProjectStatus } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { addUtcDays, isoCalendarDate, isoDay, projectTimeZone } from "~/utils/dates";
import { zonedLocalToUtc } from "~/utils/zoned-time";
import { milestoneStatus, periodEnd, periodStart, projectScheduleStatus, type ScheduleStatus } from "./schedule";
import { stageLabel } from "./workflow";

export const CANNOT_RECONSTRUCT = [
  "The project's name, description, minerals, location, website and company are shown as they are today: edits to them are kept in the audit trail, which is not public.",
  "The lead and cooperating agencies and the review track are today's.",
  "Milestones are today's list: when a milestone imported from the public record was first scheduled is not known, so one may appear here before it was announced. Its baseline date never changes.",
  "Documents, permit packages, information requests, environmental reviews and comment counts are not rebuilt; open today's page for them.",
];

export type AsOfMilestone = {
  id: string;
  name: string;
  responsible: string | null;
  precision: DatePrecision;
  baselineDate: string | null;
  /** The target then: the last change recorded by the cutoff, or the first change's previous date. */
  targetDate: string | null;
  /** Set only if it had happened by then (its period ended by the day). */
  actualDate: string | null;
  /** The actual date's month or year contains the day: whether it had happened yet is not known. */
  actualUncertain: boolean;
  status: ScheduleStatus;
  /** Target changes recorded after the day (they are not in this view). */
  laterChanges: number;
};

export type AsOfPeriod = {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  state: "open" | "closed";
};

export type ProjectAsOf = {
  asOf: string;
  cutoff: string;
  timeZone: string;
  project: { slug: string; name: string; leadAgency: { name: string } | null; isTraining: boolean };
  /** Null when no stage transition had been recorded by then. */
  stage: {
    label: string;
    status: ProjectStatus;
    since: string;
    sincePrecision: DatePrecision | null;
    uncertain: boolean;
  } | null;
  paused: boolean;
  schedule: ScheduleStatus;
  milestones: AsOfMilestone[];
  periods: AsOfPeriod[];
};

/** Midnight after `day` in `timeZone`: everything recorded before it belongs to the view. */
export function endOfDay(day: Date, timeZone: string): Date {
  const next = addUtcDays(day, 1);
  return zonedLocalToUtc(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

export async function projectAsOf(slug: string, day: Date): Promise<ProjectAsOf | null> {
  const project = await prisma.project.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      isTraining: true,
      reviewTrack: true,
      leadAgency: { select: { name: true, timeZone: true } },
      stageTransitions: {
        orderBy: { occurredAt: "asc" },
        select: { toStage: true, toStatus: true, occurredAt: true, occurredAtPrecision: true },
      },
      pauses: { select: { startedAt: true, liftedAt: true } },
      milestones: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          name: true,
          authority: true,
          agency: { select: { name: true } },
          baselineDate: true,
          targetDate: true,
          actualDate: true,
          datePrecision: true,
          dateChanges: {
            orderBy: { changedAt: "asc" },
            select: { changedAt: true, previousDate: true, newDate: true },
          },
        },
      },
      commentPeriods: {
        orderBy: { opensAt: "asc" },
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          timeZone: true,
          changes: {
            orderBy: { changedAt: "asc" },
            select: { changedAt: true, previousClosesAt: true, newClosesAt: true },
          },
        },
      },
    },
  });
  if (!project) return null;
  const timeZone = projectTimeZone(project);
  const cutoff = endOfDay(day, timeZone);
  const before = (instant: Date) => instant.getTime() < cutoff.getTime();

  const transitions = project.stageTransitions.filter((t) => before(t.occurredAt));
  const last = transitions[transitions.length - 1];
  const status = last?.toStatus ?? "IN_PROGRESS";
  const paused =
    status === "PAUSED" || project.pauses.some((p) => before(p.startedAt) && (!p.liftedAt || !before(p.liftedAt)));

  const milestones: AsOfMilestone[] = project.milestones.map((m) => {
    const known = m.dateChanges.filter((c) => before(c.changedAt));
    const later = m.dateChanges.filter((c) => !before(c.changedAt));
    const target =
      known.length > 0 ? known[known.length - 1].newDate : later.length > 0 ? later[0].previousDate : m.targetDate;
    const happened = m.actualDate !== null && periodEnd(m.actualDate, m.datePrecision).getTime() <= day.getTime();
    const uncertain =
      m.actualDate !== null && !happened && periodStart(m.actualDate, m.datePrecision).getTime() <= day.getTime();
    const dates = {
      baselineDate: m.baselineDate,
      targetDate: target,
      actualDate: happened ? m.actualDate : null,
      datePrecision: m.datePrecision,
    };
    return {
      id: m.id,
      name: m.name,
      responsible: m.agency?.name ?? m.authority ?? null,
      precision: m.datePrecision,
      baselineDate: m.baselineDate ? isoDay(m.baselineDate) : null,
      targetDate: target ? isoDay(target) : null,
      actualDate: dates.actualDate ? isoDay(dates.actualDate) : null,
      actualUncertain: uncertain,
      status: milestoneStatus(dates, { today: day, projectPaused: paused }),
      laterChanges: later.length,
    };
  });
  const asDates = milestones.map((m) => ({
    baselineDate: m.baselineDate ? new Date(m.baselineDate) : null,
    targetDate: m.targetDate ? new Date(m.targetDate) : null,
    actualDate: m.actualDate ? new Date(m.actualDate) : null,
    datePrecision: m.precision,
  }));

  const periods: AsOfPeriod[] = project.commentPeriods
    .filter((p) => before(p.opensAt))
    .map((p) => {
      const known = p.changes.filter((c) => before(c.changedAt));
      const later = p.changes.filter((c) => !before(c.changedAt));
      const closesAt =
        known.length > 0
          ? known[known.length - 1].newClosesAt
          : later.length > 0
            ? later[0].previousClosesAt
            : p.closesAt;
      return {
        id: p.id,
        title: p.title,
        opensAt: p.opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        timeZone: p.timeZone,
        state: before(closesAt) ? "closed" : "open",
      };
    });

  return {
    asOf: isoDay(day),
    cutoff: cutoff.toISOString(),
    timeZone,
    project: { slug: project.slug, name: project.name, leadAgency: project.leadAgency, isTraining: project.isTraining },
    stage: last
      ? {
          label: stageLabel(project.reviewTrack, last.toStage),
          status,
          since: last.occurredAtPrecision
            ? isoCalendarDate(last.occurredAt, last.occurredAtPrecision)
            : last.occurredAt.toISOString(),
          sincePrecision: last.occurredAtPrecision,
          // A move known only to its month or year, in the month or year of the day: it may not have happened yet.
          uncertain:
            last.occurredAtPrecision !== null &&
            last.occurredAtPrecision !== "DAY" &&
            periodEnd(last.occurredAt, last.occurredAtPrecision).getTime() > day.getTime(),
        }
      : null,
    paused,
    schedule: projectScheduleStatus(asDates, { today: day, projectStatus: paused ? "PAUSED" : status }),
    milestones,
    periods,
  };
}
