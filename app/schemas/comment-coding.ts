// Forms of coding comments by concern and answering the concerns (decision 0030): one
// discriminated union of intents per page, as every multi-form page does.
import { z } from "zod";
import { id, int32, plainText } from "./fields";

const ids = z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(id()).max(500));
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const MAX_STATEMENT_CHARACTERS = 1000;
export const MAX_ANSWER_CHARACTERS = 20_000;

const topicName = plainText("Name the topic.").pipe(
  z.string().trim().min(1, "Name the topic.").max(120, "Keep the topic's name under 120 characters."),
);
const statement = plainText("State the concern.").pipe(
  z
    .string()
    .trim()
    .min(1, "State the concern in one or two sentences.")
    .max(MAX_STATEMENT_CHARACTERS, `Keep the concern statement under ${MAX_STATEMENT_CHARACTERS} characters.`),
);

/** The coding workspace: the period's topics and new concern statements. */
export const codingWorkspaceSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("seedTopics") }),
  z.object({
    intent: z.literal("saveTopic"),
    topicId: z.union([z.literal(""), id()]).default(""),
    name: topicName,
    keywords: plainText().pipe(z.string().max(4000, "Keep the keywords under 4,000 characters.")).default(""),
  }),
  z.object({ intent: z.literal("removeTopic"), topicId: id() }),
  z.object({ intent: z.literal("createConcern"), topicId: id("Choose a topic."), statement }),
]);

/** Coding one comment: mark a passage with a topic, or take a passage back. */
export const codeCommentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("code"),
    topicId: id("Choose a topic."),
    quote: plainText("Quote the passage.").pipe(
      z
        .string()
        .trim()
        .min(3, "Quote the passage from the comment: at least a few words.")
        .max(5000, "A passage is at most the whole comment (5,000 characters)."),
    ),
    wholeCampaign: checkbox,
  }),
  z.object({ intent: z.literal("uncode"), passageId: id() }),
]);

/** One concern statement: its wording and answer, its passages, and publishing the answer. */
export const concernSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    statement,
    answer: plainText()
      .pipe(
        z
          .string()
          .trim()
          .max(
            MAX_ANSWER_CHARACTERS,
            `Keep the answer under ${MAX_ANSWER_CHARACTERS.toLocaleString("en-US")} characters.`,
          ),
      )
      .default(""),
    lockVersion: int32(),
  }),
  z.object({ intent: z.literal("assign"), passageIds: ids }),
  z.object({ intent: z.literal("unassign"), passageId: id() }),
  z.object({ intent: z.literal("publish"), lockVersion: int32() }),
]);
