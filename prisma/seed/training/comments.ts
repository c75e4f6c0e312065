// The training project's open comment period and its few hundred comments. The comments are
// backdated over the days the period has been open, so they are written with createMany (the
// intake path dates everything "now" and sends receipts); then the app's own form-letter
// grouping places them, so the campaign counts are the ones the app would have computed.
// Reports and official responses go through the model functions, as a person would make them.
import type { Prisma } from "@prisma/client";
import { closesAtFromLocal } from "../../../app/models/comment-window";
import { exactKey } from "../../../app/models/form-letters";
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

/** Opened nine days before the first start; closes at 11:59 pm local, 21 days after it. */
export async function writeTrainingPeriod(
  tx: Prisma.TransactionClient,
  input: { projectId: string; timeZone: string; openedById: string; documentId: string },
  clock: DemoClock,
): Promise<string> {
  const closingDay = clock.day(21);
  const closesAt = closesAtFromLocal(
    {
      year: closingDay.getUTCFullYear(),
      month: closingDay.getUTCMonth() + 1,
      day: closingDay.getUTCDate(),
      hour: 23,
      minute: 59,
    },
    input.timeZone,
  );
  const period = await tx.commentPeriod.create({
    data: {
      projectId: input.projectId,
      stage: "draft_eis",
      title: TRAINING_PERIOD_TITLE,
      description:
        "Comment on the draft EIS of this fictional training project. Comments here are practice: the project, the comments already filed and the agency's responses are all made up.",
      opensAt: clock.at(-9),
      closesAt,
      timeZone: input.timeZone,
      allowAnonymous: true,
      openedById: input.openedById,
      createdAt: clock.at(-9),
      documents: { create: [{ documentId: input.documentId }] },
    },
    select: { id: true },
  });
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
  tx: Prisma.TransactionClient,
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
  await tx.comment.createMany({ data: rows });
  return rows.length;
}
