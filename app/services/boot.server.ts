// Brings the database up before the app serves: the bundled PostgreSQL when no DATABASE_URL is
// set, pending migrations, and demo data on the embedded default's first start.
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { bootEnv, setDatabaseUrl } from "~/env.server";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.server";
import { applyMigrations } from "./migrate.server";

export type BootResult = { databaseUrl: string; embedded: RunningPostgres | null; seeded: boolean };

export async function bootDatabase(options: {
  projectRoot: string;
  log: (message: string) => void;
}): Promise<BootResult> {
  const { projectRoot, log } = options;
  let embedded: RunningPostgres | null = null;
  const settings = bootEnv();
  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.resolve(projectRoot, settings.LODESTONE_DATA_DIR, "postgres");
    const port = settings.EMBEDDED_PG_PORT;
    log(`Starting the bundled PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
    embedded = await startEmbeddedPostgres({ dataDir, port });
    await ensureDatabase(embedded.adminUrl, "lodestone");
    databaseUrl = embedded.urlFor("lodestone");
    setDatabaseUrl(databaseUrl);
  }

  const pending = await pendingMigrations(databaseUrl, projectRoot);
  if (pending.length > 0) {
    log(`Applying ${pending.length} migration(s): ${pending.join(", ")}`);
    await applyMigrations(databaseUrl, projectRoot);
  }

  // Demo data only where it cannot land in someone's real database: the embedded default, or
  // when asked for explicitly.
  const wantsSeed = settings.SEED_DEMO_DATA ? settings.SEED_DEMO_DATA === "true" : embedded !== null;
  let seeded = false;
  if (wantsSeed && (await isEmpty(databaseUrl))) {
    log("First start: loading demo data (real projects, demo accounts)");
    const { prisma } = await import("./db.server");
    const { seedDemoData } = await import("../../prisma/seed/seed");
    await seedDemoData(prisma);
    seeded = true;
  }
  return { databaseUrl, embedded, seeded };
}

/** Migration folders not yet recorded as applied; cheap, so boots without changes skip the CLI. */
export async function pendingMigrations(databaseUrl: string, projectRoot: string): Promise<string[]> {
  const folders = readdirSync(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("select to_regclass('public._prisma_migrations') as name");
    if (!table.rows[0]?.name) return folders;
    const applied = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return folders.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query('select exists(select 1 from "User") as has_users');
    return !result.rows[0]?.has_users;
  } finally {
    await client.end();
  }
}
