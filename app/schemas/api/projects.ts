// Projects in the read API: the list item, the one project, its review track and stages, and the
// GeoJSON of their locations. The list accepts the /projects filters (app/schemas/project-search.ts).
import { CalendarDate, Instant, OrganizationRef, Url, pageOf } from "./common";
import { z } from "./zod";

export const PROJECT_STATUS_VALUES = ["IN_PROGRESS", "PAUSED", "APPROVED", "DENIED", "WITHDRAWN"] as const;
export const SCHEDULE_VALUES = ["complete", "on_track", "paused", "delayed", "at_risk", "missed"] as const;

const ScheduleStatus = z.enum(SCHEDULE_VALUES).openapi("ScheduleStatus", {
  description:
    "The project's worst milestone: missed (a target passed), at_risk (due within 30 days), delayed (target later than baseline), on_track, complete, or paused.",
});

export const ProjectSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    state: z.string().length(2),
    county: z.string(),
    commodities: z.array(z.string()),
    reviewTrack: z.enum(["EIS", "EA"]),
    currentStage: z.string(),
    stageLabel: z.string(),
    status: z.enum(PROJECT_STATUS_VALUES),
    isTraining: z.boolean().openapi({ description: "The demo's fictional training project: not a real mine." }),
    schedule: ScheduleStatus,
    milestoneCount: z.number().int(),
    company: z.object({ name: z.string() }),
    leadAgency: OrganizationRef.nullable(),
    updatedAt: Instant,
    links: z.object({ self: Url, html: Url }),
  })
  .openapi("ProjectSummary");

export const ProjectPageSchema = pageOf(ProjectSummarySchema, "ProjectPage");

export const ProjectSchema = ProjectSummarySchema.extend({
  description: z.string(),
  website: Url.nullable(),
  landStatus: z.enum(["BLM", "USFS", "PRIVATE", "STATE", "TRIBAL", "MIXED", "OTHER"]),
  federalCategory: z.string().nullable(),
  location: z
    .object({ latitude: z.number(), longitude: z.number() })
    .nullable()
    .openapi({ description: "The mine site (WGS 84), when recorded." }),
  stagePosition: z.object({ index: z.number().int(), of: z.number().int() }),
  cooperatingAgencies: z.array(OrganizationRef),
  createdAt: Instant,
  links: z.object({
    self: Url,
    html: Url,
    stages: Url,
    milestones: Url,
    dateChanges: Url,
    pauses: Url,
    stageTransitions: Url,
    commentPeriods: Url,
    documents: Url,
    informationRequests: Url,
    reviewClock: Url,
  }),
}).openapi("Project");

export const StagesSchema = z
  .object({
    reviewTrack: z.enum(["EIS", "EA"]),
    reviewTrackLabel: z.string(),
    status: z.enum(PROJECT_STATUS_VALUES),
    currentStage: z.string(),
    stages: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        position: z.number().int(),
        state: z.enum(["past", "current", "future"]),
      }),
    ),
  })
  .openapi("ReviewTrackStages", { description: "The project's review track and where it stands in it." });

export const ProjectFeatureSchema = z
  .object({
    type: z.literal("Feature"),
    id: z.string(),
    geometry: z.object({
      type: z.literal("Point"),
      coordinates: z.tuple([z.number(), z.number()]).openapi({ description: "[longitude, latitude], WGS 84." }),
    }),
    properties: z.object({
      slug: z.string(),
      name: z.string(),
      state: z.string(),
      county: z.string(),
      commodities: z.array(z.string()),
      status: z.enum(PROJECT_STATUS_VALUES),
      currentStage: z.string(),
      stageLabel: z.string(),
      schedule: ScheduleStatus,
      company: z.string(),
      leadAgency: z.string().nullable(),
      isTraining: z.boolean(),
      url: Url,
      api: Url,
    }),
  })
  .openapi("ProjectFeature");

export const ProjectFeatureCollectionSchema = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(ProjectFeatureSchema),
    generatedAt: Instant,
  })
  .openapi("ProjectFeatureCollection", {
    description:
      "Every matching project with a recorded location (RFC 7946 GeoJSON). Projects without one are left out.",
  });

export { CalendarDate };
