// Projects: the proposed mines whose permitting record Lodestone keeps.
import { createHash } from "node:crypto";
import type { LandStatus, Prisma, ReviewTrack } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { slugify } from "~/utils/slug";
import { ConflictError, DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";
import { isStageOf, stageLabel } from "./workflow";
import { queueSavedSearchCheck } from "./saved-search.server";

type PublicValue = string | number | null | string[];

/**
 * The public fields that changed, with their new values, for the log. The description (free text)
 * enters as its SHA-256, so the entry stays small and still pins the words down.
 */
function publicChanges(before: Record<string, PublicValue>, after: Record<string, PublicValue>) {
  const changes: Record<string, PublicValue> = {};
  for (const [field, value] of Object.entries(after)) {
    if (JSON.stringify(before[field] ?? null) === JSON.stringify(value ?? null)) continue;
    if (field === "description" && typeof value === "string") {
      changes.descriptionSha256 = createHash("sha256").update(value).digest("hex");
    } else changes[field] = value ?? null;
  }
  return changes;
}

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
      isTraining: true,
      company: { select: { name: true } },
      leadAgency: { select: { name: true } },
    },
  });
}

export function countProjects() {
  return prisma.project.count();
}

/** The fields of a project that every project page and the policy need. */
const PROJECT_CORE_SELECT = {
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
  isTraining: true,
  companyId: true,
  leadAgencyId: true,
  company: { select: { name: true } },
  leadAgency: { select: { name: true, timeZone: true } },
} satisfies Prisma.ProjectSelect;

export function getProjectBySlug(slug: string) {
  return prisma.project.findUnique({
    where: { slug },
    select: {
      ...PROJECT_CORE_SELECT,
      federalCategory: true,
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
          sourceUrl: true,
          occurredAt: true,
          occurredAtPrecision: true,
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

// ───────────── Changes ─────────────

export type ProjectDetails = {
  name: string;
  county: string;
  latitude?: number;
  longitude?: number;
  commodities: string[];
  landStatus: LandStatus;
  description: string;
  website?: string;
};

export function listAgencies() {
  return prisma.organization.findMany({
    where: { kind: "AGENCY" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The companies this person may create projects for (their own). */
export function listCompaniesOf(userId: string) {
  return prisma.organization.findMany({
    where: { kind: "COMPANY", memberships: { some: { userId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

async function uniqueSlug(name: string): Promise<string> {
  const base = slugify(name) || "project";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await prisma.project.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

export async function createProject(
  input: ProjectDetails & { companyId: string; state: string; leadAgencyId: string },
  context: AuditContext,
) {
  const agency = await prisma.organization.findFirst({
    where: { id: input.leadAgencyId, kind: "AGENCY" },
    select: { id: true },
  });
  if (!agency) throw new DomainError("Choose an agency from the list.", "leadAgencyId");
  const slug = await uniqueSlug(input.name);
  return prisma.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        slug,
        name: input.name,
        companyId: input.companyId,
        state: input.state,
        county: input.county,
        latitude: input.latitude,
        longitude: input.longitude,
        commodities: input.commodities,
        landStatus: input.landStatus,
        description: input.description,
        website: input.website,
        leadAgencyId: input.leadAgencyId,
        reviewTrack: "EIS",
        currentStage: "pre_application",
        status: "IN_PROGRESS",
        createdById: context.actorId,
      },
    });
    await tx.stageTransition.create({
      data: {
        projectId: project.id,
        kind: "RECORD",
        toStage: "pre_application",
        toStatus: "IN_PROGRESS",
        reason: "Project added to Lodestone by its company.",
        actorId: context.actorId,
      },
    });
    await recordEvent(tx, "project.created", {
      projectId: project.id,
      slug: project.slug,
      name: project.name,
      state: project.state,
      county: project.county,
      commodities: project.commodities,
      leadAgencyId: input.leadAgencyId,
      reviewTrack: project.reviewTrack,
      stage: project.currentStage,
      status: project.status,
      actorId: context.actorId,
    });
    await recordAudit(tx, context, {
      action: "project.create",
      entityType: "Project",
      entityId: project.id,
      after: { ...input, slug },
    });
    await queueSavedSearchCheck(tx, project.id);
    return project;
  });
}

/** The company's own fields. The slug never changes, so shared links keep working. */
export async function updateProjectDetails(
  projectId: string,
  expectedVersion: number,
  input: ProjectDetails,
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        name: true,
        county: true,
        latitude: true,
        longitude: true,
        commodities: true,
        landStatus: true,
        description: true,
        website: true,
      },
    });
    const current = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { slug: true } });
    const updated = await tx.project.updateMany({
      where: { id: projectId, version: expectedVersion },
      data: {
        name: input.name,
        county: input.county,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        commodities: input.commodities,
        landStatus: input.landStatus,
        description: input.description,
        website: input.website ?? null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ConflictError();
    const after = {
      name: input.name,
      county: input.county,
      latitude: input.latitude?.toString() ?? null,
      longitude: input.longitude?.toString() ?? null,
      commodities: input.commodities,
      landStatus: input.landStatus,
      description: input.description,
      website: input.website ?? null,
    };
    const previous = {
      ...before,
      latitude: before.latitude?.toString() ?? null,
      longitude: before.longitude?.toString() ?? null,
    };
    const changes = publicChanges(previous, after);
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx, "project.updated", {
        projectId,
        slug: current.slug,
        name: input.name,
        section: "details",
        changes,
        actorId: context.actorId,
      });
    }
    await recordAudit(tx, context, {
      action: "project.update",
      entityType: "Project",
      entityId: projectId,
      before: {
        ...before,
        latitude: before.latitude?.toString() ?? null,
        longitude: before.longitude?.toString() ?? null,
      },
      after: { ...input },
    });
    await queueSavedSearchCheck(tx, projectId);
  });
}

/** The lead agency's fields: who leads, who cooperates, and which review track applies. */
export async function updateRegulatoryDetails(
  projectId: string,
  expectedVersion: number,
  input: { leadAgencyId: string; cooperatingAgencyIds: string[]; reviewTrack: ReviewTrack },
  context: AuditContext,
) {
  const agencies = await prisma.organization.findMany({
    where: { id: { in: [input.leadAgencyId, ...input.cooperatingAgencyIds] }, kind: "AGENCY" },
    select: { id: true },
  });
  const known = new Set(agencies.map((a) => a.id));
  if (!known.has(input.leadAgencyId)) throw new DomainError("Choose an agency from the list.", "leadAgencyId");
  const cooperating = [...new Set(input.cooperatingAgencyIds)].filter(
    (id) => id !== input.leadAgencyId && known.has(id),
  );

  return prisma.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        slug: true,
        name: true,
        leadAgencyId: true,
        reviewTrack: true,
        currentStage: true,
        cooperatingAgencies: { select: { agencyId: true } },
      },
    });
    if (input.reviewTrack !== before.reviewTrack && !isStageOf(input.reviewTrack, before.currentStage)) {
      throw new DomainError(
        `The ${input.reviewTrack} track has no "${stageLabel(before.reviewTrack, before.currentStage)}" stage: move the project to a stage both tracks share first.`,
        "reviewTrack",
        422,
      );
    }
    const updated = await tx.project.updateMany({
      where: { id: projectId, version: expectedVersion },
      data: { leadAgencyId: input.leadAgencyId, reviewTrack: input.reviewTrack, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await tx.projectCooperatingAgency.deleteMany({ where: { projectId } });
    if (cooperating.length) {
      await tx.projectCooperatingAgency.createMany({ data: cooperating.map((agencyId) => ({ projectId, agencyId })) });
    }
    await recordAudit(tx, context, {
      action: "project.updateRegulatory",
      entityType: "Project",
      entityId: projectId,
      before: {
        leadAgencyId: before.leadAgencyId,
        reviewTrack: before.reviewTrack,
        cooperatingAgencyIds: before.cooperatingAgencies.map((c) => c.agencyId),
      },
      after: { leadAgencyId: input.leadAgencyId, reviewTrack: input.reviewTrack, cooperatingAgencyIds: cooperating },
    });
    const changes = publicChanges(
      {
        leadAgencyId: before.leadAgencyId,
        reviewTrack: before.reviewTrack,
        cooperatingAgencyIds: before.cooperatingAgencies.map((c) => c.agencyId).sort(),
      },
      {
        leadAgencyId: input.leadAgencyId,
        reviewTrack: input.reviewTrack,
        cooperatingAgencyIds: [...cooperating].sort(),
      },
    );
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx, "project.updated", {
        projectId,
        slug: before.slug,
        name: before.name,
        section: "regulatory",
        changes,
        actorId: context.actorId,
      });
    }
    await queueSavedSearchCheck(tx, projectId);
  });
}

/** What the policy and the management pages need about one project. */
export async function getProjectForManagement(slug: string) {
  return prisma.project.findUnique({
    where: { slug },
    select: {
      ...PROJECT_CORE_SELECT,
      version: true,
      cooperatingAgencies: { select: { agency: { select: { id: true, name: true } } } },
    },
  });
}

/** The policy's view of the project a document belongs to. */
export async function projectResourceById(projectId: string) {
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      companyId: true,
      leadAgencyId: true,
      status: true,
      cooperatingAgencies: { select: { agency: { select: { id: true } } } },
    },
  });
  return projectResource(project);
}
