// Words for package enums (pure: safe in the browser bundle).
import type { DocumentVisibility, PackageKind, PackageStatus } from "@prisma/client";

export const PACKAGE_KIND_LABELS: Record<PackageKind, string> = {
  PLAN_OF_OPERATIONS: "Plan of operations",
  BASELINE_STUDIES: "Baseline studies",
  PERMIT_APPLICATION: "Permit application",
  OTHER: "Other",
};

export const PACKAGE_STATUS_LABELS: Record<PackageStatus, string> = {
  DRAFT: "Draft (not submitted)",
  SUBMITTED: "Submitted: awaiting completeness review",
  COMPLETE: "Complete",
  DEFICIENT: "Deficient: the company owes changes",
};

export const VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  PUBLIC: "Public",
  CONFIDENTIAL: "Confidential business information",
};
