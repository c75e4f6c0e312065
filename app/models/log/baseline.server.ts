// Baseline entries of the public log (issue 17): rows written without their own events (the demo
// seed, which loads real public history directly; an import) get one `record.baseline` entry per
// project, written in the transaction that wrote the rows, so the log covers the record people see
// and the verifier can compare those objects' state with the site. A later change to them is a
// normal entry. Public facts only: comments by receipt number and status, never text or names.
import type { Prisma } from "@prisma/client";
import { recordEvent } from "~/models/events/record.server";

type Tx = Prisma.TransactionClient;
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The project's public state: stage, status and milestones (with the transition and pause counts). */
export async function recordProjectBaseline(tx: Tx, projectId: string, source: string, occurredAt = new Date()) {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      slug: true,
      name: true,
      currentStage: true,
      status: true,
      milestones: {
        orderBy: { id: "asc" },
        select: { id: true, name: true, targetDate: true, actualDate: true, datePrecision: true },
      },
      _count: { select: { stageTransitions: true, pauses: true } },
    },
  });
  await recordEvent(
    tx,
    "record.baseline",
    {
      projectId: project.id,
      slug: project.slug,
      name: project.name,
      source,
      stage: project.currentStage,
      status: project.status,
      milestones: project.milestones.map((m) => ({
        milestoneId: m.id,
        milestoneName: m.name,
        targetDate: day(m.targetDate),
        actualDate: day(m.actualDate),
        datePrecision: m.datePrecision,
      })),
      stageTransitions: project._count.stageTransitions,
      pauses: project._count.pauses,
    },
    { occurredAt },
  );
}

/** Comments written in bulk into one period (receipt number and status each). */
export async function recordCommentsBaseline(tx: Tx, periodId: string, source: string, occurredAt = new Date()) {
  const period = await tx.commentPeriod.findUniqueOrThrow({
    where: { id: periodId },
    select: {
      project: { select: { id: true, slug: true, name: true } },
      comments: { orderBy: { receiptNumber: "asc" }, select: { id: true, receiptNumber: true, status: true } },
    },
  });
  await recordEvent(
    tx,
    "record.baseline",
    {
      projectId: period.project.id,
      slug: period.project.slug,
      name: period.project.name,
      source,
      comments: period.comments.map((c) => ({
        periodId,
        commentId: c.id,
        receiptNumber: c.receiptNumber,
        status: c.status,
      })),
    },
    { occurredAt },
  );
}
