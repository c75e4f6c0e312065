// What each recorded event means to the people told about it: the in-app line, who hears it, and
// the email. Built only from the event's payload plus records that do not change afterwards (names,
// time zones), so a retried send renders the same email (Resend refuses a reused idempotency key
// with a different body). Dates are stated in the agency's zone, with the zone. Every event type in
// the catalogue (app/models/events/catalogue.ts) has a case here, checked by the compiler.
import type { NotificationType } from "@prisma/client";
import { createElement, type ReactElement } from "react";
import CommentAutoHiddenEmail from "../../../emails/comment-auto-hidden";
import CommentPeriodEmail, { type CommentPeriodProps } from "../../../emails/comment-period";
import CommentResponseEmail from "../../../emails/comment-response";
import type { EmailFooter } from "../../../emails/components/EmailLayout";
import InformationRequestEmail from "../../../emails/information-request";
import MilestoneMovedEmail from "../../../emails/milestone-moved";
import MonitoringAlertEmail from "../../../emails/monitoring-alert";
import ReviewAssignedEmail from "../../../emails/review-assigned";
import SavedSearchMatchEmail from "../../../emails/saved-search-match";
import StageChangedEmail from "../../../emails/stage-changed";
import { STAGE_CHANGE_WORDS, type DomainEventRecord, type PayloadFor } from "~/models/events/catalogue";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import { STATUTORY_RULES } from "~/models/statutory-clock";
import { prisma } from "~/services/db.server";
import { formatCalendarDate, formatDeadline, formatEventTime, type DatePrecision } from "~/utils/dates";

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

/** An empty text reads as nothing to say. */
const present = (value: string | null): string | null => (value === "" ? null : value);

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
export async function describeEvent(event: DomainEventRecord): Promise<EventNotice | null> {
  switch (event.type) {
    case "project.stageChanged":
      return stageChanged(event.payload, event.occurredAt);
    case "milestone.dateChanged":
      return milestoneMoved(event.payload);
    case "commentPeriod.opened":
    case "commentPeriod.reopened":
    case "commentPeriod.extended":
    case "commentPeriod.closingSoon":
    case "commentPeriod.closed":
      return commentPeriodEvent(event);
    case "comment.responded":
      return commentResponded(event.payload);
    case "informationRequest.issued":
      return informationRequestIssued(event.payload);
    case "review.assigned":
      return reviewAssigned(event.payload);
    case "comment.autoHidden":
      return commentAutoHidden(event.payload);
    case "savedSearch.matched":
      return savedSearchMatched(event.payload);
    case "milestone.targetPassed":
      return milestoneTargetPassed(event.payload);
    case "statutoryDeadline.alert":
      return statutoryDeadlineAlert(event.payload);
    case "statutoryClock.extended":
      return statutoryClockExtended(event.payload);
    // Nobody is notified of these (the commenter's receipt is emailed by the intake itself); a new
    // event starts here until someone decides who should hear of it.
    case "project.created":
    case "project.updated":
    case "milestone.added":
    case "milestone.actualDateRecorded":
    case "comment.moderated":
    case "package.submitted":
    case "package.determined":
    case "comment.submitted":
    case "record.baseline":
    case "informationRequest.answered":
    case "informationRequest.decided":
    case "informationRequest.withdrawn":
    case "concern.published": // each commenter raising it hears by the comment.responded event of their comment
      return null;
    default: {
      const unhandled: never = event;
      throw new Error(`No notification decision for event ${(unhandled as DomainEventRecord).type}.`);
    }
  }
}

async function stageChanged(payload: PayloadFor["project.stageChanged"], occurredAt: Date): Promise<EventNotice> {
  const projectId = payload.projectId;
  const zone = await projectZone(projectId);
  const change = STAGE_CHANGE_WORDS[payload.kind];
  const name = payload.name;
  const toStageLabel = payload.toStageLabel;
  const path = `/projects/${payload.slug}`;
  const occurred = happened(present(payload.occurredAt) ?? occurredAt, zone);
  return {
    type: "STAGE_CHANGED",
    projectId,
    projectName: name,
    title: `${name} ${change} ${toStageLabel}`,
    detail: present(payload.reason),
    path,
    audience: { kind: "project", projectId },
    excludeUserId: payload.actorId,
    email: {
      template: "stage-changed",
      subject: `${name} ${change} ${toStageLabel}`,
      render: (footer, appUrl) =>
        createElement(StageChangedEmail, {
          projectName: name,
          fromStageLabel: payload.fromStageLabel,
          toStageLabel,
          change,
          reason: present(payload.reason),
          occurredAt: occurred,
          projectUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

async function milestoneMoved(payload: PayloadFor["milestone.dateChanged"]): Promise<EventNotice> {
  const projectId = payload.projectId;
  const name = payload.name;
  const milestone = payload.milestoneName;
  const previous = present(payload.previousDate);
  const next = present(payload.newDate);
  const reasonLabel = DATE_CHANGE_REASON_LABELS[payload.reason];
  const path = `/projects/${payload.slug}#changes`;
  // Events recorded before the payload named the precision were all to the day.
  const precision: DatePrecision = payload.datePrecision ?? "DAY";
  const show = (date: string | null, none: string) => (date ? formatCalendarDate(date, precision) : none);
  const dates = `${show(previous, "not set")} → ${show(next, "not set")}`;
  return {
    type: "MILESTONE_DATE_CHANGED",
    projectId,
    projectName: name,
    title: `${name}: ${milestone} moved (${dates})`,
    detail: [reasonLabel, present(payload.narrative)].filter(Boolean).join(": "),
    path,
    audience: { kind: "project", projectId },
    excludeUserId: payload.actorId,
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
          explanation: present(payload.narrative),
          projectUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

type PeriodEvent = Extract<DomainEventRecord, { type: `commentPeriod.${string}` }>;
type PeriodKind = CommentPeriodProps["kind"];

const PERIOD_NOTICES: Record<PeriodKind, { type: NotificationType; words: string }> = {
  opened: { type: "COMMENT_PERIOD_OPENED", words: "Comment period open" },
  reopened: { type: "COMMENT_PERIOD_OPENED", words: "Comment period reopened" },
  extended: { type: "COMMENT_PERIOD_EXTENDED", words: "Deadline extended" },
  closing7d: { type: "COMMENT_PERIOD_CLOSING_7D", words: "7 days left to comment" },
  closing24h: { type: "COMMENT_PERIOD_CLOSING_24H", words: "24 hours left to comment" },
  closed: { type: "COMMENT_PERIOD_CLOSED", words: "Comment period closed" },
};

function periodKind(event: PeriodEvent): PeriodKind {
  switch (event.type) {
    case "commentPeriod.opened":
      return "opened";
    case "commentPeriod.reopened":
      return "reopened";
    case "commentPeriod.extended":
      return "extended";
    case "commentPeriod.closingSoon":
      return event.payload.kind;
    case "commentPeriod.closed":
      return "closed";
  }
}

async function commentPeriodEvent(event: PeriodEvent): Promise<EventNotice | null> {
  const payload = event.payload;
  const kind = periodKind(event);
  const meta = PERIOD_NOTICES[kind];
  const periodId = payload.periodId;
  const period = await prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: { opensAt: true, allowAnonymous: true, timeZone: true },
  });
  if (!period) return null;
  const projectId = payload.projectId;
  const name = payload.name;
  const title = payload.title;
  const zone = present(payload.timeZone) ?? period.timeZone;
  const closesAt = when(payload.closesAt, zone);
  // Deadline changes say what moved and why; openings and reminders say when the window runs.
  const previous = "previousClosesAt" in payload ? present(payload.previousClosesAt) : null;
  const reason = "reason" in payload ? present(payload.reason) : null;
  const opensAt = "opensAt" in payload ? present(payload.opensAt) : null;
  const path = `/comment-periods/${periodId}`;
  const detail =
    kind === "extended" && previous
      ? `Deadline moved from ${when(previous, zone)} to ${closesAt}.${reason ? ` ${reason}` : ""}`
      : kind === "closed"
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
    // Reminders are raised by a job: nobody to leave out.
    excludeUserId: "actorId" in payload ? payload.actorId : null,
    email: {
      template: `comment-period-${kind}`,
      subject: `${meta.words}: ${title} (${name})`,
      render: (footer, appUrl) =>
        createElement(CommentPeriodEmail, {
          kind,
          projectName: name,
          periodTitle: title,
          opensAt: when(opensAt ?? period.opensAt.toISOString(), zone),
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

async function commentResponded(payload: PayloadFor["comment.responded"]): Promise<EventNotice | null> {
  const comment = await prisma.comment.findUnique({
    where: { id: payload.commentId },
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
    where: { id: payload.responseId },
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

async function informationRequestIssued(payload: PayloadFor["informationRequest.issued"]): Promise<EventNotice | null> {
  const projectId = payload.projectId;
  const request = await prisma.informationRequest.findUnique({
    where: { id: payload.requestId },
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
    excludeUserId: payload.actorId,
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

async function reviewAssigned(payload: PayloadFor["review.assigned"]): Promise<EventNotice | null> {
  const actorId = payload.actorId;
  const actor = actorId ? await prisma.user.findUnique({ where: { id: actorId }, select: { name: true } }) : null;
  const path = `/projects/${payload.slug}/reviews/${payload.reviewId}`;
  const name = payload.name;
  const reviewTitle = payload.title;
  return {
    type: "REVIEW_ASSIGNED",
    projectId: payload.projectId,
    projectName: name,
    title: `You were assigned to review ${reviewTitle} (${name})`,
    detail: actor ? `Assigned by ${actor.name}.` : null,
    path,
    audience: { kind: "users", userIds: [payload.assigneeId] },
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

/** To every member of the project's lead agency (the people `comment.moderate` allows), at once. */
async function commentAutoHidden(payload: PayloadFor["comment.autoHidden"]): Promise<EventNotice | null> {
  const period = await prisma.commentPeriod.findUnique({
    where: { id: payload.periodId },
    select: {
      id: true,
      title: true,
      project: {
        select: { id: true, name: true, leadAgency: { select: { memberships: { select: { userId: true } } } } },
      },
    },
  });
  const moderators = period?.project.leadAgency?.memberships.map((m) => m.userId) ?? [];
  if (!period || moderators.length === 0) return null;
  const { receiptNumber } = payload;
  const reportCount = payload.reportCount ?? 0;
  const path = `/comment-periods/${period.id}/moderation`;
  const project = period.project;
  return {
    type: "COMMENT_AUTO_HIDDEN",
    projectId: project.id,
    projectName: project.name,
    title: `Comment ${receiptNumber} was hidden by reports and waits for review (${project.name})`,
    detail: `${reportCount} reports on ${period.title}. It stays hidden until a moderator decides.`,
    path,
    audience: { kind: "users", userIds: moderators },
    excludeUserId: null,
    email: {
      template: "comment-auto-hidden",
      subject: `Comment ${receiptNumber} hidden by reports: review it (${project.name})`,
      render: (footer, appUrl) =>
        createElement(CommentAutoHiddenEmail, {
          projectName: project.name,
          periodTitle: period.title,
          receiptNumber,
          reportCount,
          moderationUrl: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

/**
 * To whoever keeps the watchlist now: its person, or every member of its organization. A search or
 * watchlist deleted since the match was found tells nobody.
 */
async function savedSearchMatched(payload: PayloadFor["savedSearch.matched"]): Promise<EventNotice | null> {
  const search = await prisma.savedSearch.findUnique({
    where: { id: payload.savedSearchId },
    select: {
      watchlist: {
        select: {
          id: true,
          ownerUserId: true,
          organization: { select: { memberships: { select: { userId: true } } } },
        },
      },
    },
  });
  if (!search) return null;
  const keepers = search.watchlist.ownerUserId
    ? [search.watchlist.ownerUserId]
    : (search.watchlist.organization?.memberships.map((m) => m.userId) ?? []);
  if (keepers.length === 0) return null;
  const path = `/projects/${payload.slug}`;
  const watchlistPath = `/watchlists/${search.watchlist.id}`;
  const standing = `${payload.stageLabel} · ${PROJECT_STATUS_LABELS[payload.status]}`;
  const title = `${payload.name} entered your saved search “${payload.searchName}”`;
  return {
    type: "SAVED_SEARCH_MATCH",
    projectId: payload.projectId,
    projectName: payload.name,
    title,
    detail: `On the watchlist ${payload.watchlistName}. ${standing}.`,
    path,
    audience: { kind: "users", userIds: keepers },
    excludeUserId: null,
    email: {
      template: "saved-search-match",
      subject: title,
      render: (footer, appUrl) =>
        createElement(SavedSearchMatchEmail, {
          projectName: payload.name,
          searchName: payload.searchName,
          watchlistName: payload.watchlistName,
          standing,
          projectUrl: new URL(path, appUrl).toString(),
          watchlistUrl: new URL(watchlistPath, appUrl).toString(),
          footer,
        }),
    },
  };
}

function milestoneTargetPassed(payload: PayloadFor["milestone.targetPassed"]): EventNotice {
  const { projectId, name } = payload;
  const target = formatCalendarDate(payload.targetDate, payload.datePrecision);
  const headline = `${payload.milestoneName} passed its target (${target}) with no action recorded`;
  const path = `/projects/${payload.slug}#timeline`;
  return {
    type: "MILESTONE_OVERDUE",
    projectId,
    projectName: name,
    title: `${name}: ${headline}`,
    detail: `The target was ${target}; no actual date is recorded and the target has not been moved.`,
    path,
    audience: { kind: "project", projectId },
    excludeUserId: null,
    email: {
      template: "milestone-overdue",
      subject: `${name}: ${payload.milestoneName} is past its target (${target})`,
      render: (footer, appUrl) =>
        createElement(MonitoringAlertEmail, {
          projectName: name,
          headline,
          facts: [`Milestone: ${payload.milestoneName}`, `Target: ${target}`, "Actual date: none recorded"],
          explanation:
            payload.datePrecision === "DAY"
              ? "The target day has passed and the record shows neither the milestone done nor a new target."
              : `The target is known only to the ${payload.datePrecision === "MONTH" ? "month" : "year"}, and that whole ${payload.datePrecision === "MONTH" ? "month" : "year"} has passed with neither the milestone done nor a new target recorded.`,
          linkLabel: "See the timeline",
          url: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

const TRACK_WORDS = { EIS: "environmental impact statement", EA: "environmental assessment" } as const;

function statutoryDeadlineAlert(payload: PayloadFor["statutoryDeadline.alert"]): EventNotice {
  const { projectId, name } = payload;
  const deadline = formatCalendarDate(payload.deadline, payload.deadlinePrecision);
  const started = formatCalendarDate(payload.startDate, payload.startPrecision);
  const years = STATUTORY_RULES.limitYears[payload.track];
  const headline =
    payload.kind === "missed"
      ? `statutory ${payload.track} deadline (${deadline}) passed with no decision`
      : `statutory ${payload.track} deadline in ${payload.kind === "90d" ? 90 : 30} days (${deadline})`;
  const path = `/projects/${payload.slug}#statutory`;
  const extended = payload.extended ? " (as extended by the lead agency)" : "";
  return {
    type: "STATUTORY_DEADLINE",
    projectId,
    projectName: name,
    title: `${name}: ${headline}`,
    detail: `${years} year${years === 1 ? "" : "s"} for an ${TRACK_WORDS[payload.track]} from ${payload.startName} (${started})${extended}; ${STATUTORY_RULES.citation}.`,
    path,
    audience: { kind: "project", projectId },
    excludeUserId: null,
    email: {
      template: `statutory-deadline-${payload.kind}`,
      subject: `${name}: ${headline}`,
      render: (footer, appUrl) =>
        createElement(MonitoringAlertEmail, {
          projectName: name,
          headline,
          facts: [
            `Deadline: ${deadline}${extended}`,
            `Started by: ${payload.startName}, ${started}`,
            `Limit: ${years} year${years === 1 ? "" : "s"} for an ${TRACK_WORDS[payload.track]}`,
          ],
          explanation: `${STATUTORY_RULES.citation} counts the deadline from the sooner of the agency's determination, its notice that a right-of-way application is complete, and the notice of intent. The lead agency may extend it in consultation with the applicant, by only as much time as needed, and must say why.`,
          linkLabel: "See the statutory clock",
          url: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}

/** To the project's followers, under the statutory-deadline preference: the deadline they watch moved. */
function statutoryClockExtended(payload: PayloadFor["statutoryClock.extended"]): EventNotice {
  const { projectId, name } = payload;
  const previous = formatCalendarDate(payload.previousDeadline, payload.previousPrecision);
  const next = formatCalendarDate(payload.newDeadline, "DAY");
  const kind = payload.basis === "statutory" ? "statutory" : "reference (pre-2023)";
  const headline = `${kind} ${payload.track} deadline extended from ${previous} to ${next}`;
  const path = `/projects/${payload.slug}#statutory`;
  return {
    type: "STATUTORY_DEADLINE",
    projectId,
    projectName: name,
    title: `${name}: ${headline}`,
    detail: `Reason given by the lead agency: ${payload.reason}`,
    path,
    audience: { kind: "project", projectId },
    excludeUserId: payload.actorId,
    email: {
      template: "statutory-deadline-extended",
      subject: `${name}: ${headline}`,
      render: (footer, appUrl) =>
        createElement(MonitoringAlertEmail, {
          projectName: name,
          headline,
          facts: [
            `Deadline before: ${previous}`,
            `Deadline now: ${next}`,
            `Reason given: ${payload.reason}`,
            ...(payload.sourceUrl ? [`Notice: ${payload.sourceUrl}`] : []),
          ],
          explanation:
            payload.basis === "statutory"
              ? `${STATUTORY_RULES.citation} lets the lead agency extend the deadline, in consultation with the applicant, by only as much time as is needed, and it must say why.`
              : "This review began before June 3, 2023, so the deadline is shown for reference and is not a legal deadline.",
          linkLabel: "See the statutory clock",
          url: new URL(path, appUrl).toString(),
          footer,
        }),
    },
  };
}
