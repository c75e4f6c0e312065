// The notification worker as its own process, for deployments with several app servers (set
// RUN_WORKER_IN_APP=false on them and run one or more of these). `npm run worker`.
import { existsSync } from "node:fs";
import path from "node:path";
import { bootEnv } from "../app/env.server";
import { applyQueueMigrations } from "../app/services/migrate.server";

const projectRoot = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(projectRoot, ".env")) && typeof process.loadEnvFile === "function") {
  process.loadEnvFile(path.join(projectRoot, ".env"));
}
const log = (message: string) => console.log(`[worker] ${message}`);

const databaseUrl = bootEnv().DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "Set DATABASE_URL to the app's PostgreSQL. (With the bundled database, `npm start` already runs the worker inside the app.)",
  );
  process.exit(2);
}
await applyQueueMigrations(databaseUrl);
const { startWorker } = await import("../app/services/queue.server");
const worker = await startWorker({ log });
await (await import("../app/services/open-data.server")).requestOpenDataRefresh();

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing running jobs`);
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
