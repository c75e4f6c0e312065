// Public pages under load: home, the project list (plain, and searched + filtered + paged), a project
// page, a comment period's reading page and the API's list, served by the real app on 1,000 seeded
// projects twice (two processes on one database: response cache on, and off), next to a bare
// node:http server returning the same bytes. The ratios to the bare server are the figures: they
// are what the app itself costs, cached and uncached.
//
// Run with `npm run bench:projects` after `npm run build`. Settings: BENCH_CONCURRENCY (16),
// BENCH_SECONDS per target (10), BENCH_PROJECTS (1000), BENCH_TARGETS (pages, api or all),
// BENCH_CPU_PROFILE (a folder: the uncached app runs with `node --cpu-prof` and writes its profile
// there when the run ends; `tsx bench/cpu-profile-summary.ts FILE` prints its top functions), BENCH_SIDES
// (e.g. `uncached,bare` to skip the cached side). See bench/README.md.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const setting = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
};
const CONCURRENCY = setting("BENCH_CONCURRENCY", 16, 256);
const SECONDS = setting("BENCH_SECONDS", 10, 120);
const PROJECTS = setting("BENCH_PROJECTS", 1000, 20_000);
const WARMUP_SECONDS = 2;
const SIDES = (process.env.BENCH_SIDES ?? "cached,uncached,bare").split(",");
// Bounds every measurement loop even if a server answers faster than anyone expects.
const MAX_REQUESTS_PER_RUN = 2_000_000;

export type Figures = {
  /** CPU time the server process used per answered request (user + system, from /proc), in ms. */
  cpuMsPerRequest?: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};
export type Manifest = Record<string, { file: string; contentType: string }>;

// ───────────── The bare server: this same file, run as a child with --serve-bare ─────────────

function serveBare(manifestPath: string, port: number) {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const routes = new Map(
    Object.entries(manifest).map(([url, entry]) => [url, { body: readFileSync(entry.file), type: entry.contentType }]),
  );
  const server = http.createServer((request, response) => {
    const route = routes.get(request.url ?? "");
    if (!route) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": route.type, "content-length": route.body.length });
    response.end(route.body);
  });
  server.listen(port, HOST, () => console.log("ready"));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

// ───────────── HTTP client and load loop ─────────────

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One GET; the body is kept only when asked (the load loop drains it, to spend no CPU on it). */
export function get(port: number, urlPath: string, keepBody = false) {
  return new Promise<{ status: number; body: Buffer; contentType: string }>((resolve, reject) => {
    const request = http.get({ host: HOST, port, path: urlPath, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => keepBody && chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: String(response.headers["content-type"] ?? ""),
        }),
      );
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.on("error", reject);
  });
}

/** CONCURRENCY workers, each sending one request after another until the time (or count) is up. */
export async function load(port: number, urlPath: string, seconds: number, alive: () => boolean): Promise<Figures> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_RUN);
  let count = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && count + errors < MAX_REQUESTS_PER_RUN && alive()) {
      const t0 = performance.now();
      try {
        if ((await get(port, urlPath)).status === 200) latencies[count++] = performance.now() - t0;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.slice(0, count).sort();
  const at = (p: number) => (count ? round(sorted[Math.min(count - 1, Math.floor(p * (count - 1)))]) : NaN);
  return {
    requests: count,
    errors,
    seconds: round(elapsed),
    rps: round(count / elapsed),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

export const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

// ───────────── Child processes ─────────────

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux). Unlike throughput, this
 * barely moves when other work shares the machine: it is what one request costs the server.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat(5) (utime, stime), counted after the command name; clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export type Child = { process: ChildProcess; output: () => string; exited: () => string | null };

export function startChild(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let exited: string | null = null;
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.on("exit", (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  return { process: child, output: () => output, exited: () => exited };
}

export async function waitFor(port: number, urlPath: string, child: Child, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exited()) throw new Error(`The server ${child.exited()} before it was ready:\n${child.output()}`);
    const ready = await get(port, urlPath)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No 200 from http://${HOST}:${port}${urlPath} within ${timeoutMs / 1000} s:\n${child.output()}`);
}

export function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.exited()) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.process.kill("SIGKILL"), 5_000);
    child.process.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.process.kill("SIGTERM");
  });
}

// scripts/server.ts listens on every interface (it has no HOST setting); this preload pins any
// `listen(port)` without a host to loopback, so the benchmark never exposes the app.
export const LOOPBACK_PRELOAD = `data:text/javascript,import net from "node:net";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "${HOST}");
  return listen.apply(this, args);
};`;

// ───────────── Seed: a few statements, generate_series makes the rows ─────────────

export async function seed(databaseUrl: string, projects: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(`insert into "Organization" (id, name, slug, kind, "updatedAt")
      select 'bench-co-' || n, (case when n % 5 = 0 then 'Lithium Ventures ' else 'Bench Mining ' end) || n,
        'bench-company-' || n, 'COMPANY', now()
      from generate_series(1, 40) n`);
    await client.query(`insert into "Organization" (id, name, slug, kind, jurisdiction, "timeZone", "updatedAt")
      select 'bench-ag-' || n, 'Bench Agency ' || n, 'bench-agency-' || n, 'AGENCY', 'FEDERAL', 'America/Denver', now()
      from generate_series(1, 12) n`);
    // A quarter of the projects in NV and 40% with lithium, so the searched view has several pages.
    await client.query(
      `insert into "Project" (id, slug, name, "companyId", commodities, state, county, "landStatus", description,
        "leadAgencyId", "reviewTrack", "currentStage", status, "updatedAt")
      select 'bench-p-' || n, 'bench-project-' || n,
        (array['Silver','Red','Basin','Cedar','Granite','Juniper','Sage','Iron','Willow','Desert','Canyon','Quartz'])[1 + n % 12]
          || ' ' || (array['Ridge','Flat','Pass','Butte','Mesa','Springs','Hills','Valley','Wash'])[1 + (n / 12) % 9] || ' ' || n,
        'bench-co-' || (1 + n % 40),
        case n % 5 when 0 then array['lithium','boron'] when 1 then array['lithium'] when 2 then array['copper','molybdenum']
          when 3 then array['gold','antimony'] else array['nickel','cobalt'] end,
        case when n % 4 = 0 then 'NV' else (array['AZ','ID','MN','OR','UT','WY','MT','CA','NM','AK'])[1 + (n / 4) % 10] end,
        'Bench', 'BLM', 'A proposed mine generated for the benchmark, with a description of ordinary length.',
        case when n % 25 = 0 then null else 'bench-ag-' || (1 + n % 12) end,
        (case when n % 3 = 0 then 'EA' else 'EIS' end)::"ReviewTrack",
        case when n % 3 = 0
          then (array['pre_application','plan_submitted','completeness_review','scoping','draft_ea','decision_fonsi','permits_issued'])[1 + n % 7]
          else (array['pre_application','plan_submitted','completeness_review','noi_scoping','draft_eis','final_eis',
            'objection_period','record_of_decision','permits_issued'])[1 + n % 9] end,
        (case n % 20 when 0 then 'PAUSED' when 1 then 'APPROVED' when 2 then 'WITHDRAWN' when 3 then 'DENIED'
          else 'IN_PROGRESS' end)::"ProjectStatus",
        now() - make_interval(hours => n)
      from generate_series(1, $1::int) n`,
      [projects],
    );
    // Eight milestones each, spread around today: some done, some slipped, some month- or year-precise.
    await client.query(
      `insert into "Milestone" (id, "projectId", key, name, "baselineDate", "targetDate", "actualDate",
        "datePrecision", "sortOrder", "updatedAt")
      select 'bench-m-' || p || '-' || k, 'bench-p-' || p, 'm' || k,
        (array['Plan submitted','Notice of intent','Draft EIS','Comment period closes','Final EIS',
          'Record of decision','State permits','Construction'])[k],
        base, base + slip, case when k <= p % 6 then least(base + slip + p % 20, current_date - 1) end,
        (case when k = 8 then 'YEAR' when (p + k) % 7 = 0 then 'MONTH' else 'DAY' end)::"DatePrecision", k, now()
      from generate_series(1, $1::int) p, generate_series(1, 8) k,
        lateral (select current_date + (k - 4) * 150 + p % 97 - 40 as base,
          case when (p + k) % 3 = 0 then (p % 5) * 30 else 0 end as slip) d`,
      [projects],
    );
    await client.query(`insert into "StageTransition" (id, "projectId", kind, "toStage", "toStatus", reason)
      select 'bench-t-' || p.id, p.id, 'RECORD', p."currentStage", p.status, 'Imported for the benchmark.'
      from "Project" p`);
    // One open comment period on the middle project with 200 published comments (the reading page).
    await client.query(`insert into "User" (id, email, name, "passwordHash", "updatedAt")
      values ('bench-regulator', 'regulator@bench.test', 'Bench Regulator', 'x', now())`);
    await client.query(
      `insert into "CommentPeriod" (id, "projectId", stage, title, "opensAt", "closesAt", "timeZone", "allowAnonymous", "openedById")
      values ('bench-period', 'bench-p-' || $1::int, 'draft_eis', 'Draft EIS comment period', now() - interval '10 days',
        now() + interval '20 days', 'America/Denver', true, 'bench-regulator')`,
      [Math.ceil(projects / 2)],
    );
    await client.query(`insert into "Comment" (id, "periodId", "receiptNumber", "idempotencyKey", "submitterType",
        "displayName", text, "exactKey", "submittedAt")
      select 'bench-c-' || n, 'bench-period', 'LDS-BNCH-' || lpad(n::text, 4, '0'), 'bench-' || n, 'INDIVIDUAL',
        'Commenter ' || n, 'Comment ' || n || ': the groundwater model understates drawdown near the springs.',
        encode(sha256(('bench comment ' || n)::bytea), 'hex'), now() - make_interval(mins => n)
      from generate_series(1, 200) n`);
    await client.query("commit");
    await client.query("analyze");
    const counts = await client.query<{ projects: number; milestones: number }>(
      `select (select count(*) from "Project")::int as projects, (select count(*) from "Milestone")::int as milestones`,
    );
    return counts.rows[0];
  } finally {
    await client.end();
  }
}

// ───────────── EXPLAIN of the exact statements the list page runs ─────────────

async function explain(databaseUrl: string, searches: { name: string; search: string }[]) {
  process.env.DATABASE_URL = databaseUrl;
  const { projectPageSql } = await import("../app/models/project-search.server");
  const { parseProjectQuery } = await import("../app/schemas/project-search");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plans = [];
    for (const { name, search } of searches) {
      const sql = projectPageSql(parseProjectQuery(new URLSearchParams(search)), new Date());
      const result = await client.query<{ "QUERY PLAN": string }>(`explain (analyze) ${sql.text}`, sql.values);
      const plan = result.rows.map((row) => row["QUERY PLAN"]);
      const find = (pattern: RegExp) => Number(plan.join("\n").match(pattern)?.[1]);
      plans.push({
        name,
        search,
        totalCost: find(/^\S.*?cost=[\d.]+\.\.([\d.]+)/),
        planningMs: find(/Planning Time: ([\d.]+)/),
        executionMs: find(/Execution Time: ([\d.]+)/),
        plan,
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}

// ───────────── The run ─────────────

const PAGE_TARGETS = [
  { name: "home", path: "/" },
  { name: "project list", path: "/projects" },
  { name: "list: q=lithium, NV, page 3", path: "/projects?q=lithium&state=NV&page=3" },
  { name: "project page", path: `/projects/bench-project-${Math.ceil(PROJECTS / 2)}` },
  { name: "period: reading page", path: "/comment-periods/bench-period/comments" },
  { name: "api: projects (100)", path: "/api/v1/projects" },
];
// The read API (/api/v1): JSON of the same list, and a whole page of 500 (`npm run bench:api`).
const API_TARGETS = [
  { name: "api: projects (100)", path: "/api/v1/projects" },
  { name: "api: projects limit=500", path: "/api/v1/projects?limit=500" },
  { name: "api: q=lithium, NV", path: "/api/v1/projects?q=lithium&state=NV" },
  { name: "api: one project", path: `/api/v1/projects/bench-project-${Math.ceil(PROJECTS / 2)}` },
];
const TARGETS =
  process.env.BENCH_TARGETS === "api"
    ? API_TARGETS
    : process.env.BENCH_TARGETS === "all"
      ? [...PAGE_TARGETS, ...API_TARGETS.slice(1)]
      : PAGE_TARGETS;

async function main() {
  if (!existsSync(path.join(ROOT, "build", "index.js"))) {
    console.error("No build/index.js: run `npm run build` first.");
    process.exit(1);
  }
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-bench-"));
  let postgres: RunningPostgres | undefined;
  let app: Child | undefined;
  let uncached: Child | undefined;
  let bare: Child | undefined;
  const cleanup = async () => {
    agent.destroy();
    await Promise.all([stopChild(app), stopChild(uncached), stopChild(bare)]);
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    const loadBefore = os.loadavg();
    const pgPort = await freePort();
    log(`PostgreSQL on ${HOST}:${pgPort} in ${dir}`);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort });
    await ensureDatabase(postgres.adminUrl, "lodestone_bench");
    const databaseUrl = postgres.urlFor("lodestone_bench");
    await applyMigrations(databaseUrl, ROOT);
    const seedStarted = performance.now();
    const seeded = await seed(databaseUrl, PROJECTS);
    const seedMs = Math.round(performance.now() - seedStarted);
    log(`Seeded ${seeded.projects} projects and ${seeded.milestones} milestones in ${seedMs} ms`);

    const appPort = await freePort();
    const uncachedPort = await freePort();
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
      // The load comes from one address: the API's limit would refuse it. The per-request count
      // (one upsert) still runs, so its cost is in the uncached figures.
      API_RATE_LIMIT: "1000000000",
      // One worker for both apps: the cached one runs the jobs.
      RUN_WORKER_IN_APP: cache === "on" ? "true" : "false",
    });
    const serverArgs = ["--import", "tsx", "--import", LOOPBACK_PRELOAD, "scripts/server.ts"];
    const profileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : undefined;
    const profileArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    // The same server twice on the same database: with the response cache (the default) and without.
    uncached = startChild([...profileArgs, ...serverArgs], appEnv(uncachedPort, "off"));
    app = startChild(serverArgs, appEnv(appPort, "on"));
    await waitFor(appPort, "/projects", app, 180_000);
    await waitFor(uncachedPort, "/projects", uncached, 180_000);
    log(`App on ${HOST}:${appPort} (response cache on), ${HOST}:${uncachedPort} (off)`);

    // The bare server answers with the bytes the app gave for each target, once.
    const manifest: Manifest = {};
    for (const [i, target] of TARGETS.entries()) {
      const response = await get(appPort, target.path, true);
      if (response.status !== 200) throw new Error(`GET ${target.path} answered ${response.status}`);
      const file = path.join(dir, `body-${i}`);
      writeFileSync(file, response.body);
      manifest[target.path] = { file, contentType: response.contentType };
    }
    const manifestPath = path.join(dir, "manifest.json");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const barePort = await freePort();
    const bareArgs = [
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--serve-bare",
      manifestPath,
      String(barePort),
    ];
    bare = startChild(bareArgs, process.env);
    await waitFor(barePort, TARGETS[0].path, bare, 30_000);
    log(`Bare node:http on ${HOST}:${barePort}`);

    const results = [];
    type Side = "cached" | "uncached" | "bare";
    for (const target of TARGETS) {
      const figures: Partial<Record<Side, Figures>> = {};
      for (const [side, port, child] of [
        ["cached", appPort, app],
        ["uncached", uncachedPort, uncached],
        ["bare", barePort, bare],
      ] as const) {
        if (!SIDES.includes(side)) {
          figures[side] = { requests: 0, errors: 0, seconds: 0, rps: 0, p50: 0, p95: 0, p99: 0 };
          continue;
        }
        log(
          `${side.padEnd(8)} ${target.path}: ${WARMUP_SECONDS} s warm-up, ${SECONDS} s at concurrency ${CONCURRENCY}`,
        );
        const alive = () => child.exited() === null;
        await load(port, target.path, WARMUP_SECONDS, alive);
        const cpuBefore = cpuSeconds(child.process.pid);
        const measured = await load(port, target.path, SECONDS, alive);
        const cpuAfter = cpuSeconds(child.process.pid);
        if (cpuBefore !== null && cpuAfter !== null && measured.requests > 0) {
          measured.cpuMsPerRequest = round(((cpuAfter - cpuBefore) * 1000) / measured.requests, 2);
        }
        figures[side] = measured;
        if (!alive()) throw new Error(`The ${side} server ${child.exited()} during the run:\n${child.output()}`);
      }
      const { cached: c, uncached: u, bare: b } = figures as Record<Side, Figures>;
      const ratio = {
        cached: round(c.rps / b.rps, 3),
        uncached: round(u.rps / b.rps, 3),
        cachedP95: round(c.p95 / b.p95, 1),
        uncachedP95: round(u.p95 / b.p95, 1),
      };
      results.push({
        ...target,
        bytes: readFileSync(manifest[target.path].file).length,
        cached: c,
        uncached: u,
        bare: b,
        ratio,
      });
    }

    const plans = await explain(databaseUrl, [
      { name: "project list", search: "" },
      { name: "list: q=lithium, NV, page 3", search: "q=lithium&state=NV&page=3" },
      { name: "list: missed, sorted by schedule", search: "schedule=missed&sort=schedule" },
    ]);

    const widths = [28, 6, 9, 7, 9, 7, 9, 7, 8, 8];
    const row = (cells: (string | number)[]) =>
      cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(" ");
    console.log(
      `\n${row(["target", "KB", "cached/s", "p95 ms", "uncached/s", "p95 ms", "bare/s", "p95 ms", "cached%", "uncached%"])}`,
    );
    for (const { name, bytes, cached: c, uncached: u, bare: b, ratio } of results) {
      const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
      console.log(
        row([
          name,
          (bytes / 1024).toFixed(1),
          c.rps.toFixed(0),
          c.p95,
          u.rps.toFixed(0),
          u.p95,
          b.rps.toFixed(0),
          b.p95,
          percent(ratio.cached),
          percent(ratio.uncached),
        ]),
      );
      console.log(
        `  CPU ms per request: cached ${c.cpuMsPerRequest ?? "-"}, uncached ${u.cpuMsPerRequest ?? "-"}, bare ${b.cpuMsPerRequest ?? "-"}`,
      );
      if (c.errors || u.errors || b.errors)
        console.log(`  errors: cached ${c.errors}, uncached ${u.errors}, bare ${b.errors}`);
    }
    console.log("cached% / uncached%: the app's throughput (response cache on / off) as a share of the bare server's.");
    for (const p of plans) {
      console.log(`EXPLAIN ${p.name}: cost ${p.totalCost}, planning ${p.planningMs} ms, execution ${p.executionMs} ms`);
    }

    const resultsDir = path.join(ROOT, "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `projects-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const machine = { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: os.loadavg() };
    const settings = { concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, projects: PROJECTS };
    const report = { date: new Date().toISOString(), machine, settings, seed: { ...seeded, seedMs }, results, plans };
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`Results written to ${path.relative(ROOT, file)}`);
  } finally {
    await cleanup();
  }
}

// Other benches import the pieces above (bench/desk.bench.ts); this runs only as the entry file.
// A child started with --serve-bare is the bare server (BARE_SERVER_SCRIPT, for those benches too).
export const BARE_SERVER_SCRIPT = fileURLToPath(import.meta.url);
const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === BARE_SERVER_SCRIPT;
if (isEntry && process.argv[2] === "--serve-bare") {
  serveBare(process.argv[3], Number(process.argv[4]));
} else if (isEntry) {
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
