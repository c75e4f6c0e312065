// Which events enter the verifiable public record (the log, issue 17) and what each entry says.
// Typed as a mapped type over the catalogue, like EVENT_DESCRIPTIONS: a new event type fails to
// compile until someone decides here whether it is part of the public record and what its public
// body is. Bodies hold public facts only: no account ids, emails, addresses, hidden text or names.
// What a person wrote (a comment's text and name) enters as a salted commitment instead, made by
// recordEvent from the `personal` option, which the type of recordEvent requires for these types.
import type { EventType, PayloadFor } from "./catalogue";
import type { JsonValue } from "../log/canonical-json";

type JsonObject = { [key: string]: JsonValue };

/**
 * Event types whose entries commit to what a person wrote: recordEvent's type demands the text
 * and name for them, and their rule below must say `personal: true` (the compiler checks both).
 */
export type PersonalEventType = "comment.submitted";

/** What a person wrote, committed to (never stored in the log): the text and the name shown. */
export type PersonalContent = { text: string; name: string };

export type PublicLogRule<T extends EventType> =
  | { public: false; why: string }
  | ({
      public: true;
      /** The project the entry is about (the log is filtered by it). */
      projectId: (payload: PayloadFor[T]) => string | null;
      /** What changed, in public terms; the entry adds its type, time and event id around it. */
      body: (payload: PayloadFor[T]) => JsonObject;
    } & (T extends PersonalEventType ? { personal: true } : { personal?: never }));

type Fields<K extends string> = { readonly [key in K]: JsonValue };

/**
 * A rule builder for one payload shape: `shape` gives the fields every entry of that shape holds
 * (and `projectOf` the project it names); a rule then lists the payload's own fields to copy and,
 * where a field needs a default or a rename, an `extra` function. The compiler checks each rule
 * against its event's payload (a field that is missing, optional or not JSON fails), so a rule is
 * a line: `"milestone.added": byProject(["milestoneId", "milestoneName"])`.
 */
function shaped<S extends object>(shape: (p: S) => JsonObject, projectOf: (p: S) => string | null) {
  return <K extends string = never, X extends object = object>(keys: readonly K[], extra?: (p: X) => JsonObject) => ({
    public: true as const,
    projectId: (p: S & Fields<K> & X) => projectOf(p),
    body: (p: S & Fields<K> & X): JsonObject => {
      const body: JsonObject = shape(p);
      for (const key of keys) body[key] = p[key];
      return { ...body, ...extra?.(p) };
    },
  });
}

type ProjectRef = { projectId: string; slug: string };
const projectOf = (p: { projectId: string }) => p.projectId;

/** Events about a project: its id and slug. */
const byProject = shaped((p: ProjectRef) => ({ projectId: p.projectId, slug: p.slug }), projectOf);

/** Events about a comment period: the project, the period and its title. */
const byPeriod = shaped(
  (p: ProjectRef & { periodId: string; title: string }) => ({
    projectId: p.projectId,
    slug: p.slug,
    periodId: p.periodId,
    title: p.title,
  }),
  projectOf,
);

/** Events about an information request: the project, the request, its title and due date. */
const byRequest = shaped(
  (p: ProjectRef & { requestId: string; title: string; dueDate: string }) => ({
    projectId: p.projectId,
    slug: p.slug,
    requestId: p.requestId,
    title: p.title,
    dueDate: p.dueDate,
  }),
  projectOf,
);

/**
 * Events about one comment: its period, id and receipt, and the project (events recorded before
 * comment payloads named it have none; their entries say so by leaving it out).
 */
const byComment = shaped(
  (p: { projectId?: string; periodId: string; commentId: string; receiptNumber: string }) => ({
    ...(p.projectId ? { projectId: p.projectId } : {}),
    periodId: p.periodId,
    commentId: p.commentId,
    receiptNumber: p.receiptNumber,
  }),
  (p) => p.projectId ?? null,
);

/** The agency's answer to a public concern statement: its period, the concern and the response. */
const byConcern = shaped(
  (p: { projectId: string; periodId: string; concernId: string; responseId: string }) => ({
    projectId: p.projectId,
    periodId: p.periodId,
    concernId: p.concernId,
    responseId: p.responseId,
  }),
  projectOf,
);

const notPublic = (why: string) => ({ public: false as const, why });

export const PUBLIC_LOG: { [T in EventType]: PublicLogRule<T> } = {
  "project.created": byProject([
    "name",
    "state",
    "county",
    "commodities",
    "leadAgencyId",
    "reviewTrack",
    "stage",
    "status",
  ]),
  "project.updated": byProject(["section", "changes"]),
  "project.stageChanged": byProject([
    "transitionId",
    "kind",
    "fromStage",
    "toStage",
    "fromStatus",
    "toStatus",
    "reason",
  ]),
  "milestone.added": byProject(["milestoneId", "milestoneName", "baselineDate", "targetDate", "datePrecision"]),
  "milestone.dateChanged": byProject(
    ["milestoneId", "milestoneName", "dateChangeId", "previousDate", "newDate", "reason", "narrative"],
    (p: PayloadFor["milestone.dateChanged"]) => ({ datePrecision: p.datePrecision ?? "DAY" }),
  ),
  "milestone.actualDateRecorded": byProject(["milestoneId", "milestoneName", "previousActualDate", "actualDate"]),
  "package.submitted": byProject(["packageId", "title", "version"], (p: PayloadFor["package.submitted"]) => ({
    publicDocuments: p.publicDocuments ?? [],
  })),
  "package.determined": byProject(["packageId", "title", "version", "determination", "deficiencies"]),
  "comment.submitted": { ...byComment([]), personal: true },
  "comment.autoHidden": byComment([], (p: PayloadFor["comment.autoHidden"]) => ({
    reportCount: p.reportCount ?? null,
  })),
  "comment.moderated": byComment(["kind", "reason"]),
  "comment.responded": byComment(["responseId"]),
  "concern.published": byConcern(["topic", "statement", "commentCount", "campaignCount"]),
  "commentPeriod.opened": byPeriod(["stage", "opensAt", "closesAt", "timeZone"]),
  "commentPeriod.extended": byPeriod(["changeId", "previousClosesAt", "closesAt", "timeZone", "reason"]),
  "commentPeriod.reopened": byPeriod(["changeId", "previousClosesAt", "closesAt", "timeZone", "reason"]),
  "commentPeriod.closingSoon": notPublic("A reminder, not a change to the record."),
  "commentPeriod.closed": byPeriod(["opensAt", "closesAt", "timeZone"]),
  "informationRequest.issued": byRequest(["publicSummary", "issuedAt"]),
  "informationRequest.answered": byRequest(["responseId", "submittedAt"]),
  "informationRequest.decided": byRequest(["responseId", "decision", "status", "decidedAt"]),
  "informationRequest.withdrawn": byRequest(["status", "closedAt"]),
  "review.assigned": notPublic(
    "Who reviews what inside an agency is not public (reviewer names are the policy's to show).",
  ),
  "milestone.targetPassed": notPublic(
    "An alert computed from the calendar, not a change: the milestone's own entries already show it.",
  ),
  "statutoryClock.extended": byProject([
    "extensionId",
    "track",
    "basis",
    "previousDeadline",
    "previousPrecision",
    "newDeadline",
    "reason",
    "sourceUrl",
  ]),
  "statutoryDeadline.alert": notPublic(
    "An alert computed from the calendar and the statutory clock, not a change to the record.",
  ),
  "record.baseline": byProject(["name", "source"], (p: PayloadFor["record.baseline"]) => ({
    ...(p.stage ? { stage: p.stage, status: p.status ?? null } : {}),
    ...(p.milestones ? { milestones: p.milestones } : {}),
    ...(p.stageTransitions !== undefined ? { stageTransitions: p.stageTransitions, pauses: p.pauses ?? 0 } : {}),
    ...(p.comments ? { comments: p.comments } : {}),
  })),
  "savedSearch.matched": notPublic(
    "Names a person's saved search and watchlist: personal, and not a change to the record.",
  ),
};
