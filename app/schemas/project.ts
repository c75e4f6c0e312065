// Project, stage and milestone forms: shared by the browser and the actions.
import { z } from "zod";
import { STATUTORY_ROLE_VALUES } from "~/models/statutory-clock";
import { LAND_STATUSES } from "~/models/project.labels";
import { US_STATES } from "~/utils/places";
import { calendarDate, httpUrl, int32, optionalCalendarDate, plainText } from "./fields";

export { US_STATES } from "~/utils/places";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const coordinate = (min: number, max: number, name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Enter the ${name} in decimal degrees, between ${min} and ${max}.` });
        return z.NEVER;
      }
      return n;
    });

const projectDetails = {
  county: z.string({ required_error: "Enter the county." }).trim().min(1, "Enter the county.").max(120),
  latitude: coordinate(-90, 90, "latitude"),
  longitude: coordinate(-180, 180, "longitude"),
  commodities: z
    .string({ required_error: "Name at least one mineral." })
    .transform((v) =>
      v
        .split(",")
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0, "Name at least one mineral, separated by commas.")
    .refine((list) => list.length <= 12 && list.every((c) => c.length <= 40), "List at most 12 minerals."),
  landStatus: z.enum(LAND_STATUSES, { errorMap: () => ({ message: "Choose the land status." }) }),
  description: z
    .string({ required_error: "Describe the project." })
    .trim()
    .min(20, "Describe the project in a sentence or more.")
    .max(4000),
  website: httpUrl(),
};

export const createProjectSchema = z.object({
  name: plainText("Enter the project's name.").pipe(z.string().trim().min(3, "Enter the project's name.").max(160)),
  companyId: z.string({ required_error: "Choose the company." }).min(1, "Choose the company."),
  state: z.enum(US_STATES, { errorMap: () => ({ message: "Choose the state." }) }),
  leadAgencyId: z
    .string({ required_error: "Choose the lead agency." })
    .min(1, "Choose the agency the plan is filed with."),
  ...projectDetails,
});

export const editProjectSchema = z.object({
  version: int32(),
  name: createProjectSchema.shape.name,
  ...projectDetails,
});

export const regulatorySchema = z.object({
  version: int32(),
  leadAgencyId: z.string().min(1, "Choose the lead agency."),
  reviewTrack: z.enum(["EIS", "EA"], { errorMap: () => ({ message: "Choose the review track." }) }),
  // One checkbox ticked arrives as a string, several as a list, none as nothing.
  cooperatingAgencyIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())),
});

export const DATE_CHANGE_REASONS = [
  "SPONSOR_FACTORS",
  "ADDITIONAL_ANALYSIS",
  "CONSULTATION",
  "LITIGATION",
  "POLICY_CHANGE",
  "DATA_CORRECTION",
  "PROJECT_PAUSE",
] as const;

export const stageChangeSchema = z
  .object({
    version: int32(),
    kind: z.enum(["ADVANCE", "RESCIND", "PAUSE", "RESUME", "APPROVE", "DENY", "WITHDRAW"], {
      errorMap: () => ({ message: "Choose what happens." }),
    }),
    toStage: optionalText(60),
    reason: z
      .string({ required_error: "Give the reason." })
      .trim()
      .min(10, "Give the reason in a sentence: it is shown publicly.")
      .max(2000),
    pauseReason: z
      .enum(DATE_CHANGE_REASONS)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    expectedLiftDate: optionalCalendarDate("Enter a date like 2027-03-31."),
    /** Sent by the confirmation step of a move that ends the project. */
    confirmed: z.literal("yes").optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "RESCIND" && !v.toStage)
      ctx.addIssue({ code: "custom", path: ["toStage"], message: "Choose the earlier stage." });
    if (v.kind === "PAUSE" && !v.pauseReason) {
      ctx.addIssue({ code: "custom", path: ["pauseReason"], message: "Choose why the review is paused." });
    }
  });

export const changeTargetSchema = z.object({
  milestoneId: z.string().min(1),
  newDate: calendarDate("Enter the new target date like 2027-03-31."),
  reason: z.enum(DATE_CHANGE_REASONS, { errorMap: () => ({ message: "Choose the reason for the change." }) }),
  narrative: z
    .string({ required_error: "Explain the change." })
    .trim()
    .min(10, "Explain the change in a sentence: it is shown publicly.")
    .max(2000),
});

export const recordActualSchema = z.object({
  milestoneId: z.string().min(1),
  actualDate: calendarDate("Enter the date it happened like 2026-05-01."),
});

export const addMilestoneSchema = z.object({
  name: plainText("Name the milestone.").pipe(z.string().trim().min(3, "Name the milestone.").max(200)),
  jurisdiction: z.enum(["FEDERAL", "STATE", "TRIBAL", "LOCAL", "COURT", "OTHER"]),
  authority: optionalText(200),
  baselineDate: optionalCalendarDate("Enter a date like 2027-03-31."),
  targetDate: optionalCalendarDate("Enter a date like 2027-03-31."),
  datePrecision: z.enum(["DAY", "MONTH", "YEAR"]).default("DAY"),
  sourceUrl: httpUrl(),
});

export { STATUTORY_ROLE_VALUES };

/** Which of the statutory clock page's two forms was sent. */
export const statutoryIntentSchema = z.object({ intent: z.enum(["setRole", "extend"]) });

/** Marks a milestone's part in the statutory clock; "NONE" clears it. */
export const statutoryRoleSchema = z.object({
  milestoneId: z.string().min(1).max(64),
  role: z.enum([...STATUTORY_ROLE_VALUES, "NONE"], { errorMap: () => ({ message: "Choose the milestone's part." }) }),
});

export const statutoryExtensionSchema = z.object({
  newDeadline: calendarDate("Enter the new deadline like 2027-03-31."),
  reason: z
    .string({ required_error: "Say why the extension is needed." })
    .trim()
    .min(10, "Say why the extension is needed, in a sentence: it is shown publicly.")
    .max(2000),
  sourceUrl: httpUrl(),
});
/** The schedule desk's forms; each one's fields are checked by its own schema above. */
export const milestonePageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("changeTarget") }),
  z.object({ intent: z.literal("recordActual") }),
  z.object({ intent: z.literal("add") }),
]);
