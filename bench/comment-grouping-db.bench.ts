// Form-letter grouping in PostgreSQL at scale: the real groupPendingComments() (app/models/
// comment-grouping.server.ts) on a throwaway embedded PostgreSQL, over N seeded comments (default
// 1,000,000) in one comment period. Comments arrive in 10 waves of N/10: each wave is bulk-inserted
// with campaignId null (the intake's "to be grouped" mark), then grouped; the rate of each wave shows
// whether grouping stays fast as the period fills up. Texts come from a seeded generator (20 campaign
// templates of skewed popularity, copies with names, added paragraphs or a few changed words, ~20%
// unique letters), so the grouped counts are checked against the generator's ground truth. Seeding
// (generating the next 10,000 texts while the last 10,000 are inserted) is timed apart from grouping.
//
// Run with `npm run bench:grouping -- [--count=N] [--seed=N] [--waves=N] [--batch=N]` (or
// `npx tsx bench/comment-grouping-db.bench.ts ...`); --batch overrides the comments per grouping
// transaction; --varied times the varied-wording pass after each wave. No build needed.
// Local only (PostgreSQL on 127.0.0.1, a free port, a temporary folder, removed at the end).
// Results go to bench/results/comment-grouping-db-<timestamp>.json (git-ignored).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { exactKey } from "../app/models/comments/form-letters";
import { TEMPLATES, createLetterGenerator, type TruthKind } from "./support/synthetic-letters";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const argument = (name: string, fallback: number, max: number) => {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};
const COUNT = argument("count", 1_000_000, 2_000_000);
const SEED = argument("seed", 20_210_001, 2 ** 31);
const WAVES = argument("waves", 10, 1000);
const BATCH = process.argv.some((arg) => arg.startsWith("--batch=")) ? argument("batch", 1000, 100_000) : undefined;
const ROWS_PER_INSERT = 10_000;
// --varied: after each wave, also time the varied-wording pass (app/models/comments/comment-variants.server.ts).
const VARIED = process.argv.includes("--varied");

// The same generator as bench/form-letters.bench.ts. The true group is a template index, or -1 for a
// unique letter.
const letters = createLetterGenerator(SEED);
let uniqueLetters = 0;
function syntheticComment(): { text: string; template: number; kind: TruthKind } {
  const made = letters.syntheticComment(uniqueLetters);
  if (made.truthKind === "unique") {
    uniqueLetters++;
    return { text: made.text, template: -1, kind: made.truthKind };
  }
  return { text: made.text, template: made.truthGroup, kind: made.truthKind };
}

// ───────────── Database ─────────────

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

const INSERT_SQL = `
  insert into "Comment" (id, "periodId", "receiptNumber", "idempotencyKey", "submitterType", "displayName",
                         text, "exactKey", "submittedAt")
  select u.id, $1, u.receipt, u.key, 'ANONYMOUS', 'Anonymous', u.text, u.exact, u.at
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamp(3)[])
    as u(id, receipt, key, text, exact, at)`;

const SEEDED_AT = Date.UTC(2026, 10, 1);

/**
 * Inserts comments [from, to) of the run, pending (campaignId null), 10,000 rows per statement. The
 * next rows are generated while PostgreSQL inserts the last ones (one core each).
 */
async function seed(
  client: pg.Client,
  periodId: string,
  from: number,
  to: number,
  truth: Int16Array,
  truthKinds: TruthKind[],
) {
  const started = performance.now();
  let generateMs = 0;
  let inserting: Promise<unknown> | undefined;
  for (let start = from; start < to; start += ROWS_PER_INSERT) {
    const t0 = performance.now();
    const end = Math.min(to, start + ROWS_PER_INSERT);
    const ids: string[] = [];
    const receipts: string[] = [];
    const keys: string[] = [];
    const texts: string[] = [];
    const exacts: string[] = [];
    const times: string[] = [];
    for (let i = start; i < end; i++) {
      const { text, template, kind } = syntheticComment();
      truth[i] = template;
      truthKinds[i] = kind;
      const n = String(i).padStart(8, "0");
      ids.push(`bench${n}`);
      receipts.push(`LDS-BENCH-${n}`);
      keys.push(`key-${n}`);
      texts.push(text);
      exacts.push(exactKey(text));
      // One per millisecond, in order: the grouping order is the arrival order.
      times.push(new Date(SEEDED_AT + i).toISOString());
    }
    generateMs += performance.now() - t0;
    await inserting;
    inserting = client.query(INSERT_SQL, [periodId, ids, receipts, keys, texts, exacts, times]);
  }
  await inserting;
  return { generateMs, seedMs: performance.now() - started };
}

/**
 * CPU seconds used so far by the PostgreSQL server and its backends (Linux /proc; clock ticks of 1/100 s).
 * With other work on the machine the wall-clock rate varies from run to run; the CPU each wave costs
 * varies much less.
 */
function postgresCpuSeconds(dataDir: string): number {
  const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0];
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended between the listing and the read
    }
    // Fields after the command name (which may hold spaces): state, ppid, ... utime (14), stime (15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (pid === postmaster || fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

// ───────────── Run ─────────────

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const fmt = (n: number) => n.toLocaleString("en-US");

async function main() {
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-grouping-bench-"));
  let postgres: RunningPostgres | undefined;
  let client: pg.Client | undefined;
  let disconnect: (() => Promise<void>) | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await disconnect?.().catch(() => {});
    await client?.end().catch(() => {});
    await postgres?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  // A timeout or Ctrl-C still stops PostgreSQL and removes its folder.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`[bench] ${signal}: stopping PostgreSQL`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const waves: {
    wave: number;
    alreadyGrouped: number;
    comments: number;
    seedSeconds: number;
    groupSeconds: number;
    commentsPerSecond: number;
    pendingQueryMs: number;
    nodeCpuSeconds: number;
    postgresCpuSeconds: number;
    rssMB: number;
    load: number;
  }[] = [];
  const started = performance.now();
  // The Node process's resident memory, sampled through the run (grouping holds a batch at a time).
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  sampler.unref();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  try {
    const dataDir = path.join(dir, "pg");
    postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    await ensureDatabase(postgres.adminUrl, "lodestone_bench");
    const databaseUrl = postgres.urlFor("lodestone_bench");
    await applyMigrations(databaseUrl, ROOT);
    // db.server.ts reads DATABASE_URL when first imported: set it before importing the grouping module.
    process.env.DATABASE_URL = databaseUrl;
    const { prisma } = await import("../app/services/db.server");
    disconnect = () => prisma.$disconnect();
    const { groupPendingComments } = await import("../app/models/comments/comment-grouping.server");
    const { mergeVariedCampaigns } = await import("../app/models/comments/comment-variants.server");

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
    const period = await prisma.commentPeriod.create({
      data: {
        projectId: project.id,
        stage: "draft_eis",
        title: "Bench draft EIS",
        opensAt: new Date(SEEDED_AT - 86_400_000),
        closesAt: new Date(SEEDED_AT + 90 * 86_400_000),
        timeZone: "America/Denver",
        allowAnonymous: true,
        openedById: regulator.id,
      },
    });
    client = new pg.Client({ connectionString: databaseUrl });
    // Reported, not thrown: a connection ended by a signal must not stop the cleanup below.
    client.on("error", (error) => console.error(`[bench] PostgreSQL connection: ${error.message}`));
    await client.connect();

    log(
      `${fmt(COUNT)} comments in ${WAVES} waves (seed ${SEED}), grouping batch ${BATCH ?? "default"}; ` +
        `PostgreSQL on ${HOST}, ${os.cpus().length} CPUs, ` +
        `load ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(" ")}`,
    );
    console.log(
      `${"wave".padStart(4)}${"already grouped".padStart(17)}${"new".padStart(10)}${"seed s".padStart(9)}` +
        `${"group s".padStart(10)}${"comments/s".padStart(12)}${"batch query ms".padStart(16)}` +
        `${"node cpu s".padStart(12)}${"pg cpu s".padStart(9)}${"rss MB".padStart(8)}${"load".padStart(6)}`,
    );
    const truth = new Int16Array(COUNT);
    const truthKinds = new Array<TruthKind>(COUNT);
    let seedMs = 0;
    let generateMs = 0;
    let groupMs = 0;
    let grouped = 0;
    for (let wave = 0; wave < WAVES; wave++) {
      const from = Math.floor((COUNT * wave) / WAVES);
      const to = Math.floor((COUNT * (wave + 1)) / WAVES);
      const seeding = await seed(client, period.id, from, to, truth, truthKinds);
      seedMs += seeding.seedMs;
      generateMs += seeding.generateMs;
      // The batch query groupPendingComments sends, timed once with this wave pending.
      const plan = await client.query<{ "QUERY PLAN": [{ "Execution Time": number }] }>(
        `explain (analyze, format json) select id, text from "Comment"
         where "periodId" = $1 and "campaignId" is null order by "submittedAt", id limit $2`,
        [period.id, BATCH ?? 1000],
      );
      const pendingQueryMs = plan.rows[0]["QUERY PLAN"][0]["Execution Time"];
      const t0 = performance.now();
      const [nodeCpu0, postgresCpu0] = [process.cpuUsage(), postgresCpuSeconds(dataDir)];
      const placed = await groupPendingComments(period.id, { batchSize: BATCH });
      const ms = performance.now() - t0;
      const nodeCpu = process.cpuUsage(nodeCpu0);
      groupMs += ms;
      if (placed !== to - from) throw new Error(`wave ${wave + 1}: placed ${placed}, expected ${to - from}`);
      const row = {
        wave: wave + 1,
        alreadyGrouped: grouped,
        comments: placed,
        seedSeconds: round(seeding.seedMs / 1000, 2),
        groupSeconds: round(ms / 1000, 2),
        commentsPerSecond: Math.round(placed / (ms / 1000)),
        pendingQueryMs: round(pendingQueryMs, 2),
        nodeCpuSeconds: round((nodeCpu.user + nodeCpu.system) / 1e6),
        postgresCpuSeconds: round(postgresCpuSeconds(dataDir) - postgresCpu0),
        rssMB: mb(process.memoryUsage().rss),
        load: round(os.loadavg()[0]),
      };
      waves.push(row);
      grouped += placed;
      console.log(
        `${String(row.wave).padStart(4)}${fmt(row.alreadyGrouped).padStart(17)}${fmt(row.comments).padStart(10)}` +
          `${row.seedSeconds.toFixed(1).padStart(9)}${row.groupSeconds.toFixed(1).padStart(10)}` +
          `${fmt(row.commentsPerSecond).padStart(12)}${row.pendingQueryMs.toFixed(1).padStart(16)}` +
          `${row.nodeCpuSeconds.toFixed(1).padStart(12)}${row.postgresCpuSeconds.toFixed(1).padStart(9)}` +
          `${fmt(row.rssMB).padStart(8)}${row.load.toFixed(1).padStart(6)}`,
      );
      if (VARIED) {
        // The varied-wording pass requestGrouping runs after grouping (at most every 10 s per period).
        const v0 = performance.now();
        const cpu0 = process.cpuUsage();
        const moved = await mergeVariedCampaigns(period.id);
        const cpu = process.cpuUsage(cpu0);
        console.log(
          `     varied-wording pass: ${((performance.now() - v0) / 1000).toFixed(2)} s, node cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, ${moved} comments merged`,
        );
      }
    }

    // ───────────── Verify against the generator ─────────────
    const truthSizes = new Map<number, number>();
    let truthUnique = 0;
    for (const template of truth) {
      if (template < 0) truthUnique++;
      else truthSizes.set(template, (truthSizes.get(template) ?? 0) + 1);
    }
    const truthCampaigns = [...truthSizes.values()].filter((n) => n >= 2);
    const truthCounts = {
      campaigns: truthCampaigns.length,
      commentsInCampaigns: truthCampaigns.reduce((a, b) => a + b, 0),
      uniqueComments: truthUnique + [...truthSizes.values()].filter((n) => n < 2).length,
    };
    const { rows: sizeRows } = await client.query<{ campaigns: number; comments: number; unique: number }>(
      `
      select count(*) filter (where n >= 2)::int as campaigns,
             coalesce(sum(n) filter (where n >= 2), 0)::int as comments,
             count(*) filter (where n < 2)::int as unique
      from (select count(*) as n from "Comment" where "periodId" = $1 group by "campaignId") s`,
      [period.id],
    );
    const { rows: extra } = await client.query<{
      pending: number;
      campaignRows: number;
      bandRows: number;
      dbBytes: string;
      commentBytes: string;
    }>(
      `select (select count(*)::int from "Comment" where "campaignId" is null) as pending,
              (select count(*)::int from "Campaign") as "campaignRows",
              (select count(*)::int from "CampaignBand") as "bandRows",
              pg_database_size(current_database())::text as "dbBytes",
              pg_total_relation_size('"Comment"')::text as "commentBytes"`,
    );
    const found = {
      campaigns: sizeRows[0].campaigns,
      commentsInCampaigns: sizeRows[0].comments,
      uniqueComments: sizeRows[0].unique,
      pending: extra[0].pending,
    };

    // Equal counts could hide errors that cancel out: compare comment by comment. A found campaign
    // stands for the template most of its comments copy; every other comment in it is wrongly grouped.
    const { rows: memberRows } = await client.query<[string | null]>({
      text: `select "campaignId" from "Comment" where "periodId" = $1 order by "submittedAt", id`,
      values: [period.id],
      rowMode: "array",
    });
    const members = new Map<string | null, number[]>();
    memberRows.forEach(([campaignId], i) => {
      const list = members.get(campaignId);
      if (list) list.push(i);
      else members.set(campaignId, [i]);
    });
    const inTruthCampaign = (i: number) => truth[i] >= 0 && (truthSizes.get(truth[i]) ?? 0) >= 2;
    const comparison = { wronglyGrouped: 0, copiesFoundUnique: 0, templatesSplit: 0 };
    const campaignsPerTemplate = new Map<number, number>();
    for (const [campaignId, list] of members) {
      if (campaignId === null || list.length < 2) {
        comparison.copiesFoundUnique += list.filter(inTruthCampaign).length;
        continue;
      }
      const votes = new Map<number, number>();
      for (const i of list) votes.set(truth[i], (votes.get(truth[i]) ?? 0) + 1);
      const [template, copies] = [...votes].reduce((best, next) => (next[1] > best[1] ? next : best));
      comparison.wronglyGrouped += list.length - (template >= 0 ? copies : 0);
      if (template >= 0) campaignsPerTemplate.set(template, (campaignsPerTemplate.get(template) ?? 0) + 1);
    }
    comparison.templatesSplit = [...campaignsPerTemplate.values()].filter((n) => n > 1).length;

    // How the campaigns' comments relate to their representatives, next to how they were made.
    const { rows: kindRows } = await client.query<{ identical: number; added: number; edited: number }>(
      `
      select count(*) filter (where m."exactKey" = r."exactKey")::int as identical,
             count(*) filter (where m."exactKey" <> r."exactKey" and coalesce(m."addedText", '') <> '')::int as added,
             count(*) filter (where m."exactKey" <> r."exactKey" and coalesce(m."addedText", '') = '')::int as edited
      from "Comment" m
      join "Campaign" k on k.id = m."campaignId"
      join "Comment" r on r.id = k."representativeId"
      where m."periodId" = $1
        and m."campaignId" in (select "campaignId" from "Comment" where "periodId" = $1
                               group by "campaignId" having count(*) >= 2)`,
      [period.id],
    );
    const kinds = { found: kindRows[0], made: { identical: 0, added: 0, edited: 0 } };
    truthKinds.forEach((kind, i) => {
      if (kind !== "unique" && inTruthCampaign(i)) kinds.made[kind]++;
    });
    const storage = {
      campaignRows: extra[0].campaignRows,
      campaignBandRows: extra[0].bandRows,
      databaseMB: Math.round(Number(extra[0].dbBytes) / 2 ** 20),
      commentTableMB: Math.round(Number(extra[0].commentBytes) / 2 ** 20),
    };
    const timing = {
      seedSeconds: round(seedMs / 1000, 1),
      seedRowsPerSecond: Math.round(COUNT / (seedMs / 1000)),
      textGenerationSeconds: round(generateMs / 1000, 1),
      groupingSeconds: round(groupMs / 1000, 1),
      groupingCommentsPerSecond: Math.round(COUNT / (groupMs / 1000)),
      firstWaveCommentsPerSecond: waves[0].commentsPerSecond,
      lastWaveCommentsPerSecond: waves[waves.length - 1].commentsPerSecond,
      wallSeconds: round((performance.now() - started) / 1000, 1),
      peakRssMB: mb(peakRss),
    };

    const line = (label: string, value: string | number) => console.log(`${label.padEnd(34)}${value}`);
    console.log("");
    line("Grouping, total", `${timing.groupingSeconds} s (${fmt(timing.groupingCommentsPerSecond)} comments/s)`);
    line("Seeding (INSERT ... unnest)", `${timing.seedSeconds} s (${fmt(timing.seedRowsPerSecond)} rows/s)`);
    line("  of which generating texts", `${timing.textGenerationSeconds} s (overlapping the inserts)`);
    line("Database size", `${storage.databaseMB} MB (Comment table ${storage.commentTableMB} MB)`);
    line("Campaign rows / CampaignBand rows", `${fmt(storage.campaignRows)} / ${fmt(storage.campaignBandRows)}`);
    console.log("");
    console.log(`${"".padEnd(34)}${"found".padStart(12)}${"truth".padStart(12)}`);
    for (const field of ["campaigns", "commentsInCampaigns", "uniqueComments"] as const) {
      console.log(`${field.padEnd(34)}${fmt(found[field]).padStart(12)}${fmt(truthCounts[field]).padStart(12)}`);
    }
    line("still pending", found.pending);
    line("wrongly grouped comments", comparison.wronglyGrouped);
    line("copies found unique", comparison.copiesFoundUnique);
    line("templates split in two or more", comparison.templatesSplit);
    line("Peak RSS (Node process)", `${timing.peakRssMB} MB`);
    console.log("");
    console.log(`${"campaign comments by kind".padEnd(34)}${"found".padStart(12)}${"made as".padStart(12)}`);
    for (const kind of ["identical", "added", "edited"] as const) {
      console.log(`${kind.padEnd(34)}${fmt(kinds.found[kind]).padStart(12)}${fmt(kinds.made[kind]).padStart(12)}`);
    }

    const results = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAfter: os.loadavg() },
      settings: {
        comments: COUNT,
        seed: SEED,
        waves: WAVES,
        groupingBatch: BATCH ?? "default",
        rowsPerInsert: ROWS_PER_INSERT,
        templates: TEMPLATES,
      },
      timing,
      waves,
      found,
      truth: truthCounts,
      comparison,
      kinds,
      storage,
    };
    const outDir = path.join(ROOT, "bench", "results");
    mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `comment-grouping-db-${results.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`Results: ${path.relative(ROOT, outFile)}`);
  } finally {
    await cleanup();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
