// The public log at scale, on a throwaway PostgreSQL: the cost a writer pays per entry (the
// LogPending insert, with a commitment for a comment), the sequencer's rate, inclusion and
// consistency proof times, and the standalone verifier's full check (public/verify-record.mjs,
// fed by the same functions the API routes call, so no HTTP in the figure).
//
// `npx tsx bench/public-log.bench.ts`. Settings: BENCH_LOG_ENTRIES (100000), BENCH_APPENDS (2000),
// BENCH_PROOFS (200). Prints figures; nothing is kept.
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
  const { prisma } = await import("../app/services/db.server");
  const { logRow } = await import("../app/models/events/record.server");
  const { sequenceLog } = await import("../app/models/log/sequencer.server");
  const reads = await import("../app/models/log/log-reads.server");
  const { verifyRecord } = await import("../public/verify-record.mjs");

  // 1. Append cost: one comment.submitted entry with its commitment, in its own transaction,
  //    against the same transaction with only the DomainEvent insert (what intake paid before).
  const payload = (i: number) => ({
    periodId: "period-bench",
    commentId: `comment-${i}`,
    receiptNumber: `LDS-${i}`,
    emailPresent: true,
    actorId: null,
    requestId: null,
  });
  const time = async (label: string, withLog: boolean) => {
    const started = performance.now();
    for (let i = 0; i < APPENDS; i += 1) {
      await prisma.$transaction(async (tx) => {
        const event = await tx.domainEvent.create({
          data: { type: "comment.submitted", aggregateId: "period-bench", payload: payload(i) },
          select: { id: true },
        });
        if (!withLog) return;
        const row = logRow("comment.submitted", payload(i), event.id, new Date(), {
          text: "A comment ".repeat(80),
          name: "Pat",
        });
        if (!row?.salt) throw new Error("expected a commitment");
        await tx.$executeRaw`
          with entry as (insert into "LogPending" ("eventId", "type", "projectId", "body")
            values (${row.eventId}, ${row.type}, ${row.projectId}, ${row.body}))
          insert into "LogCommitment" ("eventId", "salt") values (${row.eventId}, ${row.salt})`;
      });
    }
    const ms = (performance.now() - started) / APPENDS;
    console.log(`${label}: ${ms.toFixed(3)} ms per transaction (${APPENDS} sequential)`);
    return ms;
  };
  const without = await time("event only", false);
  const withLog = await time("event + log entry + commitment", true);
  console.log(
    `append cost: +${(withLog - without).toFixed(3)} ms per comment (${(((withLog - without) / without) * 100).toFixed(1)} % of this minimal transaction)`,
  );
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
  console.log(
    `verifier: ${result.ok ? "verified" : `FAILED: ${result.problem}`} ${size} entries and ${result.checkpoints} checkpoints in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const [{ bytes }] = await prisma.$queryRaw<{ bytes: bigint }[]>`
    select pg_total_relation_size('"LogEntry"') + pg_total_relation_size('"LogNode"') as bytes`;
  console.log(`storage: ${(Number(bytes) / 1048576).toFixed(0)} MB for entries and tree nodes`);
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
