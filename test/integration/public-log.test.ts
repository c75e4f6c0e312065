// The verifiable public record against a real PostgreSQL: real workflows write entries in their own
// transactions, the sequencer numbers them and signs checkpoints, and the standalone verifier
// (public/verify-record.mjs, through the API's loaders) checks them. Then the database is tampered
// with directly, as someone with the server's credentials could, and the verifier must name what.
import { createHash } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { submitComment } from "~/models/comments/comment-intake.server";
import { moderate } from "~/models/comments/comment-moderation.server";
import { canonicalize } from "~/models/log/canonical-json";
import { signPeriodicCheckpoint, sequenceLog } from "~/models/log/sequencer.server";
import { addMilestone, changeTargetDate, recordActualDate } from "~/models/milestone.server";
import { createProject, updateProjectDetails } from "~/models/project.server";
import { changeStage } from "~/models/stage.server";
import { loader as checkpointsLoader } from "~/routes/api.v1.log.checkpoints";
import { loader as latestLoader } from "~/routes/api.v1.log.checkpoints.latest";
import { loader as entriesLoader } from "~/routes/api.v1.log.entries";
import { loader as consistencyLoader } from "~/routes/api.v1.log.proof.consistency";
import { loader as inclusionLoader } from "~/routes/api.v1.log.proof.inclusion";
import { loader as keyLoader } from "~/routes/api.v1.log.public-key";
import { loader as stateLoader } from "~/routes/api.v1.log.state";
import { prisma } from "~/services/db.server";
import { verifyRecord } from "../../public/verify-record.mjs";
import { createIntakePeriod } from "../support/comment-factories";
import { addMember, createOrganization, createUser } from "../support/factories";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const ROUTES: Record<string, Loader> = {
  "/api/v1/log/checkpoints": checkpointsLoader,
  "/api/v1/log/checkpoints/latest": latestLoader,
  "/api/v1/log/entries": entriesLoader,
  "/api/v1/log/proof/inclusion": inclusionLoader,
  "/api/v1/log/proof/consistency": consistencyLoader,
  "/api/v1/log/public-key": keyLoader as Loader,
  "/api/v1/log/state": stateLoader as Loader,
};

/** The verifier's HTTP, answered by the real loaders. */
async function fetchJson(path: string) {
  const url = new URL(path, "http://localhost:3000");
  const loader = ROUTES[url.pathname];
  if (!loader) throw new Error(`No route for ${path}`);
  let response: Response;
  try {
    response = await loader({
      request: new Request(url),
      params: {},
      context: { requestId: "req-verify", clientIp: "127.0.0.1", cspNonce: "" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) response = thrown;
    else throw thrown;
  }
  // Through the read API's wrapper: JSON with an ETag, or a problem+json saying what went wrong.
  expect(response.headers.get("content-type")).toBe(
    response.ok ? "application/json; charset=utf-8" : "application/problem+json",
  );
  if (response.ok) expect(response.headers.get("etag")).toBeTruthy();
  const data = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${data.detail}`);
  return data;
}

const verify = (state = {}) => verifyRecord({ url: "http://localhost:3000", fetchJson, state });

/** Runs `sql` with the append-only triggers off (session_replication_role), as a superuser could. */
async function tamper(sql: string) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("set local session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

const COMMENT = "Please protect the springs at Thacker Pass; my family has ranched here since 1911.";
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Log Regulator" });
  await addMember(regulator.id, agency.id);
  const context = { actorId: regulator.id, requestId: "req-log" };
  const details = {
    name: `Log Test Mine ${Date.now()}`,
    county: "Humboldt",
    commodities: ["lithium"],
    landStatus: "BLM" as const,
    description: "An open pit lithium mine.",
  };
  const project = await createProject(
    { ...details, companyId: company.id, state: "NV", leadAgencyId: agency.id },
    context,
  );
  await updateProjectDetails(project.id, 1, { ...details, county: "Humboldt and Washoe" }, context);
  const milestone = await addMilestone(
    project.id,
    { name: "Record of Decision", jurisdiction: "FEDERAL", targetDate: new Date("2027-06-01"), datePrecision: "DAY" },
    context,
  );
  await changeTargetDate(
    {
      projectId: project.id,
      milestoneId: milestone.id,
      newDate: new Date("2027-09-01"),
      reason: "LITIGATION",
      narrative: "Remand.",
    },
    context,
  );
  await recordActualDate(
    { projectId: project.id, milestoneId: milestone.id, actualDate: new Date("2027-08-15") },
    context,
  );
  await changeStage(
    { projectId: project.id, expectedVersion: 2, kind: "ADVANCE", reason: "Application received." },
    context,
  );

  const intake = await createIntakePeriod();
  const comments = [];
  for (const [i, name] of ["Ada Rancher", "Ben Hydrologist", "Cy Neighbour"].entries()) {
    comments.push(
      await submitComment(
        {
          periodId: intake.period.id,
          idempotencyKey: `log-${i}-${Date.now()}`,
          submitterType: "ANONYMOUS",
          displayName: name,
          email: `${name.split(" ")[0].toLowerCase()}@example.org`,
          text: `${COMMENT} (${i})`,
          files: [],
          clientIp: `198.51.100.${i + 1}`,
        },
        { actorId: null, requestId: `req-c${i}` },
      ),
    );
  }
  const moderator = { actorId: intake.regulator.id, requestId: "req-mod" };
  await moderate(
    intake.period.id,
    [comments[0].commentId],
    { kind: "HIDE", reason: "Names a private person." },
    moderator,
  );
  await moderate(intake.period.id, [comments[0].commentId], { kind: "RESTORE" }, moderator);
  await sequenceLog({ batchSize: 4 });
  return { project, milestone, comments, intake };
}

async function entries() {
  return prisma.logEntry.findMany({ orderBy: { sequence: "asc" } });
}

beforeAll(async () => {
  world = await buildWorld();
});

describe("the public log", () => {
  it("holds an entry for every public change of the workflows, in order, and a clean run verifies", async () => {
    const types = (await entries()).map((entry) => entry.type);
    expect(types).toEqual([
      "project.created",
      "project.updated",
      "milestone.added",
      "milestone.dateChanged",
      "milestone.actualDateRecorded",
      "project.stageChanged",
      "comment.submitted",
      "comment.submitted",
      "comment.submitted",
      "comment.moderated",
      "comment.moderated",
    ]);
    expect(await prisma.logPending.count()).toBe(0);
    // Batches of 4: three checkpoints, each signed.
    expect(await prisma.logCheckpoint.count()).toBe(3);
    const result = await verify();
    expect(result.problem).toBeNull();
    expect(result).toMatchObject({ ok: true, entries: 11, checkpoints: 3 });
  });

  it("keeps what people wrote out of the log: a commitment to the text and name, never them", async () => {
    const bodies = (await entries()).map((entry) => entry.body).join("\n");
    for (const secret of ["Ada Rancher", "ada@example.org", "198.51.100.1", COMMENT.slice(0, 30), "Log Regulator"]) {
      expect(bodies).not.toContain(secret);
    }
    const entry = await prisma.logEntry.findFirstOrThrow({
      where: { type: "comment.submitted" },
      orderBy: { sequence: "asc" },
    });
    const body = JSON.parse(entry.body);
    expect(canonicalize(body)).toBe(entry.body);
    const { salt } = await prisma.logCommitment.findUniqueOrThrow({ where: { eventId: entry.eventId } });
    // Over the name as the record shows it ("Anonymous" for an anonymous comment) and the text.
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id: world.comments[0].commentId } });
    expect(comment.displayName).toBe("Anonymous");
    const expected = createHash("sha256")
      .update(salt)
      .update(canonicalize({ name: comment.displayName, text: comment.text }))
      .digest("hex");
    expect(body.commitment.hash).toBe(expected);
    expect(entry.projectId).toBe(world.intake.period.projectId);
    expect(body.data).toEqual({
      projectId: world.intake.period.projectId,
      periodId: world.intake.period.id,
      commentId: world.comments[0].commentId,
      receiptNumber: world.comments[0].receiptNumber,
    });
    // A redaction removes the salt (and the comment); the entry, and so the log, stays valid.
    await prisma.logCommitment.delete({ where: { eventId: entry.eventId } });
    expect((await verify()).ok).toBe(true);
  });

  it("refuses to change or remove anything the log holds", async () => {
    await expect(prisma.$executeRaw`update "LogEntry" set body = '{}' where sequence = 0`).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRaw`delete from "LogEntry" where sequence = 0`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`update "LogCheckpoint" set "treeSize" = 1`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`delete from "LogNode"`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`truncate "LogEntry"`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`delete from "LogPending"`).resolves.toBe(0); // nothing pending: no row to refuse
  });

  it("extends the checkpoints a verifier saw before (consistency proofs), and signs a quiet log hourly", async () => {
    const first = await verify();
    await changeStage(
      { projectId: world.project.id, expectedVersion: 3, kind: "ADVANCE", reason: "Notice of intent published." },
      { actorId: null, requestId: "req-2" },
    );
    expect(await prisma.logPending.count()).toBe(1);
    await expect(prisma.$executeRaw`delete from "LogPending"`).rejects.toThrow(/only by the sequencer/);
    await sequenceLog();
    const second = await verify(first.state);
    expect(second.problem).toBeNull();
    expect(second.entries).toBe(12);
    expect(await signPeriodicCheckpoint(50 * 60_000)).toBeNull();
    expect(await signPeriodicCheckpoint(0)).toMatchObject({ treeSize: 12 });
  });
});

describe("tampering, directly in PostgreSQL, is detected and named", () => {
  it("an edited body", async () => {
    const entry = await prisma.logEntry.findFirstOrThrow({ where: { type: "milestone.dateChanged" } });
    await tamper(
      `update "LogEntry" set body = replace(body, '2027-09-01', '2027-03-01') where sequence = ${entry.sequence}`,
    );
    const result = await verify();
    await tamper(
      `update "LogEntry" set body = replace(body, '2027-03-01', '2027-09-01') where sequence = ${entry.sequence}`,
    );
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(new RegExp(`^entry #${entry.sequence} does not match checkpoint \\d+`));
    expect((await verify()).ok).toBe(true);
  });

  it("a deleted entry", async () => {
    const saved = await prisma.logEntry.findUniqueOrThrow({ where: { sequence: 4n } });
    await tamper(`delete from "LogEntry" where sequence = 4`);
    const result = await verify();
    await prisma.logEntry.create({ data: saved });
    expect(result.problem).toBe("entry #4 is missing: the log goes from #3 to #5");
  });

  it("two entries swapped", async () => {
    const [a, b] = await prisma.logEntry.findMany({
      where: { sequence: { in: [2n, 6n] } },
      orderBy: { sequence: "asc" },
    });
    const put = async (sequence: bigint, body: string) =>
      tamper(`update "LogEntry" set body = ${sqlString(body)} where sequence = ${sequence}`);
    await put(a.sequence, b.body);
    await put(b.sequence, a.body);
    const result = await verify();
    await put(a.sequence, a.body);
    await put(b.sequence, b.body);
    expect(result.problem).toMatch(/^entry #2 does not match checkpoint/);
    expect((await verify()).ok).toBe(true);
  });

  it("a record changed without an entry", async () => {
    const { currentStage } = await prisma.project.findUniqueOrThrow({ where: { id: world.project.id } });
    await tamper(`update "Project" set "currentStage" = 'record_of_decision' where id = '${world.project.id}'`);
    const result = await verify();
    await tamper(`update "Project" set "currentStage" = '${currentStage}' where id = '${world.project.id}'`);
    expect(result.problem).toMatch(
      new RegExp(
        `^project ${world.project.slug}: the record shows stage "record_of_decision" .* but its last log entry, #\\d+, says "${currentStage}"`,
      ),
    );
    const milestoneDate = `update "Milestone" set "targetDate" = '2030-01-01' where id = '${world.milestone.id}'`;
    await tamper(milestoneDate);
    const moved = await verify();
    await tamper(`update "Milestone" set "targetDate" = '2027-09-01' where id = '${world.milestone.id}'`);
    expect(moved.problem).toMatch(
      new RegExp(
        `^milestone ${world.milestone.id}: the record shows target date 2030-01-01, but its last log entry, #3, says 2027-09-01`,
      ),
    );
  });

  it("a checkpoint whose root was swapped", async () => {
    const latest = await prisma.logCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } });
    const older = await prisma.logCheckpoint.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(older.treeSize).toBeLessThan(latest.treeSize);
    await tamper(
      `update "LogCheckpoint" set "rootHash" = '\\x${Buffer.from(older.rootHash).toString("hex")}' where id = ${latest.id}`,
    );
    const columnOnly = await verify();
    // And with the note rewritten to match: the signature no longer does.
    const forged = latest.note.replace(
      Buffer.from(latest.rootHash).toString("base64"),
      Buffer.from(older.rootHash).toString("base64"),
    );
    await tamper(`update "LogCheckpoint" set note = ${sqlString(forged)} where id = ${latest.id}`);
    const rewritten = await verify();
    await tamper(
      `update "LogCheckpoint" set "rootHash" = '\\x${Buffer.from(latest.rootHash).toString("hex")}', note = ${sqlString(latest.note)} where id = ${latest.id}`,
    );
    expect(columnOnly.problem).toMatch(
      new RegExp(`^checkpoint ${latest.id} \\(tree size \\d+, signed .*\\): the signed note says`),
    );
    expect(rewritten.problem).toMatch(new RegExp(`^checkpoint ${latest.id} .*: its signature does not match its note`));
    expect((await verify()).ok).toBe(true);
  });
});

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
