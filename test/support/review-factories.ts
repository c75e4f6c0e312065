// Test data for environmental reviews and conditions: a project with a lead agency, a
// cooperating agency and an unrelated one, each with a staff member, plus documents.
import { randomBytes } from "node:crypto";
import type { DocumentVisibility } from "@prisma/client";
import type { AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { addMember, createOrganization, createProjectRecord, createUser } from "./factories";

export async function createReviewSetting(options: { stage?: string; track?: "EIS" | "EA" } = {}) {
  const company = await createOrganization("COMPANY");
  const lead = await createOrganization("AGENCY");
  const cooperating = await createOrganization("AGENCY");
  const unrelated = await createOrganization("AGENCY");
  const [leadUser, cooperatingUser, unrelatedUser, companyUser] = await Promise.all([
    createUser({ name: "Lead Regulator" }),
    createUser({ name: "Cooperating Biologist" }),
    createUser({ name: "Unrelated Hydrologist" }),
    createUser({ name: "Company Engineer" }),
  ]);
  await addMember(leadUser.id, lead.id);
  await addMember(cooperatingUser.id, cooperating.id);
  await addMember(unrelatedUser.id, unrelated.id);
  await addMember(companyUser.id, company.id);
  const project = await createProjectRecord({
    companyId: company.id,
    leadAgencyId: lead.id,
    stage: options.stage,
    track: options.track,
  });
  await prisma.projectCooperatingAgency.create({ data: { projectId: project.id, agencyId: cooperating.id } });
  const context: AuditContext = { actorId: leadUser.id, requestId: "req-review" };
  return {
    company,
    lead,
    cooperating,
    unrelated,
    leadUser,
    cooperatingUser,
    unrelatedUser,
    companyUser,
    project,
    context,
  };
}

export async function createDocumentRecord(
  projectId: string,
  uploadedById: string,
  options: { name?: string; visibility?: DocumentVisibility } = {},
) {
  const token = randomBytes(8).toString("hex");
  return prisma.document.create({
    data: {
      projectId,
      storageKey: `test/${token}`,
      originalName: options.name ?? `baseline-${token}.pdf`,
      contentType: "application/pdf",
      sizeBytes: 2048,
      sha256: randomBytes(32).toString("hex"),
      visibility: options.visibility ?? "PUBLIC",
      uploadedById,
    },
  });
}
