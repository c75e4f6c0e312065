// Which events enter the verifiable public record (the log, issue 17) and what each entry says.
// Typed as a mapped type over the catalogue, like EVENT_DESCRIPTIONS: a new event type fails to
// compile until someone decides here whether it is part of the public record and what its public
// body is. Bodies hold public facts only: no account ids, emails, addresses, hidden text or names.
// What a person wrote (a comment's text and name) enters as a salted commitment instead, made by
// recordEvent from the `personal` option, which the type of recordEvent requires for these types.
import type { EventType, PayloadFor } from "./catalogue";
import type { JsonValue } from "../log/canonical-json";

type JsonObject = { [key: string]: JsonValue };

/**
 * Event types whose entries commit to what a person wrote: recordEvent's type demands the text
 * and name for them, and their rule below must say `personal: true` (the compiler checks both).
 */
export type PersonalEventType = "comment.submitted";

/** What a person wrote, committed to (never stored in the log): the text and the name shown. */
export type PersonalContent = { text: string; name: string };

export type PublicLogRule<T extends EventType> =
  | { public: false; why: string }
  | ({
      public: true;
      /** The project the entry is about (the log is filtered by it). */
      projectId: (payload: PayloadFor[T]) => string | null;
      /** What changed, in public terms; the entry adds its type, time and event id around it. */
      body: (payload: PayloadFor[T]) => JsonObject;
    } & (T extends PersonalEventType ? { personal: true } : { personal?: never }));

const project = (p: { projectId: string; slug: string }) => ({ projectId: p.projectId, slug: p.slug });
const period = (p: { projectId: string; slug: string; periodId: string; title: string }) => ({
  ...project(p),
  periodId: p.periodId,
  title: p.title,
});
const request = (p: { projectId: string; slug: string; requestId: string; title: string; dueDate: string }) => ({
  ...project(p),
  requestId: p.requestId,
  title: p.title,
  dueDate: p.dueDate,
});
const byProject = (p: { projectId: string }) => p.projectId;

export const PUBLIC_LOG: { [T in EventType]: PublicLogRule<T> } = {
  "project.created": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      name: p.name,
      state: p.state,
      county: p.county,
      commodities: p.commodities,
      leadAgencyId: p.leadAgencyId,
      reviewTrack: p.reviewTrack,
      stage: p.stage,
      status: p.status,
    }),
  },
  "project.updated": {
    public: true,
    projectId: byProject,
    body: (p) => ({ ...project(p), section: p.section, changes: p.changes }),
  },
  "project.stageChanged": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      transitionId: p.transitionId,
      kind: p.kind,
      fromStage: p.fromStage,
      toStage: p.toStage,
      fromStatus: p.fromStatus,
      toStatus: p.toStatus,
      reason: p.reason,
    }),
  },
  "milestone.added": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      milestoneId: p.milestoneId,
      milestoneName: p.milestoneName,
      baselineDate: p.baselineDate,
      targetDate: p.targetDate,
      datePrecision: p.datePrecision,
    }),
  },
  "milestone.dateChanged": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      milestoneId: p.milestoneId,
      milestoneName: p.milestoneName,
      dateChangeId: p.dateChangeId,
      previousDate: p.previousDate,
      newDate: p.newDate,
      datePrecision: p.datePrecision ?? "DAY",
      reason: p.reason,
      narrative: p.narrative,
    }),
  },
  "milestone.actualDateRecorded": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      milestoneId: p.milestoneId,
      milestoneName: p.milestoneName,
      previousActualDate: p.previousActualDate,
      actualDate: p.actualDate,
    }),
  },
  "package.submitted": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      packageId: p.packageId,
      title: p.title,
      version: p.version,
      publicDocuments: p.publicDocuments ?? [],
    }),
  },
  "package.determined": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      packageId: p.packageId,
      title: p.title,
      version: p.version,
      determination: p.determination,
      deficiencies: p.deficiencies,
    }),
  },
  "comment.submitted": {
    public: true,
    projectId: () => null,
    body: (p) => ({ periodId: p.periodId, commentId: p.commentId, receiptNumber: p.receiptNumber }),
    personal: true,
  },
  "comment.autoHidden": {
    public: true,
    projectId: () => null,
    body: (p) => ({
      periodId: p.periodId,
      commentId: p.commentId,
      receiptNumber: p.receiptNumber,
      reportCount: p.reportCount ?? null,
    }),
  },
  "comment.moderated": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      projectId: p.projectId,
      periodId: p.periodId,
      commentId: p.commentId,
      receiptNumber: p.receiptNumber,
      kind: p.kind,
      reason: p.reason,
    }),
  },
  "comment.responded": {
    public: true,
    projectId: () => null,
    body: (p) => ({
      periodId: p.periodId,
      commentId: p.commentId,
      receiptNumber: p.receiptNumber,
      responseId: p.responseId,
    }),
  },
  "commentPeriod.opened": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...period(p),
      stage: p.stage,
      opensAt: p.opensAt,
      closesAt: p.closesAt,
      timeZone: p.timeZone,
    }),
  },
  "commentPeriod.extended": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...period(p),
      changeId: p.changeId,
      previousClosesAt: p.previousClosesAt,
      closesAt: p.closesAt,
      timeZone: p.timeZone,
      reason: p.reason,
    }),
  },
  "commentPeriod.reopened": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...period(p),
      changeId: p.changeId,
      previousClosesAt: p.previousClosesAt,
      closesAt: p.closesAt,
      timeZone: p.timeZone,
      reason: p.reason,
    }),
  },
  "commentPeriod.closingSoon": { public: false, why: "A reminder, not a change to the record." },
  "commentPeriod.closed": {
    public: true,
    projectId: byProject,
    body: (p) => ({ ...period(p), opensAt: p.opensAt, closesAt: p.closesAt, timeZone: p.timeZone }),
  },
  "informationRequest.issued": {
    public: true,
    projectId: byProject,
    body: (p) => ({ ...request(p), publicSummary: p.publicSummary, issuedAt: p.issuedAt }),
  },
  "informationRequest.answered": {
    public: true,
    projectId: byProject,
    body: (p) => ({ ...request(p), responseId: p.responseId, submittedAt: p.submittedAt }),
  },
  "informationRequest.decided": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...request(p),
      responseId: p.responseId,
      decision: p.decision,
      status: p.status,
      decidedAt: p.decidedAt,
    }),
  },
  "informationRequest.withdrawn": {
    public: true,
    projectId: byProject,
    body: (p) => ({ ...request(p), status: p.status, closedAt: p.closedAt }),
  },
  "review.assigned": {
    public: false,
    why: "Who reviews what inside an agency is not public (reviewer names are the policy's to show).",
  },
  "milestone.targetPassed": {
    public: false,
    why: "An alert computed from the calendar, not a change: the milestone's own entries already show it.",
  },
  "statutoryClock.extended": {
    public: true,
    projectId: byProject,
    body: (p) => ({
      ...project(p),
      extensionId: p.extensionId,
      track: p.track,
      basis: p.basis,
      previousDeadline: p.previousDeadline,
      previousPrecision: p.previousPrecision,
      newDeadline: p.newDeadline,
      reason: p.reason,
      sourceUrl: p.sourceUrl,
    }),
  },
  "statutoryDeadline.alert": {
    public: false,
    why: "An alert computed from the calendar and the statutory clock, not a change to the record.",
  },
  "savedSearch.matched": {
    public: false,
    why: "Names a person's saved search and watchlist: personal, and not a change to the record.",
  },
};
