// What a one-click unsubscribe does, per kind of token (see email-tokens.server.ts). Each is
// idempotent: a second click, or a mail provider's POST followed by the person's own, is harmless.
import { setProjectEmailMuted } from "~/models/notifications/follow.server";
import { getPreferences } from "~/models/notifications/notification.server";
import { NOTIFICATION_TYPE_LABELS } from "~/models/notifications/notification-preferences";
import { prisma } from "~/services/db.server";
import type { EmailToken } from "./email-tokens.server";

/** A sentence for the confirmation page: what stopped. Null when the token names nothing that exists. */
export async function describeUnsubscribe(token: EmailToken): Promise<string | null> {
  switch (token.k) {
    case "project": {
      const project = await prisma.project.findUnique({ where: { id: token.p }, select: { name: true } });
      return project ? `emails about ${project.name}` : null;
    }
    case "type":
      return `emails for “${NOTIFICATION_TYPE_LABELS[token.t]?.label ?? token.t}”`;
    case "digest":
      return token.f === "DAILY" ? "the daily digest" : "the weekly digest";
    case "sub": {
      const sub = await prisma.emailSubscription.findUnique({
        where: { id: token.s },
        select: { project: { select: { name: true } } },
      });
      return sub ? `emails about ${sub.project.name}` : null;
    }
    case "confirm":
      return null;
  }
}

export async function applyUnsubscribe(token: EmailToken): Promise<boolean> {
  // A link from an email to an account deleted since then names nothing: the page says it is not valid.
  if ("u" in token && (await prisma.user.count({ where: { id: token.u } })) === 0) return false;
  switch (token.k) {
    case "project": {
      if ((await prisma.project.count({ where: { id: token.p } })) === 0) return false;
      await setProjectEmailMuted(prisma, token.u, token.p, true);
      return true;
    }
    case "type": {
      await prisma.notificationPreference.upsert({
        where: { userId_type: { userId: token.u, type: token.t } },
        create: { userId: token.u, type: token.t, frequency: "OFF" },
        update: { frequency: "OFF" },
      });
      return true;
    }
    case "digest": {
      const { frequencies } = await getPreferences(token.u);
      const inDigest = Object.entries(frequencies).filter(([, frequency]) => frequency === token.f);
      await prisma.$transaction(
        inDigest.map(([type]) =>
          prisma.notificationPreference.upsert({
            where: { userId_type: { userId: token.u, type: type as keyof typeof frequencies } },
            create: { userId: token.u, type: type as keyof typeof frequencies, frequency: "OFF" },
            update: { frequency: "OFF" },
          }),
        ),
      );
      return true;
    }
    case "sub": {
      const result = await prisma.emailSubscription.updateMany({
        where: { id: token.s, unsubscribedAt: null },
        data: { unsubscribedAt: new Date() },
      });
      return result.count > 0 || (await prisma.emailSubscription.count({ where: { id: token.s } })) > 0;
    }
    case "confirm":
      return false;
  }
}
