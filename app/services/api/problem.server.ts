// Errors of the public API as RFC 9457 problem details (application/problem+json). Loaders throw
// ApiProblem; apiLoader (./respond.server.ts) turns it, and anything unexpected, into one.
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Which query parameters were refused and why (400 only). */
  errors?: { parameter: string; message: string }[];
  /** The server log's id for a 500, to quote when reporting it. */
  requestId?: string;
};

// "about:blank" says the HTTP status is the whole story (RFC 9457 section 4.2.1); the title then
// must be the status phrase. Our own types get a page on the reference (/api#problems).
const TYPES: Record<number, { type: string; title: string }> = {
  400: { type: "/api#problem-bad-request", title: "The request's parameters are not valid" },
  404: { type: "/api#problem-not-found", title: "Not found" },
  405: { type: "about:blank", title: "Method Not Allowed" },
  429: { type: "/api#problem-rate-limited", title: "Too many requests" },
  500: { type: "about:blank", title: "Internal Server Error" },
};

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Pick<ProblemBody, "errors"> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: ProblemBody["errors"]) =>
  new ApiProblem(400, detail, errors ? { errors } : {});
export const apiNotFound = (detail: string) => new ApiProblem(404, detail);

export function problemBody(status: number, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  const known = TYPES[status] ?? { type: "about:blank", title: `HTTP ${status}` };
  return { ...known, status, detail, ...extra };
}

export function problemResponse(
  status: number,
  detail: string,
  extra: Partial<ProblemBody> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, detail, extra)), {
    status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, ...headers },
  });
}
