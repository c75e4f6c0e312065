// Comment-period test data made directly with the Prisma client, until the intake
// (app/models/comments/comment-intake.server.ts) can make it the way the app does.
import type { CommentStatus, SubmitterType } from "@prisma/client";
import { exactKey } from "~/models/comments/form-letters";
import { prisma } from "~/services/db.server";
import { addMember, createOrganization, createUser, insertDocumentRow, insertProjectRow } from "./factories";

let counter = 0;
const next = () => (counter++).toString(36).toUpperCase().padStart(4, "0");

/** A project led by an agency with one regulator, and an open comment period on it. */
export async function createReadingScenario() {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Rita Regulator" });
  await addMember(regulator.id, agency.id);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id });
  const period = await prisma.commentPeriod.create({
    data: {
      projectId: project.id,
      stage: "draft_eis",
      title: "Draft EIS comment period",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      timeZone: "America/Los_Angeles",
      openedById: regulator.id,
    },
  });
  return { company, agency, regulator, project, period, context: { actorId: regulator.id, requestId: "req-c" } };
}

export async function createPublicComment(
  periodId: string,
  options: {
    text?: string;
    displayName?: string;
    email?: string;
    submitterType?: SubmitterType;
    organizationId?: string;
    status?: CommentStatus;
    campaignId?: string;
    addedText?: string;
    submittedAt?: Date;
    userId?: string;
  } = {},
) {
  const receipt = `LDS-T${Date.now().toString(36).slice(-3).toUpperCase()}-${next()}`;
  const text = options.text ?? `A comment about the mine, number ${receipt}.`;
  return prisma.comment.create({
    data: {
      periodId,
      receiptNumber: receipt,
      idempotencyKey: receipt,
      submitterType: options.submitterType ?? "INDIVIDUAL",
      organizationId: options.organizationId,
      displayName: options.displayName ?? "Pat Commenter",
      email: options.email ?? "pat@example.org",
      text,
      exactKey: exactKey(text),
      campaignId: options.campaignId,
      addedText: options.addedText,
      status: options.status ?? "PUBLISHED",
      submittedAt: options.submittedAt,
      userId: options.userId,
    },
  });
}

/**
 * A campaign whose representative is the first comment with `text`; then `identical` more copies and
 * one member per entry of `withAddedText` (the letter plus that paragraph).
 */
export async function createCampaignWith(
  periodId: string,
  text: string,
  counts: { identical: number; withAddedText?: string[] },
) {
  const representative = await createPublicComment(periodId, { text });
  const campaign = await prisma.campaign.create({
    data: { periodId, representativeId: representative.id, signature: [] },
  });
  await prisma.comment.update({ where: { id: representative.id }, data: { campaignId: campaign.id } });
  const members = [representative];
  for (let i = 0; i < counts.identical; i++) {
    members.push(await createPublicComment(periodId, { text, campaignId: campaign.id }));
  }
  for (const added of counts.withAddedText ?? []) {
    members.push(
      await createPublicComment(periodId, { text: `${text} ${added}`, campaignId: campaign.id, addedText: added }),
    );
  }
  return { campaign, members };
}

// ───────────── Comment periods (app/models/comments/comment-period.server.ts) ─────────────

let periodCounter = 0;
const periodToken = () => `${Date.now().toString(36)}-${(periodCounter++).toString(36)}`;

/**
 * A project whose lead agency keeps its deadlines in `timeZone` (Mountain Time by default, so
 * tests cross MST and MDT), with a lead regulator, one public and one confidential document.
 */
export async function createPeriodSetting(options: { timeZone?: string | null; stage?: string } = {}) {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const timeZone = options.timeZone === undefined ? "America/Denver" : options.timeZone;
  await prisma.organization.update({ where: { id: agency.id }, data: { timeZone } });
  const regulator = await createUser({ name: "Lead Regulator" });
  await addMember(regulator.id, agency.id);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage: options.stage });
  const publicDocument = await insertDocumentRow(project.id, regulator.id, {
    name: "draft-eis-volume-1.pdf",
  });
  const confidentialDocument = await insertDocumentRow(project.id, regulator.id, {
    name: "ore-reserve-model.xlsx",
    visibility: "CONFIDENTIAL",
  });
  return {
    company,
    agency,
    regulator,
    project,
    publicDocument,
    confidentialDocument,
    context: { actorId: regulator.id, requestId: "req-period" },
  };
}

/** A period written directly, for tests that need a window without going through openPeriod. */
export async function insertPeriodRow(options: {
  projectId: string;
  openedById: string;
  opensAt: Date;
  closesAt: Date;
  timeZone?: string;
  stage?: string;
  title?: string;
  allowAnonymous?: boolean;
}) {
  return prisma.commentPeriod.create({
    data: {
      projectId: options.projectId,
      openedById: options.openedById,
      opensAt: options.opensAt,
      closesAt: options.closesAt,
      timeZone: options.timeZone ?? "America/Denver",
      stage: options.stage ?? "draft_eis",
      title: options.title ?? `Comment period ${periodToken()}`,
      allowAnonymous: options.allowAnonymous ?? false,
    },
  });
}

// ───────────── Comment intake (app/models/comments/comment-intake.server.ts) ─────────────

/** A project with a lead agency, a commenter, and a period whose window and anonymity are given. */
export async function createIntakePeriod(
  options: { allowAnonymous?: boolean; opensAt?: Date; closesAt?: Date; title?: string } = {},
) {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Intake Regulator" });
  await addMember(regulator.id, agency.id);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id });
  const period = await insertPeriodRow({
    projectId: project.id,
    openedById: regulator.id,
    opensAt: options.opensAt ?? new Date(Date.now() - 86_400_000),
    closesAt: options.closesAt ?? new Date(Date.now() + 30 * 86_400_000),
    allowAnonymous: options.allowAnonymous ?? true,
    title: options.title,
  });
  return { company, agency, regulator, project, period };
}
