// Test data for information requests, reviews and packages with FIXED dates: rows are written
// through the Prisma client with explicit issuedAt / submittedAt / decidedAt values, so clock and
// dashboard tests never depend on when they run.
import type { ResourceArea, ResponseDecision, ReviewStatus } from "@prisma/client";
import { prisma } from "~/services/db.server";
import type { StoredUpload } from "~/services/uploads.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A calendar day as UTC midnight, the grid the review clock counts on. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export type Answer = { at: string; decision?: ResponseDecision; decidedAt?: string; text?: string };

/**
 * A request and its answers as they happened. The status follows from the history: no answer or
 * a returned last answer is OPEN, an undecided last answer ANSWERED, an accepted one ACCEPTED.
 */
export async function insertRequestRow(input: {
  projectId: string;
  issuedById: string;
  answeredById: string;
  issued: string;
  due?: string;
  answers?: Answer[];
  reviewId?: string;
  title?: string;
  items?: string[];
  withdrawnAt?: string;
}) {
  const answers = input.answers ?? [];
  const last = answers.at(-1);
  const status = input.withdrawnAt
    ? "WITHDRAWN"
    : !last || last.decision === "RETURNED"
      ? "OPEN"
      : last.decision === "ACCEPTED"
        ? "ACCEPTED"
        : "ANSWERED";
  const closedAt = input.withdrawnAt
    ? day(input.withdrawnAt)
    : status === "ACCEPTED" && last?.decidedAt
      ? day(last.decidedAt)
      : null;
  return prisma.informationRequest.create({
    data: {
      projectId: input.projectId,
      reviewId: input.reviewId ?? null,
      title: input.title ?? `Request ${unique()}`,
      publicSummary: "The agency asked for more information.",
      items: input.items ?? ["Groundwater model runs"],
      dueDate: day(input.due ?? "2026-12-31"),
      issuedAt: day(input.issued),
      issuedById: input.issuedById,
      status,
      closedAt,
      responses: {
        create: answers.map((answer) => ({
          text: answer.text ?? "Here is what you asked for.",
          submittedAt: day(answer.at),
          submittedById: input.answeredById,
          decision: answer.decision ?? null,
          decidedAt: answer.decidedAt ? day(answer.decidedAt) : null,
          decidedById: answer.decision ? input.issuedById : null,
        })),
      },
    },
  });
}

export async function insertReviewRow(input: {
  projectId: string;
  agencyId: string;
  opened: string;
  completed?: string;
  status?: ReviewStatus;
  resourceArea?: ResourceArea;
  assignedUserIds?: string[];
  title?: string;
}) {
  return prisma.environmentalReview.create({
    data: {
      projectId: input.projectId,
      agencyId: input.agencyId,
      resourceArea: input.resourceArea ?? "WATER",
      title: input.title ?? `Review ${unique()}`,
      status: input.status ?? (input.completed ? "COMPLETE" : "IN_PROGRESS"),
      openedAt: day(input.opened),
      completedAt: input.completed ? day(input.completed) : null,
      assignments: { create: (input.assignedUserIds ?? []).map((userId) => ({ userId })) },
    },
  });
}

export type VersionRecord = {
  submitted: string;
  determination?: "COMPLETE" | "DEFICIENT";
  determined?: string;
  deficiencies?: string[];
  note?: string;
};

/** A package with its submitted versions, numbered in order; its status follows the last one. */
export async function insertPackageRow(input: {
  projectId: string;
  createdById: string;
  versions: VersionRecord[];
  title?: string;
}) {
  const last = input.versions.at(-1);
  return prisma.permitPackage.create({
    data: {
      projectId: input.projectId,
      kind: "PLAN_OF_OPERATIONS",
      title: input.title ?? `Package ${unique()}`,
      status: !last ? "DRAFT" : (last.determination ?? "SUBMITTED"),
      versionCount: input.versions.length,
      createdById: input.createdById,
      versions: {
        create: input.versions.map((version, i) => ({
          number: i + 1,
          title: input.title ?? "Plan of operations",
          description: "",
          submittedAt: day(version.submitted),
          submittedById: input.createdById,
          determination: version.determination ?? null,
          determinedAt: version.determined ? day(version.determined) : null,
          determinationNote: version.note ?? null,
          deficiencies: {
            create: (version.deficiencies ?? []).map((text, sortOrder) => ({ text, sortOrder })),
          },
        })),
      },
    },
  });
}

/** The stage transition into a final status, and the project put in that status. */
export async function insertFinalStatusRows(
  projectId: string,
  toStatus: "APPROVED" | "DENIED" | "WITHDRAWN",
  on: string,
) {
  await prisma.project.update({ where: { id: projectId }, data: { status: toStatus } });
  return prisma.stageTransition.create({
    data: {
      projectId,
      kind: toStatus === "APPROVED" ? "APPROVE" : toStatus === "DENIED" ? "DENY" : "WITHDRAW",
      fromStage: "record_of_decision",
      toStage: "record_of_decision",
      fromStatus: "IN_PROGRESS",
      toStatus,
      reason: "Decision recorded for the test.",
      occurredAt: day(on),
    },
  });
}

/** Upload metadata as receiveUploads returns it; no bytes are needed for the Document rows. */
export function storedUpload(originalName = "aquifer-test.pdf"): StoredUpload {
  return {
    storageKey: `test/${unique()}`,
    originalName,
    contentType: "application/pdf",
    sizeBytes: 1234,
    sha256: "a".repeat(64),
  };
}
