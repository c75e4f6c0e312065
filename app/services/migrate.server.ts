// Applies committed migrations with `prisma migrate deploy` (the JS schema engine, see
// prisma.config.ts). Called by the server at boot and by the test harness.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function applyMigrations(databaseUrl: string, projectRoot = process.cwd()) {
  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  try {
    await run(prisma, ["migrate", "deploy"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // The JS engine never runs these; pointing at an existing file stops the CLI from
        // trying to download engine binaries (no network here).
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed:\n${detail.stdout ?? ""}\n${detail.stderr ?? ""}`, { cause: error });
  }
}
