// Property-based fuzzing of every action route, as every role, with bodies a browser would never
// send: wrong content types, broken multipart, control characters, huge and stale numbers, foreign
// and null Origins, oversized bodies. Each answer must be below 500; a refusal (4xx) must say what
// was wrong in words and leave the database exactly as it was. Routes are found on disk, so a new
// action route is fuzzed without anyone adding it here.
//
// Replay a failure with FUZZ_SEED=<seed printed below> (and FUZZ_RUNS to change the count).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { guardRequest } from "~/services/csrf.server";
import { actionRoutes, buildWorld, databaseChecksum, ROLES, type ActionRoute, type Role } from "../support/fuzz-world";

const APP = "http://localhost:3000";
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Three per route and role keeps the suite near a minute on two cores; raise it to hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

const FIELD_NAMES = [
  "intent",
  "lockVersion",
  "version",
  "id",
  "documentId",
  "documentIds",
  "milestoneId",
  "conditionId",
  "commentId",
  "commentIds",
  "organizationId",
  "token",
  "email",
  "name",
  "title",
  "text",
  "reason",
  "note",
  "visibility",
  "kind",
  "decision",
  "stage",
  "submitterType",
  "idempotencyKey",
  "password",
  "newClosesAt",
  "redirectTo",
];
const INTENTS = [
  "submit",
  "remove",
  "determine",
  "decide",
  "withdraw",
  "respond",
  "invite",
  "revoke",
  "remove-member",
  "moderate",
  "addCondition",
  "resolveCondition",
  "changeTarget",
  "recordActual",
  "add",
  "profile",
  "password",
  "resend",
  "read",
  "readAll",
  "follow",
  "unfollow",
  "report",
  "assign",
  "complete",
];
const HUGE = ["2147483648", "9007199254740993", "1e309", "-2147483649", "99999999999999999999999", "0x7fffffff", "NaN"];
const STALE = ["0", "-1", "1.5", "1", "999", ""];
const CONTROL = fc
  .integer({ min: 0, max: 31 })
  .filter((code) => ![9, 10, 13].includes(code))
  .map((c) => String.fromCharCode(c));

type Probe = {
  kind: string;
  role: Role;
  contentType: string | null;
  body: string | Uint8Array | null;
  headers: Record<string, string>;
};

const fieldsArb = fc.dictionary(
  fc.constantFrom(...FIELD_NAMES),
  fc.oneof(fc.constantFrom(...INTENTS), fc.string({ maxLength: 40 }), fc.constantFrom(...HUGE, ...STALE)),
  { maxKeys: 6 },
);
const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
function multipart(boundary: string, fields: Record<string, string>, file?: { name: string; bytes: string }) {
  let body = "";
  for (const [name, value] of Object.entries(fields)) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  if (file) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.bytes}\r\n`;
  }
  return `${body}--${boundary}--\r\n`;
}
const boundaryArb = fc.stringMatching(/^[A-Za-z0-9'()+_,\-./:=?]{1,40}$/);
const URLENCODED = "application/x-www-form-urlencoded";

const probeArb: fc.Arbitrary<Omit<Probe, "role">> = fc.oneof(
  fc.record({
    kind: fc.constant("content type"),
    contentType: fc.oneof(
      fc.constantFrom(
        null,
        "application/json",
        "text/plain",
        "application/xml",
        "multipart/mixed; boundary=x",
        `${URLENCODED}; charset=latin1`,
        "multipart/form-data",
        "multipart/form-data; boundary=",
      ),
      fc
        .string({ maxLength: 30 })
        .filter((type) => !/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type))
        .map((type) => type.replace(/[^\x20-\x7e]/g, "")),
    ),
    body: fc.oneof(fieldsArb.map(encode), fc.constant('{"intent":"submit"}'), fc.constant(null)),
    headers: fc.constant({}),
  }),
  fc
    .record({
      kind: fc.constant("broken multipart"),
      boundary: boundaryArb,
      fields: fieldsArb,
      cut: fc.integer({ min: 0, max: 400 }),
      garbage: fc.uint8Array({ maxLength: 64 }),
    })
    .map(({ boundary, fields, cut, garbage }) => {
      const whole = multipart(boundary, fields);
      const text = whole.slice(0, Math.min(cut, Math.max(whole.length - 3, 0)));
      return {
        kind: "broken multipart",
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: Buffer.concat([Buffer.from(text), garbage]),
        headers: {},
      };
    }),
  fc
    .record({
      fields: fieldsArb,
      name: fc.constantFrom(...FIELD_NAMES),
      before: fc.string({ maxLength: 10 }),
      control: CONTROL,
      inName: fc.boolean(),
      multi: fc.boolean(),
      boundary: boundaryArb,
    })
    .map(({ fields, name, before, control, inName, multi, boundary }) => {
      const poisoned = inName
        ? { ...fields, [`${name}${control}`]: before }
        : { ...fields, [name]: `${before}${control}x` };
      return multi
        ? {
            kind: "control character",
            contentType: `multipart/form-data; boundary=${boundary}`,
            body: multipart(boundary, poisoned),
            headers: {},
          }
        : { kind: "control character", contentType: URLENCODED, body: encode(poisoned), headers: {} };
    }),
  fc
    .record({
      fields: fieldsArb,
      intent: fc.constantFrom(...INTENTS),
      number: fc.constantFrom(...HUGE, ...STALE),
      big: fc.bigInt({ min: 2n ** 31n, max: 2n ** 80n }),
    })
    .map(({ fields, intent, number, big }) => ({
      kind: "huge or stale number",
      contentType: URLENCODED,
      body: encode({ ...fields, intent, lockVersion: number, version: big.toString() }),
      headers: {},
    })),
  fc
    .record({
      fields: fieldsArb,
      origin: fc.oneof(
        fc.constantFrom("null", "https://evil.example.com", "http://localhost:3001", "not a url", ""),
        fc.webUrl().map((url) => new URL(url).origin),
      ),
    })
    .map(({ fields, origin }) => ({
      kind: "foreign origin",
      contentType: URLENCODED,
      body: encode(fields),
      headers: { Origin: origin },
    })),
  fc
    .record({ fields: fieldsArb, declared: fc.integer({ min: 2 ** 21, max: 2 ** 40 }) })
    .map(({ fields, declared }) => ({
      kind: "oversized",
      contentType: URLENCODED,
      body: encode(fields),
      headers: { "Content-Length": String(declared) },
    })),
  fc
    .record({ fields: fieldsArb, boundary: boundaryArb, name: fc.string({ maxLength: 20 }) })
    .map(({ fields, boundary, name }) => ({
      kind: "unexpected file",
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: multipart(boundary, fields, { name: `${name.replace(/["\r\n]/g, "")}.pdf`, bytes: "%PDF-1.4 not really" }),
      headers: {},
    })),
);

function requestFor(route: ActionRoute, probe: Probe, cookie: string | null): Request {
  const headers = new Headers({ Host: "localhost:3000", Origin: APP, ...probe.headers });
  if (probe.contentType !== null) headers.set("Content-Type", probe.contentType);
  if (cookie) headers.set("Cookie", cookie);
  // Fetch's Request computes Content-Length itself; the declared one is what a client claims.
  return new Request(`${APP}${route.path}`, {
    method: "POST",
    headers,
    body: probe.body,
    duplex: "half",
  } as RequestInit);
}

type Outcome = { status: number; message: string };

async function answer(result: unknown): Promise<Outcome> {
  if (result instanceof Response)
    return { status: result.status, message: result.status >= 300 && result.status < 400 ? "" : await result.text() };
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, message: JSON.stringify(data) };
  }
  return { status: 200, message: JSON.stringify(result ?? null) };
}

// What the server does: the origin guard, then Remix's own origin test, then the action.
async function send(route: ActionRoute, probe: Probe, cookie: string | null): Promise<Outcome> {
  const request = requestFor(route, probe, cookie);
  const verdict = guardRequest({
    method: "POST",
    path: route.path,
    origin: request.headers.get("Origin") ?? undefined,
    referer: undefined,
    host: "localhost:3000",
    forwardedHost: undefined,
    appUrl: APP,
  });
  if (!verdict.ok) return { status: verdict.status, message: verdict.message };
  if (verdict.dropOrigin) request.headers.delete("Origin");
  const origin = request.headers.get("Origin");
  if (origin && new URL(origin).host !== "localhost:3000")
    throw new Error(`Remix's origin test would answer 500 for ${origin}`);
  try {
    return await answer(
      await route.module.action({
        request,
        params: route.params,
        context: { requestId: "fuzz", clientIp: "203.0.113.9" },
      }),
    );
  } catch (thrown) {
    if (thrown instanceof Response) return answer(thrown);
    throw thrown;
  }
}

// The token pages (unsubscribe, subscription confirmation) answer a bad token with a page state whose
// explanation the page itself renders.
const EXPLAINED_STATES = new Set(['{"state":"invalid"}']);

function parseErrors(message: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(message) as { errors?: Record<string, unknown> };
    return parsed && typeof parsed === "object" && parsed.errors ? parsed.errors : null;
  } catch {
    return null;
  }
}

// A message a person understands: words, not an empty body, a stack or a bare status.
function assertReadable(outcome: Outcome, context: string) {
  if (EXPLAINED_STATES.has(outcome.message)) return;
  const fieldErrors = parseErrors(outcome.message);
  if (fieldErrors) {
    // Field errors are shown next to their labelled field, so a short "Required" reads in context.
    expect(Object.keys(fieldErrors).length, context).toBeGreaterThan(0);
    for (const message of Object.values(fieldErrors)) {
      expect(message, context).toMatch(/[A-Za-z]{3,}/);
      expect(message, context).not.toMatch(/TypeError|Prisma|undefined|\[object/);
    }
    return;
  }
  expect(outcome.message, context).toMatch(/[A-Za-z]{3,}.*\s.*[A-Za-z]{3,}/s);
  expect(outcome.message, context).not.toMatch(/Unexpected Server Error|at .*\.ts:\d+|TypeError|Prisma/);
}

let world: Awaited<ReturnType<typeof buildWorld>>;
let routes: ActionRoute[];
const counts: Record<string, number> = {};

beforeAll(async () => {
  world = await buildWorld();
  routes = await actionRoutes(world.params, (file) =>
    file.startsWith("organizations.") ? world.companySlug : world.params.slug,
  );
  console.log(
    `[fuzz] seed ${SEED}, ${RUNS} runs per route and role, ${routes.length} action routes (replay: FUZZ_SEED=${SEED})`,
  );
});

describe("form fuzz: every action route refuses bad bodies with a 4xx that says why and writes nothing", () => {
  it("finds every action route on disk", () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((route) => route.file)).toContain("unsubscribe.tsx");
  });

  it("answers a package id with a dot, a tilde or a space in the upload URL with 404, storing nothing", async () => {
    const upload = routes.find((route) => route.file === "projects.$slug.packages.$packageId.upload.tsx");
    if (!upload) throw new Error("The upload route moved: point this test at it.");
    const form = multipart("b0undary", { visibility: "PUBLIC" }, { name: "plan.pdf", bytes: "%PDF-1.4 plan" });
    for (const packageId of ["a.b", "~x", "a b", "..", "x/../y"]) {
      const route = { ...upload, params: { ...upload.params, packageId } };
      const probe: Probe = {
        kind: "bad id",
        role: "company",
        contentType: "multipart/form-data; boundary=b0undary",
        body: form,
        headers: {},
      };
      const before = await databaseChecksum();
      const outcome = await send(route, probe, world.cookies.company);
      expect(outcome.status, packageId).toBe(404);
      expect(outcome.message).toMatch(/no permit package at this address/);
      expect(await databaseChecksum()).toBe(before);
    }
  });

  it("answers every generated bad request below 500, as every role", async () => {
    for (const route of routes) {
      for (const role of ROLES) {
        await fc.assert(
          fc.asyncProperty(probeArb, async (generated) => {
            const probe = { ...generated, role };
            const before = await databaseChecksum();
            const outcome = await send(route, probe, world.cookies[role]);
            const context = `${route.file} as ${role}, ${probe.kind}: ${outcome.status} ${outcome.message.slice(0, 200)}`;
            counts[probe.kind] = (counts[probe.kind] ?? 0) + 1;
            expect(outcome.status, context).toBeLessThan(500);
            if (outcome.status >= 400) {
              assertReadable(outcome, context);
              expect(await databaseChecksum(), `${context}: wrote to the database while refusing`).toBe(before);
            }
          }),
          { seed: SEED + route.file.length * 31 + ROLES.indexOf(role), numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(
      `[fuzz] ${total} requests: ${Object.entries(counts)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ")}`,
    );
  }, 600_000);
});
