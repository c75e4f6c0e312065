// Information request forms: shared by the browser (instant feedback) and the actions.
import { z } from "zod";
import { calendarDate, int32, plainText } from "./fields";

export const DOCUMENT_VISIBILITIES = ["CONFIDENTIAL", "PUBLIC"] as const;
export const RESPONSE_DECISIONS = ["ACCEPTED", "RETURNED"] as const;

export const MAX_REQUEST_ITEMS = 100;

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

// Compared as UTC calendar dates, the way due dates are stored (@db.Date). The browser and the
// server each use their own clock; the model does not repeat the check, so records of past
// requests can still be written by imports and tests.
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const issueRequestSchema = z.object({
  title: plainText("Give the request a title.").pipe(
    z.string().trim().min(3, "Give the request a title.").max(200, "Use at most 200 characters."),
  ),
  publicSummary: z
    .string({ required_error: "Write the public summary." })
    .trim()
    .min(10, "Write a sentence or more: this is what the public sees.")
    .max(2000, "Use at most 2000 characters."),
  // One item per line in a textarea: the list survives a round trip without JavaScript.
  items: z
    .string({ required_error: "List at least one item the company must provide." })
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0, "List at least one item the company must provide, one per line.")
    .refine((list) => list.length <= MAX_REQUEST_ITEMS, `List at most ${MAX_REQUEST_ITEMS} items.`)
    .refine((list) => list.every((item) => item.length <= 2000), "Keep each item under 2000 characters."),
  dueDate: calendarDate("Enter the due date like 2027-03-31.").pipe(
    z.date().refine((date) => date.toISOString().slice(0, 10) >= todayIso(), "The due date cannot be in the past."),
  ),
  reviewId: optionalId,
  packageId: optionalId,
});

export const respondSchema = z.object({
  text: z
    .string({ required_error: "Write your answer." })
    .trim()
    .min(1, "Write your answer.")
    .max(20000, "Use at most 20,000 characters; attach longer material as files."),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { errorMap: () => ({ message: "Choose who may open the files." }) }),
});

export const decideSchema = z
  .object({
    lockVersion: int32(),
    decision: z.enum(RESPONSE_DECISIONS, { errorMap: () => ({ message: "Choose whether to accept the answer." }) }),
    note: z
      .string()
      .trim()
      .max(4000, "Use at most 4000 characters.")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURNED" && !v.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what is still missing: the company reads this." });
    }
  });

export const withdrawSchema = z.object({
  lockVersion: int32(),
  reason: z
    .string({ required_error: "Say why the request is withdrawn." })
    .trim()
    .min(10, "Say in a sentence why the request is withdrawn.")
    .max(2000, "Use at most 2000 characters."),
});

/** The request page's plain forms (the answer form is multipart and read apart). */
export const requestPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("decide") }),
  z.object({ intent: z.literal("withdraw") }),
]);
