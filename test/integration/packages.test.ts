import { describe, expect, it } from "vitest";
import { ConflictError } from "~/models/errors.server";
import {
  addDocumentsToPackage,
  createPackage,
  determineCompleteness,
  getPackage,
  removeDocumentFromPackage,
  submitPackage,
} from "~/models/package.server";
import { projectResourceById } from "~/models/project.server";
import { can, type Actor } from "~/policy";
import { loadActor } from "~/services/actor.server";
import { prisma } from "~/services/db.server";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const file = (name: string) => ({
  storageKey: `test/${name}-${Math.random().toString(36).slice(2)}`,
  originalName: name,
  contentType: "application/pdf",
  sizeBytes: 1234,
  sha256: "a".repeat(64),
});

async function world() {
  const company = await createOrganization("COMPANY");
  const lead = await createOrganization("AGENCY");
  const cooperating = await createOrganization("AGENCY");
  const unrelated = await createOrganization("AGENCY");
  const ngo = await createOrganization("NGO");
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: lead.id });
  await prisma.projectCooperatingAgency.create({ data: { projectId: project.id, agencyId: cooperating.id } });
  const person = async (orgId?: string, admin = false) => {
    const user = await createUser({ isAdmin: admin });
    if (orgId) await addMember(user.id, orgId);
    return { user, actor: (await loadActor({ ...user, emailVerifiedAt: user.emailVerifiedAt } as never)) as Actor };
  };
  return {
    project,
    companyUser: await person(company.id),
    leadRegulator: await person(lead.id),
    cooperatingRegulator: await person(cooperating.id),
    unrelatedRegulator: await person(unrelated.id),
    ngoAnalyst: await person(ngo.id),
    community: await person(),
    admin: await person(undefined, true),
  };
}

describe("permit packages", () => {
  it("freezes each submission as a version that later changes cannot alter", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const pkg = await createPackage(w.project.id, { kind: "PLAN_OF_OPERATIONS", title: "Plan of operations" }, context);
    await expect(submitPackage(w.project.id, pkg.id, 1, context)).rejects.toThrow(
      "Attach at least one document before submitting.",
    );

    const [plan, baseline] = await addDocumentsToPackage(
      w.project.id,
      pkg.id,
      [file("plan.pdf"), file("baseline.pdf")],
      "CONFIDENTIAL",
      context,
    );
    const v1 = await submitPackage(w.project.id, pkg.id, 1, context);
    expect(v1.number).toBe(1);
    await expect(addDocumentsToPackage(w.project.id, pkg.id, [file("late.pdf")], "PUBLIC", context)).rejects.toThrow(
      /with the agency/,
    );

    const regulatorContext = { actorId: w.leadRegulator.user.id, requestId: null };
    await expect(
      determineCompleteness(
        w.project.id,
        pkg.id,
        { expectedLockVersion: 2, determination: "DEFICIENT", deficiencies: [] },
        regulatorContext,
      ),
    ).rejects.toThrow("List at least one missing or deficient item.");
    await determineCompleteness(
      w.project.id,
      pkg.id,
      {
        expectedLockVersion: 2,
        determination: "DEFICIENT",
        deficiencies: ["Water balance model missing", "No reclamation cost estimate"],
      },
      regulatorContext,
    );

    // The company revises the working copy and resubmits.
    await removeDocumentFromPackage(w.project.id, pkg.id, baseline.id, context);
    await addDocumentsToPackage(w.project.id, pkg.id, [file("water-balance.pdf")], "PUBLIC", context);
    await submitPackage(w.project.id, pkg.id, 3, context);

    const stored = await getPackage(w.project.id, pkg.id);
    expect(stored?.status).toBe("SUBMITTED");
    const [v2, first] = stored!.versions;
    expect(v2.number).toBe(2);
    expect(v2.documents.map((d) => d.document.originalName).sort()).toEqual(["plan.pdf", "water-balance.pdf"]);
    expect(first.documents.map((d) => d.document.originalName).sort()).toEqual(["baseline.pdf", "plan.pdf"]);
    expect(first.deficiencies.map((d) => d.text)).toEqual([
      "Water balance model missing",
      "No reclamation cost estimate",
    ]);
    expect(plan.id).toBeTruthy();

    const events = await prisma.domainEvent.findMany({
      where: { aggregateId: w.project.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["package.submitted", "package.determined", "package.submitted"]);
  });

  it("decides a submitted package once when two regulators decide at the same time", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const pkg = await createPackage(w.project.id, { kind: "BASELINE_STUDIES", title: "Baseline studies" }, context);
    await addDocumentsToPackage(w.project.id, pkg.id, [file("air.pdf")], "PUBLIC", context);
    await submitPackage(w.project.id, pkg.id, 1, context);
    const decide = (determination: "COMPLETE" | "DEFICIENT") =>
      determineCompleteness(
        w.project.id,
        pkg.id,
        { expectedLockVersion: 2, determination, deficiencies: determination === "DEFICIENT" ? ["Missing"] : [] },
        { actorId: w.leadRegulator.user.id, requestId: null },
      );
    const results = await Promise.allSettled([decide("COMPLETE"), decide("DEFICIENT")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure?.reason).toBeInstanceOf(ConflictError);
  });

  it("tells the second regulator someone decided, even when the first decision committed before it read", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const pkg = await createPackage(w.project.id, { kind: "BASELINE_STUDIES", title: "Baseline studies" }, context);
    await addDocumentsToPackage(w.project.id, pkg.id, [file("air.pdf")], "PUBLIC", context);
    await submitPackage(w.project.id, pkg.id, 1, context);
    const regulator = { actorId: w.leadRegulator.user.id, requestId: null };
    await determineCompleteness(
      w.project.id,
      pkg.id,
      { expectedLockVersion: 2, determination: "COMPLETE", deficiencies: [] },
      regulator,
    );
    await expect(
      determineCompleteness(
        w.project.id,
        pkg.id,
        { expectedLockVersion: 2, determination: "DEFICIENT", deficiencies: ["Missing"] },
        regulator,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("confidential documents", () => {
  it("are readable by the company and the lead and cooperating agencies only, public ones by everyone", async () => {
    const w = await world();
    const resource = await projectResourceById(w.project.id);
    const confidential = { ...resource, visibility: "CONFIDENTIAL" as const, inDraft: false };
    const expectations: [string, Actor | null, boolean][] = [
      ["company user", w.companyUser.actor, true],
      ["lead agency regulator", w.leadRegulator.actor, true],
      ["cooperating agency regulator", w.cooperatingRegulator.actor, true],
      ["regulator of an unrelated agency", w.unrelatedRegulator.actor, false],
      ["NGO analyst", w.ngoAnalyst.actor, false],
      ["community member", w.community.actor, false],
      ["administrator", w.admin.actor, false],
      ["anonymous visitor", null, false],
    ];
    for (const [who, actor, expected] of expectations) {
      expect({ who, allowed: can(actor, "document.read", confidential) }).toEqual({ who, allowed: expected });
      expect({
        who,
        allowed: can(actor, "document.read", { ...resource, visibility: "PUBLIC", inDraft: false }),
      }).toEqual({
        who,
        allowed: true,
      });
    }
  });
});
