// Who follows a project. Explicit follows are rows; members of the project's company and of its
// lead and cooperating agencies follow automatically (derived, so a membership change needs no
// sync) and opt out with an UNFOLLOWED row.
import type { NotificationType } from "@prisma/client";
import { Prisma } from "@prisma/client";
import { prisma, type DbClient } from "~/services/db.server";

export type FollowState = {
  following: boolean;
  /** Follows because of membership in the company or an agency of the project. */
  automatic: boolean;
  emailMuted: boolean;
};

/** Organizations whose members follow the project automatically. */
function automaticOrganizationsSql(projectId: string) {
  return Prisma.sql`
    select p."companyId" as "organizationId" from "Project" p where p.id = ${projectId}
    union select p."leadAgencyId" from "Project" p where p.id = ${projectId} and p."leadAgencyId" is not null
    union select c."agencyId" from "ProjectCooperatingAgency" c where c."projectId" = ${projectId}`;
}

export async function isAutomaticFollower(db: DbClient, userId: string, projectId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: number }[]>`
    select 1 as found from "Membership" m
    where m."userId" = ${userId} and m."organizationId" in (${automaticOrganizationsSql(projectId)})
    limit 1`;
  return rows.length > 0;
}

export async function getFollowState(userId: string, projectId: string): Promise<FollowState> {
  const [row, automatic] = await Promise.all([
    prisma.follow.findUnique({ where: { userId_projectId: { userId, projectId } } }),
    isAutomaticFollower(prisma, userId, projectId),
  ]);
  const following = row ? row.status === "FOLLOWING" : automatic;
  return { following, automatic, emailMuted: row?.emailMuted ?? false };
}

export async function followProject(userId: string, projectId: string) {
  await prisma.follow.upsert({
    where: { userId_projectId: { userId, projectId } },
    create: { userId, projectId, status: "FOLLOWING" },
    update: { status: "FOLLOWING" },
  });
}

/** Unfollowing also covers automatic followers opting out: the row records the choice. */
export async function unfollowProject(userId: string, projectId: string) {
  await prisma.follow.upsert({
    where: { userId_projectId: { userId, projectId } },
    create: { userId, projectId, status: "UNFOLLOWED" },
    update: { status: "UNFOLLOWED" },
  });
}

/** Keep following in the app but get no email about this project (or get it again). */
export async function setProjectEmailMuted(db: DbClient, userId: string, projectId: string, muted: boolean) {
  const automatic = await isAutomaticFollower(db, userId, projectId);
  await db.follow.upsert({
    where: { userId_projectId: { userId, projectId } },
    // No row yet: an automatic follower keeps following; anyone else is not made a follower by muting.
    create: { userId, projectId, status: automatic ? "FOLLOWING" : "UNFOLLOWED", emailMuted: muted },
    update: { emailMuted: muted },
  });
}

/**
 * Email about a followed project, on or off (follow panel and settings). Returns false, changing
 * nothing, when the person does not follow it: a stale form must not start a follow.
 */
export async function setFollowedProjectEmail(userId: string, projectId: string, muted: boolean): Promise<boolean> {
  const state = await getFollowState(userId, projectId);
  if (!state.following) return false;
  await setProjectEmailMuted(prisma, userId, projectId, muted);
  return true;
}

export type FollowedProject = {
  projectId: string;
  slug: string;
  name: string;
  automatic: boolean;
  emailMuted: boolean;
};

/** Every project a person follows, explicit or automatic, by name. */
export async function listFollowedProjects(userId: string): Promise<FollowedProject[]> {
  return prisma.$queryRaw<FollowedProject[]>`
    with auto as (
      select distinct p.id as "projectId" from "Project" p
      join "Membership" m on m."userId" = ${userId}
      where m."organizationId" = p."companyId" or m."organizationId" = p."leadAgencyId"
         or exists (select 1 from "ProjectCooperatingAgency" c where c."projectId" = p.id and c."agencyId" = m."organizationId")
    )
    select p.id as "projectId", p.slug, p.name,
           (a."projectId" is not null) as automatic,
           coalesce(f."emailMuted", false) as "emailMuted"
    from "Project" p
    left join auto a on a."projectId" = p.id
    left join "Follow" f on f."projectId" = p.id and f."userId" = ${userId}
    where (f.status = 'FOLLOWING') or (a."projectId" is not null and f.id is null)
    order by p.name`;
}

export type Recipient = {
  userId: string;
  email: string;
  verified: boolean;
  frequency: "IMMEDIATE" | "DAILY" | "WEEKLY" | "OFF";
  emailMuted: boolean;
};

/**
 * The alerts a monitor keeps a watchlist for (issue 14, item 5): for these, whoever keeps a
 * watchlist that lists the project (its person, or every member of its organization) hears as a
 * follower does, unless they unfollowed the project. Other kinds (stage changes, comment periods)
 * stay with followers: a watchlist is a desk, not a subscription to everything.
 */
export const WATCHER_NOTIFICATION_TYPES: readonly NotificationType[] = [
  "MILESTONE_DATE_CHANGED",
  "MILESTONE_OVERDUE",
  "STATUTORY_DEADLINE",
];

/** Keepers of the watchlists that list the project by name (not through a saved search). */
function watchlistKeepersSql(projectId: string) {
  return Prisma.sql`
    select w."ownerUserId" as "userId" from "WatchlistProject" wp
    join "Watchlist" w on w.id = wp."watchlistId"
    where wp."projectId" = ${projectId} and w."ownerUserId" is not null
    union
    select m."userId" from "WatchlistProject" wp
    join "Watchlist" w on w.id = wp."watchlistId"
    join "Membership" m on m."organizationId" = w."organizationId"
    where wp."projectId" = ${projectId}`;
}

/**
 * The followers of a project with their frequency for one notification type, as SQL for the
 * dispatcher to insert from directly (100,000 followers never pass through Node one by one).
 * `excludeUserId` is whoever caused the event: they know already.
 */
export function projectRecipientsSql(
  projectId: string,
  type: NotificationType,
  defaultFrequency: string,
  excludeUserId: string | null,
) {
  return Prisma.sql`
    with candidates as (
      select m."userId" from "Membership" m where m."organizationId" in (${automaticOrganizationsSql(projectId)})
      union
      select f."userId" from "Follow" f where f."projectId" = ${projectId} and f.status = 'FOLLOWING'
      ${WATCHER_NOTIFICATION_TYPES.includes(type) ? Prisma.sql`union ${watchlistKeepersSql(projectId)}` : Prisma.empty}
    )
    select c."userId", u.email, (u."emailVerifiedAt" is not null) as verified,
           coalesce(np.frequency::text, ${defaultFrequency}) as frequency,
           coalesce(f."emailMuted", false) as "emailMuted"
    from candidates c
    join "User" u on u.id = c."userId"
    left join "Follow" f on f."userId" = c."userId" and f."projectId" = ${projectId}
    left join "NotificationPreference" np on np."userId" = c."userId" and np.type = ${type}::"NotificationType"
    where f.status is distinct from 'UNFOLLOWED'
      and c."userId" is distinct from ${excludeUserId}`;
}
