import { describe, expect, it } from "vitest";
import { can, type Actor, type ProjectResource } from "~/policy";
import {
  TRANSITIONS,
  TRANSITION_KINDS,
  earlierStages,
  planTransition,
  stagesOf,
  type TransitionKindKey,
  type WorkflowState,
} from "~/models/workflow";

const eis = (stage: string, status: WorkflowState["status"] = "IN_PROGRESS"): WorkflowState => ({
  track: "EIS",
  stage,
  status,
});
const ea = (stage: string, status: WorkflowState["status"] = "IN_PROGRESS"): WorkflowState => ({
  track: "EA",
  stage,
  status,
});

function outcome(state: WorkflowState, kind: TransitionKindKey, toStage?: string) {
  const plan = planTransition(state, { kind, toStage });
  return plan.ok ? `${plan.transition.toStage}/${plan.transition.toStatus}` : `refused: ${plan.reason}`;
}

describe("review tracks", () => {
  it("orders the EIS and EA stages as the issue defines them", () => {
    expect(stagesOf("EIS").map((s) => s.label)).toEqual([
      "Pre-application",
      "Plan submitted",
      "Completeness review",
      "Notice of intent and scoping",
      "Draft EIS",
      "Final EIS and draft decision",
      "Objection period",
      "Record of decision",
      "Permits issued",
    ]);
    expect(stagesOf("EA").map((s) => s.label)).toEqual([
      "Pre-application",
      "Plan submitted",
      "Completeness review",
      "Scoping",
      "Draft EA",
      "Decision and FONSI",
      "Permits issued",
    ]);
  });
});

describe("advance", () => {
  it("moves every stage of each track to the next one, and not past the last", () => {
    for (const track of ["EIS", "EA"] as const) {
      const stages = stagesOf(track);
      stages.forEach((stage, i) => {
        const result = outcome({ track, stage: stage.key, status: "IN_PROGRESS" }, "ADVANCE");
        expect(result).toBe(
          i < stages.length - 1
            ? `${stages[i + 1].key}/IN_PROGRESS`
            : "refused: The project is at the last stage of its review.",
        );
      });
    }
  });

  it("is refused while paused, and after denial or withdrawal", () => {
    expect(outcome(eis("draft_eis", "PAUSED"), "ADVANCE")).toBe(
      "refused: The project is paused: resume it before moving it on.",
    );
    expect(outcome(eis("draft_eis", "DENIED"), "ADVANCE")).toMatch(/denied: no further moves/);
    expect(outcome(eis("draft_eis", "WITHDRAWN"), "ADVANCE")).toMatch(/withdrawn: no further moves/);
  });

  it("after approval only leads on to permits issued", () => {
    expect(outcome(eis("record_of_decision", "APPROVED"), "ADVANCE")).toBe("permits_issued/APPROVED");
    expect(outcome(ea("decision_fonsi", "APPROVED"), "ADVANCE")).toBe("permits_issued/APPROVED");
  });
});

describe("approve and deny", () => {
  it("approves from the decision stage on, never before", () => {
    expect(outcome(eis("record_of_decision"), "APPROVE")).toBe("record_of_decision/APPROVED");
    expect(outcome(eis("permits_issued"), "APPROVE")).toBe("permits_issued/APPROVED");
    expect(outcome(eis("objection_period"), "APPROVE")).toBe(
      "refused: Approval is recorded at the record of decision stage or later.",
    );
    expect(outcome(ea("decision_fonsi"), "APPROVE")).toBe("decision_fonsi/APPROVED");
    expect(outcome(ea("draft_ea"), "APPROVE")).toBe(
      "refused: Approval is recorded at the decision and fonsi stage or later.",
    );
  });

  it("denies an open review at any stage, and not a closed one", () => {
    expect(outcome(eis("noi_scoping"), "DENY")).toBe("noi_scoping/DENIED");
    expect(outcome(eis("noi_scoping", "PAUSED"), "DENY")).toBe("noi_scoping/DENIED");
    expect(outcome(eis("record_of_decision", "APPROVED"), "DENY")).toBe("refused: Only an open review can be denied.");
  });
});

describe("pause, resume, rescind, withdraw", () => {
  it("pauses only a review in progress and resumes only a paused one", () => {
    expect(outcome(eis("draft_eis"), "PAUSE")).toBe("draft_eis/PAUSED");
    expect(outcome(eis("draft_eis", "PAUSED"), "PAUSE")).toBe("refused: Only a review in progress can be paused.");
    expect(outcome(eis("draft_eis", "PAUSED"), "RESUME")).toBe("draft_eis/IN_PROGRESS");
    expect(outcome(eis("draft_eis"), "RESUME")).toBe("refused: Only a paused review can be resumed.");
  });

  it("rescinds only to an earlier stage of the same track, reopening an approved decision", () => {
    expect(outcome(eis("record_of_decision", "APPROVED"), "RESCIND", "final_eis")).toBe("final_eis/IN_PROGRESS");
    expect(outcome(eis("final_eis"), "RESCIND", "final_eis")).toBe(
      "refused: A rescission goes back to an earlier stage.",
    );
    expect(outcome(eis("final_eis"), "RESCIND", "draft_ea")).toBe(
      "refused: Choose the earlier stage the project goes back to.",
    );
    expect(outcome(eis("final_eis"), "RESCIND")).toBe("refused: Choose the earlier stage the project goes back to.");
    expect(earlierStages("EIS", "draft_eis").map((s) => s.key)).toEqual([
      "pre_application",
      "plan_submitted",
      "completeness_review",
      "noi_scoping",
    ]);
  });

  it("withdraws an open project only", () => {
    expect(outcome(eis("draft_eis"), "WITHDRAW")).toBe("draft_eis/WITHDRAWN");
    expect(outcome(eis("draft_eis", "PAUSED"), "WITHDRAW")).toBe("draft_eis/WITHDRAWN");
    expect(outcome(eis("permits_issued", "APPROVED"), "WITHDRAW")).toBe(
      "refused: Only an open project can be withdrawn.",
    );
  });

  it("refuses a project whose stage is not part of its track", () => {
    expect(outcome(ea("draft_eis"), "ADVANCE")).toMatch(/not part of the EA track/);
  });
});

describe("who may make each move", () => {
  const project: ProjectResource = {
    companyId: "c",
    leadAgencyId: "lead",
    cooperatingAgencyIds: ["coop"],
    status: "IN_PROGRESS",
  };
  const member = (organizationId: string, kind: "COMPANY" | "AGENCY" | "NGO"): Actor => ({
    userId: "u",
    isAdmin: false,
    emailVerified: true,
    memberships: [{ organizationId, kind, role: "OWNER" }],
  });
  const roles: Record<string, Actor | null> = {
    anonymous: null,
    community: { userId: "u", isAdmin: false, emailVerified: true, memberships: [] },
    admin: { userId: "u", isAdmin: true, emailVerified: true, memberships: [] },
    ownCompany: member("c", "COMPANY"),
    otherCompany: member("x", "COMPANY"),
    leadRegulator: member("lead", "AGENCY"),
    cooperatingRegulator: member("coop", "AGENCY"),
    ngo: member("n", "NGO"),
  };
  const expected: Record<string, TransitionKindKey[]> = {
    anonymous: [],
    community: [],
    admin: [],
    ownCompany: ["WITHDRAW"],
    otherCompany: [],
    leadRegulator: ["ADVANCE", "RESCIND", "PAUSE", "RESUME", "APPROVE", "DENY"],
    cooperatingRegulator: [],
    ngo: [],
  };
  for (const [role, actor] of Object.entries(roles)) {
    it(`lets ${role} make exactly ${expected[role].join(", ") || "no moves"}`, () => {
      const allowed = TRANSITION_KINDS.filter((kind) => can(actor, TRANSITIONS[kind].permission, project));
      expect(allowed).toEqual(expected[role]);
    });
  }
});
