// Words for information requests, reviews and packages as the request pages, the queue and the
// dashboard show them. Pure (type imports only) so components may import it; a component may
// never import a *.server.ts module.
import type {
  DocumentVisibility,
  InformationRequestStatus,
  PackageKind,
  PackageStatus,
  ResourceArea,
  ResponseDecision,
  ReviewStatus,
} from "@prisma/client";

// Written for the public table: the status says whose move it is, not only what happened.
export const REQUEST_STATUS_LABELS: Record<InformationRequestStatus, string> = {
  OPEN: "Open: waiting for the company",
  ANSWERED: "Answered: the agency is reviewing the answer",
  ACCEPTED: "Closed: answer accepted",
  WITHDRAWN: "Withdrawn by the agency",
};

export const RESPONSE_DECISION_LABELS: Record<ResponseDecision, string> = {
  ACCEPTED: "Accepted",
  RETURNED: "Returned: more information needed",
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  INFORMATION_REQUESTED: "Information requested",
  COMPLETE: "Complete",
};

export const PACKAGE_STATUS_LABELS: Record<PackageStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted: awaiting the completeness check",
  COMPLETE: "Complete",
  DEFICIENT: "Deficient",
};

export const PACKAGE_KIND_LABELS: Record<PackageKind, string> = {
  PLAN_OF_OPERATIONS: "Plan of operations",
  BASELINE_STUDIES: "Baseline studies",
  PERMIT_APPLICATION: "Permit application",
  OTHER: "Other",
};

export const RESOURCE_AREA_LABELS: Record<ResourceArea, string> = {
  WATER: "Water",
  AIR: "Air",
  WILDLIFE_ESA: "Wildlife and endangered species",
  CULTURAL_NHPA: "Cultural resources (NHPA section 106)",
  TRIBAL_CONSULTATION: "Tribal consultation",
  SOCIOECONOMICS: "Socioeconomics",
  RECLAMATION_BONDING: "Reclamation and bonding",
  OTHER: "Other",
};

export const DOCUMENT_VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  CONFIDENTIAL: "Confidential: the company and the reviewing agencies only",
  PUBLIC: "Public: anyone can open it",
};

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
