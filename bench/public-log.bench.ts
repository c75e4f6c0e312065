// The public log at scale, on a throwaway PostgreSQL: the cost a writer pays per entry (the
// LogPending insert, with a commitment for a comment), the sequencer's rate, inclusion and
// consistency proof times, and the standalone verifier's full check (public/verify-record.mjs,
// fed by the same functions the API routes call, so no HTTP in the figure).
//
// `npx tsx bench/public-log.bench.ts`. Settings: BENCH_LOG_ENTRIES (100000), BENCH_APPENDS (2000
// per arm and path), BENCH_PROOFS (200). Prints figures; nothing is kept. The ENTRIES pending rows
// are made in bulk (INSERT ... SELECT generate_series) and then numbered by the real sequencer.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres, ensureDatabase } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "..");
const ENTRIES = Number(process.env.BENCH_LOG_ENTRIES ?? 100_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 2000);
const PROOFS = Number(process.env.BENCH_PROOFS ?? 200);

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`${new Date().toISOString()}: ${os.cpus().length} CPUs, load average ${load()}, node ${process.version}`);
const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-log-bench-"));
const postgres = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: 56000 + Math.floor(Math.random() * 500),
});
try {
  await ensureDatabase(postgres.adminUrl, "lodestone_bench");
  const databaseUrl = postgres.urlFor("lodestone_bench");
  await applyMigrations(databaseUrl, ROOT);
  process.env.DATABASE_URL = databaseUrl;
  process.env.LODESTONE_DATA_DIR = dir;
  process.env.COMMENT_MAX_PER_IP = "10000000";
  const { prisma } = await import("../app/services/db.server");
  const { sequenceLog } = await import("../app/models/log/sequencer.server");
  const reads = await import("../app/models/log/log-reads.server");
  const { verifyRecord } = await import("../public/verify-record.mjs");

  // 1. Append cost on the real paths, in-process (no HTTP): changeStage (pause / resume of one
  //    project) and submitComment (an anonymous comment with its commitment). A/B in one run: the
  //    control arm turns on a BEFORE INSERT trigger that drops LogPending and LogCommitment rows, so
  //    the app's code and statements are the same and only the log's writes are taken away. Arms
  //    alternate in blocks of APPENDS / 10 so the shared machine's load falls on both alike.
  await prisma.$executeRawUnsafe(
    `create function bench_drop_log_row() returns trigger language plpgsql as $$ begin return null; end $$`,
  );
  for (const table of ["LogPending", "LogCommitment"]) {
    await prisma.$executeRawUnsafe(
      `create trigger bench_drop_log_row before insert on "${table}" for each row execute function bench_drop_log_row()`,
    );
  }
  const arm = async (withLog: boolean) => {
    for (const table of ["LogPending", "LogCommitment"]) {
      await prisma.$executeRawUnsafe(
        `alter table "${table}" ${withLog ? "disable" : "enable"} trigger bench_drop_log_row`,
      );
    }
  };
  const { createProject } = await import("../app/models/project.server");
  const { changeStage } = await import("../app/models/stage.server");
  const { submitComment } = await import("../app/models/comments/comment-intake.server");
  const company = await prisma.organization.create({ data: { name: "Bench Co", slug: "bench-co", kind: "COMPANY" } });
  const agency = await prisma.organization.create({ data: { name: "Bench BLM", slug: "bench-blm", kind: "AGENCY" } });
  const regulator = await prisma.user.create({ data: { email: "r@bench.test", name: "R", passwordHash: "x" } });
  await prisma.membership.create({ data: { userId: regulator.id, organizationId: agency.id } });
  const context = { actorId: regulator.id, requestId: null };
  const project = await createProject(
    {
      name: "Bench Mine",
      county: "Humboldt",
      commodities: ["lithium"],
      landStatus: "BLM",
      description: "Benchmark project.",
      companyId: company.id,
      state: "NV",
      leadAgencyId: agency.id,
    },
    context,
  );
  const period = await prisma.commentPeriod.create({
    data: {
      projectId: project.id,
      stage: "draft_eis",
      title: "Bench draft EIS",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      timeZone: "America/Denver",
      allowAnonymous: true,
      openedById: regulator.id,
    },
  });
  let version = (await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { version: true } }))
    .version;
  let paused = false;
  let commentNo = 0;
  const paths = {
    "stage change (changeStage, pause / resume)": async () => {
      await changeStage(
        {
          projectId: project.id,
          expectedVersion: version,
          kind: paused ? "RESUME" : "PAUSE",
          reason: "Bench.",
          ...(paused ? {} : { pause: { reason: "SPONSOR_FACTORS" as const, expectedLiftDate: null } }),
        },
        context,
      );
      version += 1;
      paused = !paused;
    },
    "comment intake (submitComment, anonymous)": async () => {
      commentNo += 1;
      await submitComment(
        {
          periodId: period.id,
          idempotencyKey: `bench-${commentNo}`,
          submitterType: "ANONYMOUS",
          displayName: "",
          email: null,
          text: `A comment about the springs and the valley's water, number ${commentNo}. `.repeat(8),
          files: [],
          clientIp: "127.0.0.1",
        },
        context,
      );
    },
  };
  const BLOCK = Math.max(1, Math.floor(APPENDS / 10));
  for (const [name, run] of Object.entries(paths)) {
    const total = { with: 0, without: 0 };
    for (let round = 0; round < 10; round += 1) {
      for (const withLog of round % 2 === 0 ? [true, false] : [false, true]) {
        await arm(withLog);
        const started = performance.now();
        for (let i = 0; i < BLOCK; i += 1) await run();
        total[withLog ? "with" : "without"] += performance.now() - started;
      }
    }
    const per = { with: total.with / (BLOCK * 10), without: total.without / (BLOCK * 10) };
    console.log(
      `append cost, ${name}: ${per.without.toFixed(2)} ms without the log row, ${per.with.toFixed(2)} ms with it: +${(per.with - per.without).toFixed(2)} ms (${(((per.with - per.without) / per.without) * 100).toFixed(1)} %), ${BLOCK * 10} sequential transactions per arm`,
    );
  }
  await arm(true);
  await prisma.$executeRawUnsafe(`drop trigger bench_drop_log_row on "LogPending"`);
  await prisma.$executeRawUnsafe(`drop trigger bench_drop_log_row on "LogCommitment"`);
  await sequenceLog({ batchSize: 5000 });

  // 2. Sequencing rate: ENTRIES pending rows (bodies shaped like a stage change), then the sequencer.
  await prisma.$executeRawUnsafe(`
    insert into "LogPending" ("eventId", "type", "projectId", "body")
    select 'bench-' || g, 'project.stageChanged', 'project-' || (g % 50),
      '{"data":{"fromStage":"draft_eis","kind":"ADVANCE","projectId":"project-' || (g % 50) || '","reason":"Notice of availability published.","slug":"mine-' || (g % 50) || '","toStage":"final_eis","transitionId":"t' || g || '"},"eventId":"bench-' || g || '","occurredAt":"2026-12-02T08:00:00.000Z","type":"project.stageChanged","v":1}'
    from generate_series(1, ${ENTRIES}) g`);
  let started = performance.now();
  const sequenced = await sequenceLog({ batchSize: 5000 });
  const seqSeconds = (performance.now() - started) / 1000;
  console.log(
    `sequenced ${sequenced} entries in ${seqSeconds.toFixed(1)} s: ${Math.round(sequenced / seqSeconds)} entries/s (batches of 5,000, a signed checkpoint each)`,
  );

  // 3. Proofs at the full size.
  const size = await reads.currentTreeSize();
  started = performance.now();
  for (let i = 0; i < PROOFS; i += 1) await reads.proveInclusion(Math.floor(Math.random() * size), size);
  console.log(`inclusion proof at ${size} entries: ${((performance.now() - started) / PROOFS).toFixed(2)} ms each`);
  started = performance.now();
  for (let i = 0; i < PROOFS; i += 1) await reads.proveConsistency(1 + Math.floor(Math.random() * (size - 1)), size);
  console.log(`consistency proof at ${size} entries: ${((performance.now() - started) / PROOFS).toFixed(2)} ms each`);

  // 4. The verifier over everything.
  const routes: Record<string, (q: URLSearchParams) => Promise<unknown>> = {
    "/api/v1/log/public-key": async () => ({ keys: await reads.publicKeys() }),
    "/api/v1/log/checkpoints": async (q) => {
      const checkpoints = await reads.listCheckpoints({
        before: q.get("before") ? Number(q.get("before")) : undefined,
      });
      const last = checkpoints.at(-1);
      return {
        checkpoints,
        next: last && checkpoints.length === 100 ? `/api/v1/log/checkpoints?before=${last.id}` : null,
      };
    },
    "/api/v1/log/entries": async (q) => ({
      entries: await reads.listEntries(Number(q.get("start")), Number(q.get("end"))),
    }),
    "/api/v1/log/state": () => reads.currentState(),
  };
  started = performance.now();
  const result = await verifyRecord({
    url: "http://bench",
    fetchJson: (p: string) => {
      const url = new URL(p, "http://bench");
      return routes[url.pathname](url.searchParams);
    },
  });
  const verifierMemory = process.memoryUsage();
  console.log(
    `verifier: ${result.ok ? "verified" : `FAILED: ${result.problem}`} ${size} entries and ${result.checkpoints} checkpoints in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `memory after the verifier: rss ${(verifierMemory.rss / 1048576).toFixed(0)} MB, heap used ${(verifierMemory.heapUsed / 1048576).toFixed(0)} MB`,
  );
  const [{ bytes }] = await prisma.$queryRaw<{ bytes: bigint }[]>`
    select pg_total_relation_size('"LogEntry"') + pg_total_relation_size('"LogNode"') as bytes`;
  console.log(`storage: ${(Number(bytes) / 1048576).toFixed(0)} MB for entries and tree nodes`);
  console.log(`${new Date().toISOString()}: done, load average ${load()}`);
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
