// Calls the read API's route loaders as the server would (a Request, params, the load context), by
// path, so contract, leak and fuzz tests drive exactly what is served. No Express: that layer's
// part (CORS preflight) is tested on its own.
import type { LoaderFunctionArgs } from "@remix-run/node";
import * as periodCampaigns from "~/routes/api.v1.comment-periods.$periodId.campaigns";
import * as periodComments from "~/routes/api.v1.comment-periods.$periodId.comments";
import * as period from "~/routes/api.v1.comment-periods.$periodId._index";
import * as periodModeration from "~/routes/api.v1.comment-periods.$periodId.moderation-log";
import * as periodResponses from "~/routes/api.v1.comment-periods.$periodId.responses";
import * as unknown from "~/routes/api.v1.$";
import * as logCheckpoints from "~/routes/api.v1.log.checkpoints";
import * as logLatest from "~/routes/api.v1.log.checkpoints.latest";
import * as logEntries from "~/routes/api.v1.log.entries";
import * as logConsistency from "~/routes/api.v1.log.proof.consistency";
import * as logInclusion from "~/routes/api.v1.log.proof.inclusion";
import * as logKeys from "~/routes/api.v1.log.public-key";
import * as logState from "~/routes/api.v1.log.state";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as projectPeriods from "~/routes/api.v1.projects.$slug.comment-periods";
import * as dateChanges from "~/routes/api.v1.projects.$slug.date-changes";
import * as documents from "~/routes/api.v1.projects.$slug.documents";
import * as project from "~/routes/api.v1.projects.$slug._index";
import * as requests from "~/routes/api.v1.projects.$slug.information-requests";
import * as milestones from "~/routes/api.v1.projects.$slug.milestones";
import * as pauses from "~/routes/api.v1.projects.$slug.pauses";
import * as clock from "~/routes/api.v1.projects.$slug.review-clock";
import * as transitions from "~/routes/api.v1.projects.$slug.stage-transitions";
import * as stages from "~/routes/api.v1.projects.$slug.stages";
import * as projects from "~/routes/api.v1.projects._index";
import * as geojson from "~/routes/api.v1.projects[.]geojson";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

const PROJECT_PARTS: Record<string, Loader> = {
  stages: stages.loader,
  milestones: milestones.loader,
  "date-changes": dateChanges.loader,
  pauses: pauses.loader,
  "stage-transitions": transitions.loader,
  "comment-periods": projectPeriods.loader,
  documents: documents.loader,
  "information-requests": requests.loader,
  "review-clock": clock.loader,
};

const LOG_PATHS: Record<string, Loader> = {
  "/api/v1/log/checkpoints": logCheckpoints.loader,
  "/api/v1/log/checkpoints/latest": logLatest.loader,
  "/api/v1/log/entries": logEntries.loader,
  "/api/v1/log/proof/consistency": logConsistency.loader,
  "/api/v1/log/proof/inclusion": logInclusion.loader,
  "/api/v1/log/public-key": logKeys.loader,
  "/api/v1/log/state": logState.loader,
};

const PERIOD_PARTS: Record<string, Loader> = {
  comments: periodComments.loader,
  campaigns: periodCampaigns.loader,
  responses: periodResponses.loader,
  "moderation-log": periodModeration.loader,
};

function route(pathname: string): { loader: Loader; params: Record<string, string>; template: string } {
  const parts = pathname
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map(decodeURIComponent);
  if (pathname === "/api/v1/projects") return { loader: projects.loader, params: {}, template: pathname };
  if (pathname === "/api/v1/projects.geojson") return { loader: geojson.loader, params: {}, template: pathname };
  if (pathname === "/api/v1/openapi.json") return { loader: openapi.loader, params: {}, template: pathname };
  if (LOG_PATHS[pathname]) return { loader: LOG_PATHS[pathname], params: {}, template: pathname };
  if (parts[0] === "projects" && parts.length === 2) {
    return { loader: project.loader, params: { slug: parts[1] }, template: "/api/v1/projects/{slug}" };
  }
  if (parts[0] === "projects" && parts.length === 3 && PROJECT_PARTS[parts[2]]) {
    return {
      loader: PROJECT_PARTS[parts[2]],
      params: { slug: parts[1] },
      template: `/api/v1/projects/{slug}/${parts[2]}`,
    };
  }
  if (parts[0] === "comment-periods" && parts.length === 2) {
    return { loader: period.loader, params: { periodId: parts[1] }, template: "/api/v1/comment-periods/{periodId}" };
  }
  if (parts[0] === "comment-periods" && parts.length === 3 && PERIOD_PARTS[parts[2]]) {
    return {
      loader: PERIOD_PARTS[parts[2]],
      params: { periodId: parts[1] },
      template: `/api/v1/comment-periods/{periodId}/${parts[2]}`,
    };
  }
  return { loader: unknown.loader, params: { "*": parts.join("/") }, template: "" };
}

export type ApiCall = { response: Response; template: string; text: string };

let requestCounter = 0;

/** GET a path (with its query) of the API, from `clientIp` (a fresh test address by default). */
export async function apiGet(
  pathAndQuery: string,
  options: { headers?: Record<string, string>; clientIp?: string } = {},
): Promise<ApiCall> {
  const url = new URL(pathAndQuery, "http://localhost:3000");
  const { loader, params, template } = route(url.pathname);
  requestCounter++;
  const response = await loader({
    request: new Request(url, { headers: options.headers }),
    params,
    context: {
      requestId: `api-test-${requestCounter}`,
      // A documentation address per call, so the rate limit stays out of the way unless a test wants it.
      clientIp: options.clientIp ?? `2001:db8:${(requestCounter >> 16) & 0xffff}:${requestCounter & 0xffff}::1`,
      cspNonce: "",
    },
  });
  return { response, template, text: response.status === 304 ? "" : await response.clone().text() };
}
