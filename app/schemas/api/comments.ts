// Comment periods and what was said in them, in the read API. Moderation is respected: a hidden or
// pending comment is listed (so the record's totals hold) as withheld, with neither its text nor
// its author's name; nobody's email ever appears.
import { Instant, Url, pageOf } from "./common";
import { z } from "./zod";

export const CountsSchema = z
  .object({
    totalComments: z.number().int(),
    uniqueComments: z.number().int(),
    campaigns: z.number().int(),
    copiesInCampaigns: z.number().int(),
    identicalCopies: z.number().int(),
    formLettersWithAddedText: z.number().int(),
    editedCopies: z.number().int(),
  })
  .openapi("CommentCounts", {
    description:
      "Published comments only. totalComments = uniqueComments + copiesInCampaigns; copiesInCampaigns = identicalCopies + formLettersWithAddedText + editedCopies.",
  });

export const CommentPeriodSchema = z
  .object({
    id: z.string(),
    project: z.object({ slug: z.string(), name: z.string() }),
    stage: z.string(),
    title: z.string(),
    description: z.string(),
    opensAt: Instant,
    closesAt: Instant.openapi({ description: "The deadline in force, after every extension." }),
    originalClosesAt: Instant,
    timeZone: z.string().openapi({ description: "The agency's IANA time zone, in which the deadline is stated." }),
    state: z.enum(["upcoming", "open", "closed"]),
    allowAnonymous: z.boolean(),
    extensions: z.array(
      z.object({
        kind: z.enum(["EXTEND", "REOPEN"]),
        previousClosesAt: Instant,
        newClosesAt: Instant,
        reason: z.string(),
        changedAt: Instant,
      }),
    ),
    counts: CountsSchema,
    withheldComments: z.number().int().openapi({ description: "Comments hidden by moderation or pending review." }),
    links: z.object({
      self: Url,
      html: Url,
      comments: Url,
      campaigns: Url,
      responses: Url,
      moderationLog: Url,
    }),
  })
  .openapi("CommentPeriod");

const Published = z.object({
  receiptNumber: z.string(),
  submittedAt: Instant,
  status: z.literal("PUBLISHED"),
  submitterType: z.enum(["INDIVIDUAL", "ORGANIZATION", "ANONYMOUS"]),
  displayName: z.string(),
  organization: z.string().nullable(),
  text: z.string(),
  addedText: z.string().nullable().openapi({ description: "What a form-letter sender added to the campaign text." }),
  campaignId: z
    .string()
    .nullable()
    .openapi({ description: "The form-letter campaign (two or more published copies), if any." }),
  attachments: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })),
  responseIds: z.array(z.string()),
});

const Withheld = z.object({
  receiptNumber: z.string(),
  submittedAt: Instant,
  status: z.enum(["HIDDEN", "PENDING_REVIEW"]),
  withheldReason: z.string().openapi({ description: "Why it is withheld (the moderation log's reason)." }),
});

export const CommentSchema = z.discriminatedUnion("status", [Published, Withheld]).openapi("Comment", {
  description: "A published comment, or a withheld one: its receipt, time and why, nothing else.",
});

export const CampaignsSchema = z
  .object({
    counts: CountsSchema,
    campaigns: z.array(
      z.object({
        id: z.string(),
        comments: z.number().int(),
        identicalCopies: z.number().int(),
        formLettersWithAddedText: z.number().int(),
        editedCopies: z.number().int(),
        representativeText: z.string(),
        representativeReceipt: z.string(),
      }),
    ),
  })
  .openapi("Campaigns", { description: "Every form-letter campaign of the period, largest first." });

export const OfficialResponseSchema = z
  .object({
    id: z.string(),
    issue: z.string(),
    text: z.string(),
    createdAt: Instant,
    answered: z.array(z.object({ receiptNumber: z.string(), published: z.boolean() })),
  })
  .openapi("OfficialResponse");

export const ModerationEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["PUBLISH", "HIDE", "RESTORE", "AUTO_HIDE"]),
    reason: z.string(),
    receiptNumber: z.string(),
    createdAt: Instant,
  })
  .openapi("ModerationEntry");

export const CommentPeriodPageSchema = pageOf(CommentPeriodSchema, "CommentPeriodPage");
export const CommentPageSchema = pageOf(CommentSchema, "CommentPage");
export const OfficialResponsePageSchema = pageOf(OfficialResponseSchema, "OfficialResponsePage");
export const ModerationEntryPageSchema = pageOf(ModerationEntrySchema, "ModerationEntryPage");
