import { describe, expect, it } from "vitest";
import { ALL_ACTIONS, assertCan, can, type Action, type Actor, type ProjectResource } from "~/policy";

// The complete table of who may do what. Each row is an actor standing in a relationship to
// the project and organization below; every action must be listed, and every cell must match.
const COMPANY = "org-company";
const OTHER_COMPANY = "org-other-company";
const LEAD_AGENCY = "org-lead-agency";
const COOPERATING_AGENCY = "org-cooperating-agency";
const UNRELATED_AGENCY = "org-unrelated-agency";
const NGO = "org-ngo";

const project: ProjectResource = {
  companyId: COMPANY,
  leadAgencyId: LEAD_AGENCY,
  cooperatingAgencyIds: [COOPERATING_AGENCY],
  status: "IN_PROGRESS",
};

function actor(memberships: Actor["memberships"], isAdmin = false): Actor {
  return { userId: "u", isAdmin, emailVerified: true, memberships };
}

const ACTORS = {
  anonymous: null,
  community: actor([]),
  companyOwner: actor([{ organizationId: COMPANY, kind: "COMPANY", role: "OWNER" }]),
  companyMember: actor([{ organizationId: COMPANY, kind: "COMPANY", role: "MEMBER" }]),
  otherCompanyOwner: actor([{ organizationId: OTHER_COMPANY, kind: "COMPANY", role: "OWNER" }]),
  leadRegulator: actor([{ organizationId: LEAD_AGENCY, kind: "AGENCY", role: "MEMBER" }]),
  cooperatingRegulator: actor([{ organizationId: COOPERATING_AGENCY, kind: "AGENCY", role: "OWNER" }]),
  unrelatedRegulator: actor([{ organizationId: UNRELATED_AGENCY, kind: "AGENCY", role: "OWNER" }]),
  ngo: actor([{ organizationId: NGO, kind: "NGO", role: "OWNER" }]),
  admin: actor([], true),
} satisfies Record<string, Actor | null>;

type ActorName = keyof typeof ACTORS;
const NAMES = Object.keys(ACTORS) as ActorName[];

// Organization actions are asked about the project's company organization.
const RESOURCES: { [A in Action]: Parameters<typeof can<A>>[2] } = {
  "admin.access": null,
  "organization.create": null,
  "audit.view": null,
  "organization.view": { organizationId: COMPANY },
  "organization.invite": { organizationId: COMPANY },
  "organization.manageMembers": { organizationId: COMPANY },
  "project.view": project,
  "project.create": { companyId: COMPANY },
  "project.edit": project,
  "project.editRegulatory": project,
  "project.advanceStage": project,
  "project.withdraw": project,
  "milestone.changeDate": project,
  "project.manageStatutoryClock": project,
  "package.manage": project,
  "package.determineCompleteness": project,
  "package.readDraft": project,
  "document.read": { ...project, visibility: "CONFIDENTIAL", inDraft: false },
  "project.readConfidential": project,
  "review.open": project,
  "review.work": { ...project, reviewAgencyId: COOPERATING_AGENCY, assignedUserIds: ["u"], complete: false },
  "review.readReviewerNames": project,
  // A review still under way (a complete one's findings are public: see below).
  "review.readFindings": { ...project, reviewAgencyId: COOPERATING_AGENCY, assignedUserIds: ["u"], complete: false },
  "condition.manage": project,
  "informationRequest.issue": project,
  "informationRequest.respond": project,
  "informationRequest.decide": project,
  "dashboard.regulator": null,
  "dashboard.company": null,
  "commentPeriod.manage": project,
  "comment.submit": { ...project, onBehalfOfOrganizationId: NGO },
  "comment.report": project,
  "comment.moderate": project,
  "comment.hide": project,
  "comment.requestReview": { authorId: "someone-else" },
  "comment.respond": project,
  "comment.code": project,
  "concern.publishAnswer": project,
  "comment.exportFull": project,
  "project.follow": project,
  "project.subscribeByEmail": project,
  "notification.viewDeliveryFailures": null,
  // Watchlist actions are asked about the NGO's watchlist (kept by its members together).
  "watchlist.create": { ownerUserId: null, organizationId: NGO },
  "watchlist.view": { ownerUserId: null, organizationId: NGO },
  "watchlist.manage": { ownerUserId: null, organizationId: NGO },
};

const ALLOWED: Record<Action, ActorName[]> = {
  "admin.access": ["admin"],
  "organization.create": ["admin"],
  "audit.view": ["admin"],
  "organization.view": ["companyOwner", "companyMember", "admin"],
  "organization.invite": ["companyOwner", "admin"],
  "organization.manageMembers": ["companyOwner", "admin"],
  "project.view": NAMES,
  "project.create": ["companyOwner", "companyMember"],
  "project.edit": ["companyOwner", "companyMember"],
  "project.editRegulatory": ["leadRegulator"],
  "project.advanceStage": ["leadRegulator"],
  "project.withdraw": ["companyOwner", "companyMember"],
  "milestone.changeDate": ["leadRegulator"],
  "project.manageStatutoryClock": ["leadRegulator"],
  "package.manage": ["companyOwner", "companyMember"],
  "package.determineCompleteness": ["leadRegulator"],
  // A package before submission: the company preparing it and the agencies reviewing the project.
  "package.readDraft": ["companyOwner", "companyMember", "leadRegulator", "cooperatingRegulator"],
  // Confidential business information: company and assigned agencies, never an unrelated
  // agency, an NGO or even an administrator.
  "document.read": ["companyOwner", "companyMember", "leadRegulator", "cooperatingRegulator"],
  "project.readConfidential": ["companyOwner", "companyMember", "leadRegulator", "cooperatingRegulator"],
  "review.open": ["leadRegulator"],
  // Every test actor has user id "u", so "assigned" here means assigned and in an assigned agency.
  "review.work": ["leadRegulator", "cooperatingRegulator"],
  "review.readReviewerNames": ["companyOwner", "companyMember", "leadRegulator", "cooperatingRegulator"],
  // Before completion: those who work on it (the lead agency and assigned reviewers), not even the company.
  "review.readFindings": ["leadRegulator", "cooperatingRegulator"],
  "condition.manage": ["leadRegulator"],
  "informationRequest.issue": ["leadRegulator", "cooperatingRegulator"],
  "informationRequest.respond": ["companyOwner", "companyMember"],
  "informationRequest.decide": ["leadRegulator", "cooperatingRegulator"],
  "dashboard.regulator": ["leadRegulator", "cooperatingRegulator", "unrelatedRegulator"],
  "dashboard.company": ["companyOwner", "companyMember", "otherCompanyOwner"],
  "commentPeriod.manage": ["leadRegulator"],
  // On behalf of an organization: only its members (here, the NGO's).
  "comment.submit": ["ngo"],
  "comment.report": [
    "community",
    "companyOwner",
    "companyMember",
    "otherCompanyOwner",
    "leadRegulator",
    "cooperatingRegulator",
    "unrelatedRegulator",
    "ngo",
    "admin",
  ],
  "comment.moderate": ["leadRegulator"],
  "comment.hide": ["leadRegulator"],
  // Another person's comment sent with an account: nobody else may ask for its review.
  "comment.requestReview": [],
  "comment.respond": ["leadRegulator"],
  "comment.code": ["leadRegulator"],
  "concern.publishAnswer": ["leadRegulator"],
  "comment.exportFull": ["leadRegulator", "cooperatingRegulator"],
  "project.follow": NAMES.filter((name) => name !== "anonymous"),
  // Visitors without an account subscribe by email (double opt-in).
  "project.subscribeByEmail": NAMES,
  "notification.viewDeliveryFailures": ["admin"],
  // An organization's watchlist: its members only; administrators do not read what people watch.
  "watchlist.create": ["ngo"],
  "watchlist.view": ["ngo"],
  "watchlist.manage": ["ngo"],
};

describe("policy table: roles x actions x ownership", () => {
  it("lists every action the policy knows, and no other", () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  for (const action of Object.keys(ALLOWED) as Action[]) {
    for (const name of NAMES) {
      const expected = ALLOWED[action].includes(name);
      it(`${expected ? "allows" : "refuses"} ${name} to ${action}`, () => {
        expect(can(ACTORS[name], action, RESOURCES[action] as never)).toBe(expected);
      });
    }
  }
});

describe("personal watchlists", () => {
  const mine = { ownerUserId: "u", organizationId: null };
  const someoneElses = { ownerUserId: "someone-else", organizationId: null };
  for (const action of ["watchlist.create", "watchlist.view", "watchlist.manage"] as const) {
    it(`${action}: only the person themself, whatever their role`, () => {
      for (const name of NAMES) {
        expect(can(ACTORS[name], action, mine)).toBe(name !== "anonymous");
        expect(can(ACTORS[name], action, someoneElses)).toBe(false);
      }
    });
  }
});

describe("workflow state in rules", () => {
  it("refuses to withdraw a project that already has a final outcome", () => {
    for (const status of ["APPROVED", "DENIED", "WITHDRAWN"] as const) {
      expect(can(ACTORS.companyOwner, "project.withdraw", { ...project, status })).toBe(false);
    }
    expect(can(ACTORS.companyOwner, "project.withdraw", { ...project, status: "PAUSED" })).toBe(true);
  });

  it("gives no agency rights on a project without a lead agency", () => {
    const unassigned = { ...project, leadAgencyId: null };
    for (const name of NAMES) {
      expect(can(ACTORS[name], "project.advanceStage", unassigned)).toBe(false);
    }
  });
});

describe("documents", () => {
  it("lets anyone, signed in or not, read a public document", () => {
    for (const name of NAMES) {
      expect(can(ACTORS[name], "document.read", { ...project, visibility: "PUBLIC", inDraft: false })).toBe(true);
    }
  });

  // A file of a package that has never been submitted, whatever its visibility: only those who may
  // see the draft. Deny wins over the file's own PUBLIC.
  const DRAFT_DOCUMENT_READERS: ActorName[] = [
    "companyOwner",
    "companyMember",
    "leadRegulator",
    "cooperatingRegulator",
  ];
  for (const visibility of ["PUBLIC", "CONFIDENTIAL"] as const) {
    for (const name of NAMES) {
      const expected = DRAFT_DOCUMENT_READERS.includes(name);
      it(`${expected ? "lets" : "does not let"} ${name} read a ${visibility} file of an unsubmitted draft`, () => {
        expect(can(ACTORS[name], "document.read", { ...project, visibility, inDraft: true })).toBe(expected);
      });
    }
  }

  it("refuses a draft's public file to the public with a reason that names the draft", () => {
    try {
      assertCan(ACTORS.community, "document.read", { ...project, visibility: "PUBLIC", inDraft: true });
      expect.unreachable();
    } catch (error) {
      expect((error as Response).status).toBe(403);
      return expect((error as Response).text()).resolves.toMatch(/not been submitted/);
    }
  });

  it("does not let an assigned user from an unrelated agency work on a review", () => {
    const review = { ...project, reviewAgencyId: LEAD_AGENCY, assignedUserIds: ["u"], complete: false };
    expect(can(ACTORS.unrelatedRegulator, "review.work", review)).toBe(false);
    expect(can(ACTORS.cooperatingRegulator, "review.work", { ...review, assignedUserIds: [] })).toBe(false);
  });
});

describe("reviews", () => {
  it("lets anyone, signed in or not, read the findings of a complete review", () => {
    const review = { ...project, reviewAgencyId: COOPERATING_AGENCY, assignedUserIds: [], complete: true };
    for (const name of NAMES) expect(can(ACTORS[name], "review.readFindings", review)).toBe(true);
  });

  it("keeps an unassigned cooperating reviewer from a review's findings until it is complete", () => {
    const review = { ...project, reviewAgencyId: COOPERATING_AGENCY, assignedUserIds: [], complete: false };
    expect(can(ACTORS.cooperatingRegulator, "review.readFindings", review)).toBe(false);
    expect(can(ACTORS.cooperatingRegulator, "review.readFindings", { ...review, complete: true })).toBe(true);
  });
});

describe("asking for review of a hidden comment", () => {
  it("lets the author's account ask, and anyone holding the receipt of a comment sent without an account", () => {
    expect(can(ACTORS.community, "comment.requestReview", { authorId: "u" })).toBe(true);
    expect(can(ACTORS.anonymous, "comment.requestReview", { authorId: "u" })).toBe(false);
    for (const name of NAMES) {
      expect(can(ACTORS[name], "comment.requestReview", { authorId: null })).toBe(true);
    }
  });
});

describe("commenting", () => {
  it("lets anyone, even anonymous, comment as themselves", () => {
    for (const name of NAMES) {
      expect(can(ACTORS[name], "comment.submit", { ...project, onBehalfOfOrganizationId: null })).toBe(true);
    }
  });
});

describe("assertCan", () => {
  it("throws a 403 that says what was missing for a signed-in actor", () => {
    try {
      assertCan(ACTORS.unrelatedRegulator, "project.advanceStage", project);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Response);
      const response = error as Response;
      expect(response.status).toBe(403);
      return expect(response.text()).resolves.toMatch(/lead agency/);
    }
  });

  it("throws a 401 asking an anonymous visitor to sign in", () => {
    try {
      assertCan(null, "admin.access", null);
      expect.unreachable();
    } catch (error) {
      expect((error as Response).status).toBe(401);
    }
  });

  it("returns quietly when allowed", () => {
    expect(() => assertCan(ACTORS.admin, "admin.access", null)).not.toThrow();
  });
});
