// Applies committed migrations with `prisma migrate deploy` (the JS schema engine, see
// prisma.config.ts). Called by the server at boot and by the test harness.
// graphile-worker's own schema goes first: a trigger in our migrations enqueues its jobs.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Logger, runMigrations } from "graphile-worker";
import { childProcessEnv } from "~/env.server";

const run = promisify(execFile);

export async function applyQueueMigrations(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

export async function applyMigrations(databaseUrl: string, projectRoot = process.cwd()) {
  await applyQueueMigrations(databaseUrl);
  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  try {
    await run(prisma, ["migrate", "deploy"], {
      cwd: projectRoot,
      env: childProcessEnv({
        DATABASE_URL: databaseUrl,
        // The JS engine never runs these; pointing at an existing file stops the CLI from
        // trying to download engine binaries (no network here).
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      }),
    });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed:\n${detail.stdout ?? ""}\n${detail.stderr ?? ""}`, { cause: error });
  }
}

// graphile-worker logs every migration step at info level; keep warnings and errors only.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[queue] ${message}`);
});
