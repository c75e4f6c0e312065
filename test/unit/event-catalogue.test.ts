// The event catalogue: every type has a description, stored payloads are checked when read back,
// and a payload that does not fit its type fails to compile (the @ts-expect-error lines below are
// checked by `npm run typecheck`: each must be an error, or tsc reports the directive as unused).
import { describe, expect, it } from "vitest";
import {
  EVENT_CATALOGUE,
  EVENT_DESCRIPTIONS,
  EVENT_TYPES,
  EventPayloadError,
  eventDescription,
  parseEvent,
  type DomainEventRecord,
  type EventType,
  type PayloadFor,
} from "~/models/events/catalogue";
import { eventRow, recordEvent, type EventWriter } from "~/models/events/record.server";

const project = { projectId: "proj_1", slug: "stibnite-gold", name: "Stibnite Gold Project" };
const period = { ...project, periodId: "per_1", title: "Draft EIS comment period" };
const request = { ...project, requestId: "req_1", title: "Groundwater model inputs", dueDate: "2026-03-01" };

/** A payload of every type, as the models write them; typed so a new event needs a sample here. */
const SAMPLES: PayloadFor = {
  "project.stageChanged": {
    ...project,
    transitionId: "tr_1",
    kind: "ADVANCE",
    fromStage: "draft_eis",
    fromStageLabel: "Draft EIS",
    toStage: "final_eis",
    toStageLabel: "Final EIS",
    fromStatus: "IN_PROGRESS",
    toStatus: "IN_PROGRESS",
    reason: "Notice of availability published.",
    actorId: "user_1",
    occurredAt: "2026-02-01T17:00:00.000Z",
  },
  "milestone.dateChanged": {
    ...project,
    milestoneId: "ms_1",
    milestoneName: "Record of Decision",
    previousDate: "2026-06-01",
    newDate: null,
    reason: "LITIGATION",
    narrative: "",
    dateChangeId: "dc_1",
    actorId: null,
  },
  "project.created": {
    ...project,
    state: "NV",
    county: "Humboldt",
    commodities: ["lithium"],
    leadAgencyId: "org_blm",
    reviewTrack: "EIS",
    stage: "pre_application",
    status: "IN_PROGRESS",
    actorId: "user_1",
  },
  "project.updated": { ...project, section: "details", changes: { county: "Humboldt" }, actorId: "user_1" },
  "milestone.added": {
    ...project,
    milestoneId: "ms_2",
    milestoneName: "Notice of Intent",
    baselineDate: "2026-01-01",
    targetDate: "2026-01-01",
    datePrecision: "MONTH",
    actorId: "user_1",
  },
  "milestone.actualDateRecorded": {
    ...project,
    milestoneId: "ms_2",
    milestoneName: "Notice of Intent",
    previousActualDate: null,
    actualDate: "2026-01-15",
    actorId: "user_1",
  },
  "comment.moderated": {
    projectId: "proj_1",
    periodId: "per_1",
    commentId: "c_1",
    receiptNumber: "LDS-AAAA-BBBB",
    kind: "HIDE",
    reason: "Threatens a named person.",
    actorId: "user_2",
  },
  "package.submitted": { ...project, packageId: "pkg_1", title: "Plan of Operations", version: 2 },
  "package.determined": {
    ...project,
    packageId: "pkg_1",
    title: "Plan of Operations",
    version: 2,
    determination: "DEFICIENT",
    deficiencies: ["Reclamation bond estimate"],
  },
  "comment.submitted": {
    periodId: "per_1",
    commentId: "c_1",
    receiptNumber: "PC-0001",
    emailPresent: true,
    actorId: null,
    requestId: null,
  },
  "comment.autoHidden": { periodId: "per_1", commentId: "c_1", receiptNumber: "PC-0001" },
  "comment.responded": { periodId: "per_1", commentId: "c_1", receiptNumber: "PC-0001", responseId: "resp_1" },
  "concern.published": {
    projectId: "prj_1",
    periodId: "per_1",
    concernId: "con_1",
    responseId: "resp_1",
    topic: "Water quality and quantity",
    statement: "The mine may lower the aquifer that feeds private wells.",
    commentCount: 3,
    campaignCount: 1,
    actorId: "usr_reg",
  },
  "commentPeriod.opened": {
    ...period,
    stage: "draft_eis",
    stageLabel: "Draft EIS",
    opensAt: "2026-03-01T07:00:00.000Z",
    closesAt: "2026-04-01T05:59:00.000Z",
    timeZone: "America/Denver",
    actorId: "user_1",
  },
  "commentPeriod.extended": {
    ...period,
    changeId: "chg_1",
    kind: "EXTEND",
    previousClosesAt: "2026-04-01T05:59:00.000Z",
    closesAt: "2026-04-15T05:59:00.000Z",
    timeZone: "America/Denver",
    reason: "Requested by the county.",
    actorId: "user_1",
  },
  "commentPeriod.reopened": {
    ...period,
    changeId: "chg_2",
    kind: "REOPEN",
    previousClosesAt: "2026-04-15T05:59:00.000Z",
    closesAt: "2026-05-01T05:59:00.000Z",
    timeZone: "America/Denver",
    reason: "Documents were missing from the record.",
    actorId: "user_1",
  },
  "commentPeriod.closingSoon": {
    ...period,
    kind: "closing7d",
    opensAt: "2026-03-01T07:00:00.000Z",
    closesAt: "2026-04-01T05:59:00.000Z",
    timeZone: "America/Denver",
  },
  "commentPeriod.closed": {
    ...period,
    kind: "closed",
    opensAt: "2026-03-01T07:00:00.000Z",
    closesAt: "2026-04-01T05:59:00.000Z",
    timeZone: "America/Denver",
  },
  "informationRequest.issued": {
    ...request,
    actorId: "user_1",
    publicSummary: "Inputs to the groundwater model.",
    issuedAt: "2026-02-01T17:00:00.000Z",
    reviewId: null,
  },
  "informationRequest.answered": {
    ...request,
    actorId: "user_2",
    responseId: "ir_1",
    documentCount: 1,
    submittedAt: "2026-02-10T17:00:00.000Z",
  },
  "informationRequest.decided": {
    ...request,
    actorId: "user_1",
    responseId: "ir_1",
    decision: "RETURNED",
    status: "OPEN",
    decidedAt: "2026-02-12T17:00:00.000Z",
  },
  "informationRequest.withdrawn": {
    ...request,
    actorId: "user_1",
    status: "WITHDRAWN",
    closedAt: "2026-02-12T17:00:00.000Z",
  },
  "review.assigned": {
    ...project,
    reviewId: "rev_1",
    title: "Water quality",
    assigneeId: "user_3",
    actorId: "user_1",
  },
  "savedSearch.matched": {
    ...project,
    savedSearchId: "ss_1",
    searchName: "Gold in Idaho",
    watchlistId: "wl_1",
    watchlistName: "Salmon River watch",
    stageLabel: "Draft EIS",
    status: "IN_PROGRESS",
  },
  "record.baseline": {
    ...project,
    source: "demo seed",
    stage: "draft_eis",
    status: "IN_PROGRESS",
    milestones: [
      {
        milestoneId: "ms_1",
        milestoneName: "Final EIS",
        targetDate: "2026-02-01",
        actualDate: null,
        datePrecision: "MONTH",
      },
    ],
    stageTransitions: 3,
    pauses: 0,
  },
  "milestone.targetPassed": {
    ...project,
    milestoneId: "ms_1",
    milestoneName: "Final EIS",
    targetDate: "2026-02-01",
    datePrecision: "MONTH",
  },
  "statutoryClock.extended": {
    ...project,
    extensionId: "ext_1",
    track: "EIS",
    basis: "statutory",
    previousDeadline: "2026-05-10",
    previousPrecision: "DAY",
    newDeadline: "2026-11-10",
    reason: "Additional consultation with the tribe, agreed with the applicant.",
    sourceUrl: "https://www.federalregister.gov/d/2026-01234",
    actorId: "user_1",
  },
  "statutoryDeadline.alert": {
    ...project,
    kind: "90d",
    track: "EIS",
    deadline: "2027-02-28",
    deadlinePrecision: "DAY",
    startName: "Notice of intent",
    startDate: "2025-02-28",
    startPrecision: "DAY",
    extended: false,
  },
};

function storedRow(type: string, payload: unknown) {
  return { id: "evt_1", type, aggregateId: "agg_1", occurredAt: new Date("2026-02-01T17:00:00Z"), payload };
}

describe("the event catalogue", () => {
  it("describes every event type in one line, from the payload alone", () => {
    expect(Object.keys(EVENT_DESCRIPTIONS).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const line = eventDescription({ type, payload: SAMPLES[type] });
      expect(line, type).toMatch(/\S/);
      expect(line, type).not.toMatch(/undefined|null|\[object/);
    }
    expect(eventDescription({ type: "project.stageChanged", payload: SAMPLES["project.stageChanged"] })).toBe(
      "Stibnite Gold Project advanced to Final EIS",
    );
  });

  it("reads back every kind of stored event as the payload that was written", () => {
    for (const type of EVENT_TYPES) {
      const event = parseEvent(storedRow(type, SAMPLES[type]));
      expect(event).toMatchObject({ id: "evt_1", type, aggregateId: "agg_1", payload: SAMPLES[type] });
    }
  });

  it("refuses a stored payload with a missing field, naming the event and the field", () => {
    const { assigneeId: _dropped, ...withoutAssignee } = SAMPLES["review.assigned"];
    const read = () => parseEvent({ ...storedRow("review.assigned", withoutAssignee), id: "evt_missing" });
    expect(read).toThrow(EventPayloadError);
    expect(read).toThrow("Event evt_missing (review.assigned) has an invalid payload: assigneeId: Required.");
  });

  it("refuses a stored payload whose field has the wrong kind of value", () => {
    const payload = { ...SAMPLES["commentPeriod.closingSoon"], kind: "closing1h" };
    expect(() => parseEvent(storedRow("commentPeriod.closingSoon", payload))).toThrow(
      /^Event evt_1 \(commentPeriod\.closingSoon\) has an invalid payload: kind: Invalid enum value/,
    );
    expect(() => parseEvent(storedRow("review.assigned", null))).toThrow(
      /evt_1 \(review\.assigned\).*payload: Expected/,
    );
  });

  it("refuses a stored event whose type is not in the catalogue", () => {
    expect(() => parseEvent(storedRow("review.unassigned", {}))).toThrow(
      'Event evt_1 has type "review.unassigned", which is not in the event catalogue.',
    );
  });

  it("writes the aggregate the catalogue names for each type, and refuses a bad payload before writing", () => {
    for (const type of EVENT_TYPES) {
      const row = eventRow(type, SAMPLES[type]);
      const aggregateField = EVENT_CATALOGUE[type].aggregate;
      expect(row.aggregateId, type).toBe((SAMPLES[type] as Record<string, unknown>)[aggregateField]);
      expect(row).not.toHaveProperty("dedupeKey");
    }
    expect(eventRow("comment.responded", SAMPLES["comment.responded"]).aggregateId).toBe("c_1");
    const at = new Date("2026-02-01T17:00:00Z");
    expect(
      eventRow("commentPeriod.closed", SAMPLES["commentPeriod.closed"], { occurredAt: at, dedupeKey: "k" }),
    ).toMatchObject({ type: "commentPeriod.closed", aggregateId: "proj_1", occurredAt: at, dedupeKey: "k" });
    const untyped = { ...SAMPLES["package.submitted"], version: "2" } as unknown as PayloadFor["package.submitted"];
    expect(() => eventRow("package.submitted", untyped)).toThrow(
      "A new package.submitted event has an invalid payload: version: Expected number, received string.",
    );
  });
});

// Never called: compiled by tsc only. Each directive marks a line that must not compile.
export function _wrongPayloadsDoNotCompile(db: EventWriter, event: DomainEventRecord) {
  const review = { ...project, reviewId: "rev_1", assigneeId: "user_3", actorId: null };
  // @ts-expect-error a renamed field (title → reviewTitle) is a compile error at the writer
  void recordEvent(db, "review.assigned", { ...review, reviewTitle: "Water quality" });
  // @ts-expect-error a missing field
  void recordEvent(db, "review.assigned", { ...project, reviewId: "r", title: "t", actorId: null });
  // @ts-expect-error a field of the wrong type
  void recordEvent(db, "package.submitted", { ...project, packageId: "p", title: "t", version: "2" });
  // @ts-expect-error a value outside the field's enum
  void recordEvent(db, "commentPeriod.closingSoon", { ...SAMPLES["commentPeriod.closed"], kind: "closed" });
  // @ts-expect-error an event type that is not in the catalogue
  void recordEvent(db, "review.unassigned", review);
  if (event.type === "comment.responded") {
    // @ts-expect-error a reader cannot read a field its event does not carry
    void event.payload.assigneeId;
  }
  // @ts-expect-error the descriptions must cover every type
  const _incomplete: typeof EVENT_DESCRIPTIONS = { "review.assigned": (p) => p.title };
  const _everyType: Record<EventType, unknown> = EVENT_CATALOGUE;
  return [_incomplete, _everyType];
}
