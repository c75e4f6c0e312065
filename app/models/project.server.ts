// Projects: the proposed mines whose permitting record Lodestone keeps.
import { prisma } from "~/services/db.server";

export function listProjectsForHome() {
  return prisma.project.findMany({
    orderBy: { name: "asc" },
    take: 50,
    select: {
      slug: true,
      name: true,
      state: true,
      county: true,
      commodities: true,
      reviewTrack: true,
      currentStage: true,
      status: true,
      federalCategory: true,
      company: { select: { name: true } },
      leadAgency: { select: { name: true } },
    },
  });
}

export function countProjects() {
  return prisma.project.count();
}

export function getProjectBySlug(slug: string) {
  return prisma.project.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      state: true,
      county: true,
      latitude: true,
      longitude: true,
      commodities: true,
      landStatus: true,
      description: true,
      website: true,
      reviewTrack: true,
      currentStage: true,
      status: true,
      federalCategory: true,
      companyId: true,
      leadAgencyId: true,
      company: { select: { name: true } },
      leadAgency: { select: { name: true } },
      cooperatingAgencies: {
        select: { agency: { select: { id: true, name: true } } },
        orderBy: { agency: { name: "asc" } },
      },
      stageTransitions: {
        orderBy: { occurredAt: "desc" },
        select: {
          id: true,
          kind: true,
          fromStage: true,
          toStage: true,
          toStatus: true,
          reason: true,
          occurredAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

export type ProjectPage = NonNullable<Awaited<ReturnType<typeof getProjectBySlug>>>;

/** The fields the policy needs to decide about a project. */
export function projectResource(project: {
  companyId: string;
  leadAgencyId: string | null;
  status: ProjectPage["status"];
  cooperatingAgencies: { agency: { id: string } }[];
}) {
  return {
    companyId: project.companyId,
    leadAgencyId: project.leadAgencyId,
    status: project.status,
    cooperatingAgencyIds: project.cooperatingAgencies.map((c) => c.agency.id),
  };
}
