// Responses of the public log's API: plain JSON anyone may fetch (CORS open: the log is public and
// witnesses run in browsers too), errors as {error} with the status that fits.
import type { z } from "zod";

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

export function logJson(data: unknown, { status = 200, maxAge = 0 }: { status?: number; maxAge?: number } = {}) {
  return new Response(JSON.stringify(data, null, 2), {
    status,
    headers: { ...HEADERS, "Cache-Control": maxAge > 0 ? `public, max-age=${maxAge}` : "no-cache" },
  });
}

export function logError(status: number, message: string) {
  return logJson({ error: message }, { status });
}

/** Parses the query string with `schema`; a bad one is a 400 naming each problem. */
export function parseLogQuery<S extends z.ZodTypeAny>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`);
    throw logError(400, `Bad query: ${problems.join("; ")}.`);
  }
  return parsed.data;
}
