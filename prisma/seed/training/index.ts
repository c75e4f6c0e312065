// The fictional training project (issue 11): one clearly made-up project, owned by the demo
// company and led by the demo regulator's agency, whose record is dated relative to the first
// start so that each demo account finds live work: an open comment period with campaigns, reports
// and responses; a package awaiting its completeness determination; reviews with an open and an
// answered information request. The nine real projects are never touched.
//
// Written once: when the project exists (a second run, or a later start), nothing is written.
import type { PrismaClient } from "@prisma/client";
import { groupPendingComments } from "../../../app/models/comments/comment-grouping.server";
import { reportComment } from "../../../app/models/comments/comment-moderation.server";
import { recordProjectBaseline } from "../../../app/models/log/baseline.server";
import { respondToComments } from "../../../app/models/comments/official-response.server";
import { demoClock, seededRandom } from "./clock";
import { openTrainingPeriod, writeTrainingComments } from "./comments";
import { TRAINING_PROJECT_SLUG, trainingMilestones, trainingProjectData, trainingStageHistory } from "./project";
import { writeTrainingDocuments, writeTrainingPackage, writeTrainingReviews } from "./review";

export { TRAINING_PROJECT_NAME, TRAINING_PROJECT_SLUG } from "./project";

const SEED = 20261202;

export const TRAINING_ACCOUNTS = {
  company: "company@lodestone.test",
  regulator: "regulator@lodestone.test",
  ngo: "ngo@lodestone.test",
  community: "community@lodestone.test",
  admin: "admin@lodestone.test",
} as const;

export type TrainingSeedResult = { created: boolean; comments: number; campaigns: number };

export async function seedTrainingProject(
  prisma: PrismaClient,
  options: { now?: Date } = {},
): Promise<TrainingSeedResult> {
  const existing = await prisma.project.findUnique({ where: { slug: TRAINING_PROJECT_SLUG }, select: { id: true } });
  if (existing) return { created: false, comments: 0, campaigns: 0 };

  const clock = demoClock(options.now ?? new Date());
  const random = seededRandom(SEED);
  const people = await accounts(prisma);
  const [company, leadAgency, cooperating] = await Promise.all(
    ["lithium-nevada-corp", "blm-nevada", "ndep"].map((slug) =>
      prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, timeZone: true } }),
    ),
  );
  if (!company || !leadAgency || !cooperating || !leadAgency.timeZone) {
    throw new Error("The training project needs the demo company and agencies, with the lead agency's time zone");
  }
  const timeZone = leadAgency.timeZone;
  const ids = { companyId: company.id, leadAgencyId: leadAgency.id, cooperatingAgencyId: cooperating.id };

  const { projectId, deisDocumentId } = await prisma.$transaction(
    async (tx) => {
      const project = await tx.project.create({
        data: {
          ...trainingProjectData(clock, ids),
          createdAt: clock.at(-420),
          milestones: { create: trainingMilestones(clock, leadAgency.id) },
          stageTransitions: { create: trainingStageHistory(clock) },
        },
        select: { id: true },
      });
      const documents = await writeTrainingDocuments(tx, project.id, people, clock);
      const packageId = await writeTrainingPackage(tx, project.id, documents, people, clock);
      await writeTrainingReviews(tx, project.id, { ...ids, packageId }, documents, people, clock);
      // The NGO analyst and the community member follow the project, so the period's reminders
      // and the agency's responses reach them.
      await tx.follow.createMany({
        data: [people.ngoId, people.communityId].map((userId) => ({ userId, projectId: project.id })),
      });
      // The public log's baseline of what was just written (it has no events of its own).
      await recordProjectBaseline(tx, project.id, "training seed", clock.now);
      return { projectId: project.id, deisDocumentId: documents.deis };
    },
    { timeout: 60_000 },
  );

  const periodId = await openTrainingPeriod(
    { projectId, timeZone, openedById: people.regulatorId, documentId: deisDocumentId },
    clock,
  );
  const comments = await writeTrainingComments(prisma, periodId, random, clock);
  await groupPendingComments(periodId);
  await writeReportsAndResponses(prisma, periodId, people);
  const campaigns = await prisma.campaign.count({ where: { periodId, comments: { some: {} } } });
  return { created: true, comments, campaigns };
}

type Accounts = Awaited<ReturnType<typeof accounts>>;

async function accounts(prisma: PrismaClient) {
  const users = await prisma.user.findMany({
    where: { email: { in: Object.values(TRAINING_ACCOUNTS) } },
    select: { id: true, email: true },
  });
  const id = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`The training project needs the demo account ${email}`);
    return user.id;
  };
  return {
    companyUserId: id(TRAINING_ACCOUNTS.company),
    regulatorId: id(TRAINING_ACCOUNTS.regulator),
    ngoId: id(TRAINING_ACCOUNTS.ngo),
    communityId: id(TRAINING_ACCOUNTS.community),
    adminId: id(TRAINING_ACCOUNTS.admin),
  };
}

/**
 * A few reports for the moderation queue (one comment reported by three people, so the app hides
 * it pending review) and two official responses, each through the model function a person's
 * click would call.
 */
async function writeReportsAndResponses(prisma: PrismaClient, periodId: string, people: Accounts): Promise<void> {
  const singles = await prisma.comment.findMany({
    where: { periodId, submitterType: "INDIVIDUAL" },
    orderBy: { submittedAt: "asc" },
    select: { id: true, text: true, campaign: { select: { _count: { select: { comments: true } } } } },
  });
  // Comments in no campaign of their own, so the reports and responses land on individual text.
  const unique = singles.filter((c) => (c.campaign?._count.comments ?? 1) === 1);
  const [spam, personal, reportedThrice] = unique.slice(-3);
  if (!spam || !personal || !reportedThrice) throw new Error("The training period has too few individual comments");

  await reportComment(spam.id, people.communityId, { reason: "SPAM", periodId });
  await reportComment(personal.id, people.ngoId, {
    reason: "PERSONAL_INFORMATION",
    note: "This comment names my neighbour's ranch and her phone number.",
    periodId,
  });
  for (const reporterId of [people.communityId, people.ngoId, people.adminId]) {
    await reportComment(reportedThrice.id, reporterId, { reason: "ABUSIVE", periodId });
  }

  const context = { actorId: people.regulatorId, requestId: null };
  const about = (phrase: string) => unique.filter((c) => c.text.includes(phrase)).map((c) => c.id);
  const bond = about("reclamation bond");
  if (bond.length > 0) {
    await respondToComments(
      periodId,
      {
        issue: "Reclamation bond amount",
        text: "The bond will be recalculated for the final EIS with the clay leach plant included (it was deficiency item 2 of the plan's first version). The revised estimate will be published with the final EIS.",
        commentIds: bond.slice(0, 6),
      },
      context,
    );
  }
  const leks = about("Sage-grouse leks");
  if (leks.length > 0) {
    await respondToComments(
      periodId,
      {
        issue: "Sage-grouse lek surveys",
        text: "A full breeding-season lek survey is now a hold condition on the project: the final EIS cannot be published until it is complete.",
        commentIds: leks.slice(0, 6),
      },
      context,
    );
  }
}
