// The OpenAPI 3.1 document of the read API, generated from the very zod schemas the routes run
// their responses through (app/services/api/respond.server.ts), so the description cannot drift
// from what is served. Served at /api/v1/openapi.json and rendered for people at /api.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { PROJECT_STATUSES, SCHEDULE_FILTERS, STAGE_KEYS } from "~/schemas/project-search";
import { US_STATES } from "~/schemas/project";
import {
  CampaignsSchema,
  CommentPageSchema,
  CommentPeriodPageSchema,
  CommentPeriodSchema,
  ModerationEntryPageSchema,
  OfficialResponsePageSchema,
} from "./comments";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, ProblemSchema } from "./common";
import { ProjectFeatureCollectionSchema, ProjectPageSchema, ProjectSchema, StagesSchema } from "./projects";
import {
  DateChangePageSchema,
  DocumentPageSchema,
  InformationRequestPageSchema,
  MilestonePageSchema,
  PausePageSchema,
  ReviewClockSchema,
  StageTransitionPageSchema,
} from "./record";
import {
  CheckpointPageSchema,
  CheckpointSchema,
  ConsistencyProofSchema,
  EntryPageSchema,
  InclusionProofSchema,
  PublicKeysSchema,
  RecordStateSchema,
} from "./log";
import { z } from "./zod";

export const API_VERSION = "1.0.0";

const training = z.enum(["true", "false"]).optional().openapi({
  description: "true includes the demo's fictional training project, which is otherwise left out.",
});

const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .optional()
    .openapi({ description: `Items per page (default ${DEFAULT_PAGE_LIMIT}).` }),
  cursor: z
    .string()
    .optional()
    .openapi({ description: "Where the page starts: copy it from the previous page's `next`." }),
  include_training: training,
});

const projectFilters = z.object({
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "Words that must all appear in the name, company or a commodity." }),
  state: z.enum(US_STATES).optional(),
  commodity: z.string().max(40).optional().openapi({ description: 'A commodity, e.g. "lithium".' }),
  stage: z.enum(STAGE_KEYS).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  leadAgency: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .openapi({ description: "The lead agency's slug." }),
  schedule: z.enum(SCHEDULE_FILTERS).optional(),
});

const slugParams = z.object({
  slug: z.string().openapi({ description: "The project's slug, as in /projects/{slug}." }),
});
const periodParams = z.object({ periodId: z.string().openapi({ description: "The comment period's id." }) });

// The public log's parameters (the routes parse them with app/schemas/log.ts, which adds the
// cross-field rules: end > start, index < size, first <= second).
const logCount = (description: string) => z.coerce.number().int().min(0).openapi({ description });
const noQuery = z.object({});

export type Endpoint = { path: string; summary: string; description: string; tag: string };

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

function route(
  registry: OpenAPIRegistry,
  config: {
    path: string;
    summary: string;
    description: string;
    tag: string;
    schema: z.ZodTypeAny;
    params?: z.AnyZodObject;
    query?: z.AnyZodObject;
    mediaType?: string;
  },
) {
  const responses: RouteConfig["responses"] = {
    200: { description: "OK", content: { [config.mediaType ?? "application/json"]: { schema: config.schema } } },
    304: { description: "Not modified: the ETag sent in If-None-Match still matches." },
    400: problem("A query parameter was refused; `errors` names it."),
    429: problem("Too many requests from this address; wait for Retry-After seconds."),
  };
  if (config.params) responses[404] = problem("Nothing public at this address.");
  registry.registerPath({
    method: "get",
    path: config.path,
    summary: config.summary,
    description: config.description,
    tags: [config.tag],
    request: { params: config.params, query: config.query ?? z.object({ include_training: training }) },
    responses,
  });
}

export const ENDPOINTS = [
  {
    path: "/api/v1/projects",
    tag: "Projects",
    summary: "Projects",
    description: "Projects matching the /projects filters, in slug order, a page at a time.",
    schema: ProjectPageSchema,
    query: pageQuery.merge(projectFilters),
  },
  {
    path: "/api/v1/projects.geojson",
    tag: "Projects",
    summary: "Project locations (GeoJSON)",
    description: "Every matching project with a recorded location, one GeoJSON Feature each (RFC 7946).",
    schema: ProjectFeatureCollectionSchema,
    query: projectFilters.extend({ include_training: training }),
    mediaType: "application/geo+json",
  },
  {
    path: "/api/v1/projects/{slug}",
    tag: "Projects",
    summary: "One project",
    description: "A project's public facts, with links to each part of its record.",
    schema: ProjectSchema,
    params: slugParams,
  },
  {
    path: "/api/v1/projects/{slug}/stages",
    tag: "Projects",
    summary: "Review track and stages",
    description: "The project's review track (EIS or EA), its stages in order and where the project stands.",
    schema: StagesSchema,
    params: slugParams,
  },
  {
    path: "/api/v1/projects/{slug}/milestones",
    tag: "Schedule",
    summary: "Milestones",
    description: "Baseline, target and actual dates, each written to its precision, with the schedule status.",
    schema: MilestonePageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/date-changes",
    tag: "Schedule",
    summary: "Date changes",
    description: "Every change of a target date, oldest first, with its reason code and narrative.",
    schema: DateChangePageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/pauses",
    tag: "Schedule",
    summary: "Pauses",
    description: "Times the project's review was paused, and why.",
    schema: PausePageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/stage-transitions",
    tag: "Schedule",
    summary: "Stage transitions",
    description: "Every move between stages and statuses, oldest first, with the reason and source.",
    schema: StageTransitionPageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/documents",
    tag: "Record",
    summary: "Public documents",
    description:
      "Metadata of the project's public documents (never confidential ones or files of an unsubmitted package).",
    schema: DocumentPageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/information-requests",
    tag: "Record",
    summary: "Information requests",
    description: "The public facts of the agencies' requests for information: title, summary, dates, status.",
    schema: InformationRequestPageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/projects/{slug}/review-clock",
    tag: "Record",
    summary: "Review clock",
    description: "Days the review spent with the agency and with the applicant, for the project and each review.",
    schema: ReviewClockSchema,
    params: slugParams,
  },
  {
    path: "/api/v1/projects/{slug}/comment-periods",
    tag: "Public comment",
    summary: "Comment periods",
    description: "The project's comment periods, oldest first, with extensions and honest counts.",
    schema: CommentPeriodPageSchema,
    params: slugParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/comment-periods/{periodId}",
    tag: "Public comment",
    summary: "One comment period",
    description: "A period, its deadline history and counts.",
    schema: CommentPeriodSchema,
    params: periodParams,
  },
  {
    path: "/api/v1/comment-periods/{periodId}/comments",
    tag: "Public comment",
    summary: "Comments",
    description:
      "Every comment in receipt order. Hidden and pending ones are listed as withheld: receipt, time and reason only.",
    schema: CommentPageSchema,
    params: periodParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/comment-periods/{periodId}/campaigns",
    tag: "Public comment",
    summary: "Form-letter campaigns",
    description: "Campaigns of identical or near-identical comments with their counts, largest first.",
    schema: CampaignsSchema,
    params: periodParams,
  },
  {
    path: "/api/v1/comment-periods/{periodId}/responses",
    tag: "Public comment",
    summary: "Official responses",
    description: "The agency's responses, oldest first, with the receipts of the comments they answer.",
    schema: OfficialResponsePageSchema,
    params: periodParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/comment-periods/{periodId}/moderation-log",
    tag: "Public comment",
    summary: "Moderation log",
    description: "Every moderation decision, oldest first: what, when, why and the receipt, never the text.",
    schema: ModerationEntryPageSchema,
    params: periodParams,
    query: pageQuery,
  },
  {
    path: "/api/v1/log/checkpoints/latest",
    tag: "Verifiable record",
    summary: "Latest checkpoint",
    description: "The newest signed checkpoint of the public log: tree size, root hash, time, Ed25519 signature.",
    schema: CheckpointSchema,
    query: noQuery,
  },
  {
    path: "/api/v1/log/checkpoints",
    tag: "Verifiable record",
    summary: "Checkpoints",
    description: "Every signed checkpoint, newest first, a page at a time (follow `next`).",
    schema: CheckpointPageSchema,
    query: z.object({
      before: logCount("Only checkpoints with an id below this one.").optional(),
      limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "At most 100 (default)." }),
    }),
  },
  {
    path: "/api/v1/log/entries",
    tag: "Verifiable record",
    summary: "Log entries by range",
    description: "Entries start <= sequence < end (at most 1,000), each with the canonical JSON its leaf hashes.",
    schema: EntryPageSchema,
    query: z.object({ start: logCount("First sequence number."), end: logCount("One past the last.") }),
  },
  {
    path: "/api/v1/log/proof/inclusion",
    tag: "Verifiable record",
    summary: "Inclusion proof",
    description: "The audit path proving entry `index` is in the tree of `size` entries (RFC 9162, 2.1.3).",
    schema: InclusionProofSchema,
    query: z.object({ index: logCount("The entry's sequence number."), size: logCount("The tree size.") }),
  },
  {
    path: "/api/v1/log/proof/consistency",
    tag: "Verifiable record",
    summary: "Consistency proof",
    description: "The proof that the tree of `second` entries extends the tree of `first` (RFC 9162, 2.1.4).",
    schema: ConsistencyProofSchema,
    query: z.object({ first: logCount("The older tree size."), second: logCount("The newer tree size.") }),
  },
  {
    path: "/api/v1/log/public-key",
    tag: "Verifiable record",
    summary: "Signing keys",
    description: "Every Ed25519 public key that has signed checkpoints, with when it was first used.",
    schema: PublicKeysSchema,
    query: noQuery,
  },
  {
    path: "/api/v1/log/state",
    tag: "Verifiable record",
    summary: "The record now",
    description: "The public facts the verifier compares with the log: projects' stages, milestones' dates, periods.",
    schema: RecordStateSchema,
    query: noQuery,
  },
] as const;

/**
 * zod-to-openapi 7 writes a nullable enum as `type: [T, "null"]` with an `enum` that lacks null,
 * which JSON Schema reads as "never null" (the contract test caught it). Adds the null in place.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowNullInNullableEnums);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as { type?: unknown; enum?: unknown[] };
  if (Array.isArray(schema.type) && schema.type.includes("null") && schema.enum && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
  Object.values(node).forEach(allowNullInNullableEnums);
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function openApiDocument(serverUrl: string) {
  if (!cached) {
    const registry = new OpenAPIRegistry();
    registry.register("Problem", ProblemSchema);
    for (const endpoint of ENDPOINTS) route(registry, endpoint);
    cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Lodestone public record API",
        version: API_VERSION,
        description:
          "The public permitting record of proposed U.S. mines, read-only. Collections are paged by cursor with no limit on depth; every response carries an ETag and RateLimit-Policy, and every answer the server computes also RateLimit (answers from the shared visitor cache are not counted against the limit, so they carry no per-client RateLimit); errors are RFC 9457 problem details. Nothing confidential, draft, hidden or personal is served.",
      },
      servers: [{ url: "/" }],
    });
    allowNullInNullableEnums(cached);
  }
  return { ...cached, servers: [{ url: serverUrl }] };
}
