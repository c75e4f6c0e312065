// A project's schedule and record in the read API: milestones, date changes, pauses, stage
// transitions, public documents, information requests' public facts and the review clock.
import { CalendarDate, DatePrecisionSchema, Instant, Url, pageOf } from "./common";
import { z } from "./zod";

export const REASON_VALUES = [
  "SPONSOR_FACTORS",
  "ADDITIONAL_ANALYSIS",
  "CONSULTATION",
  "LITIGATION",
  "POLICY_CHANGE",
  "DATA_CORRECTION",
  "PROJECT_PAUSE",
] as const;
const Reason = z.enum(REASON_VALUES).openapi("DateChangeReason");

export const MilestoneSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    jurisdiction: z.enum(["FEDERAL", "STATE", "TRIBAL", "LOCAL", "COURT", "OTHER"]),
    agency: z.string().nullable().openapi({ description: "The responsible agency, when it is on Lodestone." }),
    authority: z
      .string()
      .nullable()
      .openapi({ description: "Who decides, when not an agency on Lodestone (a court)." }),
    datePrecision: DatePrecisionSchema,
    baselineDate: CalendarDate.nullable().openapi({ description: "The first target ever set." }),
    targetDate: CalendarDate.nullable().openapi({ description: "The current target." }),
    actualDate: CalendarDate.nullable().openapi({ description: "When it happened." }),
    schedule: z.enum(["complete", "on_track", "paused", "delayed", "at_risk", "missed"]),
    note: z.string().nullable(),
    sourceUrl: Url.nullable(),
  })
  .openapi("Milestone");

export const DateChangeSchema = z
  .object({
    id: z.string(),
    milestone: z.object({ key: z.string(), name: z.string() }),
    datePrecision: DatePrecisionSchema,
    previousDate: CalendarDate.nullable(),
    newDate: CalendarDate.nullable(),
    reason: Reason,
    reasonLabel: z.string(),
    narrative: z.string(),
    sourceUrl: Url.nullable(),
    changedAt: Instant,
  })
  .openapi("DateChange");

export const PauseSchema = z
  .object({
    id: z.string(),
    reason: Reason,
    reasonLabel: z.string(),
    summary: z.string(),
    expectedLiftDate: CalendarDate.nullable(),
    startedAt: Instant,
    liftedAt: Instant.nullable(),
  })
  .openapi("Pause");

const Status = z.enum(["IN_PROGRESS", "PAUSED", "APPROVED", "DENIED", "WITHDRAWN"]);

export const StageTransitionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["ADVANCE", "RESCIND", "PAUSE", "RESUME", "APPROVE", "DENY", "WITHDRAW", "RECORD"]),
    fromStage: z.string().nullable(),
    toStage: z.string(),
    toStageLabel: z.string(),
    fromStatus: Status.nullable(),
    toStatus: Status,
    reason: z.string(),
    sourceUrl: Url.nullable(),
    occurredAt: Instant,
    occurredAtPrecision: DatePrecisionSchema.nullable().openapi({
      description:
        "Null for a change made in Lodestone (the instant is exact); for history from the public record, how much of occurredAt is known.",
    }),
  })
  .openapi("StageTransition");

export const DocumentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().length(64),
    uploadedAt: Instant,
    url: Url,
  })
  .openapi("Document", { description: "A public document's metadata; `url` downloads it." });

export const InformationRequestSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    publicSummary: z.string(),
    status: z.enum(["OPEN", "ANSWERED", "ACCEPTED", "WITHDRAWN"]),
    issuedAt: Instant,
    dueDate: CalendarDate,
    closedAt: Instant.nullable(),
    overdue: z.boolean(),
    answerCount: z.number().int(),
  })
  .openapi("InformationRequest", {
    description:
      "What anyone may know of a request for information: that it exists, its dates and status. Its items and answers may hold confidential business information and are never published.",
  });

const Clock = z.object({
  agencyDays: z.number().int(),
  applicantDays: z.number().int(),
  totalDays: z.number().int(),
  desk: z.enum(["agency", "applicant", "closed"]),
  openRequests: z.number().int(),
  startedAt: Instant.nullable(),
  stoppedAt: Instant.nullable(),
});

export const ReviewClockSchema = z
  .object({
    asOf: Instant,
    project: Clock,
    reviews: z.array(
      Clock.extend({
        reviewId: z.string(),
        title: z.string(),
        agency: z.string(),
        resourceArea: z.string(),
      }),
    ),
  })
  .openapi("ReviewClock", {
    description:
      "Days the review spent with the agency and with the applicant (while the applicant owed information). agencyDays + applicantDays = totalDays.",
  });

export const MilestonePageSchema = pageOf(MilestoneSchema, "MilestonePage");
export const DateChangePageSchema = pageOf(DateChangeSchema, "DateChangePage");
export const PausePageSchema = pageOf(PauseSchema, "PausePage");
export const StageTransitionPageSchema = pageOf(StageTransitionSchema, "StageTransitionPage");
export const DocumentPageSchema = pageOf(DocumentSchema, "DocumentPage");
export const InformationRequestPageSchema = pageOf(InformationRequestSchema, "InformationRequestPage");
