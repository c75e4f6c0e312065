// Words for the comment's enums, next to the comment models: how the public list, the report form,
// the moderation queue and the public moderation log name them. Plain objects with type-only
// imports: safe in any page's bundle.
import type { CommentStatus, ModerationKind, ReportReason, SubmitterType } from "@prisma/client";
import { keysOf } from "~/models/enum-keys";

/** The public list's filter: who wrote the comments. */
export const SUBMITTER_TYPE_LABELS: Record<SubmitterType, string> = {
  INDIVIDUAL: "Individuals",
  ORGANIZATION: "Organizations",
  ANONYMOUS: "Anonymous",
};
export const SUBMITTER_TYPES = keysOf(SUBMITTER_TYPE_LABELS);

/** The report form's choices. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  SPAM: "Spam",
  ABUSIVE: "Abusive or offensive",
  PERSONAL_INFORMATION: "Contains personal information",
  NOT_MINE: "Filed in my name, but not by me",
};
export const REPORT_REASONS = keysOf(REPORT_REASON_LABELS);

/** The same reasons inside a moderator's sentence ("spam 2, abusive 1"). */
export const REPORT_REASON_WORDS: Record<ReportReason, string> = {
  SPAM: "spam",
  ABUSIVE: "abusive",
  PERSONAL_INFORMATION: "personal information",
  NOT_MINE: "not mine",
};

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  PUBLISHED: "Published",
  PENDING_REVIEW: "Hidden, pending review",
  HIDDEN: "Hidden",
};

/** The public moderation log's "What" column. */
export const MODERATION_KIND_LABELS: Record<ModerationKind, string> = {
  PUBLISH: "Published after review",
  HIDE: "Hidden by a moderator",
  RESTORE: "Restored by a moderator",
  AUTO_HIDE: "Hidden automatically after reports",
};
