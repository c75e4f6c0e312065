// What each recorded event means to the people told about it: the in-app line, who hears it, and
// the email. Built only from the event's payload plus records that do not change afterwards (names,
// time zones), so a retried send renders the same email (Resend refuses a reused idempotency key
// with a different body). Dates are stated in the agency's zone, with the zone.
import type { DomainEvent, NotificationType } from "@prisma/client";
import { createElement, type ReactElement } from "react";
import CommentPeriodEmail, { type CommentPeriodProps } from "../../../emails/comment-period";
import CommentResponseEmail from "../../../emails/comment-response";
import type { EmailFooter } from "../../../emails/components/EmailLayout";
import InformationRequestEmail from "../../../emails/information-request";
import MilestoneMovedEmail from "../../../emails/milestone-moved";
import ReviewAssignedEmail from "../../../emails/review-assigned";
import StageChangedEmail from "../../../emails/stage-changed";
import { DATE_CHANGE_REASON_LABELS } from "~/models/labels";
import { prisma } from "~/services/db.server";
import { formatCalendarDate, formatDeadline, formatEventTime, type DatePrecision } from "~/utils/dates";

export const PERIOD_CLOSING_EVENT = "commentPeriod.closingSoon";
export const PERIOD_CLOSED_EVENT = "commentPeriod.closed";

export type Audience =
  /** The project's followers (and, for public kinds, its confirmed email subscribers). */
  | { kind: "project"; projectId: string }
  /** Named people (the author of a comment, the company's staff, an assigned reviewer). */
  | { kind: "users"; userIds: string[] };

export type EventNotice = {
  type: NotificationType;
  projectId: string | null;
  projectName: string;
  title: string;
  detail: string | null;
  /** Path in the app; emails make it absolute. */
  path: string;
  audience: Audience;
  /** Whoever caused the event: they are not told about their own action. */
  excludeUserId: string | null;
  email: { template: string; subject: string; render: (footer: EmailFooter, appUrl: string) => ReactElement };
};

type Payload = Record<string, unknown>;
const text = (payload: Payload, key: string): string => String(payload[key] ?? "");
const optional = (payload: Payload, key: string): string | null =>
  payload[key] === null || payload[key] === undefined || payload[key] === "" ? null : String(payload[key]);

const STAGE_CHANGE_WORDS: Record<string, string> = {
  ADVANCE: "advanced to",
  RESCIND: "moved back to",
  PAUSE: "was paused in",
  RESUME: "resumed in",
  APPROVE: "was approved in",
  DENY: "was denied in",
  WITHDRAW: "was withdrawn in",
  RECORD: "is now in",
};

async function projectZone(projectId: string): Promise<string> {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { leadAgency: { select: { timeZone: true } } },
  });
  return project?.leadAgency?.timeZone ?? "UTC";
}

// Deadlines carry the UTC offset as well as the zone; "when it happened" is to the minute.
const when = (iso: string, zone: string) => formatDeadline(iso, zone);
const happened = (instant: string | Date, zone: string) => `${formatEventTime(instant, zone)} (${zone})`;

/** Null for events nobody is notified about (package submissions, moderation, ...). */
export async function describeEvent(event: Pick<DomainEvent, "id" | "type" | "payload" | "occurredAt">) {
  const payload = (event.payload ?? {}) as Payload;
  switch (event.type) {
    case "project.stageChanged":
      return stageChanged(payload, event.occurredAt);
    case "milestone.dateChanged":
      return milestoneMoved(payload);
    case "commentPeriod.opened":
    case "commentPeriod.reopened":
    case "commentPeriod.extended":
    case PERIOD_CLOSING_EVENT:
    case PERIOD_CLOSED_EVENT:
      return commentPeriodEvent(event.type, payload);
    case "comment.responded":
      return commentResponded(payload);
    case "informationRequest.issued":
      return informationRequestIssued(payload);
    case "review.assigned":
      return reviewAssigned(payload);
    default:
      return null;
  }
}

async function stageChanged(payload: Payload, occurredAt: Date): Promise<EventNotice> {
  const projectId = text(payload, "projectId");
  const zone = await projectZone(projectId);
  const change = STAGE_CHANGE_WORDS[text(payload, "kind")] ?? "is now in";
  const name = text(payload, "name");
  const toStageLabel = text(payload, "toStageLabel");
  const path = `/projects/${text(payload, "slug")}`;
  const occurred = happened(optional(payload, "occurredAt") ?? occurredAt, zone);
  return {
    type: "STAGE_CHANGED",
    projectId,
    projectName: name,
    title: `${name} ${change} ${toStageLabel}`,
    detail: optional(payload, "reason"),
    path,
    audience: { kind: "project", projectId },
    excludeUserId: optional(payload, "actorId"),
    email: {
      template: "stage-changed",
      subject: `${name} ${change} ${toStageLabel}`,
      render: (footer, appUrl) =>
        createElement(StageChangedEmail, {
          projectName: name,
          fromStageLabel: text(payload, "fromStageLabel"),
          toStageLabel,
          change,
          reason: optional(payload, "reason"),
          occurredAt: occurred,
          projectUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

async function milestoneMoved(payload: Payload): Promise<EventNotice> {
  const projectId = text(payload, "projectId");
  const name = text(payload, "name");
  const milestone = text(payload, "milestoneName");
  const previous = optional(payload, "previousDate");
  const next = optional(payload, "newDate");
  const reasonLabel =
    DATE_CHANGE_REASON_LABELS[text(payload, "reason") as keyof typeof DATE_CHANGE_REASON_LABELS] ??
    text(payload, "reason");
  const path = `/projects/${text(payload, "slug")}#changes`;
  // Events recorded before the payload named the precision were all to the day.
  const precision = (optional(payload, "datePrecision") ?? "DAY") as DatePrecision;
  const show = (date: string | null, none: string) => (date ? formatCalendarDate(date, precision) : none);
  const dates = `${show(previous, "not set")} → ${show(next, "not set")}`;
  return {
    type: "MILESTONE_DATE_CHANGED",
    projectId,
    projectName: name,
    title: `${name}: ${milestone} moved (${dates})`,
    detail: [reasonLabel, optional(payload, "narrative")].filter(Boolean).join(": "),
    path,
    audience: { kind: "project", projectId },
    excludeUserId: optional(payload, "actorId"),
    email: {
      template: "milestone-moved",
      subject: `${name}: ${milestone} moved to ${show(next, "no date")}`,
      render: (footer, appUrl) =>
        createElement(MilestoneMovedEmail, {
          projectName: name,
          milestoneTitle: milestone,
          previousDate: previous ? show(previous, "") : null,
          newDate: next ? show(next, "") : null,
          dateKind: "target date",
          reasonLabel,
          explanation: optional(payload, "narrative"),
          projectUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

const PERIOD_KINDS: Record<string, { kind: CommentPeriodProps["kind"]; type: NotificationType; words: string }> = {
  "commentPeriod.opened": { kind: "opened", type: "COMMENT_PERIOD_OPENED", words: "Comment period open" },
  "commentPeriod.reopened": { kind: "reopened", type: "COMMENT_PERIOD_OPENED", words: "Comment period reopened" },
  "commentPeriod.extended": { kind: "extended", type: "COMMENT_PERIOD_EXTENDED", words: "Deadline extended" },
  [`${PERIOD_CLOSING_EVENT}:closing7d`]: {
    kind: "closing7d",
    type: "COMMENT_PERIOD_CLOSING_7D",
    words: "7 days left to comment",
  },
  [`${PERIOD_CLOSING_EVENT}:closing24h`]: {
    kind: "closing24h",
    type: "COMMENT_PERIOD_CLOSING_24H",
    words: "24 hours left to comment",
  },
  [PERIOD_CLOSED_EVENT]: { kind: "closed", type: "COMMENT_PERIOD_CLOSED", words: "Comment period closed" },
};

async function commentPeriodEvent(type: string, payload: Payload): Promise<EventNotice | null> {
  const key = type === PERIOD_CLOSING_EVENT ? `${type}:${text(payload, "kind")}` : type;
  const meta = PERIOD_KINDS[key];
  if (!meta) return null;
  const periodId = text(payload, "periodId");
  const period = await prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: { opensAt: true, allowAnonymous: true, timeZone: true },
  });
  if (!period) return null;
  const projectId = text(payload, "projectId");
  const name = text(payload, "name");
  const title = text(payload, "title");
  const zone = optional(payload, "timeZone") ?? period.timeZone;
  const closesAt = when(text(payload, "closesAt"), zone);
  const previous = optional(payload, "previousClosesAt");
  const path = `/comment-periods/${periodId}`;
  const detail =
    meta.kind === "extended" && previous
      ? `Deadline moved from ${when(previous, zone)} to ${closesAt}.${optional(payload, "reason") ? ` ${text(payload, "reason")}` : ""}`
      : meta.kind === "closed"
        ? `Closed ${closesAt}.`
        : `Comments accepted until ${closesAt}.`;
  return {
    type: meta.type,
    projectId,
    projectName: name,
    title: `${meta.words}: ${title} (${name})`,
    detail,
    path,
    audience: { kind: "project", projectId },
    excludeUserId: optional(payload, "actorId"),
    email: {
      template: `comment-period-${meta.kind}`,
      subject: `${meta.words}: ${title} (${name})`,
      render: (footer, appUrl) =>
        createElement(CommentPeriodEmail, {
          kind: meta.kind,
          projectName: name,
          periodTitle: title,
          opensAt: when(optional(payload, "opensAt") ?? period.opensAt.toISOString(), zone),
          closesAt,
          previousClosesAt: previous ? when(previous, zone) : null,
          anonymousAllowed: period.allowAnonymous,
          periodUrl: new URL(path, appUrl).toString(),
          commentUrl: new URL(`${path}/comment`, appUrl).toString(),
          footer,
        }),
    },
  };
}

async function commentResponded(payload: Payload): Promise<EventNotice | null> {
  const comment = await prisma.comment.findUnique({
    where: { id: text(payload, "commentId") },
    select: {
      userId: true,
      receiptNumber: true,
      period: {
        select: {
          id: true,
          title: true,
          project: { select: { id: true, name: true, leadAgency: { select: { name: true } } } },
        },
      },
    },
  });
  const response = await prisma.officialResponse.findUnique({
    where: { id: text(payload, "responseId") },
    select: { id: true, text: true, authorId: true },
  });
  // Only people with an account are notified: they can turn it off. Anonymous or account-less
  // commenters find the answer on the period's responses page.
  if (!comment?.userId || !response) return null;
  const path = `/comment-periods/${comment.period.id}/responses#response-${response.id}`;
  const excerpt = response.text.length > 600 ? `${response.text.slice(0, 597)}…` : response.text;
  const project = comment.period.project;
  return {
    type: "COMMENT_RESPONSE",
    projectId: project.id,
    projectName: project.name,
    title: `The agency answered your comment ${comment.receiptNumber}`,
    detail: excerpt,
    path,
    audience: { kind: "users", userIds: [comment.userId] },
    excludeUserId: response.authorId,
    email: {
      template: "comment-response",
      subject: `Response to your comment ${comment.receiptNumber} on ${comment.period.title}`,
      render: (footer, appUrl) =>
        createElement(CommentResponseEmail, {
          receiptNumber: comment.receiptNumber,
          periodTitle: comment.period.title,
          projectName: project.name,
          agencyName: project.leadAgency?.name ?? "The lead agency",
          responseExcerpt: excerpt,
          responseUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

async function informationRequestIssued(payload: Payload): Promise<EventNotice | null> {
  const projectId = text(payload, "projectId");
  const request = await prisma.informationRequest.findUnique({
    where: { id: text(payload, "requestId") },
    select: {
      id: true,
      title: true,
      dueDate: true,
      issuedBy: { select: { memberships: { select: { organization: { select: { name: true, kind: true } } } } } },
      project: {
        select: {
          slug: true,
          name: true,
          company: { select: { name: true, memberships: { select: { userId: true } } } },
          leadAgency: { select: { name: true } },
        },
      },
    },
  });
  if (!request) return null;
  const project = request.project;
  const agencyName =
    request.issuedBy.memberships.find((m) => m.organization.kind === "AGENCY")?.organization.name ??
    project.leadAgency?.name ??
    "The agency";
  const path = `/projects/${project.slug}/requests/${request.id}`;
  const due = request.dueDate ? formatCalendarDate(request.dueDate) : null;
  return {
    type: "INFORMATION_REQUEST",
    projectId,
    projectName: project.name,
    title: `${agencyName} asked ${project.company.name} for information: ${request.title}`,
    detail: due ? `Due ${due}.` : null,
    path,
    audience: { kind: "users", userIds: project.company.memberships.map((m) => m.userId) },
    excludeUserId: optional(payload, "actorId"),
    email: {
      template: "information-request",
      subject: `Information request on ${project.name}: ${request.title}`,
      render: (footer, appUrl) =>
        createElement(InformationRequestEmail, {
          projectName: project.name,
          companyName: project.company.name,
          agencyName,
          requestTitle: request.title,
          dueDate: due,
          requestUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

async function reviewAssigned(payload: Payload): Promise<EventNotice | null> {
  const actorId = optional(payload, "actorId");
  const actor = actorId ? await prisma.user.findUnique({ where: { id: actorId }, select: { name: true } }) : null;
  const path = `/projects/${text(payload, "slug")}/reviews/${text(payload, "reviewId")}`;
  const name = text(payload, "name");
  const reviewTitle = text(payload, "title");
  return {
    type: "REVIEW_ASSIGNED",
    projectId: text(payload, "projectId"),
    projectName: name,
    title: `You were assigned to review ${reviewTitle} (${name})`,
    detail: actor ? `Assigned by ${actor.name}.` : null,
    path,
    audience: { kind: "users", userIds: [text(payload, "assigneeId")] },
    excludeUserId: actorId,
    email: {
      template: "review-assigned",
      subject: `Review assigned: ${reviewTitle} (${name})`,
      render: (footer, appUrl) =>
        createElement(ReviewAssignedEmail, {
          projectName: name,
          reviewTitle,
          assignedBy: actor?.name ?? null,
          reviewUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}
