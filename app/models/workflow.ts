// The permitting workflow, defined once as data: ordered stages per review track.
// Pure module (no server imports) so pages and the policy can read it too.
// Transition rules (which moves each status and stage allows, and why one is refused) are below;
// who may ask for a move is the policy's (app/policy).
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

// ───────────── Transitions ─────────────
//
// Each kind of move says from which states it may be made, where it leads, and which policy
// action the person making it needs (so "who may" stays in app/policy).

export type TransitionKindKey = "ADVANCE" | "RESCIND" | "PAUSE" | "RESUME" | "APPROVE" | "DENY" | "WITHDRAW";

export type WorkflowState = { track: ReviewTrack; stage: string; status: ProjectStatus };

export type TransitionRequest = { kind: TransitionKindKey; toStage?: string };

export type PlannedTransition = {
  kind: TransitionKindKey;
  fromStage: string;
  toStage: string;
  fromStatus: ProjectStatus;
  toStatus: ProjectStatus;
};

type TransitionRule = {
  label: string;
  /** The policy action the actor needs; see app/policy. */
  permission: "project.advanceStage" | "project.withdraw";
  /** Why the move is not possible from this state, or null when it is. */
  refuse: (state: WorkflowState, request: TransitionRequest) => string | null;
  target: (state: WorkflowState, request: TransitionRequest) => { stage: string; status: ProjectStatus };
};

const FINAL: ReadonlySet<ProjectStatus> = new Set(["DENIED", "WITHDRAWN"]);
/** The stage at which the lead agency decides (ROD or FONSI); approval is possible from here on. */
export const DECISION_STAGE: Record<ReviewTrack, string> = { EIS: "record_of_decision", EA: "decision_fonsi" };

function indexOf(track: ReviewTrack, stage: string) {
  return stagesOf(track).findIndex((s) => s.key === stage);
}

function nextStage(state: WorkflowState): StageDefinition | undefined {
  const index = indexOf(state.track, state.stage);
  return index < 0 ? undefined : stagesOf(state.track)[index + 1];
}

function finalRefusal(state: WorkflowState): string | null {
  return FINAL.has(state.status)
    ? `The project is ${PROJECT_STATUS_LABELS[state.status].toLowerCase()}: no further moves are possible.`
    : null;
}

export const TRANSITIONS: Record<TransitionKindKey, TransitionRule> = {
  ADVANCE: {
    label: "Advance to the next stage",
    permission: "project.advanceStage",
    refuse: (state) => {
      const final = finalRefusal(state);
      if (final) return final;
      if (state.status === "PAUSED") return "The project is paused: resume it before moving it on.";
      const next = nextStage(state);
      if (!next) return "The project is at the last stage of its review.";
      // After approval only the permits can follow.
      if (state.status === "APPROVED" && next.key !== "permits_issued")
        return "An approved project can only move on to permits issued.";
      return null;
    },
    target: (state) => ({ stage: nextStage(state)!.key, status: state.status }),
  },
  RESCIND: {
    label: "Rescind back to an earlier stage",
    permission: "project.advanceStage",
    refuse: (state, request) => {
      const final = finalRefusal(state);
      if (final) return final;
      if (!request.toStage || !isStageOf(state.track, request.toStage))
        return "Choose the earlier stage the project goes back to.";
      if (indexOf(state.track, request.toStage) >= indexOf(state.track, state.stage))
        return "A rescission goes back to an earlier stage.";
      return null;
    },
    // A rescinded decision reopens the review.
    target: (state, request) => ({
      stage: request.toStage!,
      status: state.status === "PAUSED" ? "PAUSED" : "IN_PROGRESS",
    }),
  },
  PAUSE: {
    label: "Pause the review",
    permission: "project.advanceStage",
    refuse: (state) =>
      finalRefusal(state) ?? (state.status === "IN_PROGRESS" ? null : "Only a review in progress can be paused."),
    target: (state) => ({ stage: state.stage, status: "PAUSED" }),
  },
  RESUME: {
    label: "Resume the review",
    permission: "project.advanceStage",
    refuse: (state) => (state.status === "PAUSED" ? null : "Only a paused review can be resumed."),
    target: (state) => ({ stage: state.stage, status: "IN_PROGRESS" }),
  },
  APPROVE: {
    label: "Record approval",
    permission: "project.advanceStage",
    refuse: (state) => {
      if (state.status !== "IN_PROGRESS") return "Only a review in progress can be approved.";
      if (indexOf(state.track, state.stage) < indexOf(state.track, DECISION_STAGE[state.track])) {
        return `Approval is recorded at the ${stageLabel(state.track, DECISION_STAGE[state.track]).toLowerCase()} stage or later.`;
      }
      return null;
    },
    target: (state) => ({ stage: state.stage, status: "APPROVED" }),
  },
  DENY: {
    label: "Record denial",
    permission: "project.advanceStage",
    refuse: (state) =>
      state.status === "IN_PROGRESS" || state.status === "PAUSED" ? null : "Only an open review can be denied.",
    target: (state) => ({ stage: state.stage, status: "DENIED" }),
  },
  WITHDRAW: {
    label: "Withdraw the project",
    permission: "project.withdraw",
    refuse: (state) =>
      state.status === "IN_PROGRESS" || state.status === "PAUSED" ? null : "Only an open project can be withdrawn.",
    target: (state) => ({ stage: state.stage, status: "WITHDRAWN" }),
  },
};

export const TRANSITION_KINDS = Object.keys(TRANSITIONS) as TransitionKindKey[];

/**
 * Moves that end a project for good (denial, withdrawal): no move leads out of DENIED or WITHDRAWN,
 * so the form asks the person to confirm them on a second page, which works without JavaScript.
 */
export function endsProject(kind: TransitionKindKey): boolean {
  return kind === "DENY" || kind === "WITHDRAW";
}

export type TransitionPlan = { ok: true; transition: PlannedTransition } | { ok: false; reason: string };

/** Checks the move against the workflow (not the actor: the policy does that) and says where it leads. */
export function planTransition(state: WorkflowState, request: TransitionRequest): TransitionPlan {
  const rule = TRANSITIONS[request.kind];
  if (!rule) return { ok: false, reason: "Unknown kind of stage change." };
  if (!isStageOf(state.track, state.stage)) {
    return { ok: false, reason: `The project's stage "${state.stage}" is not part of the ${state.track} track.` };
  }
  const refusal = rule.refuse(state, request);
  if (refusal) return { ok: false, reason: refusal };
  const target = rule.target(state, request);
  return {
    ok: true,
    transition: {
      kind: request.kind,
      fromStage: state.stage,
      toStage: target.stage,
      fromStatus: state.status,
      toStatus: target.status,
    },
  };
}

/** The earlier stages a project may be rescinded to. */
export function earlierStages(track: ReviewTrack, stage: string): StageDefinition[] {
  return stagesOf(track).slice(0, Math.max(0, indexOf(track, stage)));
}
