// Turns the signed-in user into the Actor the policy reasons about (user + memberships).
import type { User } from "lucia";
import { can, type Actor } from "~/policy";
import { getOptionalUser, requireUser } from "./auth.server";
import { prisma } from "./db.server";

export async function loadActor(user: User): Promise<Actor> {
  const memberships = await prisma.membership.findMany({
    where: { userId: user.id },
    select: { organizationId: true, role: true, organization: { select: { kind: true } } },
  });
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    emailVerified: user.emailVerifiedAt !== null,
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      role: m.role,
      kind: m.organization.kind,
    })),
  };
}

/**
 * Where signing in lands when no page asked for it: the page with the actor's work on it (the
 * review queue for agency staff, the company dashboard for company members), else the project list.
 */
export function landingPath(actor: Actor): string {
  if (can(actor, "dashboard.regulator", null)) return "/queue";
  if (can(actor, "dashboard.company", null)) return "/dashboard";
  return "/";
}

/**
 * Where signing in lands: landingPath, except that someone with no dashboard who keeps a watchlist
 * (an NGO's monitor) starts on their watchlists.
 */
export async function homePath(actor: Actor): Promise<string> {
  const path = landingPath(actor);
  if (path !== "/") return path;
  const kept = await prisma.watchlist.count({
    where: {
      OR: [{ ownerUserId: actor.userId }, { organization: { memberships: { some: { userId: actor.userId } } } }],
    },
  });
  return kept > 0 ? "/watchlists" : path;
}

export async function getOptionalActor(request: Request): Promise<Actor | null> {
  const user = await getOptionalUser(request);
  return user ? loadActor(user) : null;
}

export async function requireActor(request: Request): Promise<{ user: User; actor: Actor }> {
  const user = await requireUser(request);
  return { user, actor: await loadActor(user) };
}
