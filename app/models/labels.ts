// Words for the enums, shared by pages and server code (pure: safe in the browser bundle).
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
