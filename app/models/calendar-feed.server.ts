// A person's private calendar address: the schedule of every project they follow, readable by any
// calendar app that has the address and by nobody else. Who follows what is personal, so the address
// is a secret: 256 bits of HMAC-SHA256 (SESSION_SECRET) of the row id. The database keeps only its
// SHA-256 hash (a copy of the database alone does not give the addresses); the page can still show
// the address again, because the server can derive it. Revoking deletes the row; a new address is a
// new row, so the old one stops working at once.
import { createHmac } from "node:crypto";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { hashToken } from "~/utils/tokens.server";

function tokenFor(feedId: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`lodestone-calendar:${feedId}`).digest("base64url");
}

export function calendarPath(token: string): string {
  return `/calendars/${token}/following.ics`;
}

/** The address as a calendar app needs it: absolute. */
export const calendarUrl = (path: string) => new URL(path, env().APP_URL).toString();

/** The person's private calendar address (a path), or null when they have none. */
export async function getCalendarFeed(userId: string): Promise<{ url: string; createdAt: Date } | null> {
  const feed = await prisma.calendarFeed.findUnique({ where: { userId }, select: { id: true, createdAt: true } });
  return feed ? { url: calendarUrl(calendarPath(tokenFor(feed.id))), createdAt: feed.createdAt } : null;
}

/** Makes a new private address, replacing (and so revoking) any earlier one. */
export async function createCalendarFeed(userId: string, context: AuditContext): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const previous = await tx.calendarFeed.findUnique({ where: { userId }, select: { id: true } });
    if (previous) await tx.calendarFeed.delete({ where: { id: previous.id } });
    // The id is needed for the token, and the token's hash is a required column: create, then set it.
    const id = (
      await tx.calendarFeed.create({ data: { userId, tokenHash: `pending:${userId}` }, select: { id: true } })
    ).id;
    const token = tokenFor(id);
    await tx.calendarFeed.update({ where: { id }, data: { tokenHash: hashToken(token) } });
    await recordAudit(tx, context, {
      action: previous ? "calendarFeed.replace" : "calendarFeed.create",
      entityType: "CalendarFeed",
      entityId: id,
      before: previous ? { id: previous.id } : undefined,
    });
    return calendarPath(token);
  });
}

/** Stops the private address from working. False when there was none. */
export async function revokeCalendarFeed(userId: string, context: AuditContext): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const feed = await tx.calendarFeed.findUnique({ where: { userId }, select: { id: true } });
    if (!feed) return false;
    await tx.calendarFeed.delete({ where: { id: feed.id } });
    await recordAudit(tx, context, { action: "calendarFeed.revoke", entityType: "CalendarFeed", entityId: feed.id });
    return true;
  });
}

/** Whose calendar an address is, or null for an unknown or revoked one. */
export async function findCalendarOwner(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true },
  });
  return feed?.userId ?? null;
}
