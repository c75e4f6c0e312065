// Words for the environmental review and condition enums, shared by pages, schemas and server code
// (pure: safe in the browser bundle, so no runtime import of @prisma/client).
import type { ConditionSeverity, ConditionStatus, ResourceArea, ReviewStatus } from "@prisma/client";

export const RESOURCE_AREA_LABELS: Record<ResourceArea, string> = {
  WATER: "Water resources",
  AIR: "Air quality",
  WILDLIFE_ESA: "Wildlife and ESA section 7 consultation",
  CULTURAL_NHPA: "Cultural resources and NHPA section 106",
  TRIBAL_CONSULTATION: "Tribal consultation",
  SOCIOECONOMICS: "Socioeconomics",
  RECLAMATION_BONDING: "Reclamation and bonding",
  OTHER: "Other",
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  INFORMATION_REQUESTED: "Information requested",
  COMPLETE: "Complete",
};

export const CONDITION_SEVERITY_LABELS: Record<ConditionSeverity, string> = {
  NOTICE: "Notice",
  HOLD: "Hold",
  REQUIRED_BEFORE_PERMIT: "Required before permits",
};

/** What each severity does to the stage workflow, in the words the forms show. */
export const CONDITION_SEVERITY_HINTS: Record<ConditionSeverity, string> = {
  NOTICE: "For the record: never blocks a stage change.",
  HOLD: "Blocks advancing to the next stage, and approval, until it is met or waived.",
  REQUIRED_BEFORE_PERMIT: "Blocks the move to permits issued until it is met or waived.",
};

export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  PENDING: "Pending",
  MET: "Met",
  WAIVED: "Waived",
};

// The value lists for zod enums and select options come from the label maps, so a new enum value
// in the schema fails to compile here until it has a label (and then is offered everywhere).
type NonEmpty<T> = [T, ...T[]];
const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as NonEmpty<K>;

export const RESOURCE_AREAS = keysOf(RESOURCE_AREA_LABELS);
export const REVIEW_STATUSES = keysOf(REVIEW_STATUS_LABELS);
export const CONDITION_SEVERITIES = keysOf(CONDITION_SEVERITY_LABELS);

/** Form options shared by the review and conditions pages. */
export const CONDITION_SEVERITY_OPTIONS = CONDITION_SEVERITIES.map((s) => ({
  value: s,
  label: CONDITION_SEVERITY_LABELS[s],
}));
export const CONDITION_SEVERITY_HINT = CONDITION_SEVERITIES.map(
  (s) => `${CONDITION_SEVERITY_LABELS[s]}: ${CONDITION_SEVERITY_HINTS[s]}`,
).join(" ");
export const RESOLUTION_OPTIONS = (["MET", "WAIVED"] as const).map((s) => ({
  value: s,
  label: CONDITION_STATUS_LABELS[s],
}));
