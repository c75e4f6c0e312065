// Renders pending deliveries into emails. A fan-out email is the same for every follower except its
// unsubscribe link, so it is rendered once per event and kind of recipient, and each copy gets its own
// signed token by substitution (rendering 100,000 identical React trees would cost minutes of CPU).
// Transactional emails (receipts, account emails) carry their own props and are rendered one by one.
import type { EmailDelivery } from "@prisma/client";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { EmailFooter } from "../../../emails/components/EmailLayout";
import DigestEmail, { type DigestProject } from "../../../emails/digest";
import { env } from "~/env.server";
import { parseEvent } from "~/models/events/catalogue";
import { NOTIFICATION_TYPE_LABELS } from "~/models/notifications/notification-preferences";
import { prisma } from "~/services/db.server";
import { transactionalContent } from "~/services/email-outbox.server";
import { formatEventTime } from "~/utils/dates";
import { describeEvent, type EventNotice } from "./content.server";
import { signEmailToken, type EmailToken } from "./email-tokens.server";

export type PreparedEmail = {
  to: string;
  subject: string;
  template: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

const PLACEHOLDER = "LODESTONEUNSUBSCRIBETOKEN";

type Rendered = { subject: string; template: string; html: string; text: string };

function unsubscribeLink(token: string): string {
  return new URL(`/unsubscribe?token=${token}`, env().APP_URL).toString();
}

function withToken(rendered: Rendered, to: string, token: EmailToken): PreparedEmail {
  const signed = encodeURIComponent(signEmailToken(token));
  const link = unsubscribeLink(signed);
  return {
    to,
    subject: rendered.subject,
    template: rendered.template,
    html: rendered.html.replaceAll(PLACEHOLDER, signed),
    text: rendered.text.replaceAll(PLACEHOLDER, signed),
    headers: {
      // RFC 8058 one-click: mail apps show "Unsubscribe" and POST to the link without opening it.
      "List-Unsubscribe": `<${link}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

async function renderElement(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

type RecipientKind = "follower" | "person" | "subscriber";

function footerFor(notice: EventNotice, kind: RecipientKind): EmailFooter {
  const unsubscribeUrl = unsubscribeLink(PLACEHOLDER);
  if (kind === "subscriber") {
    return {
      reason: `You receive this because you asked for email updates about ${notice.projectName} on Lodestone.`,
      unsubscribeUrl,
    };
  }
  const preferencesUrl = new URL("/account/notifications", env().APP_URL).toString();
  if (kind === "follower") {
    return {
      reason: `You receive this because you follow ${notice.projectName} on Lodestone.`,
      unsubscribeUrl,
      preferencesUrl,
    };
  }
  return {
    reason: `You receive this because “${NOTIFICATION_TYPE_LABELS[notice.type].label}” emails are on in your Lodestone settings.`,
    unsubscribeUrl,
    preferencesUrl,
  };
}

function tokenFor(delivery: EmailDelivery, notice: EventNotice, kind: RecipientKind): EmailToken {
  if (kind === "subscriber") return { k: "sub", s: delivery.subscriptionId ?? "" };
  if (kind === "follower") return { k: "project", u: delivery.userId ?? "", p: notice.projectId ?? "" };
  return { k: "type", u: delivery.userId ?? "", t: notice.type };
}

export async function renderDeliveries(deliveries: EmailDelivery[]): Promise<PreparedEmail[]> {
  const notices = new Map<string, EventNotice | null>();
  const rendered = new Map<string, Rendered>();
  const prepared: PreparedEmail[] = [];
  for (const delivery of deliveries) {
    if (delivery.props !== null) {
      prepared.push(await renderTransactional(delivery));
      continue;
    }
    if (delivery.digestId) {
      prepared.push(await renderDigest(delivery));
      continue;
    }
    const eventId = delivery.eventId ?? "";
    if (!notices.has(eventId)) {
      const event = await prisma.domainEvent.findUnique({ where: { id: eventId } });
      notices.set(eventId, event ? await describeEvent(parseEvent(event)) : null);
    }
    const notice = notices.get(eventId);
    if (!notice) throw new Error(`Delivery ${delivery.id}: its event ${eventId} no longer describes an email.`);
    const kind: RecipientKind = delivery.subscriptionId
      ? "subscriber"
      : notice.audience.kind === "project"
        ? "follower"
        : "person";
    const cacheKey = `${eventId}:${kind}`;
    let copy = rendered.get(cacheKey);
    if (!copy) {
      const element = notice.email.render(footerFor(notice, kind), env().APP_URL);
      copy = { subject: notice.email.subject, template: notice.email.template, ...(await renderElement(element)) };
      rendered.set(cacheKey, copy);
    }
    prepared.push(withToken(copy, delivery.toEmail, tokenFor(delivery, notice, kind)));
  }
  return prepared;
}

/** A receipt or account email: rendered from its stored props, with no unsubscribe (nothing to stop). */
async function renderTransactional(delivery: EmailDelivery): Promise<PreparedEmail> {
  const { subject, element } = transactionalContent(delivery.template, delivery.props);
  return { to: delivery.toEmail, subject, template: delivery.template, headers: {}, ...(await renderElement(element)) };
}

async function renderDigest(delivery: EmailDelivery): Promise<PreparedEmail> {
  const digest = await prisma.digest.findUniqueOrThrow({
    where: { id: delivery.digestId ?? "" },
    select: {
      frequency: true,
      periodKey: true,
      user: { select: { id: true, name: true, timeZone: true } },
      notifications: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          title: true,
          detail: true,
          url: true,
          createdAt: true,
          type: true,
          project: { select: { name: true, slug: true } },
        },
      },
    },
  });
  const appUrl = env().APP_URL;
  const byProject = new Map<string, DigestProject>();
  for (const item of digest.notifications) {
    const key = item.project?.slug ?? "";
    const group = byProject.get(key) ?? {
      projectName: item.project?.name ?? "Other updates",
      projectUrl: new URL(item.project ? `/projects/${item.project.slug}` : "/notifications", appUrl).toString(),
      items: [],
    };
    group.items.push({
      title: item.title,
      detail: item.detail,
      occurredAt: `${formatEventTime(item.createdAt, digest.user.timeZone)} (${digest.user.timeZone})`,
      url: new URL(item.url, appUrl).toString(),
    });
    byProject.set(key, group);
  }
  const frequency = digest.frequency === "DAILY" ? "daily" : "weekly";
  const periodLabel = digestPeriodLabel(digest.frequency, digest.periodKey);
  const element = createElement(DigestEmail, {
    frequency,
    periodLabel,
    recipientName: digest.user.name,
    itemCount: digest.notifications.length,
    projects: [...byProject.values()],
    footer: {
      reason: `You receive this ${frequency} digest because you chose it in your Lodestone notification settings.`,
      unsubscribeUrl: unsubscribeLink(PLACEHOLDER),
      preferencesUrl: new URL("/account/notifications", appUrl).toString(),
    },
  });
  const copy = {
    subject: `Your ${frequency} Lodestone digest: ${digest.notifications.length} update${digest.notifications.length === 1 ? "" : "s"} (${periodLabel})`,
    template: "digest",
    ...(await renderElement(element)),
  };
  return withToken(copy, delivery.toEmail, { k: "digest", u: digest.user.id, f: digest.frequency });
}

const LABEL_DATE = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** periodKey is the local date the digest closes on (YYYY-MM-DD). */
export function digestPeriodLabel(frequency: "DAILY" | "WEEKLY", periodKey: string): string {
  const date = new Date(`${periodKey}T12:00:00Z`);
  return frequency === "DAILY" ? LABEL_DATE.format(date) : `week ending ${LABEL_DATE.format(date)}`;
}
