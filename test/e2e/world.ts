// The e2e test world: rows the specs start from, on top of the demo seed. Each test makes its own
// project so tests stay independent of each other and of the order they run in.
import { prisma } from "~/services/db.server";
import { createProjectRecord } from "../support/factories";

/** A new project of the demo company, led by the demo regulator's agency, at `stage`. */
export async function demoProject(name: string, stage = "noi_scoping") {
  const [company, agency] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { slug: "lithium-nevada-corp" } }),
    prisma.organization.findUniqueOrThrow({ where: { slug: "blm-nevada" } }),
  ]);
  return createProjectRecord({ companyId: company.id, leadAgencyId: agency.id, stage, name: `${name} ${Date.now()}` });
}
