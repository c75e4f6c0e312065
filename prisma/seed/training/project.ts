// The training project itself: its description, milestones (one slipped, with its reason) and
// stage history, all dated relative to the first start. Written directly: the model functions
// date everything "now", and this history happened over the past year.
import type { Prisma } from "@prisma/client";
import type { DemoClock } from "./clock";

export const TRAINING_PROJECT_SLUG = "juniper-flat-training";
/** The name says it on every surface that shows the name: pages, emails, feeds, exports. */
export const TRAINING_PROJECT_NAME = "Juniper Flat Lithium (fictional training project)";

export function trainingProjectData(
  clock: DemoClock,
  ids: { companyId: string; leadAgencyId: string; cooperatingAgencyId: string },
): Prisma.ProjectCreateInput {
  return {
    slug: TRAINING_PROJECT_SLUG,
    name: TRAINING_PROJECT_NAME,
    isTraining: true,
    company: { connect: { id: ids.companyId } },
    leadAgency: { connect: { id: ids.leadAgencyId } },
    commodities: ["lithium"],
    state: "NV",
    county: "Fictional",
    latitude: null,
    longitude: null,
    landStatus: "BLM",
    description:
      "A made-up project for trying Lodestone: nothing here happened. It is owned by the demo company and led by the demo regulator's agency, and its dates were set relative to the first start of this copy of Lodestone, so there is always an open comment period, a package awaiting a completeness determination and an information request due. The nine other projects are real and their records come from public sources.",
    website: null,
    reviewTrack: "EIS",
    currentStage: "draft_eis",
    status: "IN_PROGRESS",
    federalCategory: null,
    cooperatingAgencies: { create: [{ agencyId: ids.cooperatingAgencyId }] },
  };
}

export function trainingMilestones(
  clock: DemoClock,
  leadAgencyId: string,
): Prisma.MilestoneCreateWithoutProjectInput[] {
  const agency = { connect: { id: leadAgencyId } };
  return [
    {
      key: "plan_submitted",
      name: "Plan of operations submitted",
      agency,
      targetDate: clock.day(-420),
      actualDate: clock.day(-420),
      sortOrder: 10,
    },
    {
      key: "noi",
      name: "Notice of intent to prepare an EIS",
      statutoryRole: "NOTICE_OF_INTENT",
      agency,
      baselineDate: clock.day(-330),
      targetDate: clock.day(-330),
      actualDate: clock.day(-326),
      sortOrder: 20,
    },
    {
      key: "deis",
      name: "Draft EIS published",
      agency,
      baselineDate: clock.day(-40),
      targetDate: clock.day(-9),
      actualDate: clock.day(-9),
      note: "Slipped a month: the groundwater model was run again with the company's new pumping-test data.",
      sortOrder: 30,
      dateChanges: {
        create: [
          {
            previousDate: clock.day(-40),
            newDate: clock.day(-9),
            reason: "ADDITIONAL_ANALYSIS",
            narrative:
              "The agency asked for a second 30-day pumping test after the first showed drawdown at two springs; the groundwater model was run again with the new data before the draft EIS could be published.",
            changedAt: clock.at(-75),
          },
        ],
      },
    },
    {
      key: "feis",
      name: "Final EIS and draft record of decision",
      agency,
      baselineDate: clock.day(150),
      targetDate: clock.day(150),
      sortOrder: 50,
    },
    {
      key: "rod",
      name: "Record of decision",
      statutoryRole: "DECISION",
      agency,
      baselineDate: clock.day(240),
      targetDate: clock.day(240),
      sortOrder: 60,
    },
  ];
}

export function trainingStageHistory(clock: DemoClock): Prisma.StageTransitionCreateWithoutProjectInput[] {
  const steps: [string, number, string][] = [
    ["plan_submitted", -420, "Plan of operations received (training project)."],
    ["completeness_review", -410, "Completeness review of the plan of operations began."],
    ["noi_scoping", -326, "Notice of intent published; scoping opened."],
    ["draft_eis", -9, "Draft EIS published for public comment."],
  ];
  let fromStage: string | null = null;
  return steps.map(([toStage, days, reason]) => {
    const row: Prisma.StageTransitionCreateWithoutProjectInput = {
      kind: "RECORD",
      fromStage,
      toStage,
      fromStatus: fromStage ? "IN_PROGRESS" : null,
      toStatus: "IN_PROGRESS",
      reason,
      occurredAt: clock.at(days),
    };
    fromStage = toStage;
    return row;
  });
}
