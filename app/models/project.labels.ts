// Words for the project's own enums, next to project.server.ts (its status and stage words are the
// workflow's: workflow.ts). Plain objects with type-only imports: safe in any page's bundle.
import type { LandStatus } from "@prisma/client";
import { keysOf } from "./enum-keys";

export const LAND_STATUS_LABELS: Record<LandStatus, string> = {
  BLM: "Federal: Bureau of Land Management",
  USFS: "Federal: U.S. Forest Service",
  PRIVATE: "Private",
  STATE: "State",
  TRIBAL: "Tribal",
  MIXED: "Mixed",
  OTHER: "Other",
};

export const LAND_STATUSES = keysOf(LAND_STATUS_LABELS);
