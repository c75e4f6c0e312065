// The public comment form, shared by the page (instant feedback) and the action (the rule).
import { z } from "zod";
import { REPORT_REASONS, SUBMITTER_TYPES } from "~/models/comments/comment.labels";
import { plainText } from "./fields";

export type SubmitterTypeKey = (typeof SUBMITTER_TYPES)[number];

/** regulations.gov's limit, so a comment prepared for it fits here too. */
export const MAX_COMMENT_CHARACTERS = 5000;
export const MAX_DISPLAY_NAME_CHARACTERS = 120;

/**
 * Characters as a person counts them (code points): an emoji is one, not the two UTF-16 units
 * `length` reports, and PostgreSQL's char_length agrees.
 */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

const formatCount = (n: number) => n.toLocaleString("en-US");

export const commentSchema = z
  .object({
    submitterType: z.enum(SUBMITTER_TYPES, {
      errorMap: () => ({ message: "Choose whether you comment as yourself, for an organization or anonymously." }),
    }),
    organizationId: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined)),
    displayName: plainText()
      .pipe(z.string().trim().max(MAX_DISPLAY_NAME_CHARACTERS, "Keep the name under 120 characters."))
      .default(""),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.string().email("Enter an email address like name@example.org, or leave it empty.").optional()),
    text: plainText("Write your comment.")
      .pipe(z.string().trim())
      .superRefine((value, ctx) => {
        const count = characterCount(value);
        if (count === 0) ctx.addIssue({ code: "custom", message: "Write your comment." });
        if (count > MAX_COMMENT_CHARACTERS) {
          const over = count - MAX_COMMENT_CHARACTERS;
          ctx.addIssue({
            code: "custom",
            message: `Your comment is ${formatCount(over)} character${over === 1 ? "" : "s"} over the ${formatCount(MAX_COMMENT_CHARACTERS)}-character limit. Shorten it, or attach the longer version as a file.`,
          });
        }
      }),
    idempotencyKey: z.string().uuid("The form expired. Reload the page and send your comment again."),
    // Honeypot: hidden from people, filled in by form-filling bots. The action answers a filled one
    // like a success before this schema runs; the rule here keeps the client from sending it.
    website: z.string().max(0).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.submitterType !== "ANONYMOUS" && value.displayName === "") {
      ctx.addIssue({ code: "custom", path: ["displayName"], message: "Enter the name to show with your comment." });
    }
    if (value.submitterType === "ORGANIZATION" && !value.organizationId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "Choose the organization you comment for." });
    }
  });

export type CommentForm = z.output<typeof commentSchema>;

const ids = z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(z.string().min(1)));
/** The moderation desk's forms, one per intent. */
export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("moderate"),
    commentIds: ids,
    kind: z.enum(["PUBLISH", "HIDE", "RESTORE"], { message: "Choose what to do." }),
    reason: z.string().trim().max(500).default(""),
  }),
  z.object({
    intent: z.literal("hide"),
    receiptNumber: z.string().trim().min(1, "Give the comment's receipt number.").max(40),
    reason: z.string().trim().min(1, "Say why the comment is hidden: the reason is shown in the public log.").max(500),
  }),
  z.object({
    intent: z.literal("respond"),
    commentIds: ids,
    issue: z.string().trim().min(1, "Name the issue.").max(200),
    text: z.string().trim().min(1, "Write the response.").max(20_000),
  }),
]);

/** The public comment list's query: anything unreadable falls back to the whole list. */
export const commentListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  type: z.enum(SUBMITTER_TYPES).optional().catch(undefined),
  campaign: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const reportCommentSchema = z.object({
  intent: z.literal("report"),
  commentId: z.string().min(1),
  reason: z.enum(REPORT_REASONS, { message: "Choose why you are reporting this comment." }),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
});

/** A commenter asks for a review of their hidden comment, from the receipt page. */
export const reviewRequestSchema = z.object({
  intent: z.literal("requestReview"),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});
