import { describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "~/models/errors.server";
import {
  clockIntervals,
  decideResponse,
  getClockAndRequestsForProjectPage,
  issueRequest,
  projectClock,
  publicRequestList,
  respondToRequest,
  reviewClocks,
  withdrawRequest,
} from "~/models/information-requests/information-request.server";
import { prisma } from "~/services/db.server";
import {
  insertPackageRow,
  insertRequestRow,
  insertReviewRow,
  day,
  insertFinalStatusRows,
  storedUpload,
} from "../support/request-factories";
import { createProjectWorld } from "../support/world";

const AS_OF = day("2026-04-01");

async function requestRow(id: string) {
  return prisma.informationRequest.findUniqueOrThrow({ where: { id } });
}

describe("the information request cycle", () => {
  it("issues, answers, returns, answers again and accepts, with audit and outbox rows at every step", async () => {
    const s = await createProjectWorld();
    const review = await insertReviewRow({ projectId: s.project.id, agencyId: s.leadAgency.id, opened: "2026-01-01" });
    const agency = s.as(s.leadRegulator);
    const company = s.as(s.companyMember);

    const issued = await issueRequest(
      s.project.id,
      {
        title: "Groundwater model",
        publicSummary: "The agency asked for the groundwater model runs.",
        items: ["Model input files", "Calibration report"],
        dueDate: day("2099-01-31"),
        reviewId: review.id,
      },
      agency,
    );
    expect(issued).toMatchObject({ status: "OPEN", lockVersion: 1, issuedById: s.leadRegulator.id });
    expect((await prisma.environmentalReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe(
      "INFORMATION_REQUESTED",
    );

    const first = await respondToRequest(
      s.project.id,
      issued.id,
      { text: "Attached are the runs.", documents: [storedUpload("runs.pdf")] },
      company,
    );
    expect(await requestRow(issued.id)).toMatchObject({ status: "ANSWERED", lockVersion: 2 });
    const [document] = await prisma.document.findMany({ where: { responses: { some: { responseId: first.id } } } });
    expect(document).toMatchObject({
      projectId: s.project.id,
      originalName: "runs.pdf",
      visibility: "CONFIDENTIAL",
      uploadedById: s.companyMember.id,
    });

    await decideResponse(
      s.project.id,
      issued.id,
      { decision: "RETURNED", note: "The calibration report is missing.", expectedLockVersion: 2 },
      agency,
    );
    expect(await requestRow(issued.id)).toMatchObject({ status: "OPEN", closedAt: null, lockVersion: 3 });
    expect(await prisma.informationResponse.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      decision: "RETURNED",
      decisionNote: "The calibration report is missing.",
      decidedById: s.leadRegulator.id,
    });
    expect((await prisma.environmentalReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe(
      "INFORMATION_REQUESTED",
    );

    await respondToRequest(
      s.project.id,
      issued.id,
      { text: "Here is the calibration report.", documents: [], visibility: "PUBLIC" },
      company,
    );
    await decideResponse(s.project.id, issued.id, { decision: "ACCEPTED", expectedLockVersion: 4 }, agency);
    const closed = await requestRow(issued.id);
    expect(closed).toMatchObject({ status: "ACCEPTED", lockVersion: 5 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await prisma.environmentalReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe(
      "IN_PROGRESS",
    );

    const audit = await prisma.auditEvent.findMany({ where: { entityId: issued.id }, orderBy: { occurredAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "informationRequest.issue",
      "informationRequest.respond",
      "informationRequest.return",
      "informationRequest.respond",
      "informationRequest.accept",
    ]);
    expect(JSON.stringify(audit)).not.toContain("Attached are the runs.");
    const reviewAudit = await prisma.auditEvent.findMany({
      where: { entityId: review.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(reviewAudit.map((a) => a.after)).toEqual([
      { status: "INFORMATION_REQUESTED", becauseOfRequest: issued.id },
      { status: "IN_PROGRESS", becauseOfRequest: issued.id },
    ]);

    const events = await prisma.domainEvent.findMany({
      where: { aggregateId: s.project.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "informationRequest.issued",
      "informationRequest.answered",
      "informationRequest.decided",
      "informationRequest.answered",
      "informationRequest.decided",
    ]);
    expect(events[0].payload).toMatchObject({
      slug: s.project.slug,
      name: s.project.name,
      requestId: issued.id,
      title: "Groundwater model",
      dueDate: "2099-01-31",
    });
    expect(events[2].payload).toMatchObject({ decision: "RETURNED", status: "OPEN" });
    expect(events.every((e) => e.processedAt === null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain("Calibration report");
  });

  it("refuses to answer a request that is already answered, accepted or withdrawn, and stores nothing", async () => {
    const s = await createProjectWorld();
    const company = s.as(s.companyMember);
    const base = { projectId: s.project.id, issuedById: s.leadRegulator.id, answeredById: s.companyMember.id };
    const answered = await insertRequestRow({ ...base, issued: "2026-01-01", answers: [{ at: "2026-01-05" }] });
    const accepted = await insertRequestRow({
      ...base,
      issued: "2026-01-01",
      answers: [{ at: "2026-01-05", decision: "ACCEPTED", decidedAt: "2026-01-06" }],
    });
    const withdrawn = await insertRequestRow({ ...base, issued: "2026-01-01", withdrawnAt: "2026-01-03" });
    const answer = { text: "Late answer.", documents: [storedUpload()] };
    await expect(respondToRequest(s.project.id, answered.id, answer, company)).rejects.toThrow(/already been answered/);
    await expect(respondToRequest(s.project.id, accepted.id, answer, company)).rejects.toThrow(/closed/);
    await expect(respondToRequest(s.project.id, withdrawn.id, answer, company)).rejects.toThrow(/withdrawn/);
    expect(await prisma.document.count({ where: { projectId: s.project.id } })).toBe(0);
    expect(await prisma.informationResponse.count({ where: { request: { projectId: s.project.id } } })).toBe(2);
  });

  it("applies one of two simultaneous decisions and refuses the other as a conflict", async () => {
    const s = await createProjectWorld();
    const request = await insertRequestRow({
      projectId: s.project.id,
      issuedById: s.leadRegulator.id,
      answeredById: s.companyMember.id,
      issued: "2026-01-01",
      answers: [{ at: "2026-01-05" }],
    });
    const attempts = await Promise.allSettled([
      decideResponse(s.project.id, request.id, { decision: "ACCEPTED", expectedLockVersion: 1 }, s.as(s.leadRegulator)),
      decideResponse(
        s.project.id,
        request.id,
        { decision: "RETURNED", note: "Not enough.", expectedLockVersion: 1 },
        s.as(s.cooperatingRegulator),
      ),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const [failure] = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(failure.reason).toBeInstanceOf(ConflictError);
    expect((await requestRow(request.id)).lockVersion).toBe(2);
    expect(
      await prisma.domainEvent.count({ where: { type: "informationRequest.decided", aggregateId: s.project.id } }),
    ).toBe(1);
  });

  it("refuses a review or package from another project, and withdraws with the review freed", async () => {
    const s = await createProjectWorld();
    const other = await createProjectWorld();
    const foreignReview = await insertReviewRow({
      projectId: other.project.id,
      agencyId: other.leadAgency.id,
      opened: "2026-01-01",
    });
    const input = {
      title: "Air model",
      publicSummary: "The agency asked for air modelling.",
      items: ["Runs"],
      dueDate: day("2099-01-01"),
    };
    const agency = s.as(s.leadRegulator);
    await expect(issueRequest(s.project.id, { ...input, reviewId: foreignReview.id }, agency)).rejects.toThrow(
      "That review is not part of this project.",
    );
    const foreignPackage = await insertPackageRow({
      projectId: other.project.id,
      createdById: other.companyMember.id,
      versions: [{ submitted: "2026-01-01" }],
    });
    await expect(issueRequest(s.project.id, { ...input, packageId: foreignPackage.id }, agency)).rejects.toThrow(
      "That package is not part of this project.",
    );
    expect(await prisma.informationRequest.count({ where: { projectId: s.project.id } })).toBe(0);
    const review = await insertReviewRow({ projectId: s.project.id, agencyId: s.leadAgency.id, opened: "2026-01-01" });
    const request = await issueRequest(s.project.id, { ...input, reviewId: review.id }, agency);
    await withdrawRequest(s.project.id, request.id, { reason: "Sent in error.", expectedLockVersion: 1 }, agency);
    expect(await requestRow(request.id)).toMatchObject({ status: "WITHDRAWN" });
    expect((await prisma.environmentalReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe(
      "IN_PROGRESS",
    );
    await expect(
      withdrawRequest(s.project.id, request.id, { reason: "Again.", expectedLockVersion: 2 }, agency),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("shows the public that requests exist, their dates and status, never the items, answers or files", async () => {
    const s = await createProjectWorld();
    const request = await insertRequestRow({
      projectId: s.project.id,
      issuedById: s.leadRegulator.id,
      answeredById: s.companyMember.id,
      issued: "2026-03-01",
      due: "2026-03-20",
      items: ["SECRET-ITEM ore grades by drill hole"],
      answers: [{ at: "2026-03-05", decision: "RETURNED", decidedAt: "2026-03-08", text: "SECRET-ANSWER" }],
    });
    await prisma.document.create({
      data: {
        ...storedUpload("SECRET-FILE.pdf"),
        projectId: s.project.id,
        visibility: "CONFIDENTIAL",
        uploadedById: s.companyMember.id,
      },
    });
    const [row] = await publicRequestList(s.project.id, AS_OF);
    expect(Object.keys(row).sort()).toEqual(
      ["answerCount", "closedAt", "dueDate", "id", "issuedAt", "overdue", "publicSummary", "status", "title"].sort(),
    );
    expect(row).toMatchObject({ id: request.id, status: "OPEN", dueDate: "2026-03-20", overdue: true, answerCount: 1 });
    const page = JSON.stringify(await getClockAndRequestsForProjectPage(s.project.id, AS_OF));
    for (const secret of ["SECRET-ITEM", "SECRET-ANSWER", "SECRET-FILE"]) expect(page).not.toContain(secret);
  });
});

describe("the review clock, with fixed dates", () => {
  it("counts two overlapping requests once on the project clock", async () => {
    const s = await createProjectWorld();
    const base = { projectId: s.project.id, issuedById: s.leadRegulator.id, answeredById: s.companyMember.id };
    await insertPackageRow({
      projectId: s.project.id,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-01-01" }],
    });
    await insertRequestRow({
      ...base,
      issued: "2026-01-11",
      answers: [{ at: "2026-01-31", decision: "ACCEPTED", decidedAt: "2026-02-01" }],
    });
    await insertRequestRow({ ...base, issued: "2026-01-21", answers: [{ at: "2026-02-10" }] });
    const clock = await projectClock(s.project.id, AS_OF);
    expect(clock).toMatchObject({ totalDays: 90, applicantDays: 30, agencyDays: 60, openRequests: 0, desk: "agency" });
    expect(clock.startedAt).toEqual(day("2026-01-01"));
  });

  it("stops the clock again when an answer is returned, until the next answer", async () => {
    const s = await createProjectWorld();
    await insertPackageRow({
      projectId: s.project.id,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-01-01" }],
    });
    const history = {
      projectId: s.project.id,
      issuedById: s.leadRegulator.id,
      answeredById: s.companyMember.id,
      issued: "2026-03-01",
    };
    const returned = { at: "2026-03-06", decision: "RETURNED" as const, decidedAt: "2026-03-11" };
    const open = await insertRequestRow({ ...history, answers: [returned] });
    const withAnswer = await prisma.informationRequest.findUniqueOrThrow({
      where: { id: open.id },
      include: { responses: true },
    });
    expect(clockIntervals(withAnswer)).toEqual([
      { start: day("2026-03-01"), end: day("2026-03-06") },
      { start: day("2026-03-11"), end: null },
    ]);
    expect(await projectClock(s.project.id, AS_OF)).toMatchObject({
      applicantDays: 5 + 21,
      openRequests: 1,
      desk: "applicant",
    });

    await prisma.informationResponse.create({
      data: {
        requestId: open.id,
        text: "Second answer.",
        submittedAt: day("2026-03-21"),
        submittedById: s.companyMember.id,
      },
    });
    await prisma.informationRequest.update({ where: { id: open.id }, data: { status: "ANSWERED" } });
    expect(await projectClock(s.project.id, AS_OF)).toMatchObject({
      applicantDays: 5 + 10,
      agencyDays: 90 - 15,
      desk: "agency",
    });
  });

  it("starts at the first request when no package was submitted and stops at the final decision", async () => {
    const s = await createProjectWorld();
    await insertRequestRow({
      projectId: s.project.id,
      issuedById: s.leadRegulator.id,
      answeredById: s.companyMember.id,
      issued: "2026-02-01",
      answers: [{ at: "2026-02-11", decision: "ACCEPTED", decidedAt: "2026-02-12" }],
    });
    await insertFinalStatusRows(s.project.id, "APPROVED", "2026-03-03");
    const clock = await projectClock(s.project.id, day("2026-06-01"));
    expect(clock).toMatchObject({ totalDays: 30, applicantDays: 10, agencyDays: 20, stopped: true, desk: "closed" });

    const untouched = await createProjectWorld();
    expect(await projectClock(untouched.project.id, AS_OF)).toMatchObject({ totalDays: 0, startedAt: null });
  });

  it("gives each review its own clock from its opening, its completion and its own requests", async () => {
    const s = await createProjectWorld();
    const base = { projectId: s.project.id, issuedById: s.leadRegulator.id, answeredById: s.companyMember.id };
    const water = await insertReviewRow({
      projectId: s.project.id,
      agencyId: s.leadAgency.id,
      opened: "2026-01-01",
      title: "Water",
    });
    const wildlife = await insertReviewRow({
      projectId: s.project.id,
      agencyId: s.cooperatingAgency.id,
      opened: "2026-02-01",
      completed: "2026-03-03",
      title: "Wildlife",
    });
    await insertRequestRow({
      ...base,
      reviewId: water.id,
      issued: "2026-01-11",
      answers: [{ at: "2026-01-21" }],
    });
    await insertRequestRow({ ...base, reviewId: wildlife.id, issued: "2026-02-11" });
    await insertRequestRow({ ...base, issued: "2026-01-01" }); // the project's, no review's
    const clocks = await reviewClocks(s.project.id, AS_OF);
    expect(clocks.map((c) => c.title)).toEqual(["Water", "Wildlife"]);
    expect(clocks[0]).toMatchObject({ totalDays: 90, applicantDays: 10, agencyDays: 80, desk: "agency" });
    expect(clocks[1]).toMatchObject({ totalDays: 30, applicantDays: 20, agencyDays: 10, desk: "closed" });
  });
});
