// A person's in-app notifications and their email preferences.
import type { NotificationFrequency, NotificationType } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { DEFAULT_FREQUENCY, effectiveFrequencies } from "./notification-preferences";

export const NOTIFICATIONS_PAGE_SIZE = 30;

export async function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, options: { page: number; unreadOnly: boolean }) {
  const where = { userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        title: true,
        detail: true,
        url: true,
        createdAt: true,
        readAt: true,
        project: { select: { name: true, slug: true } },
      },
    }),
    prisma.notification.count({ where }),
    countUnread(userId),
  ]);
  return { items, total, unread, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

/** Marks some (or, with no ids, all) of the person's notifications read; never anyone else's. */
export async function markRead(userId: string, ids: string[] | "all") {
  const result = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}

export async function markUnread(userId: string, id: string) {
  await prisma.notification.updateMany({ where: { userId, id }, data: { readAt: null } });
}

export async function getPreferences(userId: string) {
  const [stored, user] = await Promise.all([
    prisma.notificationPreference.findMany({ where: { userId }, select: { type: true, frequency: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true, emailVerifiedAt: true } }),
  ]);
  return {
    frequencies: effectiveFrequencies(stored),
    timeZone: user.timeZone,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

/** Saves the whole form: choices equal to the default are stored as "no row" (defaults may evolve). */
export async function savePreferences(
  userId: string,
  input: { frequencies: Record<NotificationType, NotificationFrequency>; timeZone: string },
) {
  const entries = Object.entries(input.frequencies) as [NotificationType, NotificationFrequency][];
  await prisma.$transaction([
    prisma.notificationPreference.deleteMany({ where: { userId } }),
    prisma.notificationPreference.createMany({
      data: entries
        .filter(([type, frequency]) => DEFAULT_FREQUENCY[type] !== frequency)
        .map(([type, frequency]) => ({ userId, type, frequency })),
    }),
    prisma.user.update({ where: { id: userId }, data: { timeZone: input.timeZone } }),
  ]);
}

/** Admins: emails the provider refused for good (invalid address and the like), newest first. */
export async function listFailedDeliveries(limit = 200) {
  return prisma.emailDelivery.findMany({
    where: { status: "FAILED" },
    orderBy: { failedAt: "desc" },
    take: limit,
    select: {
      id: true,
      toEmail: true,
      template: true,
      lastError: true,
      attempts: true,
      failedAt: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
  });
}

/** Opening a notification marks it read and says where it leads; another person's id finds nothing. */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const notification = await prisma.notification.findFirst({
    where: { id, userId },
    select: { url: true, readAt: true },
  });
  if (!notification) return null;
  if (!notification.readAt) await markRead(userId, [id]);
  return notification.url;
}

/**
 * Emails still waiting an hour after they were queued: the provider has been failing (or refusing
 * the API key) for longer than retries cover. Shown to admins next to the permanent failures.
 */
export async function summarizeDelayedDeliveries(olderThanMinutes = 60) {
  const since = new Date(Date.now() - olderThanMinutes * 60_000);
  const [count, oldest, lastError] = await Promise.all([
    prisma.emailDelivery.count({ where: { status: "PENDING", createdAt: { lt: since } } }),
    prisma.emailDelivery.findFirst({
      where: { status: "PENDING", createdAt: { lt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.emailDelivery.findFirst({
      where: { status: "PENDING", createdAt: { lt: since }, lastError: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { lastError: true },
    }),
  ]);
  return { count, oldest: oldest?.createdAt ?? null, lastError: lastError?.lastError ?? null };
}
