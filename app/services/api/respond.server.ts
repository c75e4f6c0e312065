// The one wrapper every read-API route loader goes through, so the HTTP rules hold everywhere:
//
//   export const loader = apiLoader({ schema: ProjectSchema, load: ({ params }) => ... });
//
// In order: the per-client rate limit (429 + Retry-After), the route's own work, the response run
// through its public zod schema (which also strips any field the schema does not declare, so a
// column added to a query cannot reach the public by accident), a weak ETag over the bytes with a
// 304 for a matching If-None-Match, CORS, and errors as application/problem+json. It never reads
// or sets a cookie: API responses carry no session.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ZodType, ZodTypeDef } from "zod";
import { CORS_HEADERS } from "./cors";
import { etagOf, matchesIfNoneMatch } from "./etag";
import { ApiProblem, PROBLEM_CONTENT_TYPE, problemBody } from "./problem.server";
import { checkApiRateLimit } from "./rate-limit.server";

export type ApiContext = LoaderFunctionArgs & { url: URL };

type ApiRoute<T> = {
  schema: ZodType<T, ZodTypeDef, unknown>;
  load: (context: ApiContext) => Promise<T>;
  /** Default application/json. */
  contentType?: string;
  /** Extra headers from the result, e.g. a Link to the next page. */
  headers?: (result: T, context: ApiContext) => Record<string, string>;
};

const JSON_TYPE = "application/json; charset=utf-8";

function problem(status: number, detail: string, extra: object, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(problemBody(status, detail, extra)), {
    status,
    headers: { ...CORS_HEADERS, ...headers, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}

/** A page's `next` also travels as an RFC 8288 Link header, for clients that follow those. */
function nextLinkHeader(body: unknown): Record<string, string> {
  const next = typeof body === "object" && body !== null ? (body as { next?: unknown }).next : undefined;
  return typeof next === "string" ? { Link: `<${next}>; rel="next"` } : {};
}

export function apiLoader<T>(route: ApiRoute<T>) {
  return async function loader(args: LoaderFunctionArgs): Promise<Response> {
    const limit = await checkApiRateLimit(args.context.clientIp);
    if (!limit.allowed) {
      return problem(
        429,
        `This address has used its ${limit.headers["RateLimit-Policy"]} requests; try again in ${limit.resetSeconds} seconds.`,
        {},
        { ...limit.headers, "Retry-After": String(limit.resetSeconds) },
      );
    }
    const context: ApiContext = { ...args, url: new URL(args.request.url) };
    let text: string;
    let extraHeaders: Record<string, string> = {};
    try {
      const result = await route.load(context);
      const checked = route.schema.parse(result);
      text = JSON.stringify(checked);
      extraHeaders = { ...nextLinkHeader(checked), ...route.headers?.(checked, context) };
    } catch (error) {
      if (error instanceof ApiProblem) {
        return problem(error.status, error.detail, error.extra, { ...limit.headers, ...error.headers });
      }
      // A thrown Response (a shared helper's notFound) keeps its status and says what it says.
      if (error instanceof Response && error.status < 500) {
        const detail = (await error.text()) || error.statusText || "The request was refused.";
        return problem(error.status, detail, {}, limit.headers);
      }
      const requestId = args.context.requestId;
      console.error(`API error ${requestId} on ${context.url.pathname}`, error);
      return problem(500, "Something went wrong on our side; it has been logged.", { requestId }, limit.headers);
    }
    const etag = etagOf(text);
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      ...limit.headers,
      ...extraHeaders,
      ETag: etag,
      // Stored but checked each time: a 304 costs the client no body.
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    };
    if (matchesIfNoneMatch(args.request.headers.get("If-None-Match"), etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(text, { status: 200, headers: { ...headers, "Content-Type": route.contentType ?? JSON_TYPE } });
  };
}
