// Words for the condition of approval's enums, next to condition.server.ts. Plain objects with
// type-only imports: safe in any page's bundle.
import type { ConditionSeverity, ConditionStatus } from "@prisma/client";
import { keysOf } from "./enum-keys";

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
