import { describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "~/models/errors.server";
import {
  assignReviewer,
  attachDocumentsToReview,
  getReview,
  listAssignableReviewers,
  listReviews,
  openReview,
  reviewResource,
  unassignReviewer,
  updateReview,
} from "~/models/review.server";
import { projectResourceById } from "~/models/project.server";
import { can } from "~/policy";
import { loadActor } from "~/services/actor.server";
import { prisma } from "~/services/db.server";
import { insertDocumentRow } from "../support/factories";
import { createProjectWorld } from "../support/world";

const water = { resourceArea: "WATER" as const, title: "Groundwater drawdown and springs" };

describe("opening reviews", () => {
  it("opens reviews conducted by the lead agency and by a cooperating agency, each audited", async () => {
    const s = await createProjectWorld();
    const byLead = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    const byCooperating = await openReview(
      s.project.id,
      { agencyId: s.cooperatingAgency.id, resourceArea: "WILDLIFE_ESA", title: "Greater sage-grouse habitat" },
      s.context,
    );
    expect(byLead).toMatchObject({ status: "NOT_STARTED", findings: "", lockVersion: 1, completedAt: null });
    expect(byCooperating.agencyId).toBe(s.cooperatingAgency.id);
    const audits = await prisma.auditEvent.findMany({
      where: { action: "review.open", actorId: s.leadRegulator.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(audits.map((a) => a.entityId)).toEqual([byLead.id, byCooperating.id]);
    expect(audits[0]).toMatchObject({
      actorId: s.leadRegulator.id,
      requestId: s.context.requestId,
      entityType: "EnvironmentalReview",
    });
  });

  it("refuses an agency that is neither the lead nor cooperating, and writes nothing", async () => {
    const s = await createProjectWorld();
    const attempt = openReview(s.project.id, { agencyId: s.unrelatedAgency.id, ...water }, s.context);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toThrow(/lead agency or a cooperating agency/);
    expect(await prisma.environmentalReview.count({ where: { projectId: s.project.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "review.open", actorId: s.leadRegulator.id } })).toBe(0);
  });
});

describe("assigning reviewers", () => {
  it("assigns staff of a cooperating agency, who may then work on the review", async () => {
    const s = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    await assignReviewer(review.id, s.cooperatingRegulator.id, s.context);

    const loaded = await getReview(s.project.id, review.id);
    expect(loaded?.assignments.map((a) => a.user.name)).toEqual(["Cooperating Regulator"]);
    const resource = reviewResource(await projectResourceById(s.project.id), loaded!);
    const cooperatingActor = await loadActor(
      await prisma.user.findUniqueOrThrow({ where: { id: s.cooperatingRegulator.id } }),
    );
    expect(can(cooperatingActor, "review.work", resource)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "review.assign", entityId: review.id } })).toBe(1);
  });

  it("refuses someone from an unrelated agency, saying why, and a second assignment of the same person", async () => {
    const s = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    await expect(assignReviewer(review.id, s.unrelatedRegulator.id, s.context)).rejects.toThrow(
      "Unrelated Regulator is not on the staff of the lead agency or of a cooperating agency of this project, so they cannot review it.",
    );
    await expect(assignReviewer(review.id, s.companyMember.id, s.context)).rejects.toBeInstanceOf(DomainError);
    await assignReviewer(review.id, s.leadRegulator.id, s.context);
    await expect(assignReviewer(review.id, s.leadRegulator.id, s.context)).rejects.toThrow(/already assigned/);
    expect(await prisma.reviewAssignment.count({ where: { reviewId: review.id } })).toBe(1);
  });

  it("offers only staff of the lead and cooperating agencies, and unassigns with an audit row", async () => {
    const s = await createProjectWorld();
    const assignable = await listAssignableReviewers(s.project.id);
    expect(assignable.map((u) => u.name).sort()).toEqual(["Cooperating Regulator", "Lead Regulator"]);

    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    await assignReviewer(review.id, s.leadRegulator.id, s.context);
    await unassignReviewer(review.id, s.leadRegulator.id, s.context);
    expect(await prisma.reviewAssignment.count({ where: { reviewId: review.id } })).toBe(0);
    await expect(unassignReviewer(review.id, s.leadRegulator.id, s.context)).rejects.toThrow(/not assigned/);
    expect(await prisma.auditEvent.count({ where: { action: "review.unassign", entityId: review.id } })).toBe(1);
  });
});

describe("updating a review", () => {
  it("refuses a stale lock version, sets completedAt on completion and clears it on reopening", async () => {
    const s = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    const first = await updateReview(
      review.id,
      1,
      { status: "IN_PROGRESS", findings: "Modelling drawdown." },
      s.context,
    );
    expect(first.lockVersion).toBe(2);

    const stale = updateReview(review.id, 1, { status: "COMPLETE", findings: "No effect on springs." }, s.context);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/Reload/);

    const done = await updateReview(
      review.id,
      2,
      { status: "COMPLETE", findings: "Drawdown stays under 1 ft at every spring." },
      s.context,
    );
    expect(done.completedAt).toBeInstanceOf(Date);
    const reopened = await updateReview(
      review.id,
      3,
      { status: "INFORMATION_REQUESTED", findings: "Waiting for the revised groundwater model." },
      s.context,
    );
    expect(reopened.completedAt).toBeNull();
    expect(await prisma.environmentalReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "INFORMATION_REQUESTED",
      completedAt: null,
      lockVersion: 4,
    });
    const audits = await prisma.auditEvent.findMany({ where: { action: "review.update", entityId: review.id } });
    expect(audits).toHaveLength(3);
  });

  it("refuses to complete a review without findings", async () => {
    const s = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    await expect(updateReview(review.id, 1, { status: "COMPLETE", findings: "  " }, s.context)).rejects.toThrow(
      /states its findings/,
    );
  });
});

describe("documents and listing", () => {
  it("attaches the project's documents and refuses a document of another project", async () => {
    const s = await createProjectWorld();
    const other = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    const own = await insertDocumentRow(s.project.id, s.companyMember.id, { name: "groundwater-model.pdf" });
    const foreign = await insertDocumentRow(other.project.id, other.companyMember.id);

    await expect(attachDocumentsToReview(review.id, [own.id, foreign.id], s.context)).rejects.toThrow(
      "Only documents of this project can support its reviews.",
    );
    expect(await prisma.reviewDocument.count({ where: { reviewId: review.id } })).toBe(0);

    await attachDocumentsToReview(review.id, [own.id, own.id], s.context);
    const loaded = await getReview(s.project.id, review.id);
    expect(loaded?.documents.map((d) => d.document.originalName)).toEqual(["groundwater-model.pdf"]);
    expect(await prisma.auditEvent.count({ where: { action: "review.attachDocuments", entityId: review.id } })).toBe(1);

    const [listed] = await listReviews(s.project.id);
    expect(listed._count).toEqual({ documents: 1, conditions: 0 });
  });

  it("finds a review only through its own project", async () => {
    const s = await createProjectWorld();
    const other = await createProjectWorld();
    const review = await openReview(s.project.id, { agencyId: s.leadAgency.id, ...water }, s.context);
    expect(await getReview(other.project.id, review.id)).toBeNull();
    expect(await getReview(s.project.id, review.id)).not.toBeNull();
  });
});
