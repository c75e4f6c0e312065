// The catalogue of domain events: every event Lodestone records, the payload it carries and a
// one-line description of it. Models write events with `recordEvent(tx, type, payload)`
// (record.server.ts); readers (notification emails, feeds, the API, the public log) turn a stored
// row into a typed event with `parseEvent(row)` and switch over `DomainEventRecord` with the
// compiler checking that every type is handled.
//
// A new event: one entry in EVENT_CATALOGUE below (its payload schema and the payload field that
// names its aggregate) and one line in EVENT_DESCRIPTIONS. The compiler then points at every reader
// that must decide what the event means to it (notifications/content.server.ts first). Renaming a
// payload field fails to compile at the writer and at every reader.
//
// Payloads are stored as JSON and outlive the code that wrote them: add optional fields, never
// repurpose one. Dates travel as ISO strings. Payloads of events that reach the public (followers,
// email subscribers) carry only what the public may know.
//
// Pure: no database, no server-only imports, so pages and feeds may use the descriptions.
import type {
  CompletenessDetermination,
  DateChangeReason,
  ProjectStatus,
  ResponseDecision,
  TransitionKind,
} from "@prisma/client";
import { z } from "zod";

/** A zod enum of a Prisma enum's members, listed as a Record so a new member fails to compile until added. */
function oneOf<E extends string>(members: Record<E, true>) {
  return z.enum(Object.keys(members) as [E, ...E[]]);
}

const transitionKind = oneOf<TransitionKind>({
  ADVANCE: true,
  RESCIND: true,
  PAUSE: true,
  RESUME: true,
  APPROVE: true,
  DENY: true,
  WITHDRAW: true,
  RECORD: true,
});
const projectStatus = oneOf<ProjectStatus>({
  IN_PROGRESS: true,
  PAUSED: true,
  APPROVED: true,
  DENIED: true,
  WITHDRAWN: true,
});
const dateChangeReason = oneOf<DateChangeReason>({
  SPONSOR_FACTORS: true,
  ADDITIONAL_ANALYSIS: true,
  CONSULTATION: true,
  LITIGATION: true,
  POLICY_CHANGE: true,
  DATA_CORRECTION: true,
  PROJECT_PAUSE: true,
});
const completeness = oneOf<CompletenessDetermination>({ COMPLETE: true, DEFICIENT: true });
const responseDecision = oneOf<ResponseDecision>({ ACCEPTED: true, RETURNED: true });

/** Null when the change was made by the system (a scheduled job, an import). */
const actorId = z.string().nullable();

/** The project an event is about, as it was named then (so a retried email says the same). */
const projectRef = { projectId: z.string(), slug: z.string(), name: z.string() };

const periodRef = { ...projectRef, periodId: z.string(), title: z.string() };

const periodDeadlineChanged = z.object({
  ...periodRef,
  changeId: z.string(),
  kind: z.enum(["EXTEND", "REOPEN"]),
  previousClosesAt: z.string(),
  closesAt: z.string(),
  timeZone: z.string(),
  reason: z.string(),
  actorId,
});

// The public facts of an information request: never its items or the answer (followers may be told).
const requestRef = {
  ...projectRef,
  requestId: z.string(),
  title: z.string(),
  dueDate: z.string(),
  actorId,
};

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** One catalogue entry: the payload schema and which payload field is the event's aggregateId. */
function event<S extends z.AnyZodObject>(aggregate: StringKeys<z.infer<S>>, payload: S) {
  return { aggregate, payload };
}

export const EVENT_CATALOGUE = {
  "project.stageChanged": event(
    "projectId",
    z.object({
      ...projectRef,
      transitionId: z.string(),
      kind: transitionKind,
      fromStage: z.string(),
      fromStageLabel: z.string(),
      toStage: z.string(),
      toStageLabel: z.string(),
      fromStatus: projectStatus,
      toStatus: projectStatus,
      reason: z.string(),
      actorId,
      occurredAt: z.string(),
    }),
  ),
  "milestone.dateChanged": event(
    "projectId",
    z.object({
      ...projectRef,
      milestoneId: z.string(),
      milestoneName: z.string(),
      previousDate: z.string().nullable(),
      newDate: z.string().nullable(),
      // The milestone's precision, so the dates are told as known (older events have none: day).
      datePrecision: z.enum(["DAY", "MONTH", "YEAR"]).optional(),
      reason: dateChangeReason,
      narrative: z.string(),
      dateChangeId: z.string(),
      actorId,
    }),
  ),
  // The project as its company first entered it (public fields only).
  "project.created": event(
    "projectId",
    z.object({
      ...projectRef,
      state: z.string(),
      county: z.string(),
      commodities: z.array(z.string()),
      leadAgencyId: z.string(),
      reviewTrack: z.string(),
      stage: z.string(),
      status: projectStatus,
      actorId,
    }),
  ),
  // The public fields that changed, with their new values ("description" as its SHA-256 only).
  "project.updated": event(
    "projectId",
    z.object({
      ...projectRef,
      section: z.enum(["details", "regulatory"]),
      changes: z.record(z.union([z.string(), z.number(), z.null(), z.array(z.string())])),
      actorId,
    }),
  ),
  "milestone.added": event(
    "projectId",
    z.object({
      ...projectRef,
      milestoneId: z.string(),
      milestoneName: z.string(),
      baselineDate: z.string().nullable(),
      targetDate: z.string().nullable(),
      datePrecision: z.enum(["DAY", "MONTH", "YEAR"]),
      actorId,
    }),
  ),
  "milestone.actualDateRecorded": event(
    "projectId",
    z.object({
      ...projectRef,
      milestoneId: z.string(),
      milestoneName: z.string(),
      previousActualDate: z.string().nullable(),
      actualDate: z.string(),
      actorId,
    }),
  ),
  "package.submitted": event(
    "projectId",
    z.object({
      ...projectRef,
      packageId: z.string(),
      title: z.string(),
      version: z.number().int(),
      // The documents this submission made public, with their content hashes (older events have none).
      publicDocuments: z.array(z.object({ documentId: z.string(), name: z.string(), sha256: z.string() })).optional(),
    }),
  ),
  "package.determined": event(
    "projectId",
    z.object({
      ...projectRef,
      packageId: z.string(),
      title: z.string(),
      version: z.number().int(),
      determination: completeness,
      deficiencies: z.array(z.string()),
    }),
  ),
  // Recorded per comment (thousands a minute in a surge); the insert trigger queues no dispatch for it.
  "comment.submitted": event(
    "periodId",
    z.object({
      // The period's project, for the public log's entry (older events have none).
      projectId: z.string().optional(),
      periodId: z.string(),
      commentId: z.string(),
      receiptNumber: z.string(),
      emailPresent: z.boolean(),
      actorId,
      requestId: z.string().nullable(),
    }),
  ),
  "comment.autoHidden": event(
    "commentId",
    z.object({
      projectId: z.string().optional(),
      periodId: z.string(),
      commentId: z.string(),
      receiptNumber: z.string(),
      // Reports that counted toward hiding it (older events have none).
      reportCount: z.number().int().optional(),
    }),
  ),
  // A moderator's decision on one comment: the public facts (never the text or the author).
  "comment.moderated": event(
    "commentId",
    z.object({
      projectId: z.string(),
      periodId: z.string(),
      commentId: z.string(),
      receiptNumber: z.string(),
      kind: z.enum(["PUBLISH", "HIDE", "RESTORE"]),
      reason: z.string(),
      actorId,
    }),
  ),
  "comment.responded": event(
    "commentId",
    z.object({
      projectId: z.string().optional(),
      periodId: z.string(),
      commentId: z.string(),
      receiptNumber: z.string(),
      responseId: z.string(),
    }),
  ),
  // The agency published its answer to one public concern statement (decision 0030). Public facts only:
  // the concern and its answer are public from now on; the counts are of published comments.
  "concern.published": event(
    "concernId",
    z.object({
      projectId: z.string(),
      periodId: z.string(),
      concernId: z.string(),
      responseId: z.string(),
      topic: z.string(),
      statement: z.string(),
      // Comments newly linked to the answer (campaign copies one by one), and coded campaigns.
      commentCount: z.number().int(),
      campaignCount: z.number().int(),
      actorId,
    }),
  ),
  "commentPeriod.opened": event(
    "projectId",
    z.object({
      ...periodRef,
      stage: z.string(),
      stageLabel: z.string(),
      opensAt: z.string(),
      closesAt: z.string(),
      timeZone: z.string(),
      actorId,
    }),
  ),
  "commentPeriod.extended": event("projectId", periodDeadlineChanged),
  "commentPeriod.reopened": event("projectId", periodDeadlineChanged),
  // Raised by the reminder jobs, so no actor.
  "commentPeriod.closingSoon": event(
    "projectId",
    z.object({
      ...periodRef,
      kind: z.enum(["closing7d", "closing24h"]),
      opensAt: z.string(),
      closesAt: z.string(),
      timeZone: z.string(),
    }),
  ),
  "commentPeriod.closed": event(
    "projectId",
    z.object({
      ...periodRef,
      kind: z.literal("closed"),
      opensAt: z.string(),
      closesAt: z.string(),
      timeZone: z.string(),
    }),
  ),
  "informationRequest.issued": event(
    "projectId",
    z.object({
      ...requestRef,
      publicSummary: z.string(),
      issuedAt: z.string(),
      reviewId: z.string().nullable(),
    }),
  ),
  "informationRequest.answered": event(
    "projectId",
    z.object({ ...requestRef, responseId: z.string(), documentCount: z.number().int(), submittedAt: z.string() }),
  ),
  "informationRequest.decided": event(
    "projectId",
    z.object({
      ...requestRef,
      responseId: z.string(),
      decision: responseDecision,
      status: z.enum(["ACCEPTED", "OPEN"]),
      decidedAt: z.string(),
    }),
  ),
  "informationRequest.withdrawn": event(
    "projectId",
    z.object({ ...requestRef, status: z.literal("WITHDRAWN"), closedAt: z.string() }),
  ),
  "review.assigned": event(
    "projectId",
    z.object({
      ...projectRef,
      reviewId: z.string(),
      title: z.string(),
      assigneeId: z.string(),
      actorId,
    }),
  ),
  // Raised by the saved-search job (app/models/saved-search.server.ts) once per (search, project).
  // Personal: it names someone's saved search and watchlist, so it goes only to the watchlist's
  // keepers and never into a public log, feed or API (its description names neither).
  "savedSearch.matched": event(
    "projectId",
    z.object({
      ...projectRef,
      savedSearchId: z.string(),
      searchName: z.string(),
      watchlistId: z.string(),
      watchlistName: z.string(),
      // Where the project stood when it matched, so a retried email says the same.
      stageLabel: z.string(),
      status: projectStatus,
    }),
  ),
  // The public record as it stood when rows were written without their own events (the demo seed,
  // an import): one per project, in the transaction that wrote them, so the public log covers what
  // people see from its first entry on. Public facts only; comments by receipt number and status.
  "record.baseline": event(
    "projectId",
    z.object({
      ...projectRef,
      source: z.string(),
      stage: z.string().optional(),
      status: projectStatus.optional(),
      milestones: z
        .array(
          z.object({
            milestoneId: z.string(),
            milestoneName: z.string(),
            targetDate: z.string().nullable(),
            actualDate: z.string().nullable(),
            datePrecision: z.enum(["DAY", "MONTH", "YEAR"]),
          }),
        )
        .optional(),
      stageTransitions: z.number().int().optional(),
      pauses: z.number().int().optional(),
      comments: z
        .array(z.object({ periodId: z.string(), commentId: z.string(), receiptNumber: z.string(), status: z.string() }))
        .optional(),
    }),
  ),
  // Raised by the monitoring job (app/models/notifications/monitoring-alerts.server.ts) once per milestone and
  // target: the target's whole period ended and no actual date is recorded.
  "milestone.targetPassed": event(
    "projectId",
    z.object({
      ...projectRef,
      milestoneId: z.string(),
      milestoneName: z.string(),
      targetDate: z.string(),
      datePrecision: z.enum(["DAY", "MONTH", "YEAR"]),
    }),
  ),
  // The lead agency extended the statutory NEPA deadline (42 U.S.C. 4336a(g)(2)): the public facts
  // of the extension (the deadline before and after, the reason given and the public notice), never
  // who typed it in. Recorded in the extension's own transaction (app/models/statutory-clock.server.ts).
  "statutoryClock.extended": event(
    "projectId",
    z.object({
      ...projectRef,
      extensionId: z.string(),
      track: z.enum(["EIS", "EA"]),
      // "statutory" for a legal deadline; "reference" for reviews begun before June 3, 2023.
      basis: z.enum(["statutory", "reference"]),
      previousDeadline: z.string(),
      previousPrecision: z.enum(["DAY", "MONTH", "YEAR"]),
      newDeadline: z.string(),
      reason: z.string(),
      sourceUrl: z.string().nullable(),
      actorId,
    }),
  ),
  // Raised by the monitoring job once per project, deadline and kind, for legal deadlines only
  // (clocks started on or after June 3, 2023; see app/models/statutory-clock.ts).
  "statutoryDeadline.alert": event(
    "projectId",
    z.object({
      ...projectRef,
      kind: z.enum(["90d", "30d", "missed"]),
      track: z.enum(["EIS", "EA"]),
      deadline: z.string(),
      deadlinePrecision: z.enum(["DAY", "MONTH", "YEAR"]),
      startName: z.string(),
      startDate: z.string(),
      startPrecision: z.enum(["DAY", "MONTH", "YEAR"]),
      extended: z.boolean(),
    }),
  ),
};

export type EventType = keyof typeof EVENT_CATALOGUE;

/** Every event type and the payload it carries (as `ResourceFor` is to the policy's actions). */
export type PayloadFor = { [T in EventType]: z.infer<(typeof EVENT_CATALOGUE)[T]["payload"]> };

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** A recorded event of one type, its payload checked against the catalogue. */
export type DomainEventOf<T extends EventType> = {
  id: string;
  type: T;
  aggregateId: string;
  occurredAt: Date;
  payload: PayloadFor[T];
};

/** Any recorded event: switch on `type` to narrow the payload. */
export type DomainEventRecord = { [T in EventType]: DomainEventOf<T> }[EventType];

/** A stored event whose type or payload the catalogue refuses: a bug to fix, not a line to leave empty. */
export class EventPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EventPayloadError";
  }
}

function issues(error: z.ZodError) {
  return error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ");
}

/** Checks a payload against its type's schema; `where` names the event in the error. */
export function parsePayload<T extends EventType>(type: T, payload: unknown, where: string): PayloadFor[T] {
  const result = EVENT_CATALOGUE[type].payload.safeParse(payload);
  if (!result.success) throw new EventPayloadError(`${where} has an invalid payload: ${issues(result.error)}.`);
  return result.data as PayloadFor[T];
}

type StoredEvent = { id: string; type: string; aggregateId: string; occurredAt: Date; payload: unknown };

/** A DomainEvent row as a typed event. Throws EventPayloadError, naming the event, if it does not fit. */
export function parseEvent(row: StoredEvent): DomainEventRecord {
  if (!isEventType(row.type)) {
    throw new EventPayloadError(`Event ${row.id} has type "${row.type}", which is not in the event catalogue.`);
  }
  const payload = parsePayload(row.type, row.payload, `Event ${row.id} (${row.type})`);
  return {
    id: row.id,
    type: row.type,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt,
    payload,
  } as DomainEventRecord;
}

/** How each kind of stage change reads in a sentence: "<project> advanced to <stage>". */
export const STAGE_CHANGE_WORDS: Record<TransitionKind, string> = {
  ADVANCE: "advanced to",
  RESCIND: "moved back to",
  PAUSE: "was paused in",
  RESUME: "resumed in",
  APPROVE: "was approved in",
  DENY: "was denied in",
  WITHDRAW: "was withdrawn in",
  RECORD: "is now in",
};

const period = (p: { name: string; title: string }) => `${p.name}: comment period "${p.title}"`;
const request = (p: { name: string; title: string }) => `${p.name}: information request "${p.title}"`;

/**
 * One line per event, from its payload alone, fit for the public record (the payloads hold only
 * public facts). Typed as a mapped type: a catalogue entry without a line here fails to compile.
 */
export const EVENT_DESCRIPTIONS: { [T in EventType]: (payload: PayloadFor[T]) => string } = {
  "project.stageChanged": (p) => `${p.name} ${STAGE_CHANGE_WORDS[p.kind]} ${p.toStageLabel}`,
  "milestone.dateChanged": (p) =>
    `${p.name}: ${p.milestoneName} moved from ${p.previousDate ?? "no date"} to ${p.newDate ?? "no date"}`,
  "project.created": (p) => `${p.name} added to the record`,
  "project.updated": (p) => `${p.name}: ${Object.keys(p.changes).join(", ") || "details"} changed`,
  "milestone.added": (p) => `${p.name}: milestone ${p.milestoneName} added (target ${p.targetDate ?? "no date"})`,
  "milestone.actualDateRecorded": (p) => `${p.name}: ${p.milestoneName} happened on ${p.actualDate}`,
  "package.submitted": (p) => `${p.name}: ${p.title} submitted (version ${p.version})`,
  "package.determined": (p) =>
    `${p.name}: ${p.title} (version ${p.version}) determined ${p.determination === "COMPLETE" ? "complete" : "deficient"}`,
  "comment.submitted": (p) => `Comment ${p.receiptNumber} received`,
  "comment.autoHidden": (p) => `Comment ${p.receiptNumber} held for review after reports`,
  "comment.moderated": (p) =>
    `Comment ${p.receiptNumber} ${p.kind === "HIDE" ? "hidden" : p.kind === "RESTORE" ? "restored" : "published after review"}`,
  "comment.responded": (p) => `Comment ${p.receiptNumber} answered by the agency`,
  "concern.published": (p) =>
    `Answer published to the concern "${p.statement}" (${p.topic}), raised in ${p.commentCount} ${p.commentCount === 1 ? "comment" : "comments"}`,
  "commentPeriod.opened": (p) => `${period(p)} opened`,
  "commentPeriod.extended": (p) => `${period(p)} extended`,
  "commentPeriod.reopened": (p) => `${period(p)} reopened`,
  "commentPeriod.closingSoon": (p) => `${period(p)} closes in ${p.kind === "closing7d" ? "7 days" : "24 hours"}`,
  "commentPeriod.closed": (p) => `${period(p)} closed`,
  "informationRequest.issued": (p) => `${request(p)} issued`,
  "informationRequest.answered": (p) => `${request(p)} answered`,
  "informationRequest.decided": (p) =>
    `${request(p)} ${p.decision === "ACCEPTED" ? "answer accepted" : "answer returned"}`,
  "informationRequest.withdrawn": (p) => `${request(p)} withdrawn`,
  "review.assigned": (p) => `${p.name}: reviewer assigned to ${p.title}`,
  "savedSearch.matched": (p) => `${p.name} entered a saved search`,
  "record.baseline": (p) => `${p.name}: the record as it stood when the public log began (${p.source})`,
  "milestone.targetPassed": (p) => `${p.name}: ${p.milestoneName} passed its target with no action recorded`,
  "statutoryClock.extended": (p) => `${p.name}: statutory ${p.track} deadline extended to ${p.newDeadline}`,
  "statutoryDeadline.alert": (p) =>
    `${p.name}: statutory ${p.track} deadline ${p.kind === "missed" ? "missed" : `in ${p.kind === "90d" ? 90 : 30} days`}`,
};

/** The event's line in the public record (the log, feeds, the API). */
export function eventDescription<T extends EventType>(event: { type: T; payload: PayloadFor[T] }): string {
  return EVENT_DESCRIPTIONS[event.type](event.payload);
}
