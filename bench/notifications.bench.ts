// Notification fan-out at scale: one stage change on a project with N followers (default 100,000),
// through the real pipeline. changeStage() records the DomainEvent, its trigger queues the
// "dispatch-event" job, the worker (startWorker, in this process) inserts the Notification and
// EmailDelivery rows and queues one "send-email-batch" job per 100 emails, and each job sends one
// batch request through the real `resend` SDK to the recording stand-in (test/support/mail-recorder),
// which answers 429 beyond the configured provider limit, like Resend does.
//
// Figures: the stage change's latency; the time until every notification is enqueued (the event is
// processed, every EmailDelivery row exists and every send job is queued); then delivery: requests
// accepted per second against the limit the app is configured with (EMAIL_REQUESTS_PER_SECOND =
// the recorder's limit), and the 429s the recorder handed out (there should be none). When every
// email is delivered the run checks that each follower got exactly one.
//
// Run with `npm run bench:notifications -- [--followers N] [--rate R] [--deliver-seconds S]`
// (or BENCH_FOLLOWERS, BENCH_RATE, BENCH_DELIVER_SECONDS; `--app-rate X` sets the app's throttle
// below the provider's limit). No build needed. At the defaults delivery is 1,000 requests at a
// little under 2 per second, about 9 minutes; `--deliver-seconds 60` measures the rate over the
// first minute and extrapolates. Local only (PostgreSQL on 127.0.0.1 in a temporary folder, removed
// at the end). Results: bench/results/notifications-<timestamp>.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";
import { startMailRecorder, type MailRecorder, type RecordedEmail } from "../test/support/mail-recorder";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const BATCH_SIZE = 100;
const WORKER_CONCURRENCY = 4;
const POLL_MS = 100;

/** `--name value`, `--name=value`, or the environment variable. */
function option(name: string, envName: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1]?.startsWith("--") ? "true" : (args[i + 1] ?? "true");
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return process.env[envName];
}
function positiveInteger(name: string, envName: string, fallback: number, max: number): number {
  const raw = option(name, envName);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${raw}".`);
  }
  return value;
}
const FOLLOWERS = positiveInteger("followers", "BENCH_FOLLOWERS", 100_000, 1_000_000);
// The recorder's limiter counts whole requests in a sliding second.
const RATE = positiveInteger("rate", "BENCH_RATE", 2, 100);
// What the app is told the provider allows (EMAIL_REQUESTS_PER_SECOND); the provider's real limit by
// default. A lower figure shows what a safety margin below the limit buys.
const appRateRaw = option("app-rate", "BENCH_APP_RATE");
const APP_RATE = appRateRaw === undefined ? RATE : Number(appRateRaw);
if (!(APP_RATE > 0 && APP_RATE <= 100)) throw new Error(`--app-rate must be a number above 0, not "${appRateRaw}".`);
// Delivering everything (the default) is what allows the exactly-once checks; `--deliver-seconds S`
// (or `--deliver-all false`, 60 s) measures the rate over the first S seconds instead.
const deliverSecondsGiven = option("deliver-seconds", "BENCH_DELIVER_SECONDS") !== undefined;
const DELIVER_ALL = !deliverSecondsGiven && option("deliver-all", "BENCH_DELIVER_ALL") !== "false";
const DELIVER_SECONDS = DELIVER_ALL ? null : positiveInteger("deliver-seconds", "BENCH_DELIVER_SECONDS", 60, 86_400);
const EXPECTED_BATCHES = Math.ceil(FOLLOWERS / BATCH_SIZE);
// Far longer than delivery should take; a stuck pipeline ends the run instead of hanging it.
const DELIVERY_TIMEOUT_MS = ((EXPECTED_BATCHES / RATE) * 2 + 300) * 1000;
const ENQUEUE_TIMEOUT_MS = 15 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const fmt = (n: number) => n.toLocaleString("en-US");
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Which code was measured: the commit, and whether app/ had changes not committed yet. */
function codeVersion() {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
    return { commit: git("rev-parse", "--short", "HEAD"), appChanged: git("status", "--porcelain", "app") !== "" };
  } catch {
    return { commit: null, appChanged: null };
  }
}

// ───────────── Seeding ─────────────

// A fixed, unusable hash: nobody signs in as a benchmark follower, and argon2 for 100,000 rows would
// take minutes.
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJrc2FsdA$bm90LWEtcmVhbC1oYXNoLWZvci1iZW5jaA";

async function seedFollowers(db: pg.Pool, projectId: string) {
  const t0 = performance.now();
  await db.query(
    `insert into "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt")
     select 'bench-follower-' || n, 'follower-' || n || '@example.org', 'Follower ' || n, $1, now(), now()
     from generate_series(1, $2::int) n`,
    [PASSWORD_HASH, FOLLOWERS],
  );
  const users = performance.now();
  await db.query(
    `insert into "Follow" (id, "userId", "projectId", "updatedAt")
     select 'bench-follow-' || n, 'bench-follower-' || n, $1, now()
     from generate_series(1, $2::int) n`,
    [projectId, FOLLOWERS],
  );
  const follows = performance.now();
  // Autovacuum would do this within a minute of such an insert; without it the planner guesses.
  await db.query(`analyze "User"; analyze "Follow"`);
  const analyzed = performance.now();
  return {
    usersSeconds: round((users - t0) / 1000, 2),
    followsSeconds: round((follows - users) / 1000, 2),
    analyzeSeconds: round((analyzed - follows) / 1000, 2),
    totalSeconds: round((analyzed - t0) / 1000, 2),
  };
}

// ───────────── What the database is doing ─────────────

type Statement = { pid: number; query: string; startedAt: number; lastSeenAt: number; waits: Set<string> };

/**
 * Samples pg_stat_activity, so the long statements of the dispatch transaction can be named and
 * timed from outside the app (to within one sampling interval).
 */
function watchStatements(db: pg.Pool, everyMs: number) {
  const seen = new Map<string, Statement>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{
        pid: number;
        query: string;
        query_start: Date;
        wait: string | null;
        now: Date;
      }>(
        `select pid, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query, query_start,
                wait_event_type || ':' || wait_event as wait, clock_timestamp() as now
         from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
      );
      for (const row of rows) {
        const key = `${row.pid}|${row.query_start.getTime()}`;
        const statement = seen.get(key) ?? {
          pid: row.pid,
          query: row.query,
          startedAt: row.query_start.getTime(),
          lastSeenAt: 0,
          waits: new Set<string>(),
        };
        statement.lastSeenAt = row.now.getTime();
        if (row.wait) statement.waits.add(row.wait);
        seen.set(key, statement);
      }
      await sleep(everyMs);
    }
  })();
  return {
    async stop(minMs: number) {
      running = false;
      await loop;
      return [...seen.values()]
        .map((s) => ({
          pid: s.pid,
          startedAt: s.startedAt,
          seenForMs: s.lastSeenAt - s.startedAt,
          waits: [...s.waits],
          query: s.query,
        }))
        .filter((s) => s.seenForMs >= minMs)
        .sort((a, b) => a.startedAt - b.startedAt);
    },
  };
}

/**
 * Samples, during delivery, how many send jobs are running and the shared throttle row's next free
 * moment. When that moment is already past, no job was ready to send: the jobs, not the throttle,
 * were holding delivery back.
 */
function watchSending(db: pg.Pool, everyMs: number) {
  const running: number[] = [];
  const aheadMs: number[] = [];
  let active = true;
  const loop = (async () => {
    while (active) {
      const { rows } = await db.query<{ running: number; aheadMs: number | null }>(
        `select (select count(*)::int from graphile_worker._private_jobs where locked_at is not null) as running,
                (select extract(epoch from ("nextSlotAt" - (clock_timestamp() at time zone 'UTC'))) * 1000
                 from "EmailThrottle" where id = 1)::float8 as "aheadMs"`,
      );
      running.push(rows[0].running);
      if (rows[0].aheadMs !== null) aheadMs.push(rows[0].aheadMs);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      active = false;
      await loop;
      const sorted = [...aheadMs].sort((a, b) => a - b);
      const histogram: Record<number, number> = {};
      for (const n of running) histogram[n] = (histogram[n] ?? 0) + 1;
      return {
        samples: running.length,
        meanJobsRunning: round(running.reduce((a, b) => a + b, 0) / Math.max(1, running.length), 2),
        jobsRunningHistogram: histogram,
        nextSlotInMs: { p10: round(percentile(sorted, 10)), p50: round(percentile(sorted, 50)) },
        shareOfSamplesThrottleIdle: round(aheadMs.filter((ms) => ms <= 0).length / Math.max(1, aheadMs.length), 3),
      };
    },
  };
}

type PlanNode = {
  "Node Type": string;
  "Actual Total Time"?: number;
  "Sort Method"?: string;
  "Sort Space Used"?: number;
  "Sort Space Type"?: string;
  Plans?: PlanNode[];
};

/** Execution time of a read-only statement, and how its sorts ran (in memory or spilled to disk). */
async function explain(db: pg.Pool, sql: { text: string; values: unknown[] }) {
  const { rows } = await db.query<{ "QUERY PLAN": [{ "Execution Time": number; Plan: PlanNode }] }>(
    `explain (analyze, buffers, format json) ${sql.text}`,
    sql.values,
  );
  const [result] = rows[0]["QUERY PLAN"];
  const sorts: string[] = [];
  const visit = (node: PlanNode) => {
    if (node["Sort Method"]) {
      sorts.push(`${node["Sort Method"]} (${node["Sort Space Type"]} ${node["Sort Space Used"]} kB)`);
    }
    node.Plans?.forEach(visit);
  };
  visit(result.Plan);
  return { executionMs: round(result["Execution Time"], 1), sorts };
}

// ───────────── Delivery ─────────────

/** The most requests accepted within any one-second window (the recorder's limiter's view). */
function busiestSecond(acceptedAt: number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < acceptedAt.length; to++) {
    while (acceptedAt[to] - acceptedAt[from] >= 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The recorder keeps every email it accepts (html and text, several KB each). Taking them out as
 * they arrive keeps the benchmark's memory flat; emails() and clear() run back to back on the one
 * thread the recorder also answers on, so nothing is lost in between.
 */
function createTally(recorder: MailRecorder) {
  const perRecipient = new Map<string, number>();
  let emails = 0;
  let bodyBytes = 0;
  let wrongSubject = 0;
  return {
    drain() {
      const taken: RecordedEmail[] = recorder.emails();
      recorder.clear();
      for (const email of taken) {
        emails++;
        bodyBytes += Buffer.byteLength(email.html) + Buffer.byteLength(email.text);
        if (!email.subject.includes("advanced to")) wrongSubject++;
        for (const to of Array.isArray(email.to) ? email.to : [email.to]) {
          perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
        }
      }
    },
    summary() {
      let duplicated = 0;
      let strangers = 0;
      for (const [to, count] of perRecipient) {
        if (count > 1) duplicated++;
        const n = Number(/^follower-(\d+)@example\.org$/.exec(to)?.[1] ?? 0);
        if (!(n >= 1 && n <= FOLLOWERS)) strangers++;
      }
      return {
        emails,
        distinctRecipients: perRecipient.size,
        recipientsWithMoreThanOne: duplicated,
        recipientsNotFollowers: strangers,
        wrongSubject,
        meanBodyKB: emails ? round(bodyBytes / emails / 1024, 1) : 0,
      };
    },
  };
}

// ───────────── Run ─────────────

async function main() {
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-notifications-bench-"));
  let postgres: RunningPostgres | undefined;
  let db: pg.Pool | undefined;
  let recorder: MailRecorder | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  let disconnect: (() => Promise<void>) | undefined;
  let cleaned = false;
  let peakRss = process.memoryUsage().rss;
  const rssSampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    clearInterval(rssSampler);
    await stopWorker?.().catch((error: unknown) => console.error("[bench] stopping the worker:", error));
    await recorder?.close().catch(() => {});
    await disconnect?.().catch(() => {});
    await db?.end().catch(() => {});
    // pg's Pool.end() resolves before its connections have said goodbye; give them a moment, so
    // stopping the server does not end a connection that is still open (an unhandled pool error).
    await sleep(500);
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`[bench] ${signal}: stopping the worker, the recorder and PostgreSQL`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const started = performance.now();
    // Taken before the app's modules load: the code measured is the code at this moment.
    const version = codeVersion();
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort() });
    await ensureDatabase(postgres.adminUrl, "lodestone_bench");
    const databaseUrl = postgres.urlFor("lodestone_bench");
    await applyMigrations(databaseUrl, ROOT);
    db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    // Stopping PostgreSQL ends connections that are still closing; before that, an error is news.
    db.on("error", (error) => {
      if (!cleaned) console.error("[bench] database connection:", error);
    });
    recorder = await startMailRecorder();
    recorder.setRateLimit(RATE);

    // env() reads and caches process.env on first use: everything is set before the app is imported.
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      APP_URL: "http://localhost:3000",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: recorder.url,
      EMAIL_REQUESTS_PER_SECOND: String(APP_RATE),
    });
    const { prisma } = await import("../app/services/db.server");
    disconnect = () => prisma.$disconnect();
    const { changeStage } = await import("../app/models/stage.server");
    const { startWorker } = await import("../app/services/queue.server");
    const { projectRecipientsSql } = await import("../app/models/notifications/follow.server");
    const { DEFAULT_FREQUENCY } = await import("../app/models/notifications/notification-preferences");
    const { Prisma } = await import("@prisma/client");
    const { addMember, createOrganization, insertProjectRow, createUser } = await import("../test/support/factories");

    const company = await createOrganization("COMPANY", "Bench Mining Co");
    const agency = await createOrganization("AGENCY", "Bench Field Office");
    const regulator = await createUser({ name: "Bench Regulator", email: "regulator@bench.test" });
    await addMember(regulator.id, agency.id);
    const project = await insertProjectRow({
      companyId: company.id,
      leadAgencyId: agency.id,
      stage: "draft_eis",
      name: "Bench Lithium Mine",
    });

    log(
      `${fmt(FOLLOWERS)} followers, provider limit ${RATE} requests/s (app throttle ${APP_RATE}/s), worker concurrency ${WORKER_CONCURRENCY}, ` +
        `${DELIVER_ALL ? "delivering every email" : `measuring delivery for ${DELIVER_SECONDS} s`}; ` +
        `code ${version.commit}${version.appChanged ? " + uncommitted app/ changes" : ""}; ` +
        `${os.cpus().length} CPUs, Node ${process.version}, load ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(" ")}`,
    );
    const seeding = await seedFollowers(db, project.id);
    log(`Seeded ${fmt(FOLLOWERS)} users and follows in ${seeding.totalSeconds} s`);

    const worker = await startWorker({ concurrency: WORKER_CONCURRENCY });
    stopWorker = () => worker.stop();
    // Wait out whatever the worker does at start (the digest cron's backfill) before the clock starts.
    await sleep(1000);

    // ── The stage change, and the fan-out it sets off ──
    const statements = watchStatements(db, POLL_MS / 2);
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const wallStart = Date.now();
    await changeStage(
      { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: "Notice of availability published." },
      { actorId: regulator.id, requestId: "bench" },
    );
    const changeMs = performance.now() - t0;
    const event = await prisma.domainEvent.findFirstOrThrow({
      where: { aggregateId: project.id, type: "project.stageChanged" },
      select: { id: true },
    });

    // The dispatcher writes the rows, queues the send jobs and marks the event processed in one
    // transaction: once processedAt is visible, everything it enqueued is. Counting 100,000 rows every
    // poll would itself load the database, so they are counted once, after.
    let enqueuedMs: number;
    for (;;) {
      const { rows } = await db.query<{ processed: boolean }>(
        `select ("processedAt" is not null) as processed from "DomainEvent" where id = $1`,
        [event.id],
      );
      enqueuedMs = performance.now() - t0;
      if (rows[0].processed) break;
      if (enqueuedMs > ENQUEUE_TIMEOUT_MS) throw new Error(`Event not processed after ${round(enqueuedMs / 1000)} s.`);
      await sleep(POLL_MS);
    }
    const acceptedBefore = recorder.stats().accepted;
    const { rows: queued } = await db.query<{ deliveries: number; sendJobs: number }>(
      `select (select count(*)::int from "EmailDelivery" where "eventId" = $1) as deliveries,
              (select count(*)::int from graphile_worker._private_jobs j
               join graphile_worker._private_tasks t on t.id = j.task_id
               where t.identifier = 'send-email-batch') as "sendJobs"`,
      [event.id],
    );
    // A finished send job has left the queue: count the requests already accepted too.
    if (queued[0].deliveries !== FOLLOWERS || queued[0].sendJobs + acceptedBefore < EXPECTED_BATCHES) {
      throw new Error(
        `Event processed with ${queued[0].deliveries} deliveries (expected ${FOLLOWERS}) and ` +
          `${queued[0].sendJobs} send jobs queued + ${acceptedBefore} sent (expected ${EXPECTED_BATCHES}).`,
      );
    }
    const longStatements = await statements.stop(200);
    const { rows: eventRows } = await db.query<{ dbMs: number }>(
      `select extract(epoch from ("processedAt" - "occurredAt")) * 1000 as "dbMs" from "DomainEvent" where id = $1`,
      [event.id],
    );
    const enqueue = {
      stageChangeMs: round(changeMs, 1),
      enqueueSeconds: round(enqueuedMs / 1000, 2),
      occurredToProcessedSeconds: round(Number(eventRows[0].dbMs) / 1000, 2),
      sendJobsQueuedAtThatMoment: queued[0].sendJobs,
      acceptedBeforeThatMoment: acceptedBefore,
      expectedBatches: EXPECTED_BATCHES,
      longStatements: longStatements.map((s) => ({
        secondsAfterChange: round((s.startedAt - wallStart) / 1000, 2),
        seenForSeconds: round(s.seenForMs / 1000, 2),
        waits: s.waits,
        query: s.query,
      })),
    };
    log(
      `Stage change ${enqueue.stageChangeMs} ms; all ${fmt(FOLLOWERS)} notifications enqueued after ` +
        `${enqueue.enqueueSeconds} s`,
    );

    // ── Delivery ──
    const tally = createTally(recorder);
    const sending = watchSending(db, 250);
    const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
    let pending = FOLLOWERS;
    let lastReport = performance.now();
    let timedOut = false;
    for (;;) {
      await sleep(1000);
      tally.drain();
      const accepted = recorder.stats().acceptedAt;
      if (!DELIVER_ALL && accepted.length > 0 && Date.now() - accepted[0] >= (DELIVER_SECONDS ?? 0) * 1000) break;
      const { rows } = await db.query<{ pending: number }>(
        `select count(*)::int as pending from "EmailDelivery" where "eventId" = $1 and status = 'PENDING'`,
        [event.id],
      );
      pending = rows[0].pending;
      if (pending === 0) break;
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        log(
          `delivery: ${fmt(accepted.length)} of ${fmt(EXPECTED_BATCHES)} requests accepted, ` +
            `${fmt(FOLLOWERS - pending)} emails sent, RSS ${mb(process.memoryUsage().rss)} MB`,
        );
      }
    }
    const deliveryEndedMs = performance.now() - t0;
    const sendingSamples = await sending.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const stats = recorder.stats();
    // In a limited window, only the requests inside it count.
    const windowEnd = DELIVER_ALL ? Infinity : (stats.acceptedAt[0] ?? 0) + (DELIVER_SECONDS ?? 0) * 1000;
    const acceptedAt = stats.acceptedAt.filter((at) => at <= windowEnd);
    const spanMs = acceptedAt.length > 1 ? acceptedAt[acceptedAt.length - 1] - acceptedAt[0] : 0;
    const achieved = spanMs > 0 ? (acceptedAt.length - 1) / (spanMs / 1000) : 0;
    // A 429 holds every worker back for its Retry-After: it shows as a long gap. Where they fall
    // (at the start, while the process warms up, or anywhere) says something about their cause.
    const longGaps = acceptedAt
      .slice(1)
      .map((at, i) => ({
        afterRequest: i + 1,
        atSeconds: round((at - acceptedAt[0]) / 1000, 1),
        ms: at - acceptedAt[i],
      }))
      .filter((gap) => gap.ms > 1.5 * (1000 / APP_RATE));
    const gaps = acceptedAt
      .slice(1)
      .map((at, i) => at - acceptedAt[i])
      .sort((a, b) => a - b);
    const delivery = {
      mode: DELIVER_ALL ? "all" : `first ${DELIVER_SECONDS} s`,
      completed: DELIVER_ALL && pending === 0,
      timedOut,
      firstAcceptedSecondsAfterChange: acceptedAt.length ? round((acceptedAt[0] - wallStart) / 1000, 2) : null,
      firstToLastAcceptedSeconds: round(spanMs / 1000, 1),
      requestsAccepted: acceptedAt.length,
      requestsSent: stats.requests,
      replayed: stats.replayed,
      rejected429: stats.rejectedRateLimit,
      configuredRequestsPerSecond: RATE,
      appThrottleRequestsPerSecond: APP_RATE,
      achievedRequestsPerSecond: round(achieved, 3),
      ratio: round(achieved / RATE, 3),
      emailsPerSecond: round(achieved * BATCH_SIZE, 1),
      busiestSecond: busiestSecond(acceptedAt),
      gapMs: {
        min: gaps[0] ?? 0,
        p50: percentile(gaps, 50),
        p99: percentile(gaps, 99),
        max: gaps[gaps.length - 1] ?? 0,
      },
      longGaps,
      extrapolatedFullDeliverySeconds: achieved > 0 ? round((EXPECTED_BATCHES - 1) / achieved, 0) : null,
      stageChangeToLastEmailSeconds: DELIVER_ALL ? round(deliveryEndedMs / 1000, 1) : null,
      sending: sendingSamples,
      benchProcessCpuPercentOfOneCore: round(((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100, 1),
    };

    // ── Correctness (when everything was delivered) ──
    const { rows: dbRows } = await db.query<{
      notifications: number;
      sent: number;
      failed: number;
      pending: number;
      retried: number;
      batches: number;
    }>(
      `select (select count(*)::int from "Notification" where "eventId" = $1) as notifications,
              count(*) filter (where status = 'SENT')::int as sent,
              count(*) filter (where status = 'FAILED')::int as failed,
              count(*) filter (where status = 'PENDING')::int as pending,
              count(*) filter (where attempts > 1)::int as retried,
              count(distinct "batchKey")::int as batches
       from "EmailDelivery" where "eventId" = $1`,
      [event.id],
    );
    // The fan-out's reads on their own, after the run (the rows it wrote do not change them): what is
    // left of the insert statements' time above is writing rows and index entries.
    const recipients = projectRecipientsSql(project.id, "STAGE_CHANGED", DEFAULT_FREQUENCY.STAGE_CHANGED, regulator.id);
    const { rows: memory } = await db.query<{ work_mem: string }>("show work_mem");
    const reads = {
      workMem: memory[0].work_mem,
      notificationRecipients: await explain(
        db,
        Prisma.sql`with recipients as (${recipients}) select r."userId", r.frequency from recipients r`,
      ),
      emailRecipientsNumbered: await explain(
        db,
        Prisma.sql`with recipients as (${recipients})
          select r."userId", r.email, (row_number() over (order by r."userId") - 1) / ${BATCH_SIZE} as batch
          from recipients r where r.frequency = 'IMMEDIATE' and r.verified and not r."emailMuted"`,
      ),
    };
    const received = tally.summary();
    const database = dbRows[0];
    const checks = DELIVER_ALL
      ? {
          "every follower notified in the app": database.notifications === FOLLOWERS,
          "one email per follower (distinct recipients)": received.distinctRecipients === FOLLOWERS,
          "no follower got two": received.recipientsWithMoreThanOne === 0 && received.emails === FOLLOWERS,
          "only followers emailed": received.recipientsNotFollowers === 0,
          "every email is the stage change": received.wrongSubject === 0,
          "no EmailDelivery left PENDING": database.pending === 0,
          "every EmailDelivery SENT": database.sent === FOLLOWERS && database.failed === 0,
          "no 429 from the provider": stats.rejectedRateLimit === 0,
        }
      : null;

    // ── Report ──
    const line = (label: string, value: string | number) => console.log(`${label.padEnd(48)}${value}`);
    console.log("");
    line("Followers (verified, following)", fmt(FOLLOWERS));
    line("Seeding (not measured)", `${seeding.totalSeconds} s`);
    line("Stage change call (changeStage)", `${enqueue.stageChangeMs} ms`);
    line("Time to enqueue all notifications", `${enqueue.enqueueSeconds} s`);
    line("  event occurredAt → processedAt (database)", `${enqueue.occurredToProcessedSeconds} s`);
    line("  Notification / EmailDelivery rows", `${fmt(database.notifications)} / ${fmt(FOLLOWERS)}`);
    line("  send jobs (batches of 100)", `${fmt(database.batches)}`);
    line("First batch accepted after the change", `${delivery.firstAcceptedSecondsAfterChange ?? "-"} s`);
    line(`Delivery measured (${delivery.mode})`, `${delivery.firstToLastAcceptedSeconds} s first→last accepted`);
    line(
      "Requests accepted / sent / 429 from limiter",
      `${delivery.requestsAccepted} / ${stats.requests} / ${stats.rejectedRateLimit}`,
    );
    line("Emails recorded / sent (database)", `${fmt(received.emails)} / ${fmt(database.sent)}`);
    line("Achieved requests/s (configured)", `${delivery.achievedRequestsPerSecond} (${RATE})`);
    line("Ratio achieved / configured", `${delivery.ratio}`);
    line("Emails/s", `${delivery.emailsPerSecond}`);
    line("Busiest one-second window (accept times)", `${delivery.busiestSecond}`);
    line(
      "Gap between accepted requests ms (min/p50/p99/max)",
      `${delivery.gapMs.min} / ${delivery.gapMs.p50} / ${delivery.gapMs.p99} / ${delivery.gapMs.max}`,
    );
    line(
      "Gaps over 1.5 intervals (first few: after request)",
      `${longGaps.length}${
        longGaps.length
          ? ` (${longGaps
              .slice(0, 5)
              .map((gap) => gap.afterRequest)
              .join(", ")})`
          : ""
      }`,
    );
    if (DELIVER_ALL) line("Stage change → all emails sent", `${delivery.stageChangeToLastEmailSeconds} s`);
    else line("Full delivery, extrapolated", `${delivery.extrapolatedFullDeliverySeconds} s`);
    line(
      "Send jobs running (mean of 4; histogram)",
      `${sendingSamples.meanJobsRunning}; ${JSON.stringify(sendingSamples.jobsRunningHistogram)}`,
    );
    line(
      "Throttle's next slot in ms (p10 / p50; past)",
      `${sendingSamples.nextSlotInMs.p10} / ${sendingSamples.nextSlotInMs.p50}; ` +
        `${round(sendingSamples.shareOfSamplesThrottleIdle * 100)}% of samples`,
    );
    line("Deliveries retried (attempts > 1)", `${database.retried}`);
    line("Mean email size (html + text)", `${received.meanBodyKB} KB`);
    line("Bench process: peak RSS / CPU", `${mb(peakRss)} MB / ${delivery.benchProcessCpuPercentOfOneCore}% of a core`);
    if (enqueue.longStatements.length > 0) {
      // pg_stat_activity keeps only the first 1 KB of a statement, so both fan-out inserts show as their
      // recipients CTE; dispatch.server.ts sends the Notification insert first, then the EmailDelivery one.
      console.log(
        "\nStatements seen running for 200 ms or more during the enqueue (pg_stat_activity samples; the two " +
          "inserts are Notification, then EmailDelivery):",
      );
      for (const s of enqueue.longStatements) {
        console.log(
          `  +${s.secondsAfterChange.toFixed(2).padStart(6)} s  ${s.seenForSeconds.toFixed(2).padStart(6)} s  ${s.query}` +
            (s.waits.length ? `  [${s.waits.join(", ")}]` : ""),
        );
      }
    }
    console.log(`\nThe fan-out's reads alone (EXPLAIN ANALYZE after the run, work_mem ${reads.workMem}):`);
    for (const [name, read] of Object.entries({
      notificationRecipients: reads.notificationRecipients,
      emailRecipientsNumbered: reads.emailRecipientsNumbered,
    })) {
      console.log(`  ${name.padEnd(26)}${String(read.executionMs).padStart(9)} ms  ${read.sorts.join("; ")}`);
    }
    if (checks) {
      console.log("\nChecks:");
      for (const [name, ok] of Object.entries(checks)) console.log(`  ${ok ? "ok  " : "FAIL"} ${name}`);
    }

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGB: round(os.totalmem() / 2 ** 30, 1),
        node: process.version,
        loadAfter: os.loadavg(),
      },
      code: version,
      settings: {
        followers: FOLLOWERS,
        providerRequestsPerSecond: RATE,
        appRequestsPerSecond: APP_RATE,
        batchSize: BATCH_SIZE,
        workerConcurrency: WORKER_CONCURRENCY,
        deliverAll: DELIVER_ALL,
        deliverSeconds: DELIVER_SECONDS,
      },
      seeding,
      enqueue,
      reads,
      delivery,
      received,
      database,
      checks,
      peakRssMB: mb(peakRss),
      wallSeconds: round((performance.now() - started) / 1000, 1),
    };
    const outDir = path.join(ROOT, "bench", "results");
    mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `notifications-${results.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`Results: ${path.relative(ROOT, outFile)}`);
    if (timedOut) throw new Error(`Delivery did not finish within ${round(DELIVERY_TIMEOUT_MS / 1000)} s.`);
    if (checks && Object.values(checks).includes(false)) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
