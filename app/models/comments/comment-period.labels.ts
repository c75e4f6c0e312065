// Words for the comment period's choices, next to comment-period.server.ts. Plain objects with
// type-only imports: safe in any page's bundle.
import type { PeriodChangeKind } from "@prisma/client";
import { keysOf } from "~/models/enum-keys";

/** The deadline changes a regulator may ask for. */
export const DEADLINE_CHANGE_LABELS: Record<PeriodChangeKind, string> = {
  EXTEND: "Extend the deadline",
  REOPEN: "Reopen the period",
};

export const DEADLINE_CHANGE_KINDS = keysOf(DEADLINE_CHANGE_LABELS);

/** How each entry of a period's deadline history reads (the first is the original deadline). */
export const DEADLINE_HISTORY_LABELS: Record<PeriodChangeKind | "ORIGINAL", string> = {
  ORIGINAL: "Original deadline",
  EXTEND: "Extended to",
  REOPEN: "Reopened until",
};
