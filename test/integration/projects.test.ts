import { describe, expect, it } from "vitest";
import { ConflictError } from "~/models/errors.server";
import { createProject, updateProjectDetails, updateRegulatoryDetails } from "~/models/project.server";
import { prisma } from "~/services/db.server";
import { createOrganization, createUser } from "../support/factories";

const details = {
  county: "Humboldt",
  commodities: ["lithium"],
  landStatus: "BLM" as const,
  description: "A claystone lithium mine proposed on public land.",
};

describe("projects", () => {
  it("creates a project at pre-application with a stable slug, its first history row and an audit event", async () => {
    const company = await createOrganization("COMPANY");
    const agency = await createOrganization("AGENCY");
    const user = await createUser();
    const context = { actorId: user.id, requestId: "r" };
    const first = await createProject(
      { ...details, name: "Kings Valley Lithium", companyId: company.id, state: "NV", leadAgencyId: agency.id },
      context,
    );
    const second = await createProject(
      { ...details, name: "Kings Valley Lithium", companyId: company.id, state: "NV", leadAgencyId: agency.id },
      context,
    );
    expect(first).toMatchObject({
      slug: "kings-valley-lithium",
      currentStage: "pre_application",
      status: "IN_PROGRESS",
      version: 1,
    });
    expect(second.slug).toBe("kings-valley-lithium-2");
    expect(await prisma.stageTransition.count({ where: { projectId: first.id, kind: "RECORD" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: first.id, action: "project.create" } })).toBe(1);

    await updateProjectDetails(
      first.id,
      1,
      { ...details, name: "Kings Valley Lithium Mine", county: "Humboldt and Pershing" },
      context,
    );
    const renamed = await prisma.project.findUniqueOrThrow({ where: { id: first.id } });
    expect(renamed).toMatchObject({ slug: "kings-valley-lithium", name: "Kings Valley Lithium Mine", version: 2 });
    await expect(updateProjectDetails(first.id, 1, details as never, context)).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a lead agency that is not an agency", async () => {
    const company = await createOrganization("COMPANY");
    const user = await createUser();
    await expect(
      createProject(
        { ...details, name: "Bad Lead", companyId: company.id, state: "NV", leadAgencyId: company.id },
        { actorId: user.id, requestId: null },
      ),
    ).rejects.toThrow("Choose an agency from the list.");
  });

  it("hands the lead to another agency and replaces the cooperating agencies, never listing the lead as cooperating", async () => {
    const company = await createOrganization("COMPANY");
    const [blm, fws, epa] = await Promise.all([
      createOrganization("AGENCY"),
      createOrganization("AGENCY"),
      createOrganization("AGENCY"),
    ]);
    const user = await createUser();
    const context = { actorId: user.id, requestId: null };
    const project = await createProject(
      { ...details, name: "Hand Over", companyId: company.id, state: "NV", leadAgencyId: blm.id },
      context,
    );
    await updateRegulatoryDetails(
      project.id,
      1,
      { leadAgencyId: fws.id, cooperatingAgencyIds: [blm.id, epa.id, fws.id], reviewTrack: "EA" },
      context,
    );
    const after = await prisma.project.findUniqueOrThrow({
      where: { id: project.id },
      include: { cooperatingAgencies: true },
    });
    expect(after.leadAgencyId).toBe(fws.id);
    expect(after.reviewTrack).toBe("EA");
    expect(after.cooperatingAgencies.map((c) => c.agencyId).sort()).toEqual([blm.id, epa.id].sort());
  });
});
