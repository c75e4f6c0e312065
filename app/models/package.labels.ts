// Words for the permit package's enums and its documents' visibility, next to package.server.ts.
// Plain objects with type-only imports: safe in any page's bundle.
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

export const DOCUMENT_VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  PUBLIC: "Public",
  CONFIDENTIAL: "Confidential business information",
};

/** Worded as the choice made when attaching files (to an answer to an information request). */
export const DOCUMENT_VISIBILITY_CHOICES: Record<DocumentVisibility, string> = {
  CONFIDENTIAL: "Confidential: the company and the reviewing agencies only",
  PUBLIC: "Public: anyone can open it",
};
