// The Lodestone HTTP server: boots the database, then serves the Remix build with Express.
// `npm start` runs it; see README for the environment variables.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { bootEnv, env } from "../app/env.server";
import { bootDatabase } from "../app/services/boot.server";
import { startResponseCache } from "../app/services/response-cache/listener.server";
import { createApp } from "./app";

const projectRoot = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(projectRoot, ".env")) && typeof process.loadEnvFile === "function") {
  process.loadEnvFile(path.join(projectRoot, ".env"));
}
const log = (message: string) => console.log(`[lodestone] ${message}`);

const boot = await bootDatabase({ projectRoot, log });

const { PORT: port, NODE_ENV: mode } = bootEnv();
const { APP_URL: appUrl, TRUST_PROXY: trustProxy, RUN_WORKER_IN_APP: runWorkerInApp } = env();

const buildPath = path.join(projectRoot, "build", "index.js");
if (!existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first (npm start does this for you).");
  process.exit(1);
}
const buildUrl = pathToFileURL(buildPath).href;
let build = (await import(buildUrl)) as ServerBuild;

// `npm run dev` runs this under `remix dev --manual` with --watch-build: the compiler rebuilds on
// every change and writes build/version.txt; this process re-imports the new build (the database,
// the worker and the sessions stay up) and tells the compiler it is ready, which reloads the browser.
// `npm start` never passes the flag and serves the one build it loaded.
const watchBuild = process.argv.includes("--watch-build");
// Visitors' pages in memory, dropped by the database's announcements (never under `npm run dev`:
// a rebuild changes every page without any announcement).
const settings = env();
const responseCache =
  settings.RESPONSE_CACHE && !watchBuild && settings.DATABASE_URL
    ? await startResponseCache({
        databaseUrl: settings.DATABASE_URL,
        maxBytes: settings.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
        maxEntryBytes: settings.RESPONSE_CACHE_MAX_ENTRY_KB * 1024,
        ttlSeconds: settings.RESPONSE_CACHE_TTL_SECONDS,
        sharedMaxAgeSeconds: settings.RESPONSE_CACHE_S_MAXAGE,
        staleWhileRevalidateSeconds: settings.RESPONSE_CACHE_STALE_WHILE_REVALIDATE,
      })
    : null;
const app = createApp({
  responseCache,
  build: watchBuild ? async () => build : build,
  appUrl,
  mode,
  trustProxy,
  publicDir: path.join(projectRoot, "public"),
});
if (watchBuild) {
  const { broadcastDevReady } = await import("@remix-run/node");
  const { watch } = await import("node:fs");
  watch(path.dirname(buildPath), (_event, file) => {
    if (file !== "version.txt") return;
    import(`${buildUrl}?t=${Date.now()}`)
      .then(async (next: ServerBuild) => {
        build = next;
        await broadcastDevReady(build);
        log("Reloaded the new build");
      })
      .catch((error: unknown) => console.error("[dev] the new build did not load", error));
  });
}

// Comments are grouped into form-letter campaigns right after they are accepted; this sweep picks up
// any a crash or another process left pending.
const { sweepUngroupedComments } = await import("../app/models/comment-grouping.server");
const sweep = setInterval(() => {
  sweepUngroupedComments().catch((error) => console.error("[grouping] sweep failed", error));
}, 30_000);
sweep.unref();

// The notification worker runs here unless this deployment runs it separately (`npm run worker`).
const { startWorker } = await import("../app/services/queue.server");
const worker = runWorkerInApp ? await startWorker({ log }) : null;
// The open-data files are brought up to date at start (then every 10 minutes, if the record changed).
if (worker) await (await import("../app/services/open-data.server")).requestOpenDataRefresh();

const server = app.listen(port, () => {
  log(`Lodestone is ready at ${appUrl}${boot.seeded ? " (demo data loaded: see README for the demo accounts)" : ""}`);
  if (watchBuild) void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  server.close();
  await responseCache?.close();
  await worker?.stop().catch((error: unknown) => console.error("[worker] stop failed", error));
  await boot.embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
