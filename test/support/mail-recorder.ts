// A local stand-in for Resend's HTTP API that records what it receives, so tests and benchmarks run the
// real `resend` SDK over real HTTP. It follows the parts of the API we rely on (POST /emails and
// /emails/batch, batch validation modes, idempotency keys, 429 with retry-after) and can be told to
// misbehave the way a provider does: fail, throttle, answer late, or hang up before or after accepting.
// Everything the in-process API can do is also reachable over HTTP (/__*) for other processes.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

export type SendEndpoint = "/emails" | "/emails/batch";

export type RecordedEmail = {
  /** The id this recorder answered with. */
  id: string;
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  tags?: { name: string; value: string }[];
  idempotencyKey: string | null;
  authorization: string | null;
  receivedAt: string;
  endpoint: SendEndpoint;
  /** Position in the batch request's array; null for POST /emails. */
  batchIndex: number | null;
};

/** What the next request to a send endpoint suffers; queued faults are served one per request, in order. */
export type MailFault =
  /** Answer with this status and a Resend-shaped error body; nothing is recorded. */
  | { kind: "status"; status: number }
  /** Answer 429 rate_limit_exceeded with this retry-after; nothing is recorded. */
  | { kind: "rateLimit"; retryAfterSeconds: number }
  /** Process and record the request, then hold the answer this long (a slow provider the client may give up on). */
  | { kind: "timeout"; ms: number }
  /** Hang up without answering or recording. */
  | { kind: "drop" }
  /** Process and record the request (its idempotency key counts as used), then hang up without answering. */
  | { kind: "dropAfterAccept" };

export type MailRecorderStats = {
  /** Requests to the send endpoints, whatever became of them. */
  requests: number;
  /** Send requests the provider accepted (2xx), including idempotent replays and accepted-then-dropped ones. */
  accepted: number;
  /** Of the accepted, those answered from idempotency memory without recording anything. */
  replayed: number;
  /** 429s from the limiter set with setRateLimit (injected rateLimit faults count under faultsServed). */
  rejectedRateLimit: number;
  faultsServed: number;
  /** Epoch ms at which each accepted request was processed. */
  acceptedAt: number[];
};

export type MailRecorder = {
  url: string;
  emails(): RecordedEmail[];
  emailsTo(address: string): RecordedEmail[];
  /** Forgets the recorded emails only. */
  clear(): void;
  /** Appends faults to the queue. */
  fault(...faults: MailFault[]): void;
  /** Appends `count` faults answering `status`. */
  failNext(count: number, status: number): void;
  clearFaults(): void;
  /** Send requests beyond this many in any sliding second get 429 with retry-after: 1; null lifts the limit. */
  setRateLimit(requestsPerSecond: number | null): void;
  stats(): MailRecorderStats;
  /** Forgets emails, faults, idempotency keys, stats and the rate limit. */
  reset(): void;
  /** Stops listening and cuts every connection, including held and keep-alive ones. */
  close(): Promise<void>;
};

const MAX_BATCH = 100;
const MAX_IDEMPOTENCY_KEY = 256;
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const faultSchema: z.ZodType<MailFault> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("status"), status: z.number().int().min(400).max(599) }),
  z.object({ kind: z.literal("rateLimit"), retryAfterSeconds: z.number().int().min(0) }),
  z.object({ kind: z.literal("timeout"), ms: z.number().int().min(0) }),
  z.object({ kind: z.literal("drop") }),
  z.object({ kind: z.literal("dropAfterAccept") }),
]);
const requestsPerSecondSchema = z.number().int().positive().nullable();
const rateLimitBodySchema = z.object({ requestsPerSecond: requestsPerSecondSchema });

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type Remembered = { fingerprint: string; reply: Reply };
type SendContext = { endpoint: SendEndpoint; idempotencyKey: string | null; authorization: string | null };

const isSuccess = (status: number) => status >= 200 && status < 300;

function errorReply(status: number, name: string, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { name, message, statusCode: status }, headers };
}

function rateLimited(retryAfterSeconds: number): Reply {
  return errorReply(429, "rate_limit_exceeded", "Too many requests. You can only make a few requests per second.", {
    "retry-after": String(retryAfterSeconds),
  });
}

function injectedFailure(status: number): Reply {
  if (status === 429) return rateLimited(1);
  return errorReply(status, "application_error", `Injected failure (${status}).`);
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// Resend accepts both `a@b.org` and `Name <a@b.org>`.
function addressIn(recipient: string): string {
  return recipient.match(/<([^<>]*)>\s*$/)?.[1] ?? recipient.trim();
}

/** Why Resend would refuse this email, or null. A `.invalid` domain stands in for an address that can never work. */
function problemWith(email: unknown): string | null {
  if (typeof email !== "object" || email === null || Array.isArray(email)) return "An email must be a JSON object.";
  const to = (email as { to?: unknown }).to;
  const recipients = typeof to === "string" ? [to] : Array.isArray(to) ? to : [];
  if (recipients.length === 0) return "Missing `to` field.";
  for (const recipient of recipients) {
    const address = typeof recipient === "string" ? addressIn(recipient) : "";
    if (!EMAIL_ADDRESS.test(address)) {
      return `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`;
    }
    if (address.toLowerCase().endsWith(".invalid")) return `Invalid \`to\` field. ${address} cannot receive email.`;
  }
  return null;
}

// Same JSON with keys in another order is the same request.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
    request.on("close", () => {
      if (!request.complete) reject(new Error("The client went away before sending the whole request."));
    });
  });
}

function answered(response: ServerResponse): boolean {
  return response.headersSent || response.destroyed || !response.socket || response.socket.destroyed;
}

function send(response: ServerResponse, reply: Reply) {
  // A client that gave up (aborted, timed out) has no one left to answer.
  if (answered(response)) return;
  response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  response.end(JSON.stringify(reply.body));
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, reply: errorReply(400, "validation_error", "The request body is not valid JSON.") };
  }
}

export async function startMailRecorder(port = 0): Promise<MailRecorder> {
  const received: RecordedEmail[] = [];
  const faults: MailFault[] = [];
  const remembered = new Map<string, Remembered>();
  const held = new Set<NodeJS.Timeout>();
  let requestsPerSecond: number | null = null;
  let admittedAt: number[] = [];
  let stats: MailRecorderStats = emptyStats();
  let sequence = 0;

  function emptyStats(): MailRecorderStats {
    return { requests: 0, accepted: 0, replayed: 0, rejectedRateLimit: 0, faultsServed: 0, acceptedAt: [] };
  }

  function setRateLimit(limit: number | null) {
    requestsPerSecond = requestsPerSecondSchema.parse(limit);
    admittedAt = [];
  }

  function reset() {
    received.length = 0;
    faults.length = 0;
    remembered.clear();
    stats = emptyStats();
    setRateLimit(null);
  }

  // A sliding one-second window over the requests let through.
  function admit(now: number): boolean {
    if (requestsPerSecond === null) return true;
    admittedAt = admittedAt.filter((at) => at > now - 1000);
    if (admittedAt.length >= requestsPerSecond) return false;
    admittedAt.push(now);
    return true;
  }

  function record(email: object, context: SendContext, batchIndex: number | null): string {
    sequence += 1;
    const id = `recorded-${sequence}`;
    received.push({
      ...(email as Partial<RecordedEmail>),
      id,
      idempotencyKey: context.idempotencyKey,
      authorization: context.authorization,
      receivedAt: new Date().toISOString(),
      endpoint: context.endpoint,
      batchIndex,
    } as RecordedEmail);
    return id;
  }

  function sendOne(email: unknown, context: SendContext): Reply {
    const problem = problemWith(email);
    if (problem) return errorReply(422, "validation_error", problem);
    return { status: 200, body: { id: record(email as object, context, null) } };
  }

  function sendBatch(emails: unknown, validation: string, context: SendContext): Reply {
    if (validation !== "strict" && validation !== "permissive") {
      return errorReply(422, "validation_error", "The x-batch-validation header must be `strict` or `permissive`.");
    }
    if (!Array.isArray(emails)) return errorReply(422, "validation_error", "The batch must be a JSON array of emails.");
    if (emails.length === 0 || emails.length > MAX_BATCH) {
      return errorReply(
        422,
        "validation_error",
        `A batch holds 1 to ${MAX_BATCH} emails; this one has ${emails.length}.`,
      );
    }
    const problems = emails.map(problemWith);
    if (validation === "strict") {
      const index = problems.findIndex((problem) => problem !== null);
      if (index >= 0) return errorReply(422, "validation_error", `emails[${index}]: ${problems[index]}`);
      return { status: 200, body: { data: emails.map((email, i) => ({ id: record(email, context, i) })) } };
    }
    const data: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    emails.forEach((email, index) => {
      const problem = problems[index];
      if (problem) errors.push({ index, message: problem });
      else data.push({ id: record(email, context, index) });
    });
    return { status: 200, body: { data, errors } };
  }

  function accept(now: number) {
    stats.accepted += 1;
    stats.acceptedAt.push(now);
  }

  /** What Resend itself would answer, recording what it accepts. */
  function answerAsResend(endpoint: SendEndpoint, request: IncomingMessage, body: string): Reply {
    const idempotencyKey = header(request.headers, "idempotency-key");
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY)) {
      return errorReply(400, "invalid_idempotency_key", `The key must be between 1-${MAX_IDEMPOTENCY_KEY} chars.`);
    }
    const parsed = parseJson(body);
    if (!parsed.ok) return parsed.reply;

    const fingerprint = `${endpoint} ${canonical(parsed.value)}`;
    const earlier = idempotencyKey === null ? undefined : remembered.get(idempotencyKey);
    if (earlier && earlier.fingerprint !== fingerprint) {
      return errorReply(
        409,
        "invalid_idempotent_request",
        "Same idempotency key used with a different request payload.",
      );
    }
    if (earlier) {
      stats.replayed += 1;
      accept(Date.now());
      return earlier.reply;
    }

    const context: SendContext = { endpoint, idempotencyKey, authorization: request.headers.authorization ?? null };
    const reply =
      endpoint === "/emails"
        ? sendOne(parsed.value, context)
        : sendBatch(parsed.value, header(request.headers, "x-batch-validation") ?? "strict", context);
    if (isSuccess(reply.status)) {
      accept(Date.now());
      if (idempotencyKey !== null) remembered.set(idempotencyKey, { fingerprint, reply });
    }
    return reply;
  }

  function holdThenSend(response: ServerResponse, ms: number, reply: Reply) {
    const timer = setTimeout(() => {
      held.delete(timer);
      send(response, reply);
    }, ms);
    held.add(timer);
    response.on("close", () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  }

  function handleSend(endpoint: SendEndpoint, request: IncomingMessage, response: ServerResponse, body: string) {
    stats.requests += 1;
    // Like Resend, the limiter stands in front of everything else, so a throttled request uses up no fault.
    if (!admit(Date.now())) {
      stats.rejectedRateLimit += 1;
      return send(response, rateLimited(1));
    }
    const fault = faults.shift();
    if (fault) stats.faultsServed += 1;
    if (fault?.kind === "status") return send(response, injectedFailure(fault.status));
    if (fault?.kind === "rateLimit") return send(response, rateLimited(fault.retryAfterSeconds));
    if (fault?.kind === "drop") {
      request.socket.destroy();
      return;
    }
    const reply = answerAsResend(endpoint, request, body);
    if (fault?.kind === "dropAfterAccept") request.socket.destroy();
    else if (fault?.kind === "timeout") holdThenSend(response, fault.ms, reply);
    else send(response, reply);
  }

  function handleControl(request: IncomingMessage, url: URL, body: string): Reply {
    const route = `${request.method} ${url.pathname}`;
    if (route === "GET /__emails") {
      const to = url.searchParams.get("to");
      return { status: 200, body: to === null ? received : recorder.emailsTo(to) };
    }
    if (route === "DELETE /__emails") {
      recorder.clear();
      return { status: 200, body: {} };
    }
    if (route === "GET /__stats") return { status: 200, body: recorder.stats() };
    if (route === "POST /__reset") {
      reset();
      return { status: 200, body: {} };
    }
    if (route === "DELETE /__faults") {
      faults.length = 0;
      return { status: 200, body: {} };
    }
    if (route === "POST /__faults" || route === "POST /__rate-limit") {
      const parsed = parseJson(body);
      if (!parsed.ok) return parsed.reply;
      if (route === "POST /__faults") {
        const queued = z.array(faultSchema).safeParse(parsed.value);
        if (!queued.success)
          return errorReply(400, "validation_error", `Not a list of faults: ${queued.error.message}`);
        faults.push(...queued.data);
        return { status: 200, body: { queued: faults.length } };
      }
      const limit = rateLimitBodySchema.safeParse(parsed.value);
      if (!limit.success) {
        return errorReply(400, "validation_error", "Send { requestsPerSecond: a positive integer or null }.");
      }
      setRateLimit(limit.data.requestsPerSecond);
      return { status: 200, body: { requestsPerSecond } };
    }
    return errorReply(404, "not_found", `No route ${request.method} ${request.url}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    let body: string;
    try {
      body = await readBody(request);
    } catch {
      // The client hung up mid-request: there is no one to answer, and nothing was sent.
      return;
    }
    const url = new URL(request.url ?? "/", "http://mail-recorder.local");
    if (request.method === "POST" && (url.pathname === "/emails" || url.pathname === "/emails/batch")) {
      return handleSend(url.pathname, request, response, body);
    }
    send(response, handleControl(request, url, body));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the recorder: tell the test (no-console-error fails it) and the client.
      console.error("Mail recorder failed:", error);
      send(response, errorReply(500, "application_error", `Mail recorder failed: ${String(error)}`));
    });
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  const toList = (to: string | string[]) => (Array.isArray(to) ? to : [to]);

  const recorder: MailRecorder = {
    url: `http://127.0.0.1:${address.port}`,
    emails: () => [...received],
    emailsTo: (addr) => received.filter((email) => toList(email.to).includes(addr)),
    clear: () => {
      received.length = 0;
    },
    fault: (...added) => {
      faults.push(...added.map((fault) => faultSchema.parse(fault)));
    },
    failNext: (count, status) => {
      recorder.fault(...Array.from({ length: count }, () => ({ kind: "status", status }) as const));
    },
    clearFaults: () => {
      faults.length = 0;
    },
    setRateLimit,
    stats: () => ({ ...stats, acceptedAt: [...stats.acceptedAt] }),
    reset,
    close: () =>
      new Promise((resolve, reject) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return recorder;
}
