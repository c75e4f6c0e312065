// The public monitoring desk (issue 14) on the bench dataset: the slips page /schedule (plain, only
// overdue, one lead agency), its CSV, and the agency track records /agencies and /agencies.csv.
// Two figures for each:
// - the query: the model function the loader calls (listSlips, allSlips, loadTrackRecordsWithOverall),
//   called directly in this process, median and slowest of a few calls;
// - the page: requests/s and p50/p95 through the real server with the response cache off
//   (RESPONSE_CACHE=off) and on, beside a bare node:http server sending the same bytes.
//
// The dataset is bench/projects.bench.ts's (40 companies, 12 agencies, 8 milestones a project),
// plus what the desk reads and that dataset lacks: one recorded date change for each moved
// milestone, and milestones 2 and 6 of every project marked notice of intent and decision.
//
// Run with `npm run bench:desk` after `npm run build`. Settings: BENCH_PROJECTS (1000),
// BENCH_SECONDS per target and server (3), BENCH_CONCURRENCY (16).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";
import {
  agent,
  BARE_SERVER_SCRIPT,
  freePort,
  get,
  load,
  LOOPBACK_PRELOAD,
  round,
  seed,
  startChild,
  stopChild,
  waitFor,
  type Child,
  type Figures,
  type Manifest,
} from "./projects.bench";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const setting = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
};
const PROJECTS = setting("BENCH_PROJECTS", 1000, 20_000);
const SECONDS = setting("BENCH_SECONDS", 3, 120);
const CONCURRENCY = setting("BENCH_CONCURRENCY", 16, 256);
const WARMUP_SECONDS = 1;
const AGENCY = "bench-agency-3";

// Each page with the model call its loader makes (the query figure it is skipped on, below).
const TARGETS = [
  { name: "/schedule", path: "/schedule", query: "listSlips (page 1 of all)" },
  { name: "/schedule?kind=overdue", path: "/schedule?kind=overdue", query: "listSlips kind=overdue" },
  { name: "/schedule?leadAgency", path: `/schedule?leadAgency=${AGENCY}`, query: "listSlips leadAgency" },
  { name: "/schedule.csv", path: "/schedule.csv", query: "allSlips (every row, the CSV)" },
  { name: "/agencies", path: "/agencies", query: "loadTrackRecordsWithOverall agency" },
  { name: "/agencies.csv", path: "/agencies.csv", query: "loadTrackRecords agency (CSV)" },
];
// A page whose query alone takes longer than this is not put under load: with the load loop's 30 s
// request timeout, concurrent requests would only time out (and keep the server busy for the next).
const SKIP_PAGE_MS = 8_000;
// Time for the calls of one query figure, after the first (warm-up) call.
const QUERY_BUDGET_MS = 15_000;

const loadavg = () => readFileSync("/proc/loadavg", "utf8").trim();
const log = (message: string) => console.log(`[desk] ${message}`);

/** What the desk reads and the projects bench dataset lacks (see the header). */
async function addDeskData(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`update "Milestone" set "statutoryRole" = (case key when 'm2' then 'NOTICE_OF_INTENT'
      else 'DECISION' end)::"StatutoryRole" where key in ('m2', 'm6')`);
    const changes = await client.query(`insert into "MilestoneDateChange" (id, "milestoneId", "previousDate",
        "newDate", reason, narrative, "changedAt")
      select 'bench-dc-' || m.id, m.id, m."baselineDate", m."targetDate",
        (array['SPONSOR_FACTORS','ADDITIONAL_ANALYSIS','CONSULTATION','LITIGATION'])[1 + m."sortOrder" % 4]::"DateChangeReason",
        'Target moved for the benchmark.', now() - interval '30 days'
      from "Milestone" m where m."targetDate" <> m."baselineDate"`);
    await client.query("analyze");
    return changes.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Runs `work` with new sessions of `database` replicating (no triggers fire), then resets it. */
async function withoutTriggers(adminUrl: string, database: string, work: () => Promise<void>) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`alter database "${database}" set session_replication_role = replica`);
    await work();
  } finally {
    await admin.query(`alter database "${database}" reset session_replication_role`);
    await admin.end();
  }
}

/** Median and slowest of up to `runs` calls (within QUERY_BUDGET_MS) after one warm-up call. */
async function timeIt(run: () => Promise<unknown>, runs: number) {
  const started = performance.now();
  await run();
  const warmup = performance.now() - started;
  // A call slower than the budget, or one asked once: the warm-up call is the figure (cold, one run).
  if (warmup > QUERY_BUDGET_MS || runs === 0) return { median: round(warmup, 1), max: round(warmup, 1), runs: 1 };
  const times: number[] = [];
  for (let i = 0; i < runs && (i === 0 || performance.now() - started - warmup < QUERY_BUDGET_MS); i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: round(times[Math.floor((times.length - 1) / 2)], 1), max: round(times[times.length - 1], 1), runs };
}

async function queryTimes(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { listSlips, allSlips } = await import("../app/models/slips.server");
  const { loadTrackRecordsWithOverall, loadTrackRecords } = await import("../app/models/agency-stats.server");
  const { parseSlipQuery } = await import("../app/schemas/schedule");
  const { refreshTrackFacts } = await import("../app/models/track-facts.server");
  const { prisma } = await import("../app/services/db.server");
  const today = new Date();
  const slips = (search: string) => () => listSlips(parseSlipQuery(new URLSearchParams(search)), today);
  const rows: { name: string; median: number; max: number; runs: number; rows: number }[] = [];
  const measure = async (name: string, run: () => Promise<number>, runs: number) => {
    let count = 0;
    const t = await timeIt(async () => (count = await run()), runs);
    rows.push({ name, ...t, rows: count });
    log(`query ${name}: median ${t.median} ms, max ${t.max} ms, ${t.runs} runs (${count} rows)`);
  };
  try {
    // Every project's track figures, computed once (the seed wrote no row): what the first reader
    // of /agencies pays after a bulk import. Later reads recompute only projects changed since.
    await measure("refreshTrackFacts (every project, cold)", () => refreshTrackFacts(today), 0);
    await measure("listSlips (page 1 of all)", async () => (await slips("")()).total, 10);
    await measure("listSlips kind=overdue", async () => (await slips("kind=overdue")()).total, 10);
    await measure("listSlips leadAgency", async () => (await slips(`leadAgency=${AGENCY}`)()).total, 10);
    await measure(
      "allSlips (every row, the CSV)",
      async () => {
        let n = 0;
        for await (const _row of allSlips(parseSlipQuery(new URLSearchParams()), today)) n++;
        return n;
      },
      3,
    );
    await measure(
      "loadTrackRecordsWithOverall agency",
      async () => (await loadTrackRecordsWithOverall(today, "agency")).records.length,
      5,
    );
    await measure("loadTrackRecords agency (CSV)", async () => (await loadTrackRecords(today, "agency")).length, 5);
  } finally {
    await prisma.$disconnect();
  }
  return rows;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-desk-bench-"));
  let postgres: RunningPostgres | undefined;
  const children: Child[] = [];
  const cleanup = async () => {
    agent.destroy();
    await Promise.all(children.map(stopChild));
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    const loadStart = loadavg();
    log(`loadavg at start: ${loadStart}; ${os.cpus().length} CPUs, Node ${process.version}`);
    log(
      `${PROJECTS} projects, ${SECONDS} s per target and server (+${WARMUP_SECONDS} s warm-up), concurrency ${CONCURRENCY}`,
    );
    const pgPort = await freePort();
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort });
    await ensureDatabase(postgres.adminUrl, "lodestone_bench");
    const databaseUrl = postgres.urlFor("lodestone_bench");
    await applyMigrations(databaseUrl, ROOT);
    let seeded = { projects: 0, milestones: 0 };
    let dateChanges = 0;
    const seedStarted = performance.now();
    // The seed's sessions skip the database's triggers (the response cache's per-row announcements,
    // the track records' stale marks): nobody listens yet, and projects with no track figures are
    // computed at their first read anyway (measured below). The apps start after this is reset.
    await withoutTriggers(postgres.adminUrl, "lodestone_bench", async () => {
      seeded = await seed(databaseUrl, PROJECTS);
      dateChanges = await addDeskData(databaseUrl);
    });
    const seedMs = Math.round(performance.now() - seedStarted);
    log(
      `Seeded ${seeded.projects} projects, ${seeded.milestones} milestones, ${dateChanges} date changes in ${seedMs} ms`,
    );

    const queries = await queryTimes(databaseUrl);

    const appEnv = (port: number, cache: "on" | "off"): NodeJS.ProcessEnv => ({
      ...process.env,
      RESPONSE_CACHE: cache,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      APP_URL: `http://${HOST}:${port}`,
      SEED_DEMO_DATA: "false",
      NODE_ENV: "production",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: "http://127.0.0.1:9",
      RUN_WORKER_IN_APP: "false",
    });
    const serverArgs = ["--import", "tsx", "--import", LOOPBACK_PRELOAD, "scripts/server.ts"];
    const uncachedPort = await freePort();
    const cachedPort = await freePort();
    const uncached = startChild(serverArgs, appEnv(uncachedPort, "off"));
    const cached = startChild(serverArgs, appEnv(cachedPort, "on"));
    children.push(uncached, cached);
    await waitFor(uncachedPort, "/schedule", uncached, 180_000);
    await waitFor(cachedPort, "/schedule", cached, 180_000);

    const slow = (target: (typeof TARGETS)[number]) =>
      (queries.find((q) => q.name === target.query)?.median ?? 0) > SKIP_PAGE_MS;
    const targets = TARGETS.filter((target) => !slow(target));
    for (const target of TARGETS.filter(slow))
      log(`page ${target.path} not loaded: its query takes > ${SKIP_PAGE_MS} ms`);
    const manifest: Manifest = {};
    for (const [i, target] of targets.entries()) {
      const response = await get(uncachedPort, target.path, true);
      if (response.status !== 200) throw new Error(`GET ${target.path} answered ${response.status}`);
      const file = path.join(dir, `body-${i}`);
      writeFileSync(file, response.body);
      manifest[target.path] = { file, contentType: response.contentType };
    }
    const manifestPath = path.join(dir, "manifest.json");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const barePort = await freePort();
    const bare = startChild(["--import", "tsx", BARE_SERVER_SCRIPT, "--serve-bare", manifestPath, String(barePort)], {
      ...process.env,
    });
    children.push(bare);
    await waitFor(barePort, targets[0].path, bare, 30_000);

    const pages = [];
    for (const target of targets) {
      const figures = {} as Record<"uncached" | "cached" | "bare", Figures>;
      for (const [side, port, child] of [
        ["uncached", uncachedPort, uncached],
        ["cached", cachedPort, cached],
        ["bare", barePort, bare],
      ] as const) {
        const alive = () => child.exited() === null;
        await load(port, target.path, WARMUP_SECONDS, alive);
        figures[side] = await load(port, target.path, SECONDS, alive);
        if (!alive()) throw new Error(`The ${side} server ${child.exited()} during the run:\n${child.output()}`);
        const f = figures[side];
        log(`${side.padEnd(8)} ${target.path}: ${f.rps}/s, p50 ${f.p50} ms, p95 ${f.p95} ms, errors ${f.errors}`);
      }
      pages.push({ ...target, bytes: readFileSync(manifest[target.path].file).length, ...figures });
    }
    const loadEnd = loadavg();

    console.log(`\nQueries (model functions called directly), ${PROJECTS} projects:`);
    for (const q of queries) {
      console.log(`  ${q.name.padEnd(36)} median ${q.median} ms, max ${q.max} ms, ${q.runs} runs, ${q.rows} rows`);
    }
    console.log(`\nPages, ${PROJECTS} projects (req/s, p50/p95 ms):`);
    console.log(`  ${"target".padEnd(24)} ${"KB".padStart(7)}  uncached              cached                bare`);
    for (const p of pages) {
      const cell = (f: Figures) => `${f.rps.toFixed(0).padStart(6)} ${`${f.p50}/${f.p95}`.padEnd(14)}`;
      console.log(
        `  ${p.name.padEnd(24)} ${(p.bytes / 1024).toFixed(1).padStart(7)}  ${cell(p.uncached)} ${cell(p.cached)} ${cell(p.bare)}`,
      );
      const errors = p.uncached.errors + p.cached.errors + p.bare.errors;
      if (errors)
        console.log(`    errors: uncached ${p.uncached.errors}, cached ${p.cached.errors}, bare ${p.bare.errors}`);
    }
    log(`loadavg at start: ${loadStart}`);
    log(`loadavg at end:   ${loadEnd}`);
  } finally {
    await cleanup();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
