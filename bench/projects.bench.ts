// Public pages under load: the project list (plain, and searched + filtered + paged) and a project
// page, served by the real app on 1,000 seeded projects, next to a bare node:http server returning
// the same bytes. The ratio between the two is the figure: it is what the app itself costs.
//
// Run with `npm run bench:projects` after `npm run build`. Settings: BENCH_CONCURRENCY (16),
// BENCH_SECONDS per target (10), BENCH_PROJECTS (1000). See bench/README.md.
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
// Bounds every measurement loop even if a server answers faster than anyone expects.
const MAX_REQUESTS_PER_RUN = 2_000_000;

type Figures = {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};
type Target = { name: string; path: string };
type Manifest = Record<string, { file: string; contentType: string }>;

// ───────────── The bare server (this same file, run as a child with --serve-bare) ─────────────

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

// ───────────── Helpers ─────────────

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

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, urlPath: string): Promise<{ status: number; body: Buffer; contentType: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: HOST, port, path: urlPath, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: String(response.headers["content-type"] ?? ""),
        }),
      );
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.on("error", reject);
  });
}

/** A request whose body is drained, not kept: the load loop only needs the status and timing. */
function hit(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: HOST, port, path: urlPath, agent }, (response) => {
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
      response.resume();
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.on("error", reject);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

/** CONCURRENCY workers each send one request after another until the time (or count) is up. */
async function load(port: number, urlPath: string, seconds: number): Promise<Figures> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_RUN);
  let count = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && count + errors < MAX_REQUESTS_PER_RUN) {
      const t0 = performance.now();
      try {
        if ((await hit(port, urlPath)) === 200) latencies[count++] = performance.now() - t0;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.slice(0, count).sort();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: count,
    errors,
    seconds: round(elapsed),
    rps: round(count / elapsed),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
  };
}

async function waitFor(port: number, urlPath: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready.`);
    try {
      if ((await get(port, urlPath)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No 200 from http://${HOST}:${port}${urlPath} within ${timeoutMs / 1000} s.`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ───────────── Seed: a few statements, generate_series does the rows ─────────────

async function seed(databaseUrl: string, projects: number) {
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

// ───────────── EXPLAIN of the exact statements the list runs ─────────────

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
      const json = await client.query<{ "QUERY PLAN": [{ Plan: { "Total Cost": number }; "Execution Time": number }] }>(
        `explain (analyze, format json) ${sql.text}`,
        sql.values,
      );
      const text = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, costs) ${sql.text}`, sql.values);
      const [plan] = json.rows[0]["QUERY PLAN"];
      plans.push({
        name,
        totalCost: plan.Plan["Total Cost"],
        executionMs: plan["Execution Time"],
        plan: text.rows.map((row) => row["QUERY PLAN"]),
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}

// ───────────── The run ─────────────

async function main() {
  if (!existsSync(path.join(ROOT, "build", "index.js"))) {
    console.error("No build/index.js: run `npm run build` first.");
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-bench-"));
  let postgres: RunningPostgres | undefined;
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  const cleanup = async () => {
    agent.destroy();
    await Promise.all([stopChild(app), stopChild(bare)]);
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    const log = (message: string) => console.log(`[bench] ${message}`);
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
    app = spawn(
      process.execPath,
      // scripts/server.ts listens on every interface; this preload pins it to loopback.
      [
        "--import",
        "tsx",
        "--import",
        `data:text/javascript,import net from "node:net"; const listen = net.Server.prototype.listen;
         net.Server.prototype.listen = function (...args) {
           if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "${HOST}");
           return listen.apply(this, args); };`,
        "scripts/server.ts",
      ],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(appPort),
          APP_URL: `http://${HOST}:${appPort}`,
          SEED_DEMO_DATA: "false",
          NODE_ENV: "production",
          RESEND_API_KEY: "re_bench",
          RESEND_BASE_URL: "http://127.0.0.1:9",
        },
      },
    );
    let appOutput = "";
    app.stdout?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
    app.stderr?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
    await waitFor(appPort, "/projects", app, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\nServer output:\n${appOutput}`);
    });
    log(`App on ${HOST}:${appPort}`);

    const targets: Target[] = [
      { name: "project list", path: "/projects" },
      { name: "list: q=lithium, NV, page 3", path: "/projects?q=lithium&state=NV&page=3" },
      { name: "project page", path: `/projects/bench-project-${Math.ceil(PROJECTS / 2)}` },
    ];
    const manifest: Manifest = {};
    const sizes: Record<string, number> = {};
    for (const [i, target] of targets.entries()) {
      const response = await get(appPort, target.path);
      if (response.status !== 200) throw new Error(`GET ${target.path} answered ${response.status}`);
      const file = path.join(dir, `body-${i}`);
      writeFileSync(file, response.body);
      manifest[target.path] = { file, contentType: response.contentType };
      sizes[target.path] = response.body.length;
    }
    const manifestPath = path.join(dir, "manifest.json");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const barePort = await freePort();
    bare = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--serve-bare", manifestPath, String(barePort)],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    await waitFor(barePort, targets[0].path, bare, 30_000);
    log(`Bare node:http on ${HOST}:${barePort}`);

    const results = [];
    for (const target of targets) {
      const figures: Record<"app" | "bare", Figures> = {} as Record<"app" | "bare", Figures>;
      for (const [side, port] of [
        ["app", appPort],
        ["bare", barePort],
      ] as const) {
        log(
          `${side.padEnd(4)} ${target.path}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s at concurrency ${CONCURRENCY}`,
        );
        await load(port, target.path, WARMUP_SECONDS);
        figures[side] = await load(port, target.path, SECONDS);
      }
      results.push({
        ...target,
        bytes: sizes[target.path],
        app: figures.app,
        bare: figures.bare,
        ratio: {
          throughput: Math.round((figures.app.rps / figures.bare.rps) * 1000) / 1000,
          p95: Math.round((figures.app.p95 / figures.bare.p95) * 10) / 10,
        },
      });
    }

    const plans = await explain(databaseUrl, [
      { name: "project list", search: "" },
      { name: "list: q=lithium, NV, page 3", search: "q=lithium&state=NV&page=3" },
      { name: "list: schedule=missed, sorted by schedule", search: "schedule=missed&sort=schedule" },
    ]);

    const row = (cells: (string | number)[], widths: number[]) =>
      cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  ");
    const widths = [30, 7, 9, 7, 7, 7, 9, 7, 7, 10, 9];
    console.log(
      `\n${row(["target", "KB", "app rq/s", "p50 ms", "p95", "p99", "bare rq/s", "p50", "p95", "app/bare", "p95 x"], widths)}`,
    );
    for (const r of results) {
      console.log(
        row(
          [
            r.name,
            (r.bytes / 1024).toFixed(1),
            r.app.rps.toFixed(0),
            r.app.p50,
            r.app.p95,
            r.app.p99,
            r.bare.rps.toFixed(0),
            r.bare.p50,
            r.bare.p95,
            r.ratio.throughput,
            r.ratio.p95,
          ],
          widths,
        ),
      );
    }
    console.log("\napp/bare: the app's throughput as a share of the bare server's; p95 x: app p95 / bare p95.");
    for (const plan of plans) {
      console.log(`EXPLAIN ${plan.name}: cost ${plan.totalCost}, executed in ${plan.executionMs.toFixed(2)} ms`);
    }

    const resultsDir = path.join(ROOT, "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `projects-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const machine = {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      platform: os.platform(),
    };
    const settings = { concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, projects: PROJECTS };
    writeFileSync(
      file,
      JSON.stringify(
        { date: new Date().toISOString(), machine, settings, seed: { ...seeded, seedMs }, results, plans },
        null,
        2,
      ),
    );
    console.log(`\nResults written to ${path.relative(ROOT, file)}`);
  } finally {
    await cleanup();
  }
}

if (process.argv[2] === "--serve-bare") {
  serveBare(process.argv[3], Number(process.argv[4]));
} else {
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
