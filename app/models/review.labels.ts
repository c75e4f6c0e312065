// Words for the environmental review's enums, next to review.server.ts. Plain objects with type-only
// imports: pages (public ones too) import them without pulling zod or server code into the bundle.
import type { ResourceArea, ReviewStatus } from "@prisma/client";
import { keysOf } from "./enum-keys";

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

export const RESOURCE_AREAS = keysOf(RESOURCE_AREA_LABELS);
export const REVIEW_STATUSES = keysOf(REVIEW_STATUS_LABELS);
