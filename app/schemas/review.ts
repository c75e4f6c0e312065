// Environmental review and condition-of-approval forms: shared by the browser and the actions.
// Rules that span fields live in refine functions applied both to the single-form schema and to
// the page's intent union, because a discriminated union only accepts plain objects.
import { z } from "zod";
import { int32, plainText } from "./fields";
import { RESOURCE_AREAS, REVIEW_STATUSES } from "~/models/review.labels";
import { CONDITION_SEVERITIES } from "~/models/condition.labels";

const id = (message: string) => z.string({ required_error: message }).trim().min(1, message);

/** One ticked checkbox arrives as a string, several as a list, none as nothing (react-hook-form: false). */
const idList = z.preprocess(
  (v) => (v === undefined || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1)),
);

export const openReviewSchema = z.object({
  agencyId: id("Choose the agency conducting the review."),
  resourceArea: z.enum(RESOURCE_AREAS, { errorMap: () => ({ message: "Choose the resource area." }) }),
  title: plainText("Give the review a title.").pipe(
    z
      .string()
      .trim()
      .min(3, "Give the review a title, such as “Groundwater drawdown and springs”.")
      .max(200, "Use at most 200 characters."),
  ),
});

export const assignSchema = z.object({ userId: id("Choose a reviewer.") });

export const updateReviewFields = z.object({
  lockVersion: int32(),
  status: z.enum(REVIEW_STATUSES, { errorMap: () => ({ message: "Choose the status." }) }),
  findings: z.string().trim().max(20000, "Use at most 20,000 characters.").default(""),
});

// Findings become public when a review is complete, so a complete review must say what it found.
export function refineReviewUpdate(v: { status: string; findings: string }, ctx: z.RefinementCtx) {
  if (v.status === "COMPLETE" && v.findings.length < 20) {
    ctx.addIssue({
      code: "custom",
      path: ["findings"],
      message: "A complete review states its findings: they are published with it.",
    });
  }
}

export const updateReviewSchema = updateReviewFields.superRefine(refineReviewUpdate);

export const attachDocumentsSchema = z.object({
  documentIds: idList.refine((ids) => ids.length > 0, "Choose at least one document."),
});

// Fields in the order the form shows them (the first invalid one gets focus).
export const addConditionSchema = z.object({
  text: z
    .string({ required_error: "Write the condition." })
    .trim()
    .min(10, "Write the condition in a sentence: it is shown publicly.")
    .max(4000, "Use at most 4,000 characters."),
  severity: z.enum(CONDITION_SEVERITIES, { errorMap: () => ({ message: "Choose the severity." }) }),
  // Empty means the condition belongs to the decision rather than to one review.
  reviewId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const resolveConditionFields = z.object({
  conditionId: id("Choose the condition."),
  status: z.enum(["MET", "WAIVED"], { errorMap: () => ({ message: "Choose met or waived." }) }),
  resolution: z.string().trim().max(4000, "Use at most 4,000 characters.").default(""),
});

/** The minimum length of a waiver's reason; the model enforces the same rule. */
export const WAIVER_REASON_MIN = 10;

export function refineResolution(v: { status: "MET" | "WAIVED"; resolution: string }, ctx: z.RefinementCtx) {
  if (v.status === "WAIVED" && v.resolution.length < WAIVER_REASON_MIN) {
    ctx.addIssue({
      code: "custom",
      path: ["resolution"],
      message: "Say why the condition is waived, in a sentence: the reason is shown publicly.",
    });
  } else if (!v.resolution) {
    ctx.addIssue({ code: "custom", path: ["resolution"], message: "Say how the condition was met." });
  }
}

export const resolveConditionSchema = resolveConditionFields.superRefine(refineResolution);

/** The forms of one review's page, told apart by the `intent` their submit button posts. */
export const reviewPageSchema = z
  .discriminatedUnion("intent", [
    updateReviewFields.extend({ intent: z.literal("update") }),
    assignSchema.extend({ intent: z.literal("assign") }),
    assignSchema.extend({ intent: z.literal("unassign") }),
    attachDocumentsSchema.extend({ intent: z.literal("attach") }),
    addConditionSchema.extend({ intent: z.literal("addCondition") }),
    resolveConditionFields.extend({ intent: z.literal("resolve") }),
  ])
  .superRefine((v, ctx) => {
    if (v.intent === "update") refineReviewUpdate(v, ctx);
    if (v.intent === "resolve") refineResolution(v, ctx);
  });

/** The forms of the project's conditions page. */
export const conditionsPageSchema = z
  .discriminatedUnion("intent", [
    addConditionSchema.extend({ intent: z.literal("add") }),
    resolveConditionFields.extend({ intent: z.literal("resolve") }),
  ])
  .superRefine((v, ctx) => {
    if (v.intent === "resolve") refineResolution(v, ctx);
  });
