// Watchlists: named lists of projects and saved searches that a person, or an organization's
// members together, keep to monitor timelines (issue 14). Who may see or change one is the policy's
// "watchlist.*" actions; this module scopes every lookup to the watchlist it was asked about.
//
// A watchlist is personal. Its contents reach other people only through its read-only sharing link
// (a random token its keepers make and can revoke), which shows the same board without the names of
// the people who keep it.
import { randomBytes } from "node:crypto";
import { Prisma, type DatePrecision, type ProjectStatus, type ReviewTrack } from "@prisma/client";
import type { Actor, WatchlistResource } from "~/policy";
import { prisma } from "~/services/db.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { parseProjectQuery } from "~/schemas/project-search";
import { isoCalendarDate, utcDaysBetween } from "~/utils/dates";
import { DomainError } from "./errors.server";
import { matchingProjectIds, matchingProjectIdsMany } from "./project-search.server";
import { recordSavedSearchBaseline } from "./saved-search.server";
import { formatSlip, periodEnd, projectScheduleStatus, slipDays, type ScheduleStatus } from "./schedule";
import { stageLabel } from "./workflow";

export class WatchlistError extends DomainError {}

/** The board shows at most this many projects; a watchlist that holds more says so. */
export const MAX_BOARD_PROJECTS = 500;
/** Changes listed per project on the board. */
const LATEST_CHANGES = 3;

const WATCHLIST_SELECT = {
  id: true,
  name: true,
  ownerUserId: true,
  organizationId: true,
  shareToken: true,
  sharedAt: true,
  createdAt: true,
  organization: { select: { name: true } },
  searches: { select: { id: true, name: true, query: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  projects: { select: { projectId: true } },
} satisfies Prisma.WatchlistSelect;

export type Watchlist = Prisma.WatchlistGetPayload<{ select: typeof WATCHLIST_SELECT }>;

export function watchlistResource(watchlist: { ownerUserId: string | null; organizationId: string | null }) {
  return { ownerUserId: watchlist.ownerUserId, organizationId: watchlist.organizationId } satisfies WatchlistResource;
}

/** Every watchlist the person keeps: their own, then their organizations', by name. */
export async function listWatchlistsFor(userId: string) {
  const rows = await prisma.watchlist.findMany({
    where: { OR: [{ ownerUserId: userId }, { organization: { memberships: { some: { userId } } } }] },
    select: {
      id: true,
      name: true,
      ownerUserId: true,
      organizationId: true,
      shareToken: true,
      organization: { select: { name: true } },
      _count: { select: { projects: true, searches: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows
    .map((w) => ({
      id: w.id,
      name: w.name,
      keptBy: w.organization?.name ?? null,
      shared: w.shareToken !== null,
      projectCount: w._count.projects,
      searchCount: w._count.searches,
    }))
    .sort((a, b) => Number(a.keptBy !== null) - Number(b.keptBy !== null));
}

export async function countWatchlistsFor(userId: string): Promise<number> {
  return prisma.watchlist.count({
    where: { OR: [{ ownerUserId: userId }, { organization: { memberships: { some: { userId } } } }] },
  });
}

/** Who a new watchlist can belong to: the person, or one of their organizations (by name). */
export async function ownerChoices(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return [
    { value: "me", label: "Only me" },
    ...memberships.map((m) => ({ value: m.organization.id, label: `${m.organization.name} (all its members)` })),
  ];
}

/** The owner a form's "owner" field names: "me" or an organization id (the policy decides if allowed). */
export function ownerFor(actor: Actor, owner: string): WatchlistResource {
  return owner === "me"
    ? { ownerUserId: actor.userId, organizationId: null }
    : { ownerUserId: null, organizationId: owner };
}

export async function createWatchlist(owner: WatchlistResource, name: string, createdById: string) {
  return prisma.watchlist.create({
    data: { name, ownerUserId: owner.ownerUserId, organizationId: owner.organizationId, createdById },
    select: { id: true, name: true },
  });
}

export function getWatchlist(id: string): Promise<Watchlist | null> {
  return prisma.watchlist.findUnique({ where: { id }, select: WATCHLIST_SELECT });
}

export function getSharedWatchlist(token: string): Promise<Watchlist | null> {
  // A token is 43 base64url characters; anything else cannot be one (and never reaches the index).
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(null);
  return prisma.watchlist.findUnique({ where: { shareToken: token }, select: WATCHLIST_SELECT });
}

export async function renameWatchlist(watchlistId: string, name: string) {
  await prisma.watchlist.update({ where: { id: watchlistId }, data: { name } });
}

export async function deleteWatchlist(watchlistId: string) {
  await prisma.watchlist.delete({ where: { id: watchlistId } });
}

/** Adds a project by its slug; adding one already there changes nothing. */
export async function addProjectToWatchlist(watchlistId: string, projectSlug: string) {
  const project = await prisma.project.findUnique({ where: { slug: projectSlug }, select: { id: true, name: true } });
  if (!project)
    throw new WatchlistError("There is no such project: it may have been renamed. Open it again.", "project", 404);
  await prisma.watchlistProject.upsert({
    where: { watchlistId_projectId: { watchlistId, projectId: project.id } },
    update: {},
    create: { watchlistId, projectId: project.id },
  });
  return project;
}

export async function removeProjectFromWatchlist(watchlistId: string, projectId: string) {
  await prisma.watchlistProject.deleteMany({ where: { watchlistId, projectId } });
}

/**
 * Saves a search on a watchlist. The projects it matches now are recorded as its starting point,
 * in the same transaction, so only projects that enter it later raise an alert.
 */
export async function addSavedSearch(watchlistId: string, input: { name: string; query: string }, today: Date) {
  const ids = await matchingProjectIds(parseProjectQuery(new URLSearchParams(input.query)), today);
  return prisma.$transaction(async (tx) => {
    const search = await tx.savedSearch.create({
      data: { watchlistId, name: input.name, query: input.query },
      select: { id: true, name: true },
    });
    await recordSavedSearchBaseline(tx, search.id, ids);
    return { ...search, matching: ids.length };
  });
}

export async function removeSavedSearch(watchlistId: string, searchId: string) {
  await prisma.savedSearch.deleteMany({ where: { id: searchId, watchlistId } });
}

/** A new read-only link (the previous one, if any, stops working). */
export async function shareWatchlist(watchlistId: string, context: AuditContext) {
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.watchlist.update({ where: { id: watchlistId }, data: { shareToken: token, sharedAt: new Date() } });
    // The token itself stays out of the audit trail: it is a key to the list.
    await recordAudit(tx, context, { action: "watchlist.share", entityType: "Watchlist", entityId: watchlistId });
  });
  return token;
}

export async function revokeWatchlistLink(watchlistId: string, context: AuditContext) {
  await prisma.$transaction(async (tx) => {
    await tx.watchlist.update({ where: { id: watchlistId }, data: { shareToken: null, sharedAt: null } });
    await recordAudit(tx, context, { action: "watchlist.revokeLink", entityType: "Watchlist", entityId: watchlistId });
  });
}

// ───────────── The board ─────────────

export type BoardChange =
  | { kind: "stage"; at: string; precision: DatePrecision | null; toLabel: string }
  | {
      kind: "date";
      at: string;
      milestone: string;
      previous: string | null;
      next: string | null;
      precision: DatePrecision;
    };

export type BoardRow = {
  projectId: string;
  slug: string;
  name: string;
  state: string;
  isTraining: boolean;
  leadAgency: string | null;
  timeZone: string;
  stageLabel: string;
  status: ProjectStatus;
  schedule: ScheduleStatus;
  milestoneCount: number;
  /** The earliest open milestone target (at its precision), and days from today to its period's end. */
  nextDeadline: { milestone: string; date: string; precision: DatePrecision; daysLeft: number } | null;
  /** The largest slip from baseline among open milestones, in words ("+3 months"), and its milestone. */
  largestSlip: { milestone: string; words: string; days: number } | null;
  /** The last recorded action on the record (see lastActionSql) and days since. */
  lastAction: { at: string; daysAgo: number } | null;
  openPeriods: { id: string; title: string; closesAt: string; timeZone: string; msLeft: number }[];
  latestChanges: BoardChange[];
  /** Why the project is on the list: "listed" and/or the names of the saved searches it matches. */
  via: { listed: boolean; searches: string[] };
};

export type Board = { rows: BoardRow[]; total: number; truncated: boolean; searchCounts: Record<string, number> };

type ProjectFacts = {
  id: string;
  slug: string;
  name: string;
  state: string;
  isTraining: boolean;
  reviewTrack: ReviewTrack;
  currentStage: string;
  status: ProjectStatus;
  leadAgency: { name: string; timeZone: string | null } | null;
  milestones: {
    name: string;
    baselineDate: Date | null;
    targetDate: Date | null;
    actualDate: Date | null;
    datePrecision: DatePrecision;
  }[];
  commentPeriods: { id: string; title: string; closesAt: Date; timeZone: string }[];
};

/**
 * The last action on a project's record: a stage transition, a target date change, an actual date
 * recorded, a comment period opened (by now) or its deadline changed. Calendar dates (actual dates)
 * count as their day; the rest are instants.
 */
function lastActionSql(ids: string[], now: Date) {
  return Prisma.sql`SELECT p.id AS "projectId", GREATEST(
      (SELECT max(t."occurredAt") FROM "StageTransition" t WHERE t."projectId" = p.id),
      (SELECT max(c."changedAt") FROM "MilestoneDateChange" c JOIN "Milestone" m ON m.id = c."milestoneId" WHERE m."projectId" = p.id),
      (SELECT max(m."actualDate")::timestamp FROM "Milestone" m WHERE m."projectId" = p.id),
      (SELECT max(cp."opensAt") FROM "CommentPeriod" cp WHERE cp."projectId" = p.id AND cp."opensAt" <= ${now}),
      (SELECT max(ch."changedAt") FROM "CommentPeriodChange" ch JOIN "CommentPeriod" cp ON cp.id = ch."periodId" WHERE cp."projectId" = p.id)
    ) AS at
    FROM "Project" p WHERE p.id IN (${Prisma.join(ids)})`;
}

function latestChangesSql(ids: string[]) {
  return Prisma.sql`SELECT * FROM (
      SELECT x.*, row_number() OVER (PARTITION BY x."projectId" ORDER BY x.at DESC) AS rn FROM (
        SELECT t."projectId", t."occurredAt" AS at, 'stage' AS kind, t."toStage" AS label, NULL::date AS previous,
               NULL::date AS next, t."occurredAtPrecision"::text AS precision
        FROM "StageTransition" t WHERE t."projectId" IN (${Prisma.join(ids)})
        UNION ALL
        SELECT m."projectId", c."changedAt", 'date', m.name, c."previousDate", c."newDate", m."datePrecision"::text
        FROM "MilestoneDateChange" c JOIN "Milestone" m ON m.id = c."milestoneId"
        WHERE m."projectId" IN (${Prisma.join(ids)})
      ) x
    ) y WHERE y.rn <= ${LATEST_CHANGES}`;
}

type ChangeRow = {
  projectId: string;
  at: Date;
  kind: "stage" | "date";
  label: string;
  previous: Date | null;
  next: Date | null;
  precision: string | null;
};

/**
 * What the watchlist holds today: its listed projects and every project its saved searches match
 * now, each with what a monitor checks. One query for all its saved searches, then four for all the rows.
 */
/**
 * The ids of every project on a watchlist now: those listed by name and those its saved searches
 * find today (at most MAX_BOARD_PROJECTS + 1 per search, as on the board), for its feed and calendar.
 */
export async function watchlistProjectIds(watchlist: Watchlist, today: Date): Promise<string[]> {
  return [...(await projectsOnWatchlist(watchlist, today)).via.keys()];
}

async function projectsOnWatchlist(watchlist: Watchlist, today: Date) {
  const via = new Map<string, { listed: boolean; searches: string[] }>();
  for (const { projectId } of watchlist.projects) via.set(projectId, { listed: true, searches: [] });
  const searchCounts: Record<string, number> = {};
  const matches = await matchingProjectIdsMany(
    watchlist.searches.map((search) => parseProjectQuery(new URLSearchParams(search.query))),
    today,
    { limit: MAX_BOARD_PROJECTS + 1 },
  );
  watchlist.searches.forEach((search, index) => {
    const ids = matches[index];
    searchCounts[search.id] = ids.length;
    for (const id of ids) {
      const entry = via.get(id) ?? { listed: false, searches: [] };
      entry.searches.push(search.name);
      via.set(id, entry);
    }
  });
  return { via, searchCounts };
}

export async function watchlistBoard(watchlist: Watchlist, now: Date, today: Date): Promise<Board> {
  const { via, searchCounts } = await projectsOnWatchlist(watchlist, today);
  const allIds = [...via.keys()];
  if (allIds.length === 0) return { rows: [], total: 0, truncated: false, searchCounts };
  const projects: ProjectFacts[] = await prisma.project.findMany({
    where: { id: { in: allIds } },
    select: {
      id: true,
      slug: true,
      name: true,
      state: true,
      isTraining: true,
      reviewTrack: true,
      currentStage: true,
      status: true,
      leadAgency: { select: { name: true, timeZone: true } },
      milestones: {
        select: { name: true, baselineDate: true, targetDate: true, actualDate: true, datePrecision: true },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      },
      commentPeriods: {
        where: { opensAt: { lte: now }, closesAt: { gt: now } },
        select: { id: true, title: true, closesAt: true, timeZone: true },
        orderBy: { closesAt: "asc" },
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_BOARD_PROJECTS,
  });
  const ids = projects.map((p) => p.id);
  const [lastActions, changes] = await Promise.all([
    prisma.$queryRaw<{ projectId: string; at: Date | null }[]>(lastActionSql(ids, now)),
    prisma.$queryRaw<ChangeRow[]>(latestChangesSql(ids)),
  ]);
  const lastBy = new Map(lastActions.map((row) => [row.projectId, row.at]));
  const changesBy = new Map<string, ChangeRow[]>();
  for (const change of changes.sort((a, b) => b.at.getTime() - a.at.getTime())) {
    changesBy.set(change.projectId, [...(changesBy.get(change.projectId) ?? []), change]);
  }
  const rows = projects.map((p) => boardRow(p, { now, today, lastAction: lastBy.get(p.id) ?? null }, changesBy, via));
  return { rows, total: allIds.length, truncated: allIds.length > projects.length, searchCounts };
}

function boardRow(
  p: ProjectFacts,
  ctx: { now: Date; today: Date; lastAction: Date | null },
  changesBy: Map<string, ChangeRow[]>,
  via: Map<string, { listed: boolean; searches: string[] }>,
): BoardRow {
  const open = p.milestones.filter((m) => !m.actualDate && m.targetDate);
  const next = open
    .map((m) => ({ m, end: periodEnd(m.targetDate as Date, m.datePrecision) }))
    .sort((a, b) => a.end.getTime() - b.end.getTime())[0];
  const slips = p.milestones
    .filter((m) => !m.actualDate)
    .map((m) => ({ m, days: slipDays(m) }))
    .filter((s): s is { m: (typeof s)["m"]; days: number } => s.days !== null && s.days > 0)
    .sort((a, b) => b.days - a.days);
  const timeZone = p.leadAgency?.timeZone ?? "UTC";
  return {
    projectId: p.id,
    slug: p.slug,
    name: p.name,
    state: p.state,
    isTraining: p.isTraining,
    leadAgency: p.leadAgency?.name ?? null,
    timeZone,
    stageLabel: stageLabel(p.reviewTrack, p.currentStage),
    status: p.status,
    schedule: projectScheduleStatus(p.milestones, { today: ctx.today, projectStatus: p.status }),
    milestoneCount: p.milestones.length,
    nextDeadline: next
      ? {
          milestone: next.m.name,
          date: isoCalendarDate(next.m.targetDate as Date, next.m.datePrecision),
          precision: next.m.datePrecision,
          daysLeft: utcDaysBetween(ctx.today, next.end),
        }
      : null,
    largestSlip: slips[0] ? { milestone: slips[0].m.name, words: formatSlip(slips[0].m), days: slips[0].days } : null,
    lastAction: ctx.lastAction
      ? { at: ctx.lastAction.toISOString(), daysAgo: Math.max(0, utcDaysBetween(ctx.lastAction, ctx.today)) }
      : null,
    openPeriods: p.commentPeriods.map((period) => ({
      id: period.id,
      title: period.title,
      closesAt: period.closesAt.toISOString(),
      timeZone: period.timeZone,
      msLeft: period.closesAt.getTime() - ctx.now.getTime(),
    })),
    latestChanges: (changesBy.get(p.id) ?? []).map((c): BoardChange =>
      c.kind === "stage"
        ? {
            kind: "stage",
            at: c.at.toISOString(),
            precision: (c.precision as DatePrecision | null) ?? null,
            toLabel: stageLabel(p.reviewTrack, c.label),
          }
        : {
            kind: "date",
            at: c.at.toISOString(),
            milestone: c.label,
            previous: c.previous ? isoCalendarDate(c.previous, c.precision as DatePrecision) : null,
            next: c.next ? isoCalendarDate(c.next, c.precision as DatePrecision) : null,
            precision: c.precision as DatePrecision,
          },
    ),
    via: via.get(p.id) ?? { listed: false, searches: [] },
  };
}
