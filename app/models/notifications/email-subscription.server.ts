// Email updates about one project for people without an account, with double opt-in: nothing is
// sent until the address's owner confirms from the email. The page says the same thing whether
// or not the address was already subscribed, so it cannot be used to learn who follows what.
import type { Locale } from "~/i18n/locales";
import { prisma } from "~/services/db.server";
import { enqueueEmail, messageKey } from "~/services/email-outbox.server";
import { absoluteUrl, signEmailToken } from "~/models/notifications/email-tokens.server";
import { hit } from "~/services/rate-limit.server";
import { DomainError } from "~/models/errors.server";

const WINDOW_SECONDS = 3600;
const MAX_PER_IP = 20;
const MAX_PER_ADDRESS = 3;

/**
 * `locale` is the language its emails will go in: the page's language when the visitor asked (they
 * chose it, with the switch or their browser). A request for an address already confirmed and
 * active changes nothing, its language included (a stranger cannot change it).
 */
export async function requestEmailSubscription(input: {
  projectId: string;
  email: string;
  clientIp: string;
  locale?: Locale;
}) {
  const locale = input.locale ?? "en";
  const email = input.email.trim().toLowerCase();
  const [byIp, byAddress] = await Promise.all([
    hit(prisma, `subscribe:ip:${input.clientIp}`, WINDOW_SECONDS),
    hit(prisma, `subscribe:email:${email}`, WINDOW_SECONDS),
  ]);
  if (byIp.count > MAX_PER_IP || byAddress.count > MAX_PER_ADDRESS) {
    throw new DomainError("Too many subscription requests. Please try again in an hour.", "email", 429);
  }
  const project = await prisma.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { name: true } });
  await prisma.$transaction(async (tx) => {
    const subscription = await tx.emailSubscription.upsert({
      where: { projectId_email: { projectId: input.projectId, email } },
      create: { projectId: input.projectId, email, locale },
      update: {},
    });
    // Already confirmed and active: nothing to confirm, and nothing to tell a stranger.
    if (subscription.confirmedAt && !subscription.unsubscribedAt) return;
    if (subscription.locale !== locale) {
      await tx.emailSubscription.update({ where: { id: subscription.id }, data: { locale } });
    }
    const confirmUrl = absoluteUrl(
      `/subscriptions/confirm?token=${encodeURIComponent(signEmailToken({ k: "confirm", s: subscription.id }))}`,
    );
    // Each request is a new confirmation email (the rate limit above bounds them).
    await enqueueEmail(tx, {
      template: "subscription-confirm",
      to: email,
      props: { projectName: project.name, confirmUrl },
      idempotencyKey: messageKey("subscription-confirm"),
    });
  });
}

export async function confirmEmailSubscription(subscriptionId: string) {
  const subscription = await prisma.emailSubscription.update({
    where: { id: subscriptionId },
    data: { confirmedAt: new Date(), unsubscribedAt: null },
    select: { email: true, project: { select: { name: true, slug: true } } },
  });
  return subscription;
}

export async function getEmailSubscription(subscriptionId: string) {
  return prisma.emailSubscription.findUnique({
    where: { id: subscriptionId },
    select: {
      id: true,
      email: true,
      confirmedAt: true,
      unsubscribedAt: true,
      project: { select: { name: true, slug: true } },
    },
  });
}
