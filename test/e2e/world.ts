// The e2e test world: rows the specs start from, on top of the demo seed. Each test makes its own
// project so tests stay independent of each other and of the order they run in.
import { prisma } from "~/services/db.server";
import { insertProjectRow } from "../support/factories";

/** A new project of the demo company, led by the demo regulator's agency, at `stage`. */
export async function demoProject(name: string, stage = "noi_scoping") {
  const [company, agency] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { slug: "lithium-nevada-corp" } }),
    prisma.organization.findUniqueOrThrow({ where: { slug: "blm-nevada" } }),
  ]);
  return insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage, name: `${name} ${Date.now()}` });
}

/** A milestone row as the seed writes one (no date change, no event): its target is its baseline. */
export async function insertMilestoneRow(projectId: string, key: string, name: string, date: string) {
  const day = new Date(`${date}T00:00:00Z`);
  return prisma.milestone.create({ data: { projectId, key, name, baselineDate: day, targetDate: day } });
}

/** demoProject with a Draft EIS notice of availability planned for January 15, 2027. */
export async function demoProjectWithMilestone(name: string, stage = "noi_scoping") {
  const project = await demoProject(name, stage);
  await insertMilestoneRow(project.id, "deis", "Draft EIS notice of availability", "2027-01-15");
  return project;
}
