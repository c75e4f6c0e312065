// The public log's API goes through the read API's wrapper (apiLoader: rate limit, ETag and 304,
// CORS, problem+json). This reads its query strings: a bad one is a 400 problem naming each
// parameter, like every /api/v1 route.
import type { z } from "zod";
import { ApiProblem, badRequest } from "~/services/api/problem.server";

/** Parses the query string with `schema`; a bad one is a 400 naming each problem. */
export function parseLogQuery<S extends z.ZodTypeAny>(url: URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      parameter: issue.path.join(".") || "query",
      message: issue.message,
    }));
    throw badRequest(`Bad query: ${errors.map((e) => `${e.parameter}: ${e.message}`).join("; ")}.`, errors);
  }
  return parsed.data;
}

export const notFound = (detail: string) => new ApiProblem(404, detail);
