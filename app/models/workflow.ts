// The permitting workflow, defined once as data: ordered stages per review track.
// Pure module (no server imports) so pages and the policy can read it too.
// Transition rules (who may move a project, and where to) are added with the stage workflow.
import type { ProjectStatus, ReviewTrack } from "@prisma/client";

export type StageDefinition = { key: string; label: string };

export const REVIEW_TRACKS: Record<ReviewTrack, { label: string; stages: StageDefinition[] }> = {
  EIS: {
    label: "Environmental impact statement (EIS)",
    stages: [
      { key: "pre_application", label: "Pre-application" },
      { key: "plan_submitted", label: "Plan submitted" },
      { key: "completeness_review", label: "Completeness review" },
      { key: "noi_scoping", label: "Notice of intent and scoping" },
      { key: "draft_eis", label: "Draft EIS" },
      { key: "final_eis", label: "Final EIS and draft decision" },
      { key: "objection_period", label: "Objection period" },
      { key: "record_of_decision", label: "Record of decision" },
      { key: "permits_issued", label: "Permits issued" },
    ],
  },
  EA: {
    label: "Environmental assessment (EA)",
    stages: [
      { key: "pre_application", label: "Pre-application" },
      { key: "plan_submitted", label: "Plan submitted" },
      { key: "completeness_review", label: "Completeness review" },
      { key: "scoping", label: "Scoping" },
      { key: "draft_ea", label: "Draft EA" },
      { key: "decision_fonsi", label: "Decision and FONSI" },
      { key: "permits_issued", label: "Permits issued" },
    ],
  },
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  IN_PROGRESS: "In progress",
  PAUSED: "Paused",
  APPROVED: "Approved",
  DENIED: "Denied",
  WITHDRAWN: "Withdrawn",
};

export function stagesOf(track: ReviewTrack): StageDefinition[] {
  return REVIEW_TRACKS[track].stages;
}

export function isStageOf(track: ReviewTrack, key: string): boolean {
  return stagesOf(track).some((stage) => stage.key === key);
}

/** The stage's label, or the raw key when it is not part of the track (never hides data). */
export function stageLabel(track: ReviewTrack, key: string): string {
  return stagesOf(track).find((stage) => stage.key === key)?.label ?? key;
}

/** 1-based position of the stage in its track, for "stage 4 of 9". */
export function stagePosition(track: ReviewTrack, key: string): { index: number; of: number } {
  const stages = stagesOf(track);
  return { index: stages.findIndex((stage) => stage.key === key) + 1, of: stages.length };
}
