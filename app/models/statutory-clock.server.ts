// Reading the statutory NEPA clock of one project or of many, and recording its events and
// extensions. The arithmetic is app/models/statutory-clock.ts; this module only gathers the record
// (milestones with a statutory role, extensions, pauses) in three queries however many projects.
import type { Prisma, ProjectStatus, ReviewTrack, StatutoryRole } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import type { ProjectQuery } from "~/schemas/project-search";
import { DomainError } from "./errors.server";
import { periodEnd } from "./schedule";
import { formatCalendarDate, isoDay } from "~/utils/dates";
import { recordEvent } from "./events/record.server";
import { clockView, statutoryClock, type ClockView, type StatutoryClock } from "./statutory-clock";

export type ProjectClock = {
  project: {
    id: string;
    slug: string;
    name: string;
    status: ProjectStatus;
    reviewTrack: ReviewTrack;
    state: string;
    commodities: string[];
    isTraining: boolean;
    leadAgency: { id: string; slug: string; name: string } | null;
  };
  clock: StatutoryClock;
};

/** The clocks of the projects `where` selects (every project when omitted), ordered by name. */
export async function loadStatutoryClocks(today: Date, where: Prisma.ProjectWhereInput = {}): Promise<ProjectClock[]> {
  const projects = await prisma.project.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      reviewTrack: true,
      state: true,
      commodities: true,
      isTraining: true,
      leadAgency: { select: { id: true, slug: true, name: true } },
    },
  });
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);
  // Whole-table reads filtered in the database; `in` on thousands of ids is one bound array.
  const [events, extensions, pauses] = await Promise.all([
    prisma.milestone.findMany({
      where: { projectId: { in: ids }, statutoryRole: { not: null } },
      select: { id: true, projectId: true, name: true, statutoryRole: true, actualDate: true, datePrecision: true },
    }),
    prisma.statutoryExtension.findMany({
      where: { projectId: { in: ids } },
      orderBy: { recordedAt: "asc" },
      select: { id: true, projectId: true, newDeadline: true, reason: true, recordedAt: true, sourceUrl: true },
    }),
    prisma.projectPause.findMany({
      where: { projectId: { in: ids } },
      select: { projectId: true, startedAt: true, liftedAt: true },
    }),
  ]);
  const group = <T extends { projectId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.projectId, [...(map.get(row.projectId) ?? []), row]);
    return map;
  };
  const eventsBy = group(events);
  const extensionsBy = group(extensions);
  const pausesBy = group(pauses);
  return projects.map((project) => ({
    project,
    clock: statutoryClock({
      track: project.reviewTrack,
      today,
      events: (eventsBy.get(project.id) ?? []).map((m) => ({
        milestoneId: m.id,
        name: m.name,
        role: m.statutoryRole as StatutoryRole,
        date: m.actualDate,
        precision: m.datePrecision,
      })),
      extensions: extensionsBy.get(project.id) ?? [],
      pauses: pausesBy.get(project.id) ?? [],
    }),
  }));
}

export async function loadProjectClock(projectId: string, today: Date): Promise<StatutoryClock | null> {
  const [row] = await loadStatutoryClocks(today, { id: projectId });
  return row?.clock ?? null;
}

/** What the regulator's form edits: each milestone's statutory role and the extensions so far. */
export async function loadStatutoryRecord(projectId: string) {
  const [milestones, extensions] = await Promise.all([
    prisma.milestone.findMany({
      where: { projectId },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, actualDate: true, datePrecision: true, statutoryRole: true },
    }),
    prisma.statutoryExtension.findMany({
      where: { projectId },
      orderBy: { recordedAt: "asc" },
      select: {
        id: true,
        newDeadline: true,
        reason: true,
        sourceUrl: true,
        recordedAt: true,
        recordedBy: { select: { name: true } },
      },
    }),
  ]);
  return { milestones, extensions };
}

/** Marks (or unmarks, with null) one milestone's part in the statutory clock. */
export async function setStatutoryRole(
  projectId: string,
  input: { milestoneId: string; role: StatutoryRole | null },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, projectId },
      select: { id: true, name: true, statutoryRole: true },
    });
    if (!milestone) throw new DomainError("That milestone is not part of this project.");
    if (milestone.statutoryRole === input.role) return milestone;
    await tx.milestone.update({ where: { id: milestone.id }, data: { statutoryRole: input.role } });
    await recordAudit(tx, context, {
      action: "milestone.setStatutoryRole",
      entityType: "Milestone",
      entityId: milestone.id,
      before: { statutoryRole: milestone.statutoryRole },
      after: { statutoryRole: input.role },
    });
    return milestone;
  });
}

/**
 * Records the lead agency's extension of the statutory deadline. It must move the deadline later
 * than the one in force (an extension to an earlier date would be a shortening the statute does
 * not provide for), and the clock must have started.
 */
export async function recordStatutoryExtension(
  projectId: string,
  input: { newDeadline: Date; reason: string; sourceUrl: string | null },
  context: AuditContext,
  today: Date,
) {
  const [row] = await loadStatutoryClocks(today, { id: projectId });
  const clock = row?.clock;
  if (!clock || clock.state === "not_started") {
    throw new DomainError(
      "The statutory clock has not started: mark the notice of intent, the determination or the application-complete notice (with its actual date) first.",
    );
  }
  if (clock.decision) throw new DomainError("The review is already decided: there is no deadline left to extend.");
  // Compared with the last day the deadline in force can be, as the clock itself does.
  if (input.newDeadline.getTime() <= periodEnd(clock.deadline, clock.deadlinePrecision).getTime()) {
    throw new DomainError("An extension must move the deadline later than the deadline now in force.", "newDeadline");
  }
  return prisma.$transaction(async (tx) => {
    const extension = await tx.statutoryExtension.create({
      data: {
        projectId,
        newDeadline: input.newDeadline,
        reason: input.reason,
        sourceUrl: input.sourceUrl,
        recordedById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: "statutoryExtension.record",
      entityType: "StatutoryExtension",
      entityId: extension.id,
      after: { newDeadline: isoDay(input.newDeadline), reason: input.reason },
    });
    // The public facts, in the same transaction: followers, the log and the feeds hear of it.
    await recordEvent(tx, "statutoryClock.extended", {
      projectId,
      slug: row.project.slug,
      name: row.project.name,
      extensionId: extension.id,
      track: clock.track,
      basis: clock.basis,
      previousDeadline: isoDay(clock.deadline),
      previousPrecision: clock.deadlinePrecision,
      newDeadline: isoDay(input.newDeadline),
      reason: input.reason,
      sourceUrl: input.sourceUrl,
      actorId: context.actorId,
    });
    return extension;
  });
}

/** One project's clock, formatted for its page (dates at their own precision). */
export async function loadProjectClockView(projectId: string, today: Date): Promise<ClockView | null> {
  const clock = await loadProjectClock(projectId, today);
  return clock ? clockView(clock, formatCalendarDate) : null;
}

/** The /projects filters (but the schedule one) as a Prisma filter, for the desk's per-project lists. */
export function projectFilterWhere(query: ProjectQuery): Prisma.ProjectWhereInput {
  const words = query.q.split(" ").filter(Boolean).slice(0, 6);
  return {
    AND: [
      ...words.map((word) => ({
        OR: [
          { name: { contains: word, mode: "insensitive" as const } },
          { commodities: { has: word.toLowerCase() } },
          { company: { name: { contains: word, mode: "insensitive" as const } } },
        ],
      })),
      query.state ? { state: query.state } : {},
      query.commodity ? { commodities: { has: query.commodity } } : {},
      query.stage ? { currentStage: query.stage } : {},
      query.status ? { status: query.status } : {},
      query.leadAgency ? { leadAgency: { slug: query.leadAgency } } : {},
    ],
  };
}
