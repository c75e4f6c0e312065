// Hostile query parameters against every read-API endpoint: forged and truncated cursors, huge and
// negative limits, odd filters, repeated keys. The API must answer 200 or a 4xx problem+json, never
// a 5xx. Also the rate limit: past the quota a client gets 429 with Retry-After, others do not.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/services/db.server";
import { apiGet } from "../support/api-client";
import { createPublicComment, createReadingScenario } from "../support/comment-factories";

process.env.API_RATE_LIMIT ??= "1000000";

let slug = "";
let periodId = "";

beforeAll(async () => {
  const scenario = await createReadingScenario();
  slug = scenario.project.slug;
  periodId = scenario.period.id;
  for (let i = 0; i < 3; i++) await createPublicComment(periodId);
});

const forgedCursor = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.json().map((json) => Buffer.from(json).toString("base64url")),
  fc
    .record({
      c: fc.constantFrom("projects", "comments", "milestones", "x"),
      k: fc.array(fc.jsonValue(), { maxLength: 5 }),
    })
    .map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
  fc.constant(Buffer.from(JSON.stringify({ c: "comments", k: ["9999-99-99T99:99:99Z", "x"] })).toString("base64url")),
  fc.constant(Buffer.from(JSON.stringify({ c: "projects", k: ["\u0000"] })).toString("base64url")),
);

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("-1", "0", "1e9", "99999999999999999999", "NaN", "1.5", "%00", "' or 1=1 --", "\u202e", "true", ""),
);

const PATHS = () => [
  "/api/v1/projects",
  "/api/v1/projects.geojson",
  `/api/v1/projects/${slug}`,
  `/api/v1/projects/${slug}/milestones`,
  `/api/v1/projects/${slug}/date-changes`,
  `/api/v1/projects/${slug}/documents`,
  `/api/v1/projects/${slug}/information-requests`,
  `/api/v1/projects/${slug}/comment-periods`,
  `/api/v1/comment-periods/${periodId}/comments`,
  `/api/v1/comment-periods/${periodId}/responses`,
  `/api/v1/comment-periods/${periodId}/moderation-log`,
  `/api/v1/projects/${encodeURIComponent("../../etc")}/pauses`,
];

describe("hostile query parameters", () => {
  it("never make the API fail with a 5xx", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    console.info(`api fuzz seed ${seed}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS()),
        fc.record(
          {
            cursor: forgedCursor,
            limit: hostile,
            include_training: hostile,
            state: hostile,
            stage: hostile,
            status: hostile,
            schedule: hostile,
            leadAgency: hostile,
            commodity: hostile,
            q: hostile,
          },
          { requiredKeys: [] },
        ),
        async (path, params) => {
          const search = new URLSearchParams(params as Record<string, string>);
          const { response, text } = await apiGet(`${path}?${search}`);
          expect(response.status, `${path}?${search}: ${text}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("Content-Type")).toBe("application/problem+json");
            expect(JSON.parse(text).detail).toEqual(expect.any(String));
          }
        },
      ),
      { numRuns: 300, seed },
    );
  }, 300_000);

  it("refuses a cursor from another collection and a limit past the maximum with a 400 naming the parameter", async () => {
    const projects = await apiGet("/api/v1/projects?limit=1");
    const next = new URL(JSON.parse(projects.text).next ?? "http://x/?cursor=none").searchParams.get("cursor");
    const misused = await apiGet(`/api/v1/comment-periods/${periodId}/comments?cursor=${next}`);
    expect(misused.response.status).toBe(400);
    expect(JSON.parse(misused.text).errors[0].parameter).toBe("cursor");
    const huge = await apiGet("/api/v1/projects?limit=100000");
    expect(huge.response.status).toBe(400);
    expect(JSON.parse(huge.text).errors[0].parameter).toBe("limit");
  });
});

describe("the per-address rate limit", () => {
  it("answers 429 with Retry-After past the quota, for that address only", async () => {
    // The quota is read once per process; count this address up to it directly.
    const { env } = await import("~/env.server");
    const quota = env().API_RATE_LIMIT;
    await prisma.rateLimitBucket.create({
      data: { key: "api:ip:203.0.113.9", count: quota, resetAt: new Date(Date.now() + 30_000) },
    });
    const refused = await apiGet("/api/v1/projects", { clientIp: "203.0.113.9" });
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("Content-Type")).toBe("application/problem+json");
    expect(Number(refused.response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.response.headers.get("RateLimit")).toMatch(/^"api";r=0;t=\d+$/);
    const other = await apiGet("/api/v1/projects", { clientIp: "203.0.113.10" });
    expect(other.response.status).toBe(200);
  });
});
