// Writes the demo data (prisma/seed/data.ts) into the database.
//
// Idempotent by construction: every row is created only when it is missing, and nothing that
// exists is updated, so a second run leaves exactly the same rows (updatedAt included).
// - Organizations, users, memberships: upserts on their unique keys with an empty update.
// - A project and its whole record (milestones, date changes, pauses, stage history, cooperating
//   agencies) are written together in one transaction, only when the project is not there yet.
//   A project already present is left as it is: its record was written with it, and it may since
//   have moved on through the app, so re-applying imported history would contradict it.
// The seed is not a user action: it writes no AuditEvents and no DomainEvents for the real
// projects. The fictional training project (./training) is the exception: its reports and official
// responses go through the model functions, which record them as the app always does.
import type { Prisma, PrismaClient } from "@prisma/client";
import { recordProjectBaseline } from "../../app/models/log/baseline.server";
import { isStageOf } from "../../app/models/workflow";
import { hashPassword } from "../../app/services/password.server";
import {
  DEMO_ACCOUNTS,
  DEMO_ACCOUNT_AGE_DAYS,
  DEMO_PASSWORD,
  ORGANIZATIONS,
  PROJECTS,
  type SeedMilestone,
  type SeedProject,
  type SeedStageTransition,
} from "./data";
import { seedTrainingProject } from "./training";

export type SeedDemoDataOptions = {
  log?: (msg: string) => void;
  /** The first start: the training project's record is dated relative to it. */
  now?: Date;
};

type SeedCounts = {
  organizationsCreated: number;
  usersCreated: number;
  membershipsCreated: number;
  projectsCreated: number;
  projectsAlreadyPresent: number;
  milestonesCreated: number;
  dateChangesCreated: number;
  pausesCreated: number;
  stageTransitionsCreated: number;
};

export async function seedDemoData(prisma: PrismaClient, options: SeedDemoDataOptions = {}): Promise<void> {
  assertSeedDataConsistent();
  const counts: SeedCounts = {
    organizationsCreated: 0,
    usersCreated: 0,
    membershipsCreated: 0,
    projectsCreated: 0,
    projectsAlreadyPresent: 0,
    milestonesCreated: 0,
    dateChangesCreated: 0,
    pausesCreated: 0,
    stageTransitionsCreated: 0,
  };

  const organizationIds = await seedOrganizations(prisma, counts);
  await seedDemoAccounts(prisma, organizationIds, counts);
  for (const project of PROJECTS) {
    await seedProject(prisma, project, organizationIds, counts);
  }
  const training = await seedTrainingProject(prisma, { now: options.now });
  await seedNgoWatchlist(prisma, organizationIds);

  options.log?.(
    `Demo data: ${ORGANIZATIONS.length} organizations (${counts.organizationsCreated} created), ` +
      `${DEMO_ACCOUNTS.length} demo accounts (${counts.usersCreated} created, ${counts.membershipsCreated} memberships created), ` +
      `${PROJECTS.length} projects (${counts.projectsCreated} created, ${counts.projectsAlreadyPresent} already present); ` +
      `written: ${counts.milestonesCreated} milestones, ${counts.dateChangesCreated} date changes, ` +
      `${counts.pausesCreated} pause(s), ${counts.stageTransitionsCreated} stage transitions. ` +
      (training.created
        ? `Fictional training project written: ${training.comments} comments in ${training.campaigns} groups.`
        : "Fictional training project already present."),
  );
}

/** Organization id by slug, for every seeded organization. */
type OrganizationIds = Map<string, string>;

function organizationId(organizationIds: OrganizationIds, slug: string): string {
  const id = organizationIds.get(slug);
  if (!id) throw new Error(`Seed data refers to unknown organization "${slug}"`);
  return id;
}

async function seedOrganizations(prisma: PrismaClient, counts: SeedCounts): Promise<OrganizationIds> {
  const slugs = ORGANIZATIONS.map((organization) => organization.slug);
  const existing = await prisma.organization.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  const existingSlugs = new Set(existing.map((organization) => organization.slug));

  const organizationIds: OrganizationIds = new Map();
  for (const organization of ORGANIZATIONS) {
    const row = await prisma.organization.upsert({
      where: { slug: organization.slug },
      update: {},
      create: {
        slug: organization.slug,
        name: organization.name,
        kind: organization.kind,
        jurisdiction: organization.jurisdiction ?? null,
        timeZone: organization.timeZone ?? null,
        website: organization.website ?? null,
      },
      select: { id: true },
    });
    organizationIds.set(organization.slug, row.id);
    if (!existingSlugs.has(organization.slug)) counts.organizationsCreated += 1;
  }
  return organizationIds;
}

async function seedDemoAccounts(
  prisma: PrismaClient,
  organizationIds: OrganizationIds,
  counts: SeedCounts,
): Promise<void> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const existing = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const userIdByEmail = new Map(existing.map((user) => [user.email, user.id]));

  const missingAccounts = DEMO_ACCOUNTS.filter((account) => !userIdByEmail.has(account.email));
  if (missingAccounts.length > 0) {
    // Hashed once for all accounts: argon2 is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // The demo accounts are settled ones: old enough that their reports count toward hiding a
    // comment (app/models/report-weight.ts), as the training project's moderation queue shows.
    const createdAt = new Date(Date.now() - DEMO_ACCOUNT_AGE_DAYS * 86_400_000);
    const verifiedAt = createdAt;
    for (const account of missingAccounts) {
      const user = await prisma.user.upsert({
        where: { email: account.email },
        update: {},
        create: {
          email: account.email,
          name: account.name,
          passwordHash,
          emailVerifiedAt: verifiedAt,
          createdAt,
          isAdmin: account.isAdmin,
          timeZone: account.timeZone,
        },
        select: { id: true },
      });
      userIdByEmail.set(account.email, user.id);
      counts.usersCreated += 1;
    }
  }

  for (const account of DEMO_ACCOUNTS) {
    if (!account.membership) continue;
    const userId = userIdByEmail.get(account.email);
    if (!userId) throw new Error(`Demo account ${account.email} was not written`);
    const organizationIdForMembership = organizationId(organizationIds, account.membership.organizationSlug);
    const existingMembership = await prisma.membership.findUnique({
      where: { userId_organizationId: { userId, organizationId: organizationIdForMembership } },
      select: { id: true },
    });
    if (existingMembership) continue;
    await prisma.membership.upsert({
      where: { userId_organizationId: { userId, organizationId: organizationIdForMembership } },
      update: {},
      create: { userId, organizationId: organizationIdForMembership, role: account.membership.role },
    });
    counts.membershipsCreated += 1;
  }
}

async function seedProject(
  prisma: PrismaClient,
  project: SeedProject,
  organizationIds: OrganizationIds,
  counts: SeedCounts,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const existing = await tx.project.findUnique({ where: { slug: project.slug }, select: { id: true } });
      if (existing) {
        counts.projectsAlreadyPresent += 1;
        return;
      }

      const created = await tx.project.create({
        data: {
          slug: project.slug,
          name: project.name,
          companyId: organizationId(organizationIds, project.companySlug),
          commodities: project.commodities,
          state: project.state,
          county: project.county,
          latitude: project.latitude,
          longitude: project.longitude,
          landStatus: project.landStatus,
          description: project.description,
          website: project.website,
          leadAgencyId: organizationId(organizationIds, project.leadAgencySlug),
          reviewTrack: project.reviewTrack,
          currentStage: project.currentStage,
          status: project.status,
          federalCategory: project.federalCategory,
          cooperatingAgencies: {
            create: project.cooperatingAgencySlugs.map((slug) => ({ agencyId: organizationId(organizationIds, slug) })),
          },
        },
        select: { id: true },
      });

      for (const [index, milestone] of project.milestones.entries()) {
        await createMilestone(tx, created.id, milestone, index, organizationIds);
        counts.milestonesCreated += 1;
        counts.dateChangesCreated += milestone.dateChanges?.length ?? 0;
      }

      await tx.projectPause.createMany({
        data: project.pauses.map((pause) => ({
          projectId: created.id,
          reason: pause.reason,
          summary: pause.summary,
          startedAt: atNoonUtc(pause.startedOn),
          liftedAt: pause.liftedOn ? atNoonUtc(pause.liftedOn) : null,
        })),
      });
      counts.pausesCreated += project.pauses.length;

      await tx.stageTransition.createMany({ data: stageTransitionRows(created.id, project.stageTransitions) });
      counts.stageTransitionsCreated += project.stageTransitions.length;
      // The public log's baseline of what was just written (it has no events of its own).
      await recordProjectBaseline(tx, created.id, "demo seed");
      counts.projectsCreated += 1;
    },
    { timeout: 30_000 },
  );
}

async function createMilestone(
  tx: Prisma.TransactionClient,
  projectId: string,
  milestone: SeedMilestone,
  index: number,
  organizationIds: OrganizationIds,
): Promise<void> {
  // The project was created in this transaction, so the upsert always creates; it is keyed on
  // the unique (projectId, key) all the same, so it can never write a duplicate.
  await tx.milestone.upsert({
    where: { projectId_key: { projectId, key: milestone.key } },
    update: {},
    create: {
      projectId,
      key: milestone.key,
      name: milestone.name,
      jurisdiction: milestone.jurisdiction,
      agencyId: milestone.agencySlug ? organizationId(organizationIds, milestone.agencySlug) : null,
      authority: milestone.authority ?? null,
      baselineDate: milestone.baselineDate ?? null,
      targetDate: milestone.targetDate ?? null,
      actualDate: milestone.actualDate ?? null,
      datePrecision: milestone.datePrecision,
      note: milestone.note ?? null,
      sourceUrl: milestone.sourceUrl,
      statutoryRole: milestone.statutoryRole ?? null,
      // Gaps of 10 leave room to insert a milestone between two seeded ones.
      sortOrder: (index + 1) * 10,
      dateChanges: {
        create: (milestone.dateChanges ?? []).map((change) => ({
          previousDate: change.previousDate,
          newDate: change.newDate,
          reason: change.reason,
          narrative: change.narrative,
          sourceUrl: change.sourceUrl ?? null,
          changedById: null,
          changedAt: atNoonUtc(change.changedOn),
        })),
      },
    },
  });
}

/**
 * Timeline rows with fromStage/fromStatus taken from the previous move, so the chain is
 * consistent by construction. Moves on the same day are a minute apart, in list order.
 */
function stageTransitionRows(
  projectId: string,
  transitions: SeedStageTransition[],
): Prisma.StageTransitionCreateManyInput[] {
  const rows: Prisma.StageTransitionCreateManyInput[] = [];
  let previous: SeedStageTransition | undefined;
  let minutesAfterNoon = 0;
  for (const transition of transitions) {
    minutesAfterNoon = previous && sameDay(previous.on, transition.on) ? minutesAfterNoon + 1 : 0;
    rows.push({
      projectId,
      kind: transition.kind,
      fromStage: previous?.toStage ?? null,
      toStage: transition.toStage,
      fromStatus: previous?.toStatus ?? null,
      toStatus: transition.toStatus,
      reason: transition.reason,
      sourceUrl: transition.sourceUrl ?? null,
      actorId: null,
      occurredAt: atNoonUtc(transition.on, minutesAfterNoon),
      occurredAtPrecision: transition.precision ?? "DAY",
    });
    previous = transition;
  }
  return rows;
}

/**
 * Instants for events known only by their date are stored at noon UTC: that is the same
 * calendar date in every U.S. time zone, so the app shows the date the record gives.
 */
function atNoonUtc(day: Date, minutesAfter = 0): Date {
  return new Date(day.getTime() + (12 * 60 + minutesAfter) * 60_000);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

/** The earliest date a milestone carries, used to check the chronological order. */
function milestoneDate(milestone: SeedMilestone): Date | undefined {
  return milestone.actualDate ?? milestone.targetDate ?? milestone.baselineDate;
}

/**
 * Whether `earlier` is dated after `later`, compared at the coarser of their precisions: a
 * milestone known only as "Sep 2025" may follow one dated Sep 19, 2025.
 */
function isAfter(earlier: SeedMilestone, later: SeedMilestone): boolean {
  const earlierDate = milestoneDate(earlier);
  const laterDate = milestoneDate(later);
  if (!earlierDate || !laterDate) return false;
  const precisions = [earlier.datePrecision, later.datePrecision];
  const truncate = (date: Date) =>
    precisions.includes("YEAR")
      ? Date.UTC(date.getUTCFullYear(), 0, 1)
      : precisions.includes("MONTH")
        ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
        : date.getTime();
  return truncate(earlierDate) > truncate(laterDate);
}

/**
 * Refuses inconsistent seed data before anything is written: unknown organizations, stages
 * outside the project's review track, a stage history that does not end at the current stage,
 * or records out of chronological order.
 */
export function assertSeedDataConsistent(): void {
  const problems: string[] = [];
  const kindBySlug = new Map(ORGANIZATIONS.map((organization) => [organization.slug, organization.kind]));
  if (kindBySlug.size !== ORGANIZATIONS.length) problems.push("organization slugs are not unique");
  if (new Set(ORGANIZATIONS.map((organization) => organization.name)).size !== ORGANIZATIONS.length) {
    problems.push("organization names are not unique");
  }
  for (const account of DEMO_ACCOUNTS) {
    if (account.membership && !kindBySlug.has(account.membership.organizationSlug)) {
      problems.push(`${account.email}: unknown organization ${account.membership.organizationSlug}`);
    }
  }

  const expectKind = (where: string, slug: string, kind: "COMPANY" | "AGENCY") => {
    if (kindBySlug.get(slug) !== kind) problems.push(`${where}: ${slug} is not a known ${kind.toLowerCase()}`);
  };

  if (new Set(PROJECTS.map((project) => project.slug)).size !== PROJECTS.length)
    problems.push("project slugs are not unique");
  for (const project of PROJECTS) {
    const where = project.slug;
    expectKind(where, project.companySlug, "COMPANY");
    expectKind(where, project.leadAgencySlug, "AGENCY");
    for (const slug of project.cooperatingAgencySlugs) expectKind(where, slug, "AGENCY");
    if (project.cooperatingAgencySlugs.includes(project.leadAgencySlug))
      problems.push(`${where}: lead agency listed as cooperating`);
    if (!isStageOf(project.reviewTrack, project.currentStage)) {
      problems.push(`${where}: current stage ${project.currentStage} is not a ${project.reviewTrack} stage`);
    }
    if (project.commodities.some((commodity) => commodity !== commodity.toLowerCase())) {
      problems.push(`${where}: commodities must be lower-case`);
    }

    const keys = new Set<string>();
    let previousMilestone: SeedMilestone | undefined;
    let undatedSeen = false;
    for (const milestone of project.milestones) {
      if (keys.has(milestone.key)) problems.push(`${where}: duplicate milestone key ${milestone.key}`);
      keys.add(milestone.key);
      if (milestone.agencySlug) expectKind(`${where}/${milestone.key}`, milestone.agencySlug, "AGENCY");
      if (milestone.agencySlug && milestone.authority)
        problems.push(`${where}/${milestone.key}: both agency and authority`);
      const date = milestoneDate(milestone);
      if (!date) {
        undatedSeen = true;
        if (!milestone.note) problems.push(`${where}/${milestone.key}: no date and no note saying why`);
        continue;
      }
      if (undatedSeen || (previousMilestone && isAfter(previousMilestone, milestone))) {
        problems.push(`${where}/${milestone.key}: milestones are not in chronological order`);
      }
      previousMilestone = milestone;
    }

    const transitions = project.stageTransitions;
    const last = transitions.at(-1);
    if (!last) {
      problems.push(`${where}: no stage history`);
    } else if (last.toStage !== project.currentStage || last.toStatus !== project.status) {
      problems.push(
        `${where}: stage history ends at ${last.toStage}/${last.toStatus}, not ${project.currentStage}/${project.status}`,
      );
    }
    transitions.forEach((transition, index) => {
      if (!isStageOf(project.reviewTrack, transition.toStage)) {
        problems.push(`${where}: transition to ${transition.toStage} is not a ${project.reviewTrack} stage`);
      }
      const previous = transitions[index - 1];
      if (previous && transition.on < previous.on) problems.push(`${where}: stage history is not chronological`);
    });
  }

  if (problems.length > 0) throw new Error(`Demo seed data is inconsistent:\n- ${problems.join("\n- ")}`);
}

/**
 * The NGO demo account's home: its organization's watchlist with two projects listed by hand and a
 * saved search for lithium in Nevada. Written once (found by name), like every other seeded row.
 * The projects the search matches now are its starting point, so only later ones raise an alert
 * (the same rule as app/models/saved-search.server.ts; the filter here is the search's own two).
 */
async function seedNgoWatchlist(prisma: PrismaClient, organizationIds: OrganizationIds): Promise<void> {
  const ngoId = organizationId(organizationIds, "sagebrush-watch-demo");
  const name = "Sagebrush Watch: lithium and the Great Basin";
  const existing = await prisma.watchlist.findFirst({ where: { organizationId: ngoId, name }, select: { id: true } });
  if (existing) return;
  const listed = await prisma.project.findMany({
    where: { slug: { in: ["stibnite-gold", "mcdermitt-exploration"] } },
    select: { id: true },
  });
  const lithiumInNevada = await prisma.project.findMany({
    where: { state: "NV", commodities: { has: "lithium" } },
    select: { id: true },
  });
  await prisma.watchlist.create({
    data: {
      name,
      organizationId: ngoId,
      projects: { create: listed.map((project) => ({ projectId: project.id })) },
      searches: {
        create: {
          name: "Lithium in Nevada",
          query: "?state=NV&commodity=lithium",
          matches: { create: lithiumInNevada.map((project) => ({ projectId: project.id, atSave: true })) },
        },
      },
    },
  });
}
