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

/** Who manages the land a project is on. */
export const LAND_STATUSES = ["BLM", "USFS", "PRIVATE", "STATE", "TRIBAL", "MIXED", "OTHER"] as const;
export const LAND_STATUS_LABELS: Record<(typeof LAND_STATUSES)[number], string> = {
  BLM: "Federal: Bureau of Land Management",
  USFS: "Federal: U.S. Forest Service",
  PRIVATE: "Private",
  STATE: "State",
  TRIBAL: "Tribal",
  MIXED: "Mixed",
  OTHER: "Other",
};

/** Why a reader reports a published comment (the report form's choices). */
export const REPORT_REASONS = ["SPAM", "ABUSIVE", "PERSONAL_INFORMATION", "NOT_MINE"] as const;
