// Comment intake under a surge: the built app on a throwaway PostgreSQL takes N anonymous multipart
// submissions at a fixed concurrency (70% copies of 5 form letters, half with an added sentence; 30%
// unique; 5% deliberate retries of a key already sent). Figures: accepted comments per second,
// latency percentiles, errors, how many backends queue on the period's grouping lock, and then the
// database checked against what was sent: each receipt once, one row per key, campaign counts.
//
// The public log's cost (issue 17: intake must not lose more than 10 % of its throughput) is
// measured as an A/B in the same run, against the same app and database: rounds alternate between
// "with the log" (as the app always runs) and a control in which a BEFORE INSERT trigger, installed
// by this bench only, drops the LogPending and LogCommitment rows. The app's code and statements are
// the same in both arms; only the log's writes (and the sequencer's work on them) are taken away.
// Each round has its own comment period; before each round the grouping and the sequencer catch up.
//
// Issue 15 goal 3 (1,000 accepted comments/s with 200 concurrent clients): the app runs with
// BENCH_PROCESSES web processes (WEB_CONCURRENCY, node:cluster); besides the late retries, 2% of the
// submissions are sent twice at the same moment (a double click, a proxy's retry racing the first
// try), and both answers must name the same receipt. Lost (an accepted receipt not stored under its
// key) and duplicate receipts (one receipt for two keys, or two rows for one key) are counted. What
// the database's backends wait on is sampled every 50 ms; BENCH_CPU_PROF=1 writes a CPU profile per
// app process (node --cpu-prof) and prints where its time went.
//
// Run `npm run build`, then `npx tsx bench/comment-intake.bench.ts`. Settings: BENCH_COMMENTS (2000,
// per round), BENCH_CONCURRENCY (200), BENCH_PROCESSES (1), BENCH_CPU_PROF (off), BENCH_ROUNDS (1 =
// no A/B; an even number alternates the arms, starting with the log). Local only; results in
// bench/results/comment-intake-<timestamp>.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";
import { summarizeProfiles } from "./support/cpu-profile";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const setting = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};
const COMMENTS = setting("BENCH_COMMENTS", 2000, 50_000);
const CONCURRENCY = setting("BENCH_CONCURRENCY", 200, 1000);
const ROUNDS = setting("BENCH_ROUNDS", 1, 20);
const PROCESSES = setting("BENCH_PROCESSES", 1, 16);
const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
const RETRY_SHARE = 0.05;
const TWIN_SHARE = 0.02;
const LETTERS = 5;

// ───────────── Seeded text ─────────────

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(20_171_108);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const WORDS = (
  "aquifer basin bureau cattle community cumulative decision drought dust emissions groundwater habitat haul " +
  "impact lek lithium meeting monitoring noise pit pumping ranch reclamation recharge river road sage school " +
  "spring supplemental tailings traffic tribe truck valley water well wildlife winter analysis permit plan " +
  "because without should must please consider require protect ensure before during after within near their"
).split(" ");
const sentence = (words: number) => {
  const body = Array.from({ length: words }, () => pick(WORDS)).join(" ");
  return `${body[0].toUpperCase()}${body.slice(1)}.`;
};
const paragraph = (sentences: number) =>
  Array.from({ length: sentences }, () => sentence(12 + Math.floor(random() * 8))).join(" ");

type Planned = { key: string; text: string; truth: string; retryOf?: number; twin?: boolean };

function plan(): Planned[] {
  const letters = Array.from({ length: LETTERS }, () => paragraph(9));
  const planned: Planned[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    if (random() < 0.7) {
      const letter = Math.floor(random() * LETTERS);
      const added = random() < 0.5 ? `\n\n${paragraph(1)}` : "";
      planned.push({ key: randomUUID(), text: `${letters[letter]}${added}`, truth: `letter-${letter}` });
    } else {
      planned.push({ key: randomUUID(), text: paragraph(6), truth: `unique-${i}` });
    }
    if (random() < TWIN_SHARE) planned[planned.length - 1].twin = true;
  }
  // Retries re-send an earlier submission (same key, same text) later in the run.
  const retries = Math.round(COMMENTS * RETRY_SHARE);
  for (let r = 0; r < retries; r++) {
    const of = Math.floor(random() * (COMMENTS / 2));
    const at = COMMENTS / 2 + Math.floor(random() * (planned.length - COMMENTS / 2));
    planned.splice(at, 0, { ...planned[of], retryOf: of });
  }
  return planned;
}

// ───────────── Processes and servers ─────────────

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

// Resend's API as far as the receipt emails need it: the worker sends them in batches, after the
// intake, so the count at the end of the surge is what had gone out by then.
async function startResendStub(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const emails = request.url === "/emails/batch" ? (JSON.parse(body) as unknown[]) : [body];
      const ids = emails.map(() => ({ id: `x${++count}` }));
      const answer = request.url === "/emails/batch" ? { data: ids } : ids[0];
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://${HOST}:${port}`,
    count: () => count,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

// scripts/server.ts listens on every interface; this pins it to loopback (as bench/projects.bench.ts does).
const LOOPBACK_PRELOAD = `data:text/javascript,import net from "node:net";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "${HOST}");
  return listen.apply(this, args);
};`;

function startApp(env: NodeJS.ProcessEnv, profileDir: string | null) {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--import", LOOPBACK_PRELOAD, "scripts/server.ts"],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  return { child, output: () => output };
}

async function waitFor(url: string, output: () => string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No 200 from ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

// ───────────── The run ─────────────

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

async function main() {
  if (!existsSync(path.join(ROOT, "build", "index.js"))) {
    console.error("No build/index.js: run `npm run build` first.");
    process.exit(1);
  }
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-intake-bench-"));
  let postgres: RunningPostgres | undefined;
  let app: ReturnType<typeof startApp> | undefined;
  const resend = await startResendStub();
  const profileDir = CPU_PROF
    ? path.join(ROOT, "bench", "results", `intake-profile-${new Date().toISOString().replace(/[:.]/g, "-")}`)
    : null;
  const cleanup = async () => {
    if (app && app.child.exitCode === null) {
      // Waits for the exit: a CPU profile is written as the process ends.
      const exited = new Promise((resolve) => app?.child.once("exit", resolve));
      app.child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
    await resend.close();
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort() });
    await ensureDatabase(postgres.adminUrl, "lodestone_bench");
    const databaseUrl = postgres.urlFor("lodestone_bench");
    await applyMigrations(databaseUrl, ROOT);
    process.env.DATABASE_URL = databaseUrl;
    const { prisma } = await import("../app/services/db.server");
    const company = await prisma.organization.create({ data: { name: "Bench Co", slug: "bench-co", kind: "COMPANY" } });
    const regulator = await prisma.user.create({ data: { email: "r@bench.test", name: "R", passwordHash: "x" } });
    const project = await prisma.project.create({
      data: {
        slug: "bench-mine",
        name: "Bench Mine",
        companyId: company.id,
        commodities: ["lithium"],
        state: "NV",
        county: "Humboldt",
        landStatus: "BLM",
        description: "Benchmark project.",
        currentStage: "draft_eis",
      },
    });
    const periods = [];
    for (let round = 0; round < ROUNDS; round++) {
      periods.push(
        await prisma.commentPeriod.create({
          data: {
            projectId: project.id,
            stage: "draft_eis",
            title: `Bench draft EIS, round ${round + 1}`,
            opensAt: new Date(Date.now() - 86_400_000),
            closesAt: new Date(Date.now() + 86_400_000),
            timeZone: "America/Denver",
            allowAnonymous: true,
            openedById: regulator.id,
          },
        }),
      );
    }
    // The control arm's switch (see the top of this file): the rows the app writes are dropped.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(
      `create function bench_drop_log_row() returns trigger language plpgsql as $$ begin return null; end $$`,
    );
    const LOG_TABLES = ["LogPending", "LogCommitment"];
    for (const table of LOG_TABLES) {
      await admin.query(
        `create trigger bench_drop_log_row before insert on "${table}" for each row execute function bench_drop_log_row()`,
      );
      await admin.query(`alter table "${table}" disable trigger bench_drop_log_row`);
    }
    const setArm = async (withLog: boolean) => {
      for (const table of LOG_TABLES) {
        await admin.query(`alter table "${table}" ${withLog ? "disable" : "enable"} trigger bench_drop_log_row`);
      }
    };
    const settle = async () => {
      // The previous round's grouping and sequencing finish before the next round starts.
      const until = performance.now() + 300_000;
      while (performance.now() < until) {
        const { rows } = await admin.query<{ n: number }>(
          `select (select count(*) from "Comment" where "campaignId" is null)::int + (select count(*) from "LogPending")::int as n`,
        );
        if (rows[0].n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    const appPort = await freePort();
    const origin = `http://${HOST}:${appPort}`;
    app = startApp(
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(appPort),
        APP_URL: origin,
        SEED_DEMO_DATA: "false",
        NODE_ENV: "production",
        RESEND_API_KEY: "re_bench",
        RESEND_BASE_URL: resend.url,
        COMMENT_MAX_PER_IP: "10000000",
        TRUST_PROXY: "1",
        LODESTONE_DATA_DIR: path.join(dir, "data"),
        WEB_CONCURRENCY: String(PROCESSES),
      },
      profileDir,
    );
    await waitFor(`${origin}/comment-periods/${periods[0].id}/comment`, app.output, 180_000);
    log(
      `App on ${origin} (${PROCESSES} process(es)); ${ROUNDS} round(s) of ${COMMENTS} comments at concurrency ${CONCURRENCY}`,
    );

    const runRound = async (period: { id: string }) => {
      const formUrl = `${origin}/comment-periods/${period.id}/comment`;
      const planned = plan();
      const accepted = new Map<string, string>(); // key → receipt
      const latencies: number[] = [];
      const errors: string[] = [];
      let retryMismatches = 0;
      let next = 0;
      // Backends waiting on the grouping lock, sampled every 20 ms: the lock's cost made visible.
      const sampler = new pg.Client({ connectionString: databaseUrl });
      await sampler.connect();
      const lockSamples: number[] = [];
      // What the app's backends are doing, sampled every 50 ms: "CPU" is running, "ClientRead" idle
      // in a transaction (waiting for the app's next statement), the rest are waits.
      const activity = new Map<string, number>();
      let activitySamples = 0;
      let sampling = true;
      const sample = (async () => {
        let tick = 0;
        while (sampling) {
          const { rows } = await sampler.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'`,
          );
          lockSamples.push(rows[0].n);
          if (tick++ % 3 === 0) {
            const states = await sampler.query<{ what: string; n: number }>(
              `select case when state = 'idle in transaction' then 'idle in transaction'
                           when wait_event is null then 'CPU'
                           else wait_event_type || ':' || wait_event end as what, count(*)::int as n
               from pg_stat_activity
               where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                 and state <> 'idle'
               group by 1`,
            );
            activitySamples++;
            for (const row of states.rows) activity.set(row.what, (activity.get(row.what) ?? 0) + row.n);
          }
          await new Promise((resolve) => setTimeout(resolve, 16));
        }
      })();
      const cpuAtStart = process.cpuUsage();

      const started = performance.now();
      let twinMismatches = 0;
      let twins = 0;
      // Each client has its own address (as a surge does: many people, many networks), told to the app
      // the way a reverse proxy tells it (TRUST_PROXY=1, X-Forwarded-For). From one address every
      // intake would take the same rate-limit bucket row, one after the other.
      const send = async (item: Planned, email: string | null, client: number) => {
        const body = new FormData();
        body.append("submitterType", "ANONYMOUS");
        body.append("displayName", "");
        if (email) body.append("email", email);
        body.append("text", item.text);
        body.append("idempotencyKey", item.key);
        body.append("website", "");
        const t0 = performance.now();
        try {
          const response = await fetch(formUrl, {
            method: "POST",
            body,
            redirect: "manual",
            headers: { Origin: origin, "X-Forwarded-For": `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}` },
          });
          await response.arrayBuffer();
          const receipt = /\/receipt\/(LDS-[A-Z0-9-]+)$/.exec(response.headers.get("location") ?? "")?.[1];
          if (response.status !== 303 && response.status !== 302) throw new Error(`HTTP ${response.status}`);
          if (!receipt) throw new Error("no receipt in Location");
          latencies.push(performance.now() - t0);
          const earlier = accepted.get(item.key);
          if (earlier && earlier !== receipt) retryMismatches++;
          accepted.set(item.key, receipt);
          return receipt;
        } catch (error) {
          errors.push(String(error));
          return null;
        }
      };
      const worker = async (_: unknown, client: number) => {
        while (next < planned.length) {
          const item = planned[next++];
          const email = random() < 0.5 ? `c${next}@bench.test` : null;
          if (item.twin && item.retryOf === undefined) {
            // Both tries leave together; neither may be told a different receipt than the other.
            twins++;
            const [a, b] = await Promise.all([send(item, email, client), send(item, email, client)]);
            if (a && b && a !== b) twinMismatches++;
          } else {
            await send(item, email, client);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuAtStart);
      sampling = false;
      await sample;
      await sampler.end();

      latencies.sort((a, b) => a - b);
      const at = (p: number) =>
        round(latencies[Math.min(latencies.length - 1, Math.floor(p * (latencies.length - 1)))]);
      const throughput = {
        requests: planned.length,
        accepted: latencies.length,
        uniqueKeysAccepted: accepted.size,
        errors: errors.length,
        firstErrors: errors.slice(0, 5),
        seconds: round(seconds, 2),
        perSecond: round(latencies.length / seconds),
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        retryMismatches,
        twins,
        twinMismatches,
        receiptEmailsSentByEnd: resend.count(),
        loadGeneratorCpuSharePerCore: round((cpu.user + cpu.system) / 1e6 / seconds, 2),
      };
      const backends = Object.fromEntries(
        [...activity.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([what, n]) => [what, round(n / Math.max(1, activitySamples), 2)]),
      );
      const waiting = lockSamples.reduce((sum, n) => sum + n, 0) / Math.max(1, lockSamples.length);
      const lock = {
        samples: lockSamples.length,
        meanBackendsWaiting: round(waiting, 2),
        shareOfSamplesWithWaiters: round(lockSamples.filter((n) => n > 0).length / Math.max(1, lockSamples.length), 3),
        maxWaiting: Math.max(0, ...lockSamples),
      };

      // ───────────── Verify against the database ─────────────
      // Grouping runs after each commit, so it may still be catching up: wait for it (bounded) and
      // report how long that took after the last response.
      const catchUpStarted = performance.now();
      let pending = await prisma.comment.count({ where: { periodId: period.id, campaignId: null } });
      const pendingAtEnd = pending;
      while (pending > 0 && performance.now() - catchUpStarted < 180_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        pending = await prisma.comment.count({ where: { periodId: period.id, campaignId: null } });
      }
      const grouping = {
        pendingWhenLoadEnded: pendingAtEnd,
        catchUpSeconds: round((performance.now() - catchUpStarted) / 1000, 2),
        stillPending: pending,
      };
      const rows = await prisma.comment.findMany({
        where: { periodId: period.id },
        select: { receiptNumber: true, idempotencyKey: true, campaignId: true },
      });
      const byReceipt = new Map(rows.map((row) => [row.receiptNumber, row]));
      const missingReceipts = [...accepted.entries()].filter(
        ([key, receipt]) => byReceipt.get(receipt)?.idempotencyKey !== key,
      );
      const sentKeys = new Set(planned.map((p) => p.key));
      const truthOf = new Map(planned.map((p) => [p.key, p.truth]));
      const sizes = new Map<string, number>();
      for (const row of rows) if (row.campaignId) sizes.set(row.campaignId, (sizes.get(row.campaignId) ?? 0) + 1);
      const truthSizes = new Map<string, number>();
      for (const row of rows) {
        const truth = truthOf.get(row.idempotencyKey) ?? "?";
        truthSizes.set(truth, (truthSizes.get(truth) ?? 0) + 1);
      }
      const campaigns = [...sizes.values()].filter((n) => n >= 2).length;
      const truthCampaigns = [...truthSizes.values()].filter((n) => n >= 2).length;
      const inCampaigns = [...sizes.values()].filter((n) => n >= 2).reduce((a, b) => a + b, 0);
      const truthInCampaigns = [...truthSizes.values()].filter((n) => n >= 2).reduce((a, b) => a + b, 0);
      const receiptsSeen = new Map<string, number>();
      for (const receipt of accepted.values()) receiptsSeen.set(receipt, (receiptsSeen.get(receipt) ?? 0) + 1);
      const keysSeen = new Map<string, number>();
      for (const row of rows) keysSeen.set(row.idempotencyKey, (keysSeen.get(row.idempotencyKey) ?? 0) + 1);
      const verification = {
        lost: missingReceipts.length,
        duplicateReceipts:
          [...receiptsSeen.values()].filter((n) => n > 1).length + [...keysSeen.values()].filter((n) => n > 1).length,
        rows: rows.length,
        uniqueKeysSent: sentKeys.size,
        rowsEqualUniqueKeys: rows.length === sentKeys.size,
        acceptedReceiptsMissingOrWrong: missingReceipts.length,
        commentsWithoutCampaign: rows.filter((r) => !r.campaignId).length,
        campaigns,
        truthCampaigns,
        commentsInCampaigns: inCampaigns,
        truthCommentsInCampaigns: truthInCampaigns,
      };
      return { throughput, backendsMeanBySample: backends, lock, grouping, verification };
    };

    type RoundResult = Awaited<ReturnType<typeof runRound>>;
    const rounds: (RoundResult & {
      round: number;
      withLog: boolean;
      loadAverageAtStart: number;
      logEntries: number;
    })[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // ABBA order (with, without, without, with, ...) so a drift in the machine's load falls on both arms.
      const withLog = ROUNDS === 1 || [true, false, false, true][round % 4];
      await settle();
      await setArm(withLog);
      const load = os.loadavg()[0];
      const result = await runRound(periods[round]);
      const { rows } = await admin.query<{ n: number }>(
        `select ((select count(*) from "LogEntry" where type = 'comment.submitted' and body::jsonb->'data'->>'periodId' = $1)
          + (select count(*) from "LogPending" where type = 'comment.submitted' and body::jsonb->'data'->>'periodId' = $1))::int as n`,
        [periods[round].id],
      );
      rounds.push({ round: round + 1, withLog, loadAverageAtStart: load, logEntries: rows[0].n, ...result });
      log(
        `round ${round + 1} (${withLog ? "with the log" : "control: log rows dropped"}): ${result.throughput.perSecond} accepted/s, p50 ${result.throughput.p50} ms, p95 ${result.throughput.p95} ms, p99 ${result.throughput.p99} ms, ${result.throughput.errors} errors, ${result.verification.lost} lost, ${result.verification.duplicateReceipts} duplicate receipts, ${result.throughput.retryMismatches + result.throughput.twinMismatches} retries answered differently, grouping caught up ${result.grouping.catchUpSeconds} s after the burst; ${rows[0].n} log entries for ${result.verification.rows} comments`,
      );
    }
    await setArm(true);
    await admin.end();
    await prisma.$disconnect();
    const arm = (withLog: boolean) => {
      const mine = rounds.filter((r) => r.withLog === withLog);
      if (mine.length === 0) return null;
      const accepted = mine.reduce((sum, r) => sum + r.throughput.accepted, 0);
      const seconds = mine.reduce((sum, r) => sum + r.throughput.seconds, 0);
      return { rounds: mine.length, accepted, seconds: round(seconds, 2), perSecond: round(accepted / seconds) };
    };
    const ab = { withLog: arm(true), control: arm(false) };
    const loss = ab.withLog && ab.control ? round((1 - ab.withLog.perSecond / ab.control.perSecond) * 100, 1) : null;
    console.log(JSON.stringify({ rounds, ab, throughputLostToTheLogPercent: loss }, null, 2));
    const resultsDir = path.join(ROOT, "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `comment-intake-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const machine = { cpus: os.cpus().length, node: process.version, load: os.loadavg() };
    const settings = {
      processes: PROCESSES,
      comments: COMMENTS,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      retryShare: RETRY_SHARE,
      letters: LETTERS,
    };
    writeFileSync(
      file,
      JSON.stringify(
        { date: new Date().toISOString(), machine, settings, rounds, ab, throughputLostToTheLogPercent: loss },
        null,
        2,
      ),
    );
    log(`Results written to ${path.relative(ROOT, file)}`);
  } finally {
    await cleanup();
  }
  if (profileDir && existsSync(profileDir)) {
    // Self time per process (the primary, if any, mostly idles): by package and by function.
    const profiles = summarizeProfiles(profileDir);
    console.log(JSON.stringify(profiles, null, 2));
    log(`CPU profiles in ${path.relative(ROOT, profileDir)} (open them in Chrome DevTools > Performance)`);
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
