// Words for the milestone's enums (why a target date moved; whose milestone it is), next to
// milestone.server.ts. Plain objects with type-only imports: safe in any page's bundle. Every other
// aggregate's words are in its own <aggregate>.labels.ts; this file keeps its first name until the
// pages that import it by that name (the timeline, the schedule) are next edited.
import type { DateChangeReason, Jurisdiction } from "@prisma/client";

export const DATE_CHANGE_REASON_LABELS: Record<DateChangeReason, string> = {
  SPONSOR_FACTORS: "Project sponsor factors",
  ADDITIONAL_ANALYSIS: "Additional analysis",
  CONSULTATION: "Consultation",
  LITIGATION: "Litigation",
  POLICY_CHANGE: "Policy change",
  DATA_CORRECTION: "Data correction",
  PROJECT_PAUSE: "Project pause",
};

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  FEDERAL: "Federal",
  STATE: "State",
  TRIBAL: "Tribal",
  LOCAL: "Local",
  COURT: "Court",
  OTHER: "Other",
};
