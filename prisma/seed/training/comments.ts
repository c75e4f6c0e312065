// The training project's open comment period and its few hundred comments. The comments are
// backdated over the days the period has been open, so they are written with createMany (the
// intake path dates everything "now" and sends receipts); then the app's own form-letter
// grouping places them, so the campaign counts are the ones the app would have computed.
// The period itself, the reports and the official responses go through the model functions.
import type { Prisma, PrismaClient } from "@prisma/client";
import { openPeriod } from "../../../app/models/comments/comment-period.server";
import { exactKey } from "../../../app/models/comments/form-letters";
import { recordCommentsBaseline } from "../../../app/models/log/baseline.server";
import type { LocalDateTime } from "../../../app/utils/zoned-time";
import type { DemoClock, SeededRandom } from "./clock";
import {
  ADDED_TO_JOBS,
  ADDED_TO_SPRINGS,
  FORM_LETTER_JOBS,
  FORM_LETTER_SPRINGS,
  ORGANIZATION_COMMENTS,
  individualComment,
  personName,
} from "./texts";

const RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export const TRAINING_PERIOD_TITLE = "Draft EIS comment period (fictional training project)";

/**
 * Opened through the model function, as the regulator would (so its outbox event tells the
 * followers and schedules the 7-day and closing reminders): opening nine days before the first
 * start, closing at 11:59 pm local 21 days after it.
 */
export async function openTrainingPeriod(
  input: { projectId: string; timeZone: string; openedById: string; documentId: string },
  clock: DemoClock,
): Promise<string> {
  const local = (date: Date, hour: number, minute: number): LocalDateTime => ({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour,
    minute,
  });
  const period = await openPeriod(
    input.projectId,
    {
      stage: "draft_eis",
      title: TRAINING_PERIOD_TITLE,
      description:
        "Comment on the draft EIS of this fictional training project. Comments here are practice: the project, the comments already filed and the agency's responses are all made up.",
      opensAtLocal: local(clock.day(-9), 8, 0),
      closesAtLocal: local(clock.day(21), 23, 59),
      allowAnonymous: true,
      documentIds: [input.documentId],
    },
    { actorId: input.openedById, requestId: null },
    clock.now,
  );
  return period.id;
}

function receiptNumber(random: SeededRandom): string {
  const symbols = Array.from({ length: 8 }, () => RECEIPT_ALPHABET[random.int(32)]).join("");
  return `LDS-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

type Draft = { text: string; displayName: string; submitterType: "INDIVIDUAL" | "ORGANIZATION" | "ANONYMOUS" };

/** 150 letters about the springs (40 with added text), 90 in support (25 with added text), 70 individual comments, 2 organizations. */
function draftComments(random: SeededRandom): Draft[] {
  const person = (text: string): Draft => ({ text, displayName: personName(random), submitterType: "INDIVIDUAL" });
  const drafts: Draft[] = [];
  for (let i = 0; i < 150; i++) {
    drafts.push(person(i < 40 ? `${FORM_LETTER_SPRINGS} ${random.pick(ADDED_TO_SPRINGS)}` : FORM_LETTER_SPRINGS));
  }
  for (let i = 0; i < 90; i++) {
    drafts.push(person(i < 25 ? `${FORM_LETTER_JOBS} ${random.pick(ADDED_TO_JOBS)}` : FORM_LETTER_JOBS));
  }
  for (let i = 0; i < 70; i++) {
    const draft = person(individualComment(random));
    drafts.push(i % 14 === 0 ? { ...draft, displayName: "Anonymous", submitterType: "ANONYMOUS" } : draft);
  }
  for (const organization of ORGANIZATION_COMMENTS) {
    drafts.push({ text: organization.text, displayName: organization.name, submitterType: "ORGANIZATION" });
  }
  return drafts;
}

/** Writes the comments, submitted at seeded moments between the opening and an hour ago. */
export async function writeTrainingComments(
  db: PrismaClient,
  periodId: string,
  random: SeededRandom,
  clock: DemoClock,
): Promise<number> {
  const openHours = 9 * 24 - 1;
  const rows: Prisma.CommentCreateManyInput[] = draftComments(random).map((draft, index) => ({
    periodId,
    receiptNumber: receiptNumber(random),
    idempotencyKey: `training-${index}`,
    submitterType: draft.submitterType,
    displayName: draft.displayName,
    text: draft.text,
    exactKey: exactKey(draft.text),
    submittedAt: clock.at(-9, random.next() * openHours),
  }));
  // The comments and the public log's baseline of them (receipts and status) in one transaction.
  await db.$transaction(async (tx) => {
    await tx.comment.createMany({ data: rows });
    await recordCommentsBaseline(tx, periodId, "training seed", clock.now);
  });
  return rows.length;
}
