// The read API (/api/v1) against the demo data plus a set of things that must never be public:
// every endpoint's responses validate against the OpenAPI document it serves; paging by cursor
// walks a whole collection once; ETag/304, CORS and problem+json hold; and nothing hidden, draft,
// confidential, personal or fictional (unless asked for) appears in any response.
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { sequenceLog, signPeriodicCheckpoint } from "~/models/log/sequencer.server";
import { prisma } from "~/services/db.server";
import { seedDemoData } from "../../prisma/seed/seed";
import { TRAINING_PROJECT_SLUG } from "../../prisma/seed/training";
import { apiGet } from "../support/api-client";
import { createPublicComment, createReadingScenario } from "../support/comment-factories";
import { createUser } from "../support/factories";

const SECRET = {
  hiddenText: "HIDDEN-COMMENT-TEXT-7c1f",
  hiddenName: "Hidden Commenter Zebulon",
  pendingText: "PENDING-COMMENT-TEXT-93ab",
  pendingName: "Pending Commenter Ysolde",
  commenterEmail: "leaky.commenter@example.org",
  confidentialName: "CONFIDENTIAL-reserve-model-e4.pdf",
  draftName: "DRAFT-unsubmitted-plan-5d.pdf",
  regulatorName: "Regulator Quillon Staffname",
  network: "198.51.100.0/24",
};

let documentSpec: { components: unknown; paths: Record<string, Record<string, unknown>> };
let leakProjectSlug = "";
let leakPeriodId = "";

async function seedSecrets() {
  const scenario = await createReadingScenario();
  leakProjectSlug = scenario.project.slug;
  leakPeriodId = scenario.period.id;
  await prisma.user.update({
    where: { id: scenario.regulator.id },
    data: { name: SECRET.regulatorName, signupNetwork: SECRET.network },
  });
  await createPublicComment(scenario.period.id, {
    text: "A published comment about water.",
    email: SECRET.commenterEmail,
  });
  const hidden = await createPublicComment(scenario.period.id, {
    text: SECRET.hiddenText,
    displayName: SECRET.hiddenName,
    email: SECRET.commenterEmail,
    status: "HIDDEN",
  });
  await prisma.moderationAction.create({
    data: {
      periodId: scenario.period.id,
      commentId: hidden.id,
      kind: "HIDE",
      reason: "Abusive language.",
      actorId: scenario.regulator.id,
    },
  });
  await createPublicComment(scenario.period.id, {
    text: SECRET.pendingText,
    displayName: SECRET.pendingName,
    status: "PENDING_REVIEW",
  });
  const uploader = await createUser({ name: "Uploader" });
  const doc = (name: string, extra: object) =>
    prisma.document.create({
      data: {
        projectId: scenario.project.id,
        storageKey: `test/${name}`,
        originalName: name,
        contentType: "application/pdf",
        sizeBytes: 10,
        sha256: "a".repeat(64),
        uploadedById: uploader.id,
        ...extra,
      },
    });
  await doc("public-baseline-study.pdf", {});
  await doc(SECRET.confidentialName, { visibility: "CONFIDENTIAL" });
  const draft = await prisma.permitPackage.create({
    data: {
      projectId: scenario.project.id,
      kind: "PLAN_OF_OPERATIONS",
      title: "Unsubmitted plan",
      createdById: uploader.id,
    },
  });
  await doc(SECRET.draftName, { packageId: draft.id });
  await prisma.milestoneDateChange.create({
    data: {
      milestone: {
        create: {
          projectId: scenario.project.id,
          key: "deis",
          name: "Draft EIS",
          targetDate: new Date("2027-03-01"),
          datePrecision: "MONTH",
        },
      },
      previousDate: new Date("2026-11-01"),
      newDate: new Date("2027-03-01"),
      reason: "ADDITIONAL_ANALYSIS",
      narrative: "More groundwater modelling.",
      changedBy: { connect: { id: scenario.regulator.id } },
    },
  });
}

beforeAll(async () => {
  await seedDemoData(prisma, {});
  await seedSecrets();
  const { response } = await apiGet("/api/v1/openapi.json");
  documentSpec = (await response.json()) as typeof documentSpec;
}, 120_000);

function validatorFor(template: string, mediaType = "application/json") {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: "https://lodestone.test/openapi.json", components: documentSpec.components });
  const operation = documentSpec.paths[template]?.get as
    { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } | undefined;
  if (!operation) throw new Error(`The OpenAPI document has no GET ${template}`);
  const schema = operation.responses["200"].content?.[mediaType]?.schema;
  const rewritten = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"https://lodestone.test/openapi.json#/components/'),
  );
  return ajv.compile(rewritten);
}

const problemValidator = () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: "https://lodestone.test/openapi.json", components: documentSpec.components });
  return ajv.compile({ $ref: "https://lodestone.test/openapi.json#/components/schemas/Problem" });
};

/** Every page of a collection by following `next`, validating each against the document. */
async function walk(path: string, limit: number) {
  const pages: unknown[] = [];
  const items: unknown[] = [];
  let next: string | null = `${path}${path.includes("?") ? "&" : "?"}limit=${limit}`;
  while (next) {
    const { response, template, text } = await apiGet(next);
    expect(response.status, `${next}: ${text}`).toBe(200);
    const body = JSON.parse(text) as { data: unknown[]; next: string | null };
    const validate = validatorFor(template);
    expect(validate(body), `${next}: ${JSON.stringify(validate.errors)}`).toBe(true);
    pages.push(body);
    items.push(...body.data);
    next = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
    if (pages.length > 10_000) throw new Error("paging did not end");
  }
  return { items, pages };
}

async function allPublicPaths(options: { includeTraining: boolean }): Promise<string[]> {
  const suffix = options.includeTraining ? "?include_training=true" : "";
  const projects = (await walk(`/api/v1/projects${suffix}`, 100)).items as { slug: string }[];
  const paths = ["/api/v1/projects" + suffix, "/api/v1/projects.geojson" + suffix];
  for (const { slug } of projects) {
    const base = `/api/v1/projects/${slug}`;
    paths.push(base + suffix);
    for (const part of [
      "stages",
      "milestones",
      "date-changes",
      "pauses",
      "stage-transitions",
      "documents",
      "information-requests",
      "review-clock",
    ]) {
      paths.push(`${base}/${part}${suffix}`);
    }
    const periods = (await walk(`${base}/comment-periods${suffix}`, 100)).items as { id: string }[];
    paths.push(`${base}/comment-periods${suffix}`);
    for (const { id } of periods) {
      const pbase = `/api/v1/comment-periods/${id}`;
      for (const part of ["", "/comments", "/campaigns", "/responses", "/moderation-log"])
        paths.push(`${pbase}${part}${suffix}`);
    }
  }
  // The public log, sequenced and signed first (the worker's job, run here by hand).
  await sequenceLog();
  await signPeriodicCheckpoint(0);
  const size = Number(
    (JSON.parse((await apiGet("/api/v1/log/checkpoints/latest")).text) as { treeSize: number }).treeSize,
  );
  paths.push(
    "/api/v1/log/checkpoints/latest",
    "/api/v1/log/checkpoints",
    `/api/v1/log/entries?start=0&end=${Math.min(size, 50)}`,
    `/api/v1/log/proof/inclusion?index=${size - 1}&size=${size}`,
    `/api/v1/log/proof/consistency?first=1&second=${size}`,
    "/api/v1/log/public-key",
    "/api/v1/log/state",
  );
  return paths;
}

describe("the read API's contract", () => {
  it("serves an OpenAPI 3.1 document describing every endpoint", () => {
    expect((documentSpec as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(documentSpec.paths)).toHaveLength(24);
  });

  it("answers every endpoint of every public project with a body the document describes", async () => {
    const paths = await allPublicPaths({ includeTraining: false });
    expect(paths.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const path of paths) {
      const { response, template, text } = await apiGet(path);
      expect(response.status, `${path}: ${text}`).toBe(200);
      const mediaType = template.endsWith(".geojson") ? "application/geo+json" : "application/json";
      expect(response.headers.get("Content-Type")).toContain(mediaType);
      const validate = validatorFor(template, mediaType);
      expect(validate(JSON.parse(text)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      seen.add(template);
    }
    // Every described endpoint was exercised on data (the document itself aside).
    expect([...seen].sort()).toEqual(
      Object.keys(documentSpec.paths)
        .filter((p) => !p.endsWith("openapi.json"))
        .sort(),
    );
  }, 300_000);

  it("pages through a whole collection by cursor, each item once, whatever the page size", async () => {
    const whole = (await walk("/api/v1/projects", 500)).items as { slug: string }[];
    const byOne = await walk("/api/v1/projects", 1);
    expect(byOne.pages.length).toBe(whole.length);
    expect((byOne.items as { slug: string }[]).map((p) => p.slug)).toEqual(whole.map((p) => p.slug));
    const comments = await walk(`/api/v1/comment-periods/${leakPeriodId}/comments`, 2);
    expect(comments.items).toHaveLength(3);
  });

  it("applies the /projects filters, and refuses values it cannot use instead of ignoring them", async () => {
    const { text } = await apiGet("/api/v1/projects?state=NV&limit=500");
    const nevada = JSON.parse(text) as { data: { state: string }[] };
    expect(nevada.data.length).toBeGreaterThan(0);
    expect(nevada.data.every((p) => p.state === "NV")).toBe(true);
    const refused = await apiGet("/api/v1/projects?state=XX");
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get("Content-Type")).toBe("application/problem+json");
    const problem = JSON.parse(refused.text);
    expect(problemValidator()(problem)).toBe(true);
    expect(problem.errors).toEqual([{ parameter: "state", message: "unknown value" }]);
  });

  it("answers If-None-Match with 304 and no body, and sends CORS and RateLimit headers", async () => {
    const first = await apiGet("/api/v1/projects?limit=5");
    const etag = first.response.headers.get("ETag");
    expect(etag).toMatch(/^W\/"/);
    expect(first.response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(first.response.headers.get("RateLimit-Policy")).toMatch(/^"api";q=\d+;w=\d+$/);
    expect(first.response.headers.get("RateLimit")).toMatch(/^"api";r=\d+;t=\d+$/);
    expect(first.response.headers.get("Set-Cookie")).toBeNull();
    const again = await apiGet("/api/v1/projects?limit=5", { headers: { "If-None-Match": etag ?? "" } });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.response.headers.get("ETag")).toBe(etag);
  });

  it("gives a problem+json 404 for an unknown project, period or path", async () => {
    for (const path of [
      "/api/v1/projects/no-such-mine",
      "/api/v1/comment-periods/nope/comments",
      "/api/v1/nothing-here",
    ]) {
      const { response, text } = await apiGet(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect(problemValidator()(JSON.parse(text))).toBe(true);
    }
  });
});

describe("what the read API never gives out", () => {
  it("withholds hidden and pending comments, keeps confidential and draft documents, names and emails out", async () => {
    const paths = await allPublicPaths({ includeTraining: true });
    expect(paths).toContain(`/api/v1/comment-periods/${leakPeriodId}/comments?include_training=true`);
    const emails = [
      ...(await prisma.user.findMany({ select: { email: true } })).map((u) => u.email),
      ...(await prisma.comment.findMany({ where: { email: { not: null } }, select: { email: true } })).map(
        (c) => c.email as string,
      ),
    ];
    let everything = "";
    for (const path of paths) everything += (await apiGet(path)).text;
    for (const secret of Object.values(SECRET)) expect(everything).not.toContain(secret);
    for (const email of new Set(emails)) expect(everything).not.toContain(email);

    const comments = JSON.parse((await apiGet(`/api/v1/comment-periods/${leakPeriodId}/comments`)).text) as {
      data: { status: string; withheldReason?: string }[];
    };
    expect(comments.data.map((c) => c.status).sort()).toEqual(["HIDDEN", "PENDING_REVIEW", "PUBLISHED"]);
    expect(comments.data.find((c) => c.status === "HIDDEN")?.withheldReason).toBe("Abusive language.");
    const docs = JSON.parse((await apiGet(`/api/v1/projects/${leakProjectSlug}/documents`)).text) as {
      data: { name: string }[];
    };
    expect(docs.data.map((d) => d.name)).toEqual(["public-baseline-study.pdf"]);
  }, 300_000);

  it("leaves the fictional training project out unless include_training=true", async () => {
    const without = await apiGet("/api/v1/projects?limit=500");
    expect(without.text).not.toContain(TRAINING_PROJECT_SLUG);
    expect((await apiGet("/api/v1/projects.geojson")).text).not.toContain(TRAINING_PROJECT_SLUG);
    expect((await apiGet(`/api/v1/projects/${TRAINING_PROJECT_SLUG}`)).response.status).toBe(404);
    expect((await apiGet(`/api/v1/projects/${TRAINING_PROJECT_SLUG}/milestones`)).response.status).toBe(404);
    const asked = await apiGet(`/api/v1/projects/${TRAINING_PROJECT_SLUG}?include_training=true`);
    expect(asked.response.status).toBe(200);
    expect(JSON.parse(asked.text).isTraining).toBe(true);
    const listed = await apiGet("/api/v1/projects?limit=500&include_training=true");
    expect(listed.text).toContain(TRAINING_PROJECT_SLUG);
  });
});
