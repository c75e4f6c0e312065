// What a person can be notified about, how often by default, and the words the pages use.
// Shared by the preferences page, the dispatcher and the digests (no server-only imports).
import type { NotificationFrequency, NotificationType } from "@prisma/client";

export const NOTIFICATION_TYPES = [
  "STAGE_CHANGED",
  "MILESTONE_DATE_CHANGED",
  "COMMENT_PERIOD_OPENED",
  "COMMENT_PERIOD_CLOSING_7D",
  "COMMENT_PERIOD_CLOSING_24H",
  "COMMENT_PERIOD_EXTENDED",
  "COMMENT_PERIOD_CLOSED",
  "COMMENT_RESPONSE",
  "INFORMATION_REQUEST",
  "REVIEW_ASSIGNED",
  "COMMENT_AUTO_HIDDEN",
  "SAVED_SEARCH_MATCH",
  "MILESTONE_OVERDUE",
  "STATUTORY_DEADLINE",
] as const satisfies readonly NotificationType[];

export const FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY", "OFF"] as const satisfies readonly NotificationFrequency[];

export const FREQUENCY_LABELS: Record<NotificationFrequency, string> = {
  IMMEDIATE: "Immediately",
  DAILY: "Daily digest",
  WEEKLY: "Weekly digest",
  OFF: "Off (no email)",
};

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, { label: string; hint: string }> = {
  STAGE_CHANGED: { label: "Stage changed", hint: "A project you follow moves to a new stage, pauses or is decided." },
  MILESTONE_DATE_CHANGED: {
    label: "Milestone date changed",
    hint: "A target or actual date on a project you follow, or keep on a watchlist, moves.",
  },
  COMMENT_PERIOD_OPENED: { label: "Comment period opened", hint: "A comment period opens or is reopened." },
  COMMENT_PERIOD_CLOSING_7D: {
    label: "Comment period closing in 7 days",
    hint: "A reminder a week before the deadline.",
  },
  COMMENT_PERIOD_CLOSING_24H: {
    label: "Comment period closing in 24 hours",
    hint: "A last reminder the day before the deadline.",
  },
  COMMENT_PERIOD_EXTENDED: { label: "Comment period extended", hint: "A deadline is moved later." },
  COMMENT_PERIOD_CLOSED: { label: "Comment period closed", hint: "The deadline has passed." },
  COMMENT_RESPONSE: { label: "Response to my comment", hint: "The agency answers a comment you sent." },
  INFORMATION_REQUEST: {
    label: "Information request to my company",
    hint: "An agency asks your company for more information.",
  },
  REVIEW_ASSIGNED: { label: "Review assigned to me", hint: "You are made a reviewer of an environmental review." },
  COMMENT_AUTO_HIDDEN: {
    label: "Comment hidden by reports (moderators)",
    hint: "Reports hid a comment on a project your agency leads; it waits for a moderator.",
  },
  SAVED_SEARCH_MATCH: {
    label: "A project enters a saved search",
    hint: "A project is added, or changes, so that it now matches a saved search on a watchlist you keep.",
  },
  MILESTONE_OVERDUE: {
    label: "Milestone passed its target",
    hint: "A target date on a project you follow, or keep on a watchlist, passed (at its own precision) with no action recorded.",
  },
  STATUTORY_DEADLINE: {
    label: "Statutory deadline",
    hint: "A project you follow, or keep on a watchlist, is 90 or 30 days from its NEPA deadline (42 U.S.C. 4336a(g)), missed it, or had it extended.",
  },
};

/**
 * Defaults: everything by email as it happens, except milestone date changes, which come often on
 * long projects and rarely need an answer the same day, so they wait for the daily digest.
 */
export const DEFAULT_FREQUENCY: Record<NotificationType, NotificationFrequency> = {
  STAGE_CHANGED: "IMMEDIATE",
  MILESTONE_DATE_CHANGED: "DAILY",
  COMMENT_PERIOD_OPENED: "IMMEDIATE",
  COMMENT_PERIOD_CLOSING_7D: "IMMEDIATE",
  COMMENT_PERIOD_CLOSING_24H: "IMMEDIATE",
  COMMENT_PERIOD_EXTENDED: "IMMEDIATE",
  COMMENT_PERIOD_CLOSED: "IMMEDIATE",
  COMMENT_RESPONSE: "IMMEDIATE",
  INFORMATION_REQUEST: "IMMEDIATE",
  REVIEW_ASSIGNED: "IMMEDIATE",
  COMMENT_AUTO_HIDDEN: "IMMEDIATE",
  // Rare (once per project and search), and the reason a monitor saved the search.
  SAVED_SEARCH_MATCH: "IMMEDIATE",
  // A monitor reads these with the day's other schedule news.
  MILESTONE_OVERDUE: "DAILY",
  STATUTORY_DEADLINE: "IMMEDIATE",
};

/** The types a project's followers hear about (the rest go to one person: author, company, reviewer). */
export const PROJECT_FOLLOWER_TYPES: readonly NotificationType[] = [
  "STAGE_CHANGED",
  "MILESTONE_DATE_CHANGED",
  "COMMENT_PERIOD_OPENED",
  "COMMENT_PERIOD_CLOSING_7D",
  "COMMENT_PERIOD_CLOSING_24H",
  "COMMENT_PERIOD_EXTENDED",
  "COMMENT_PERIOD_CLOSED",
  "MILESTONE_OVERDUE",
  "STATUTORY_DEADLINE",
];

/** Public email subscribers (no account) hear about stage changes and comment windows only. */
export const PUBLIC_SUBSCRIBER_TYPES: readonly NotificationType[] = [
  "STAGE_CHANGED",
  "COMMENT_PERIOD_OPENED",
  "COMMENT_PERIOD_CLOSING_7D",
  "COMMENT_PERIOD_CLOSING_24H",
  "COMMENT_PERIOD_EXTENDED",
  "COMMENT_PERIOD_CLOSED",
];

export function effectiveFrequencies(
  stored: { type: NotificationType; frequency: NotificationFrequency }[],
): Record<NotificationType, NotificationFrequency> {
  const result = { ...DEFAULT_FREQUENCY };
  for (const preference of stored) result[preference.type] = preference.frequency;
  return result;
}
