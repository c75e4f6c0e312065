import { describe, expect, it } from "vitest";
import {
  acceptingComments,
  changePeriodDeadline,
  getPeriod,
  listProjectPeriods,
  openPeriod,
  type OpenPeriodInput,
} from "~/models/comments/comment-period.server";
import { ConflictError, DomainError } from "~/models/errors.server";
import { prisma } from "~/services/db.server";
import { parseLocalDateTime, type LocalDateTime } from "~/utils/zoned-time";
import { createPeriodSetting, createPublicComment } from "../support/comment-factories";
import { insertProjectRow } from "../support/factories";

function local(value: string): LocalDateTime {
  const parsed = parseLocalDateTime(value);
  if (!parsed) throw new Error(`bad fixture ${value}`);
  return parsed;
}

// The regulator fills in the form two weeks before the period opens.
const FORM_FILLED = new Date("2026-02-15T17:00:00Z");

function draftEis(overrides: Partial<OpenPeriodInput> = {}): OpenPeriodInput {
  return {
    stage: "draft_eis",
    title: "Draft EIS public comment",
    description: "Comment on the draft environmental impact statement.",
    // Opens in MST, closes after the spring-forward change, in MDT.
    opensAtLocal: local("2026-03-01T00:00"),
    closesAtLocal: local("2026-03-31T23:59"),
    allowAnonymous: true,
    documentIds: [],
    ...overrides,
  };
}

async function openedPeriod() {
  const setting = await createPeriodSetting();
  const period = await openPeriod(
    setting.project.id,
    draftEis({ documentIds: [setting.publicDocument.id] }),
    setting.context,
    FORM_FILLED,
  );
  return { ...setting, period };
}

const extension = (overrides: { kind?: "EXTEND" | "REOPEN"; to?: string; lockVersion?: number; reason?: string }) => ({
  kind: overrides.kind ?? "EXTEND",
  newClosesAtLocal: local(overrides.to ?? "2026-04-15T23:59"),
  reason: overrides.reason ?? "Requested by the county commission: the draft EIS runs to 1,400 pages.",
  expectedLockVersion: overrides.lockVersion ?? 1,
});

describe("opening a comment period", () => {
  it("reads the window in the agency's zone: opens at midnight MST, closes at 11:59 PM MDT", async () => {
    const { period, project, publicDocument, regulator } = await openedPeriod();
    expect(period.timeZone).toBe("America/Denver");
    expect(period.opensAt.toISOString()).toBe("2026-03-01T07:00:00.000Z");
    expect(period.closesAt.toISOString()).toBe("2026-04-01T05:59:00.000Z");
    expect(period).toMatchObject({ allowAnonymous: true, openedById: regulator.id, lockVersion: 1 });
    const stored = await getPeriod(period.id);
    expect(stored?.documents).toEqual([{ id: publicDocument.id, name: "draft-eis-volume-1.pdf", size: 4096 }]);
    expect(stored?.project).toMatchObject({ slug: project.slug, leadAgencyId: project.leadAgencyId });
  });

  it("reads a summer window in MDT, an hour earlier in UTC than the same wall clock in winter", async () => {
    const { project, context } = await createPeriodSetting();
    const summer = await openPeriod(
      project.id,
      draftEis({ opensAtLocal: local("2026-07-01T00:00"), closesAtLocal: local("2026-07-31T23:59:59") }),
      context,
      FORM_FILLED,
    );
    expect(summer.opensAt.toISOString()).toBe("2026-07-01T06:00:00.000Z");
    expect(summer.closesAt.toISOString()).toBe("2026-08-01T05:59:59.000Z");
  });

  it("records the audit event and the outbox event the follower notification is sent from", async () => {
    const { period, project, regulator } = await openedPeriod();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: period.id } });
    expect(audit).toMatchObject({ action: "commentPeriod.open", actorId: regulator.id, requestId: "req-period" });
    const events = await prisma.domainEvent.findMany({ where: { aggregateId: project.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "commentPeriod.opened", processedAt: null });
    expect(events[0].payload).toEqual({
      projectId: project.id,
      slug: project.slug,
      name: project.name,
      periodId: period.id,
      title: "Draft EIS public comment",
      stage: "draft_eis",
      stageLabel: "Draft EIS",
      opensAt: "2026-03-01T07:00:00.000Z",
      closesAt: "2026-04-01T05:59:00.000Z",
      timeZone: "America/Denver",
      // So the person who opened it is not notified of their own action.
      actorId: regulator.id,
    });
  });

  it("refuses a confidential document, naming the file, and opens nothing", async () => {
    const { project, context, publicDocument, confidentialDocument } = await createPeriodSetting();
    const attempt = openPeriod(
      project.id,
      draftEis({ documentIds: [publicDocument.id, confidentialDocument.id] }),
      context,
      FORM_FILLED,
    );
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toThrow(/“ore-reserve-model\.xlsx” is confidential business information/);
    expect(await prisma.commentPeriod.count({ where: { projectId: project.id } })).toBe(0);
    expect(await prisma.domainEvent.count({ where: { aggregateId: project.id } })).toBe(0);
  });

  it("refuses a document of another project", async () => {
    const first = await createPeriodSetting();
    const second = await createPeriodSetting();
    await expect(
      openPeriod(first.project.id, draftEis({ documentIds: [second.publicDocument.id] }), first.context, FORM_FILLED),
    ).rejects.toThrow("One of the chosen documents is not part of this project.");
  });

  it("refuses a window that closes before, or when, it opens", async () => {
    const { project, context } = await createPeriodSetting();
    for (const closes of ["2026-02-28T23:59", "2026-03-01T00:00"]) {
      await expect(
        openPeriod(project.id, draftEis({ closesAtLocal: local(closes) }), context, FORM_FILLED),
      ).rejects.toThrow("The comment period must close after it opens.");
    }
    expect(await prisma.commentPeriod.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("refuses a deadline that has already passed", async () => {
    const { project, context } = await createPeriodSetting();
    await expect(openPeriod(project.id, draftEis(), context, new Date("2026-04-02T00:00:00Z"))).rejects.toThrow(
      "The closing date and time has already passed.",
    );
  });

  it("refuses a stage that is not part of the project's review track", async () => {
    const { project, context } = await createPeriodSetting();
    await expect(openPeriod(project.id, draftEis({ stage: "draft_ea" }), context, FORM_FILLED)).rejects.toThrow(
      "Choose a stage of this project's review.",
    );
  });

  it("refuses when the lead agency has no time zone, since the deadline could not be stated", async () => {
    const { project, context } = await createPeriodSetting({ timeZone: null });
    await expect(openPeriod(project.id, draftEis(), context, FORM_FILLED)).rejects.toThrow(/has no valid time zone/);
  });

  it("lists a project's periods with their published comments only", async () => {
    const { period, project } = await openedPeriod();
    await createPublicComment(period.id);
    await createPublicComment(period.id);
    await createPublicComment(period.id, { status: "HIDDEN" });
    const [listed] = await listProjectPeriods(project.id);
    expect(listed).toMatchObject({ id: period.id, publishedCommentCount: 2 });
    expect((await getPeriod(period.id))?.publishedCommentCount).toBe(2);
    const other = await insertProjectRow({ companyId: project.companyId, leadAgencyId: project.leadAgencyId });
    expect(await listProjectPeriods(other.id)).toEqual([]);
  });
});

describe("changing the deadline", () => {
  it("keeps the original deadline and each extension, in order, with its reason", async () => {
    const { period, context } = await openedPeriod();
    await changePeriodDeadline(period.id, extension({}), context, new Date("2026-03-20T16:00:00Z"));
    const result = await changePeriodDeadline(
      period.id,
      extension({ to: "2026-04-30T23:59", lockVersion: 2, reason: "Second public meeting added in Tonopah." }),
      context,
      new Date("2026-04-10T16:00:00Z"),
    );
    expect(result.lockVersion).toBe(3);
    const stored = await getPeriod(period.id);
    expect(stored?.closesAt.toISOString()).toBe("2026-05-01T05:59:00.000Z");
    expect(stored?.lockVersion).toBe(3);
    expect(
      stored?.history.map((entry) => [entry.kind, entry.closesAt.toISOString(), entry.reason, entry.current]),
    ).toEqual([
      ["ORIGINAL", "2026-04-01T05:59:00.000Z", null, false],
      [
        "EXTEND",
        "2026-04-16T05:59:00.000Z",
        "Requested by the county commission: the draft EIS runs to 1,400 pages.",
        false,
      ],
      ["EXTEND", "2026-05-01T05:59:00.000Z", "Second public meeting added in Tonopah.", true],
    ]);
    expect(stored?.changes[0]).toMatchObject({ previousClosesAt: new Date("2026-04-01T05:59:00.000Z") });
  });

  it("refuses to extend a closed period, and reopens it, which opens it again at once", async () => {
    const { period, context } = await openedPeriod();
    const afterClose = new Date("2026-04-02T15:00:00Z");
    expect(await acceptingComments(period.id, afterClose)).toEqual({
      ok: false,
      reason: "This comment period closed on Mar 31, 2026, 11:59 PM MDT, UTC-6 (America/Denver).",
    });
    const extend = changePeriodDeadline(period.id, extension({}), context, afterClose);
    await expect(extend).rejects.toThrow(/Reopen it instead of extending it/);
    await expect(extend).rejects.toMatchObject({ field: "kind", status: 422 });

    await changePeriodDeadline(
      period.id,
      extension({
        kind: "REOPEN",
        to: "2026-04-20T17:00",
        reason: "The notice of availability misprinted the address.",
      }),
      context,
      afterClose,
    );
    expect(await acceptingComments(period.id, afterClose)).toEqual({ ok: true });
    const change = await prisma.commentPeriodChange.findFirstOrThrow({ where: { periodId: period.id } });
    expect(change).toMatchObject({ kind: "REOPEN", newClosesAt: new Date("2026-04-20T23:00:00.000Z") });
  });

  it("refuses to reopen a period that is still open, and an extension that shortens it", async () => {
    const { period, context } = await openedPeriod();
    const during = new Date("2026-03-15T12:00:00Z");
    await expect(changePeriodDeadline(period.id, extension({ kind: "REOPEN" }), context, during)).rejects.toThrow(
      "This comment period has not closed yet. Extend it instead of reopening it.",
    );
    await expect(
      changePeriodDeadline(period.id, extension({ to: "2026-03-31T12:00" }), context, during),
    ).rejects.toMatchObject({ field: "newClosesAt" });
    expect(await prisma.commentPeriodChange.count({ where: { periodId: period.id } })).toBe(0);
  });

  it("refuses a change made on a stale page with the reload message", async () => {
    const { period, context } = await openedPeriod();
    const during = new Date("2026-03-15T12:00:00Z");
    await changePeriodDeadline(period.id, extension({}), context, during);
    const stale = changePeriodDeadline(period.id, extension({ to: "2026-05-15T23:59" }), context, during);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/Reload to see the current deadline/);
    expect((await getPeriod(period.id))?.closesAt.toISOString()).toBe("2026-04-16T05:59:00.000Z");
  });

  it("applies exactly one of several simultaneous changes on the same version", async () => {
    const { period, context } = await openedPeriod();
    const during = new Date("2026-03-15T12:00:00Z");
    const attempts = await Promise.allSettled(
      ["2026-04-10T23:59", "2026-04-11T23:59", "2026-04-12T23:59", "2026-04-13T23:59"].map((to) =>
        changePeriodDeadline(period.id, extension({ to }), context, during),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failure of attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected")) {
      expect(failure.reason).toBeInstanceOf(ConflictError);
    }
    expect(await prisma.commentPeriodChange.count({ where: { periodId: period.id } })).toBe(1);
  });

  it("writes an outbox event for the opening, each extension and the reopening", async () => {
    const { period, project, context } = await openedPeriod();
    await changePeriodDeadline(period.id, extension({}), context, new Date("2026-03-20T16:00:00Z"));
    await changePeriodDeadline(
      period.id,
      extension({ kind: "REOPEN", to: "2026-04-25T23:59", lockVersion: 2 }),
      context,
      new Date("2026-04-17T16:00:00Z"),
    );
    const events = await prisma.domainEvent.findMany({
      where: { aggregateId: project.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "commentPeriod.opened",
      "commentPeriod.extended",
      "commentPeriod.reopened",
    ]);
    expect(events[2].payload).toMatchObject({
      periodId: period.id,
      slug: project.slug,
      kind: "REOPEN",
      previousClosesAt: "2026-04-16T05:59:00.000Z",
      closesAt: "2026-04-26T05:59:00.000Z",
      timeZone: "America/Denver",
    });
    const audits = await prisma.auditEvent.findMany({ where: { entityId: period.id }, orderBy: { occurredAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["commentPeriod.open", "commentPeriod.extend", "commentPeriod.reopen"]);
  });
});
