// The open record's bulk files (/open-data) and the CEQ NEPA data standard export, against a real
// PostgreSQL: valid against the standard's vendored JSON Schema, nothing confidential, draft,
// hidden or personal in any format, the training project left out, counts and SHA-256s honest.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { seedDemoData } from "../../prisma/seed/seed";
import { loader as ceqLoader } from "~/routes/api.v1.projects.$slug.ceq";
import { loader as fileLoader } from "~/routes/open-data.$file";
import { moderate } from "~/models/comments/comment-moderation.server";
import { ceqDocumentForProject } from "~/models/open-data/ceq.server";
import { DATASETS } from "~/models/open-data/datasets.server";
import { prisma } from "~/services/db.server";
import { generateOpenData, type OpenDataRelease } from "~/services/open-data.server";
import { createLocalDiskStorage, documentStorage } from "~/services/storage.server";
import { createPublicComment, createReadingScenario } from "../support/comment-factories";
import { createUser } from "../support/factories";

// The loaders here read no context; the type asks for one.
const context = { requestId: "test", clientIp: "127.0.0.1", cspNonce: "" } as AppLoadContext;
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/ceq-nepa-data-standard");
const schema = JSON.parse(readFileSync(path.join(FIXTURES, "nepa.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateCeq = ajv.compile(schema);

function storageDir() {
  return createLocalDiskStorage(mkdtempSync(path.join(os.tmpdir(), "lodestone-open-data-test-")));
}

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) throw new Error("missing file");
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** Every file of the release as text, by name, with every ZIP entry too ("zip:" + name). */
async function releaseTexts(release: OpenDataRelease, storage: ReturnType<typeof storageDir>) {
  const texts = new Map<string, string>();
  for (const file of release.files) {
    const bytes = await readAll(await storage.get(file.storageKey));
    if (file.format === "zip") {
      for (const [name, entry] of await unzip(bytes)) texts.set(`zip:${name}`, entry.toString("utf8"));
    } else {
      texts.set(file.name, bytes.toString("utf8"));
    }
  }
  return texts;
}

describe("the CEQ NEPA data standard export", () => {
  it("the vendored schema accepts the standard's own sample and refuses a broken document", () => {
    const sample = JSON.parse(readFileSync(path.join(FIXTURES, "test.json"), "utf8"));
    expect(validateCeq(sample)).toBe(true);
    expect(validateCeq({ projects: [{ project_id: "x" }] })).toBe(false);
  });

  it("exports the demo data valid against the standard, whole and per project, without the training project", async () => {
    await seedDemoData(prisma, { now: new Date(), log: () => {} });
    const storage = storageDir();
    const release = await generateOpenData({ storage });
    expect(release).not.toBeNull();
    const ceqFile = release!.files.find((f) => f.name === "ceq.json")!;
    const whole = JSON.parse((await readAll(await storage.get(ceqFile.storageKey))).toString("utf8"));
    const valid = validateCeq(whole);
    expect(validateCeq.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const projects = await prisma.project.findMany({ select: { slug: true, name: true, isTraining: true } });
    const training = projects.find((p) => p.isTraining);
    expect(training).toBeDefined();
    const exported = whole.projects.map((p: { project_id: string }) => p.project_id).sort();
    expect(exported).toEqual(
      projects
        .filter((p) => !p.isTraining)
        .map((p) => p.slug)
        .sort(),
    );
    expect(JSON.stringify(whole)).not.toContain(training!.name);
    // Every collection the mapping promises carries records from the demo data.
    for (const collection of ["processes", "documents", "public_engagement_events", "case_events", "gis_data"]) {
      expect(whole[collection].length, collection).toBeGreaterThan(0);
    }
    expect(ceqFile.rowCount).toBe(
      ["projects", "processes", "documents", "public_comments", "public_engagement_events", "case_events", "gis_data"]
        .map((k) => whole[k].length)
        .reduce((a: number, b: number) => a + b, 0),
    );
    // Provenance on every record.
    for (const record of [...whole.projects, ...whole.case_events]) {
      expect(record).toMatchObject({ data_source_system: "Lodestone", retrieved_timestamp: expect.any(String) });
    }

    for (const project of projects) {
      const single = await ceqDocumentForProject(project.slug);
      expect(validateCeq(single), `${project.slug}: ${JSON.stringify(validateCeq.errors)}`).toBe(true);
    }
    // Asked for by its address, the training project answers, marked fictional, with its comments.
    const trainingDoc = await ceqDocumentForProject(training!.slug);
    expect(trainingDoc!.metadata.includes_fictional_training_project).toBe(true);
    expect(trainingDoc!.projects[0]).toMatchObject({ other: { fictional_training_project: true } });
    expect(trainingDoc!.public_comments.length).toBeGreaterThan(0);
    // Its hidden comments appear withheld, never with their text.
    const hidden = await prisma.comment.findMany({
      where: { status: { not: "PUBLISHED" }, period: { project: { slug: training!.slug } } },
      select: { receiptNumber: true, text: true },
    });
    expect(hidden.length).toBeGreaterThan(0);
    for (const comment of hidden) {
      const record = trainingDoc!.public_comments.find((c) => c.comment_id === comment.receiptNumber);
      expect(record).toMatchObject({ commenter_name: "[withheld]", public_access: "withheld" });
      expect(JSON.stringify(trainingDoc)).not.toContain(comment.text);
    }
  }, 120_000);
});

describe("the bulk files", () => {
  let storage: ReturnType<typeof storageDir>;
  let release: OpenDataRelease;
  let texts: Map<string, string>;
  const secrets = {
    hiddenText: "HIDDEN-COMMENT-TEXT qzx",
    hiddenName: "Hidden Commenter Qzx",
    pendingText: "PENDING-COMMENT-TEXT qzx",
    email: "private-person-qzx@example.org",
    regulatorEmail: "regulator-qzx@agency.example",
    confidentialFile: "CBI-geology-qzx.pdf",
    draftFile: "draft-working-paper-qzx.pdf",
    draftPackage: "Draft water permit application qzx",
    trainingName: "Training Mine Qzx (fictional training project)",
    findings: "FINDINGS-IN-PROGRESS qzx",
    requestItem: "CONFIDENTIAL-REQUEST-ITEM qzx",
    reportNote: "REPORT-NOTE qzx",
  };
  let published: Awaited<ReturnType<typeof createPublicComment>>;
  let hiddenReceipt: string;

  beforeAll(async () => {
    const { project, period, regulator, company, agency, context } = await createReadingScenario();
    await prisma.user.update({ where: { id: regulator.id }, data: { email: secrets.regulatorEmail } });
    published = await createPublicComment(period.id, { email: secrets.email, text: "The water table matters qzx." });
    const hidden = await createPublicComment(period.id, {
      text: secrets.hiddenText,
      displayName: secrets.hiddenName,
      email: secrets.email,
    });
    hiddenReceipt = hidden.receiptNumber;
    await moderate(period.id, [hidden.id], { kind: "HIDE", reason: "Personal attack" }, context);
    await createPublicComment(period.id, { text: secrets.pendingText, status: "PENDING_REVIEW", email: secrets.email });
    const reporter = await createUser({ name: "Reporter Qzx" });
    await prisma.commentReport.create({
      data: { commentId: published.id, reporterId: reporter.id, reason: "SPAM", note: secrets.reportNote },
    });

    const document = (name: string, visibility: "PUBLIC" | "CONFIDENTIAL", packageId?: string) =>
      prisma.document.create({
        data: {
          projectId: project.id,
          packageId,
          storageKey: `test/${name.replace(/\W/g, "-")}-${Date.now()}`,
          originalName: name,
          contentType: "application/pdf",
          sizeBytes: 10,
          sha256: "0".repeat(64),
          visibility,
          uploadedById: regulator.id,
        },
      });
    const confidential = await document(secrets.confidentialFile, "CONFIDENTIAL");
    const draftPackage = await prisma.permitPackage.create({
      data: {
        projectId: project.id,
        kind: "PERMIT_APPLICATION",
        title: secrets.draftPackage,
        permitName: secrets.draftPackage,
        createdById: regulator.id,
      },
    });
    const draftDoc = await document(secrets.draftFile, "PUBLIC", draftPackage.id);
    // Even if a period ever pointed at them, neither may be published.
    await prisma.commentPeriodDocument.createMany({
      data: [
        { periodId: period.id, documentId: confidential.id },
        { periodId: period.id, documentId: draftDoc.id },
      ],
    });
    const review = await prisma.environmentalReview.create({
      data: {
        projectId: project.id,
        agencyId: agency.id,
        resourceArea: "WATER",
        title: "Water",
        findings: secrets.findings,
      },
    });
    await prisma.informationRequest.create({
      data: {
        projectId: project.id,
        reviewId: review.id,
        title: "Spring flow",
        publicSummary: "Spring flow below the pit",
        items: [secrets.requestItem],
        dueDate: new Date("2027-01-15"),
        issuedById: regulator.id,
      },
    });
    await prisma.project.update({ where: { id: project.id }, data: { latitude: 39.1, longitude: -117.2 } });

    const training = await prisma.project.create({
      data: {
        slug: "training-mine-qzx",
        name: secrets.trainingName,
        companyId: company.id,
        leadAgencyId: agency.id,
        commodities: ["lithium"],
        state: "NV",
        county: "Nye",
        landStatus: "BLM",
        description: "Made up.",
        currentStage: "draft_eis",
        isTraining: true,
      },
    });
    await prisma.milestone.create({ data: { projectId: training.id, key: "noi", name: "Training NOI qzx" } });

    storage = storageDir();
    release = (await generateOpenData({ storage }))!;
    texts = await releaseTexts(release, storage);
  }, 120_000);

  it("writes every dataset as CSV and JSON, the CEQ record, the dictionary, a manifest and one ZIP of them", () => {
    const names = release.files.map((f) => f.name);
    for (const dataset of DATASETS)
      expect(names).toEqual(expect.arrayContaining([`${dataset.key}.csv`, `${dataset.key}.json`]));
    expect(names).toEqual(
      expect.arrayContaining([
        "ceq.json",
        "data-dictionary.csv",
        "data-dictionary.json",
        "manifest.json",
        "lodestone-open-data.zip",
      ]),
    );
    const zipped = [...texts.keys()].filter((k) => k.startsWith("zip:")).map((k) => k.slice(4));
    expect(zipped.sort()).toEqual(names.filter((n) => n !== "lodestone-open-data.zip").sort());
  });

  it("states row counts, sizes and SHA-256s that match the bytes", async () => {
    const manifest = JSON.parse(texts.get("manifest.json")!);
    for (const file of release.files) {
      const bytes = await readAll(await storage.get(file.storageKey));
      expect(file.bytes).toBe(bytes.length);
      expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      if (file.name !== "manifest.json" && file.name !== "lodestone-open-data.zip") {
        expect(manifest.files).toContainEqual(expect.objectContaining({ name: file.name, sha256: file.sha256 }));
      }
      if (file.format === "csv" && file.rowCount !== null) {
        // Header + rows; quoted cells may hold line breaks, so count records by parsing the JSON twin.
        const json = JSON.parse(texts.get(file.name.replace(/\.csv$/, ".json"))!);
        expect(file.rowCount).toBe(json.rows.length);
        expect(json.row_count).toBe(json.rows.length);
      }
    }
    const comments = JSON.parse(texts.get("comments.json")!);
    expect(comments.rows.length).toBe(
      await prisma.comment.count({ where: { period: { project: { isTraining: false } } } }),
    );
  });

  it("leaves out everything confidential, draft, hidden or personal, in every format", () => {
    expect(texts.size).toBeGreaterThan(30);
    for (const [name, text] of texts) {
      for (const [what, secret] of Object.entries(secrets)) {
        expect(text.includes(secret), `${what} in ${name}`).toBe(false);
      }
      expect(/[\w.+-]+@[\w-]+\.[\w.]+/.test(text.replace(/@(?=\s|$)/g, "")), `an email address in ${name}`).toBe(false);
    }
    // The data is there (so the absence above means something): the published comment's text, and the
    // hidden one listed by receipt, withheld.
    expect(texts.get("comments.csv")).toContain(published.text);
    const comments = JSON.parse(texts.get("comments.json")!);
    expect(comments.rows).toContainEqual(
      expect.objectContaining({ receipt: hiddenReceipt, display_name: "[withheld]", status: "HIDDEN" }),
    );
    const ceq = JSON.parse(texts.get("ceq.json")!);
    expect(ceq.public_comments).toContainEqual(
      expect.objectContaining({
        comment_id: hiddenReceipt,
        commenter_name: "[withheld]",
        content: "[hidden by moderator: Personal attack]",
      }),
    );
    expect(validateCeq(ceq), JSON.stringify(validateCeq.errors)).toBe(true);
    expect(texts.get("moderation_log.csv")).toContain("Personal attack");
  });

  it("shapes milestones.csv like the Permitting Dashboard's export", () => {
    const header = texts
      .get("milestones.csv")!
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]
      .split(",");
    expect(header).toEqual(
      expect.arrayContaining([
        "project_id",
        "project_title",
        "lead_agency",
        "action_type",
        "action_agency",
        "milestone_id",
        "action_milestone_name",
        "action_milestone_baseline_target",
        "action_milestone_completion_target",
        "action_milestone_completion_actual",
        "milestone_reason_for_date_change",
        "project_pause_start",
        "project_pause_end",
      ]),
    );
  });

  it("writes a new release only when the record changed, and keeps two", async () => {
    expect(await generateOpenData({ storage, onlyIfChanged: true })).toBeNull();
    const { period } = await createReadingScenario();
    await createPublicComment(period.id, { text: "A later comment qzx." });
    const second = await generateOpenData({ storage, onlyIfChanged: true });
    expect(second).not.toBeNull();
    const third = (await generateOpenData({ storage }))!;
    expect(await prisma.openDataRelease.count()).toBe(2);
    // The oldest release's files are gone from storage; the newest are there.
    expect(await storage.get(release.files[0].storageKey)).toBeNull();
    expect(await storage.get(third.files[0].storageKey)).not.toBeNull();
  });
});

describe("the open-data routes", () => {
  it("serve a file of the current release with its SHA-256 as ETag, and 304 when it is unchanged", async () => {
    // The routes read the app's own storage.
    const release = (await generateOpenData({ storage: documentStorage() }))!;
    const file = release.files.find((f) => f.name === "milestones.csv")!;
    const response = await fileLoader({
      request: new Request("http://localhost/open-data/milestones.csv"),
      params: { file: "milestones.csv" },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("ETag")).toBe(`"${file.sha256}"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(file.sha256);
    const again = await fileLoader({
      request: new Request("http://localhost/open-data/milestones.csv", {
        headers: { "If-None-Match": `"${file.sha256}"` },
      }),
      params: { file: "milestones.csv" },
      context,
    });
    expect(again.status).toBe(304);
    await expect(
      fileLoader({
        request: new Request("http://localhost/open-data/x"),
        params: { file: "../../etc/passwd" },
        context,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("answer one project's CEQ record as JSON, and 404 as problem+json", async () => {
    const { project, period } = await createReadingScenario();
    await createPublicComment(period.id, { email: "someone-qzx@example.org" });
    const response = (await ceqLoader({
      request: new Request(`http://localhost/api/v1/projects/${project.slug}/ceq`),
      params: { slug: project.slug },
      context,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const text = await response.text();
    expect(text).not.toContain("someone-qzx@example.org");
    expect(validateCeq(JSON.parse(text))).toBe(true);
    const missing = (await ceqLoader({
      request: new Request("http://localhost/api/v1/projects/nope/ceq"),
      params: { slug: "nope" },
      context,
    })) as Response;
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toBe("application/problem+json");
    expect(response.headers.get("ETag")).toBeTruthy();
    expect(response.headers.get("RateLimit-Policy")).toBeTruthy();
  });
});
