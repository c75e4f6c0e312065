// What Atom feeds and iCalendar files may say about a set of projects: the public record only.
//
// Read from the record's own tables (stage transitions, date changes, pauses, comment periods and
// their deadline changes, official responses, milestones), not from the DomainEvent outbox: the
// history imported from public sources has no recorded events, and a period's closing is an event
// only once the reminder job has run. Each feed entry still names the catalogue event type it
// corresponds to (`eventType`), so a reader can filter a feed by the same vocabulary the API and the
// notifications use.
//
// Never read here: comments (their text, names, emails or status), reports, moderation notes,
// documents and packages (confidential or draft), reviews and their findings or assignees,
// information requests' items, and who made a change (officials' names stay on the pages).
import {
  Prisma,
  type DatePrecision,
  type ProjectStatus,
  type ReviewTrack,
  type TransitionKind,
  type DateChangeReason,
} from "@prisma/client";
import { prisma } from "~/services/db.server";
import { projectTimeZone } from "~/utils/dates";
import type { EventType } from "./events/catalogue";
import { listFollowedProjects } from "./notifications/follow.server";
import { PUBLIC_DATE_CHANGE_FIELDS } from "./milestone.server";

/**
 * Which projects: a list of ids (one project, a search, a person's follows, a watchlist), or every
 * project. The fictional training project is left out of "every project" unless asked for; a list
 * of ids is taken as asked (whoever built it chose the training project explicitly or not).
 */
export type ProjectScope = { projectIds: readonly string[] } | { allProjects: true; includeTraining: boolean };

function projectWhere(scope: ProjectScope): Prisma.ProjectWhereInput {
  if ("projectIds" in scope) return { id: { in: [...scope.projectIds] } };
  return scope.includeTraining ? {} : { isTraining: false };
}

/** Entry kinds of the feeds, and the catalogue event each one corresponds to (null: no event of its own). */
export const FEED_ENTRY_EVENT = {
  stageChanged: "project.stageChanged",
  dateChanged: "milestone.dateChanged",
  paused: null,
  pauseLifted: null,
  periodOpened: "commentPeriod.opened",
  periodExtended: "commentPeriod.extended",
  periodReopened: "commentPeriod.reopened",
  periodClosed: "commentPeriod.closed",
  responsePublished: "comment.responded",
  statutoryExtended: "statutoryClock.extended",
} as const satisfies Record<string, EventType | null>;

export type FeedEntryKind = keyof typeof FEED_ENTRY_EVENT;

export type FeedProject = {
  id: string;
  slug: string;
  name: string;
  isTraining: boolean;
  reviewTrack: ReviewTrack;
  /** The lead agency's zone (UTC when unknown): the record's instants are told in it. */
  timeZone: string;
};

/** One thing that happened, in the words of the public record. */
export type RecordEntry =
  | {
      kind: "stageChanged";
      rowId: string;
      at: Date;
      project: FeedProject;
      transition: {
        kind: TransitionKind;
        fromStage: string | null;
        toStage: string;
        toStatus: ProjectStatus;
        reason: string;
        precision: DatePrecision | null;
        sourceUrl: string | null;
      };
    }
  | {
      kind: "dateChanged";
      rowId: string;
      at: Date;
      project: FeedProject;
      change: {
        milestone: string;
        precision: DatePrecision;
        previousDate: Date | null;
        newDate: Date | null;
        reason: DateChangeReason;
        narrative: string;
        sourceUrl: string | null;
      };
    }
  | {
      kind: "paused" | "pauseLifted";
      rowId: string;
      at: Date;
      project: FeedProject;
      pause: { reason: DateChangeReason; summary: string; expectedLiftDate: Date | null; startedAt: Date };
    }
  | {
      kind: "periodOpened" | "periodClosed";
      rowId: string;
      at: Date;
      project: FeedProject;
      period: { id: string; title: string; stage: string; opensAt: Date; closesAt: Date; timeZone: string };
    }
  | {
      kind: "periodExtended" | "periodReopened";
      rowId: string;
      at: Date;
      project: FeedProject;
      period: { id: string; title: string; timeZone: string };
      change: { previousClosesAt: Date; newClosesAt: Date; reason: string };
    }
  | {
      kind: "responsePublished";
      rowId: string;
      at: Date;
      project: FeedProject;
      period: { id: string; title: string };
      response: { issue: string; text: string; answered: number };
    }
  | {
      kind: "statutoryExtended";
      rowId: string;
      at: Date;
      project: FeedProject;
      extension: { newDeadline: Date; reason: string; sourceUrl: string | null };
    };

const PROJECT_SELECT = {
  id: true,
  slug: true,
  name: true,
  isTraining: true,
  reviewTrack: true,
  leadAgency: { select: { timeZone: true } },
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof PROJECT_SELECT }>;

function feedProject(row: ProjectRow): FeedProject {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    isTraining: row.isTraining,
    reviewTrack: row.reviewTrack,
    timeZone: projectTimeZone(row),
  };
}

export const DEFAULT_FEED_LIMIT = 50;

/**
 * The newest `limit` entries about the projects in scope, newest first. One query per kind, each
 * cut to `limit` by an index-ordered scan, then merged: never the whole history in memory.
 * `now` decides which periods have opened or closed.
 */
export async function listRecordEntries(
  scope: ProjectScope,
  { limit = DEFAULT_FEED_LIMIT, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<RecordEntry[]> {
  if ("projectIds" in scope && scope.projectIds.length === 0) return [];
  const project = projectWhere(scope);
  const [transitions, dateChanges, pauses, opened, closed, periodChanges, responses, extensions] = await Promise.all([
    prisma.stageTransition.findMany({
      // Pauses and resumptions are told by the pause entries, which carry the reason and expected lift.
      where: { project, kind: { notIn: ["PAUSE", "RESUME"] } },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        fromStage: true,
        toStage: true,
        toStatus: true,
        reason: true,
        sourceUrl: true,
        occurredAt: true,
        occurredAtPrecision: true,
        project: { select: PROJECT_SELECT },
      },
    }),
    prisma.milestoneDateChange.findMany({
      where: { milestone: { project } },
      orderBy: [{ changedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        ...PUBLIC_DATE_CHANGE_FIELDS,
        milestone: { select: { name: true, datePrecision: true, project: { select: PROJECT_SELECT } } },
      },
    }),
    prisma.projectPause.findMany({
      where: { project },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        reason: true,
        summary: true,
        expectedLiftDate: true,
        startedAt: true,
        liftedAt: true,
        project: { select: PROJECT_SELECT },
      },
    }),
    prisma.commentPeriod.findMany({
      where: { project, opensAt: { lte: now } },
      orderBy: [{ opensAt: "desc" }, { id: "desc" }],
      take: limit,
      select: PERIOD_SELECT,
    }),
    prisma.commentPeriod.findMany({
      where: { project, closesAt: { lte: now } },
      orderBy: [{ closesAt: "desc" }, { id: "desc" }],
      take: limit,
      select: PERIOD_SELECT,
    }),
    prisma.commentPeriodChange.findMany({
      where: { period: { project } },
      orderBy: [{ changedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        previousClosesAt: true,
        newClosesAt: true,
        reason: true,
        changedAt: true,
        period: { select: { id: true, title: true, timeZone: true, project: { select: PROJECT_SELECT } } },
      },
    }),
    prisma.officialResponse.findMany({
      where: { period: { project } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        issue: true,
        text: true,
        createdAt: true,
        _count: { select: { comments: true } },
        period: { select: { id: true, title: true, project: { select: PROJECT_SELECT } } },
      },
    }),
    prisma.statutoryExtension.findMany({
      where: { project },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        newDeadline: true,
        reason: true,
        sourceUrl: true,
        recordedAt: true,
        project: { select: PROJECT_SELECT },
      },
    }),
  ]);

  const entries: RecordEntry[] = [];
  for (const t of transitions) {
    entries.push({
      kind: "stageChanged",
      rowId: t.id,
      at: t.occurredAt,
      project: feedProject(t.project),
      transition: {
        kind: t.kind,
        fromStage: t.fromStage,
        toStage: t.toStage,
        toStatus: t.toStatus,
        reason: t.reason,
        precision: t.occurredAtPrecision,
        sourceUrl: t.sourceUrl,
      },
    });
  }
  for (const c of dateChanges) {
    entries.push({
      kind: "dateChanged",
      rowId: c.id,
      at: c.changedAt,
      project: feedProject(c.milestone.project),
      change: {
        milestone: c.milestone.name,
        precision: c.milestone.datePrecision,
        previousDate: c.previousDate,
        newDate: c.newDate,
        reason: c.reason,
        narrative: c.narrative,
        sourceUrl: c.sourceUrl,
      },
    });
  }
  for (const p of pauses) {
    const pause = {
      reason: p.reason,
      summary: p.summary,
      expectedLiftDate: p.expectedLiftDate,
      startedAt: p.startedAt,
    };
    entries.push({ kind: "paused", rowId: p.id, at: p.startedAt, project: feedProject(p.project), pause });
    if (p.liftedAt && p.liftedAt <= now) {
      entries.push({ kind: "pauseLifted", rowId: p.id, at: p.liftedAt, project: feedProject(p.project), pause });
    }
  }
  for (const p of opened) {
    entries.push({ kind: "periodOpened", rowId: p.id, at: p.opensAt, project: feedProject(p.project), period: p });
  }
  for (const p of closed) {
    entries.push({ kind: "periodClosed", rowId: p.id, at: p.closesAt, project: feedProject(p.project), period: p });
  }
  for (const c of periodChanges) {
    entries.push({
      kind: c.kind === "EXTEND" ? "periodExtended" : "periodReopened",
      rowId: c.id,
      at: c.changedAt,
      project: feedProject(c.period.project),
      period: { id: c.period.id, title: c.period.title, timeZone: c.period.timeZone },
      change: { previousClosesAt: c.previousClosesAt, newClosesAt: c.newClosesAt, reason: c.reason },
    });
  }
  for (const r of responses) {
    entries.push({
      kind: "responsePublished",
      rowId: r.id,
      at: r.createdAt,
      project: feedProject(r.period.project),
      period: { id: r.period.id, title: r.period.title },
      response: { issue: r.issue, text: r.text, answered: r._count.comments },
    });
  }
  for (const x of extensions) {
    entries.push({
      kind: "statutoryExtended",
      rowId: x.id,
      at: x.recordedAt,
      project: feedProject(x.project),
      extension: { newDeadline: x.newDeadline, reason: x.reason, sourceUrl: x.sourceUrl },
    });
  }
  // Newest first; ties in a stable order so that the feed's bytes (and its ETag) do not flicker.
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || `${a.kind}${a.rowId}`.localeCompare(`${b.kind}${b.rowId}`));
  return entries.slice(0, limit);
}

const PERIOD_SELECT = {
  id: true,
  title: true,
  stage: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  project: { select: PROJECT_SELECT },
} satisfies Prisma.CommentPeriodSelect;

// ───────────── Calendar items ─────────────

export type CalendarMilestone = {
  id: string;
  name: string;
  precision: DatePrecision;
  targetDate: Date | null;
  actualDate: Date | null;
  baselineDate: Date | null;
  authority: string | null;
  note: string | null;
  updatedAt: Date;
};

export type CalendarPeriod = {
  id: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  createdAt: Date;
  /** Every deadline change, oldest first (the original deadline is the first's previousClosesAt). */
  changes: { kind: "EXTEND" | "REOPEN"; previousClosesAt: Date; newClosesAt: Date; reason: string; changedAt: Date }[];
};

export type CalendarProject = FeedProject & { milestones: CalendarMilestone[]; periods: CalendarPeriod[] };

/** Every project in scope with its milestones and comment periods (the whole schedule, past and future). */
export async function listCalendarProjects(scope: ProjectScope): Promise<CalendarProject[]> {
  if ("projectIds" in scope && scope.projectIds.length === 0) return [];
  const rows = await prisma.project.findMany({
    where: projectWhere(scope),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      ...PROJECT_SELECT,
      milestones: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          name: true,
          datePrecision: true,
          targetDate: true,
          actualDate: true,
          baselineDate: true,
          authority: true,
          note: true,
          updatedAt: true,
          agency: { select: { name: true } },
        },
      },
      commentPeriods: {
        orderBy: [{ opensAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          timeZone: true,
          createdAt: true,
          changes: {
            orderBy: [{ changedAt: "asc" }, { id: "asc" }],
            select: { kind: true, previousClosesAt: true, newClosesAt: true, reason: true, changedAt: true },
          },
        },
      },
    },
  });
  return rows.map((row) => ({
    ...feedProject(row),
    milestones: row.milestones.map((m) => ({
      id: m.id,
      name: m.name,
      precision: m.datePrecision,
      targetDate: m.targetDate,
      actualDate: m.actualDate,
      baselineDate: m.baselineDate,
      authority: m.agency?.name ?? m.authority,
      note: m.note,
      updatedAt: m.updatedAt,
    })),
    periods: row.commentPeriods,
  }));
}

// ───────────── Scopes ─────────────

/** One project by its address, or null. */
export async function findFeedProject(slug: string): Promise<FeedProject | null> {
  const row = await prisma.project.findUnique({ where: { slug }, select: PROJECT_SELECT });
  return row ? feedProject(row) : null;
}

/** The projects a person follows, explicitly or as a member of its company or agencies. */
export async function followedProjectIds(userId: string): Promise<string[]> {
  return (await listFollowedProjects(userId)).map((project) => project.projectId);
}

// ───────────── Map ─────────────

export type MapProject = {
  slug: string;
  name: string;
  status: ProjectStatus;
  isTraining: boolean;
  state: string;
  latitude: number | null;
  longitude: number | null;
};

/** The projects in scope with their location and status, by name. */
export async function listMapProjects(scope: ProjectScope): Promise<MapProject[]> {
  if ("projectIds" in scope && scope.projectIds.length === 0) return [];
  const rows = await prisma.project.findMany({
    where: projectWhere(scope),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { slug: true, name: true, status: true, isTraining: true, state: true, latitude: true, longitude: true },
  });
  return rows.map((row) => ({
    ...row,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
  }));
}
