// Who may do what: the one place permission decisions live. Routes, loaders and components ask
// `can()` / `assertCan()`; none of them compares role names. Deny by default: an action without
// a rule, or an anonymous actor on a non-public action, is refused.
//
// Rules depend on relationships, not just roles: a regulator may act on a project only when
// their agency is its lead agency; a company user only on their own company's projects.
import type { OrganizationKind, OrgRole, ProjectStatus } from "@prisma/client";

export type ActorMembership = { organizationId: string; kind: OrganizationKind; role: OrgRole };

export type Actor = {
  userId: string;
  isAdmin: boolean;
  emailVerified: boolean;
  memberships: ActorMembership[];
};

export type OrganizationResource = { organizationId: string };

export type ProjectResource = {
  companyId: string;
  leadAgencyId: string | null;
  cooperatingAgencyIds: string[];
  status: ProjectStatus;
};

export type NewProjectResource = { companyId: string };

/**
 * `inDraft`: the document has only ever been part of a permit package's unsubmitted working copy
 * (no submitted version and no answer to an information request holds it).
 */
export type DocumentResource = ProjectResource & { visibility: "PUBLIC" | "CONFIDENTIAL"; inDraft: boolean };

/** Commenting: on behalf of an organization requires membership in it. */
export type CommentTargetResource = ProjectResource & { onBehalfOfOrganizationId: string | null };

/** A comment as its author stands to it: null when it was sent without an account. */
export type CommentAuthorResource = { authorId: string | null };

/** `complete`: the review has reached COMPLETE, and its findings are part of the public record. */
export type ReviewResource = ProjectResource & { reviewAgencyId: string; assignedUserIds: string[]; complete: boolean };

/**
 * A watchlist's owner: a person (ownerUserId) or an organization, whose members keep it together.
 * For "watchlist.create" it is the owner the new watchlist would have.
 */
export type WatchlistResource = { ownerUserId: string | null; organizationId: string | null };

/** Every action and the resource it is asked about. */
export type ResourceFor = {
  "admin.access": null;
  "organization.create": null;
  "organization.view": OrganizationResource;
  "organization.invite": OrganizationResource;
  "organization.manageMembers": OrganizationResource;
  "audit.view": null;
  "project.view": ProjectResource;
  "project.create": NewProjectResource;
  "project.edit": ProjectResource;
  "project.editRegulatory": ProjectResource;
  "project.advanceStage": ProjectResource;
  "project.withdraw": ProjectResource;
  "milestone.changeDate": ProjectResource;
  "project.manageStatutoryClock": ProjectResource;
  "package.manage": ProjectResource;
  "package.determineCompleteness": ProjectResource;
  "package.readDraft": ProjectResource;
  "document.read": DocumentResource;
  "project.readConfidential": ProjectResource;
  "review.open": ProjectResource;
  "review.work": ReviewResource;
  "review.readReviewerNames": ProjectResource;
  "review.readFindings": ReviewResource;
  "condition.manage": ProjectResource;
  "informationRequest.issue": ProjectResource;
  "informationRequest.respond": ProjectResource;
  "informationRequest.decide": ProjectResource;
  "dashboard.regulator": null;
  "dashboard.company": null;
  "commentPeriod.manage": ProjectResource;
  "comment.submit": CommentTargetResource;
  "comment.report": ProjectResource;
  "comment.moderate": ProjectResource;
  "comment.hide": ProjectResource;
  "comment.requestReview": CommentAuthorResource;
  "comment.respond": ProjectResource;
  "comment.code": ProjectResource;
  "concern.publishAnswer": ProjectResource;
  "comment.exportFull": ProjectResource;
  "project.follow": ProjectResource;
  "project.subscribeByEmail": ProjectResource;
  "notification.viewDeliveryFailures": null;
  "watchlist.create": WatchlistResource;
  "watchlist.view": WatchlistResource;
  "watchlist.manage": WatchlistResource;
};

export type Action = keyof ResourceFor;

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Whether the actor is a member of the organization (of the given kind, when named). */
export function belongsTo(actor: Actor | null, organizationId: string | null | undefined, kind?: OrganizationKind) {
  if (!actor || !organizationId) return false;
  return actor.memberships.some((m) => m.organizationId === organizationId && (!kind || m.kind === kind));
}

function ownsOrganization(actor: Actor, organizationId: string) {
  return actor.memberships.some((m) => m.organizationId === organizationId && m.role === "OWNER");
}

/** Agencies with a part in the project's review: the lead and the cooperating agencies. */
function isAssignedAgency(actor: Actor, project: ProjectResource) {
  return (
    belongsTo(actor, project.leadAgencyId, "AGENCY") ||
    project.cooperatingAgencyIds.some((id) => belongsTo(actor, id, "AGENCY"))
  );
}

/**
 * Who may see a permit package before it is submitted: the company preparing it and the agencies
 * reviewing the project. Drafts are never public, whatever the visibility of their files.
 */
function seesDrafts(actor: Actor, project: ProjectResource) {
  return belongsTo(actor, project.companyId, "COMPANY") || isAssignedAgency(actor, project);
}

/** Who may see confidential business information: the company and the assigned agencies. */
function seesConfidential(actor: Actor, project: ProjectResource) {
  return belongsTo(actor, project.companyId, "COMPANY") || isAssignedAgency(actor, project);
}

/** The lead agency, and reviewers assigned to the review who still belong to an assigned agency. */
function worksOnReview(actor: Actor, review: ReviewResource) {
  return (
    belongsTo(actor, review.leadAgencyId, "AGENCY") ||
    (review.assignedUserIds.includes(actor.userId) && isAssignedAgency(actor, review))
  );
}

const ACTIVE: ReadonlySet<ProjectStatus> = new Set(["IN_PROGRESS", "PAUSED"]);

type Rule<A extends Action> = (actor: Actor, resource: ResourceFor[A]) => Decision;

// Public actions also apply to anonymous visitors; every other rule only ever sees a signed-in actor.
// Anonymous commenting is allowed per period; the period's own setting is checked by the intake.
const PUBLIC_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "project.view",
  "document.read",
  "comment.submit",
  "comment.requestReview",
  "project.subscribeByEmail",
  "review.readFindings",
]);

/**
 * A watchlist is personal: its own person, or any member of its organization. Nobody else, not even
 * an administrator (it tells what someone is watching); the read-only sharing link is the owners' way
 * to show it to others.
 */
function keepsWatchlist(actor: Actor, watchlist: WatchlistResource) {
  if (watchlist.ownerUserId !== null)
    return watchlist.organizationId === null && watchlist.ownerUserId === actor.userId;
  return belongsTo(actor, watchlist.organizationId);
}

const RULES: { [A in Action]: Rule<A> } = {
  "admin.access": (actor) => (actor.isAdmin ? allow : deny("Only administrators can open the admin pages.")),
  "organization.create": (actor) => (actor.isAdmin ? allow : deny("Only administrators can create organizations.")),
  "audit.view": (actor) => (actor.isAdmin ? allow : deny("Only administrators can read the audit log.")),
  "organization.view": (actor, org) =>
    actor.isAdmin || belongsTo(actor, org.organizationId)
      ? allow
      : deny("Only members of this organization and administrators can see its members."),
  "organization.invite": (actor, org) =>
    actor.isAdmin || ownsOrganization(actor, org.organizationId)
      ? allow
      : deny("Only owners of this organization and administrators can invite people."),
  "organization.manageMembers": (actor, org) =>
    actor.isAdmin || ownsOrganization(actor, org.organizationId)
      ? allow
      : deny("Only owners of this organization and administrators can change its members."),

  "project.view": () => allow,
  "project.create": (actor, target) =>
    belongsTo(actor, target.companyId, "COMPANY")
      ? allow
      : deny("Only members of the company can create a project for it."),
  "project.edit": (actor, project) =>
    belongsTo(actor, project.companyId, "COMPANY")
      ? allow
      : deny("Only members of the project's company can edit its description."),
  "project.editRegulatory": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can edit its regulatory details."),
  "project.advanceStage": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can move it between stages."),
  "project.withdraw": (actor, project) => {
    if (!belongsTo(actor, project.companyId, "COMPANY")) {
      return deny("Only the project's company can withdraw it.");
    }
    return ACTIVE.has(project.status) ? allow : deny("The project has already reached a final outcome.");
  },
  "milestone.changeDate": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can change its schedule."),
  // The statute gives the extension to the lead agency; marking which event started the clock is
  // part of the same record.
  "project.manageStatutoryClock": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can record the statutory clock and its extensions."),

  "package.manage": (actor, project) =>
    belongsTo(actor, project.companyId, "COMPANY")
      ? allow
      : deny("Only the project's company can prepare and submit its permit packages."),
  "package.determineCompleteness": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can decide whether a package is complete."),
  "package.readDraft": (actor, project) =>
    seesDrafts(actor, project)
      ? allow
      : deny(
          "This permit package has not been submitted: only the company and the agencies reviewing the project can see it.",
        ),
  // Deny wins: a draft's files stay with those who may see the draft, and confidential business
  // information with the company and the assigned agencies, whoever else asks (administrators
  // included), whatever the file's visibility says.
  "document.read": (actor, doc) => {
    if (doc.inDraft && !seesDrafts(actor, doc)) {
      return deny(
        "This document belongs to a permit package that has not been submitted: only the company and the agencies reviewing the project can open it.",
      );
    }
    return doc.visibility === "PUBLIC" || seesConfidential(actor, doc)
      ? allow
      : deny(
          "This document is confidential business information: only the company and the agencies reviewing the project can open it.",
        );
  },
  "project.readConfidential": (actor, project) =>
    seesConfidential(actor, project)
      ? allow
      : deny("Only the company and the agencies reviewing the project can see this."),
  "review.open": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can open environmental reviews and assign reviewers."),
  "review.work": (actor, review) =>
    worksOnReview(actor, review)
      ? allow
      : deny("Only the lead agency and the reviewers assigned to this review can work on it."),
  // Staff on a contested mine should not become public targets: everyone else sees how many there are.
  "review.readReviewerNames": (actor, project) =>
    seesConfidential(actor, project)
      ? allow
      : deny("Reviewers' names are shown only to the company and the agencies reviewing the project."),
  // Working notes stay internal until the review is complete; then they are the public record.
  "review.readFindings": (actor, review) =>
    review.complete || worksOnReview(actor, review)
      ? allow
      : deny("The findings are published when the review is complete."),
  "condition.manage": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can set or resolve conditions of approval."),
  "informationRequest.issue": (actor, project) =>
    isAssignedAgency(actor, project)
      ? allow
      : deny("Only staff of the agencies reviewing the project can send information requests."),
  "informationRequest.respond": (actor, project) =>
    belongsTo(actor, project.companyId, "COMPANY")
      ? allow
      : deny("Only the project's company can answer its information requests."),
  "informationRequest.decide": (actor, project) =>
    isAssignedAgency(actor, project)
      ? allow
      : deny("Only staff of the agencies reviewing the project can accept or return an answer."),
  "dashboard.regulator": (actor) =>
    actor.memberships.some((m) => m.kind === "AGENCY") ? allow : deny("The review queue is for agency staff."),
  "dashboard.company": (actor) =>
    actor.memberships.some((m) => m.kind === "COMPANY") ? allow : deny("The company dashboard is for company staff."),

  "commentPeriod.manage": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can open, extend or reopen comment periods."),
  "comment.submit": (actor, target) =>
    !target.onBehalfOfOrganizationId || belongsTo(actor, target.onBehalfOfOrganizationId)
      ? allow
      : deny("You can comment on behalf of an organization only if you are a member of it."),
  "comment.report": (actor) => (actor.userId ? allow : deny("Please sign in to report a comment.")),
  "comment.moderate": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency moderate its comments."),
  // Any comment, reported or not (a threat can be posted and never reported).
  "comment.hide": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency can hide its comments."),
  // A comment sent with an account: only that account. Without one, the receipt number is the only
  // proof there is, so whoever has it may ask (a request changes nothing; a moderator decides).
  "comment.requestReview": (actor, comment) =>
    comment.authorId === null || comment.authorId === actor.userId
      ? allow
      : deny("Sign in with the account that sent this comment to ask for a review."),
  "comment.respond": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency write official responses."),
  // Coding by concern (topics, passages, concern statements, draft answers) is the lead agency's
  // analysis for its final EIS; cooperating agencies and the public see the published answers.
  "comment.code": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency code its comments by concern."),
  "concern.publishAnswer": (actor, project) =>
    belongsTo(actor, project.leadAgencyId, "AGENCY")
      ? allow
      : deny("Only staff of the project's lead agency publish answers to public concerns."),
  // The full export includes hidden comments' text and commenters' contact details.
  "comment.exportFull": (actor, project) =>
    isAssignedAgency(actor, project)
      ? allow
      : deny(
          "Only staff of the agencies reviewing the project can export every comment; the public export is open to all.",
        ),

  // Anyone with an account may follow any project (the record is public); visitors subscribe by email.
  "project.follow": (actor) => (actor.userId ? allow : deny("Please sign in to follow a project.")),
  "project.subscribeByEmail": () => allow,
  "notification.viewDeliveryFailures": (actor) =>
    actor.isAdmin ? allow : deny("Only administrators can see emails that could not be delivered."),

  "watchlist.create": (actor, owner) =>
    keepsWatchlist(actor, owner)
      ? allow
      : deny("You can keep a watchlist for yourself, or for an organization you are a member of."),
  "watchlist.view": (actor, watchlist) =>
    keepsWatchlist(actor, watchlist)
      ? allow
      : deny("This watchlist is private to the person or organization that keeps it."),
  // Members keep their organization's watchlists together: any member may change one.
  "watchlist.manage": (actor, watchlist) =>
    keepsWatchlist(actor, watchlist)
      ? allow
      : deny("Only the person or the members of the organization that keep this watchlist can change it."),
};

export function decide<A extends Action>(actor: Actor | null, action: A, resource: ResourceFor[A]): Decision {
  const rule = RULES[action] as Rule<A> | undefined;
  if (!rule) return deny("This action is not allowed.");
  if (!actor) {
    return PUBLIC_ACTIONS.has(action) ? rule(ANONYMOUS, resource) : deny("Please sign in to do this.");
  }
  return rule(actor, resource);
}

// Public rules never look at the actor; this stands in for "nobody" so they keep one signature.
const ANONYMOUS: Actor = { userId: "", isAdmin: false, emailVerified: false, memberships: [] };

export function can<A extends Action>(actor: Actor | null, action: A, resource: ResourceFor[A]): boolean {
  return decide(actor, action, resource).allowed;
}

/** Throws a 403 Response that says what was missing (rendered by the error boundary). */
export function assertCan<A extends Action>(actor: Actor | null, action: A, resource: ResourceFor[A]): void {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) {
    throw new Response(decision.reason, {
      status: actor ? 403 : 401,
      statusText: actor ? "Forbidden" : "Unauthorized",
    });
  }
}

export const ALL_ACTIONS = Object.keys(RULES) as Action[];
