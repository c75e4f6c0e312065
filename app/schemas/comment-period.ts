// Comment period forms: shared by the browser (instant feedback) and the actions. Dates arrive as
// `datetime-local` wall-clock strings; they become instants only in the model, which knows the
// agency's time zone, so the window rules are judged once, there.
import { z } from "zod";
import { DEADLINE_CHANGE_KINDS } from "~/models/comments/comment-period.labels";
import { int32, localDateTime, plainText } from "./fields";

/** One ticked checkbox arrives as a string, several as a list, none as nothing (react-hook-form: false). */
const idList = z.preprocess(
  (v) => (v === undefined || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1)),
);

/** A ticked checkbox sends "on" without JavaScript and `true` through react-hook-form; unticked sends nothing. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const openPeriodSchema = z.object({
  // The model checks that the stage belongs to the project's review track.
  stage: z.string({ required_error: "Choose the stage." }).trim().min(1, "Choose the stage the period belongs to."),
  title: plainText("Give the comment period a title.").pipe(
    z
      .string()
      .trim()
      .min(3, "Give the comment period a title, such as “Draft EIS public comment”.")
      .max(200, "Use at most 200 characters."),
  ),
  description: z.string().trim().max(4000, "Use at most 4,000 characters.").default(""),
  opensAt: localDateTime("Enter when the period opens, with a date and a time."),
  closesAt: localDateTime("Enter when the period closes, with a date and a time."),
  allowAnonymous: checkbox,
  documentIds: idList,
});

export const changeDeadlineSchema = z.object({
  lockVersion: int32(),
  kind: z.enum(DEADLINE_CHANGE_KINDS, { errorMap: () => ({ message: "Choose whether to extend or reopen." }) }),
  newClosesAt: localDateTime("Enter the new closing date and time."),
  reason: z
    .string({ required_error: "Give the reason; it is shown in the public record." })
    .trim()
    .min(10, "Give the reason in a sentence; it is shown in the public record.")
    .max(2000, "Use at most 2,000 characters."),
});
