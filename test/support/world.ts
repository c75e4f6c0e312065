// The one test world for a project under review: its company, its lead agency, one cooperating
// agency and an agency with no part in it, a person in each. The people are named like the actors
// of the policy table (test/unit/policy.test.ts), so a test reads like the rule it checks. Rows are
// written straight through Prisma (see factories.ts); what a test does next goes through the models.
import type { ProjectStatus } from "@prisma/client";
import type { AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { addMember, createOrganization, createUser, insertProjectRow } from "./factories";

let counter = 0;

export async function createProjectWorld(
  options: { stage?: string; track?: "EIS" | "EA"; status?: ProjectStatus } = {},
) {
  const [company, leadAgency, cooperatingAgency, unrelatedAgency] = await Promise.all([
    createOrganization("COMPANY"),
    createOrganization("AGENCY"),
    createOrganization("AGENCY"),
    createOrganization("AGENCY"),
  ]);
  const project = await insertProjectRow({
    companyId: company.id,
    leadAgencyId: leadAgency.id,
    stage: options.stage,
    track: options.track,
    status: options.status,
  });
  await prisma.projectCooperatingAgency.create({ data: { projectId: project.id, agencyId: cooperatingAgency.id } });
  const [companyMember, leadRegulator, cooperatingRegulator, unrelatedRegulator] = await Promise.all([
    createUser({ name: "Company Member" }),
    createUser({ name: "Lead Regulator" }),
    createUser({ name: "Cooperating Regulator" }),
    createUser({ name: "Unrelated Regulator" }),
  ]);
  await Promise.all([
    addMember(companyMember.id, company.id),
    addMember(leadRegulator.id, leadAgency.id),
    addMember(cooperatingRegulator.id, cooperatingAgency.id),
    addMember(unrelatedRegulator.id, unrelatedAgency.id),
  ]);
  /** A person acting, as the models' AuditContext. */
  const as = (person: { id: string }): AuditContext & { actorId: string } => ({
    actorId: person.id,
    requestId: `req-${counter++}`,
  });
  return {
    project,
    company,
    leadAgency,
    cooperatingAgency,
    unrelatedAgency,
    companyMember,
    leadRegulator,
    cooperatingRegulator,
    unrelatedRegulator,
    as,
    /** The lead regulator acting: most review, condition and stage steps are theirs. */
    context: as(leadRegulator),
  };
}

export type ProjectWorld = Awaited<ReturnType<typeof createProjectWorld>>;
