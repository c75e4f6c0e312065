// The Lodestone HTTP server: boots the database, then serves the Remix build with Express.
// `npm start` runs it; see README for the environment variables.
//
// WEB_CONCURRENCY (default 1) is the number of web processes. With 1, this process does everything:
// it serves, runs the notification worker (RUN_WORKER_IN_APP) and the grouping sweep. Above 1 it
// becomes a node:cluster primary: it boots the database (the bundled PostgreSQL, migrations, demo
// data) and runs the background work ONCE, and forks WEB_CONCURRENCY web processes that share the
// port (the primary hands out connections round-robin). Each web process keeps its own response
// cache and listens for the database's announcements itself; nothing else is held in a process, so
// a web process that dies is simply forked again.
import cluster from "node:cluster";
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
const log = (message: string) =>
  console.log(`[lodestone${cluster.isWorker ? ` web ${cluster.worker?.id}` : ""}] ${message}`);

const buildPath = path.join(projectRoot, "build", "index.js");
if (!existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first (npm start does this for you).");
  process.exit(1);
}
// `npm run dev` runs this under `remix dev --manual` with --watch-build (always one process).
const watchBuild = process.argv.includes("--watch-build");

type Stoppable = { stop: () => Promise<void> };

/** Serves HTTP in this process: the response cache, the Express app, the port. */
async function startWeb(options: { seeded: boolean; announceReady: boolean }): Promise<Stoppable> {
  const { PORT: port, NODE_ENV: mode } = bootEnv();
  const settings = env();
  const { APP_URL: appUrl, TRUST_PROXY: trustProxy } = settings;
  const buildUrl = pathToFileURL(buildPath).href;
  let build = (await import(buildUrl)) as ServerBuild;

  // Visitors' pages in memory, dropped by the database's announcements (never under `npm run dev`:
  // a rebuild changes every page without any announcement). One cache, and one LISTEN, per process.
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
    // The compiler rebuilds on every change and writes build/version.txt; this process re-imports
    // the new build (the database, the worker and the sessions stay up) and tells the compiler it
    // is ready, which reloads the browser. `npm start` never passes the flag.
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
  const server = app.listen(port, () => {
    if (options.announceReady) {
      log(
        `Lodestone is ready at ${appUrl}${options.seeded ? " (demo data loaded: see README for the demo accounts)" : ""}`,
      );
    }
    if (watchBuild) void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
  });
  return {
    stop: async () => {
      // Requests in flight are answered (up to 10 s); idle keep-alive connections close at once.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(timer);
      await responseCache?.close();
    },
  };
}

/** The work that runs once per deployment, not per web process. */
async function startBackground(): Promise<Stoppable> {
  // Comments are grouped into form-letter campaigns right after they are accepted (in the web
  // process that took them); this sweep picks up any a crash or another process left pending.
  const { sweepUngroupedComments } = await import("../app/models/comments/comment-grouping.server");
  const sweep = setInterval(() => {
    sweepUngroupedComments().catch((error) => console.error("[grouping] sweep failed", error));
  }, 30_000);
  sweep.unref();
  // The notification worker runs here unless this deployment runs it separately (`npm run worker`).
  const { startWorker } = await import("../app/services/queue.server");
  const worker = env().RUN_WORKER_IN_APP ? await startWorker({ log }) : null;
  // The open-data files are brought up to date at start (then every 10 minutes, if the record changed).
  if (worker) await (await import("../app/services/open-data.server")).requestOpenDataRefresh();
  return {
    stop: async () => {
      clearInterval(sweep);
      await worker?.stop().catch((error: unknown) => console.error("[worker] stop failed", error));
    },
  };
}

function onSignals(shutdown: (signal: string) => Promise<void>) {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

if (cluster.isWorker) {
  // A web process: the primary booted the database and passed DATABASE_URL down.
  const web = await startWeb({ seeded: false, announceReady: false });
  onSignals(async () => {
    await web.stop();
  });
  // The primary went away without telling us (killed): do not serve on alone.
  process.on("disconnect", () => {
    void web.stop().finally(() => process.exit(0));
  });
} else {
  const boot = await bootDatabase({ projectRoot, log });
  const processes = watchBuild ? 1 : env().WEB_CONCURRENCY;

  if (processes === 1) {
    const web = await startWeb({ seeded: boot.seeded, announceReady: true });
    const background = await startBackground();
    onSignals(async (signal) => {
      log(`${signal}: shutting down`);
      await web.stop();
      await background.stop();
      await boot.embedded?.stop();
    });
  } else {
    const background = await startBackground();
    let stopping = false;
    let listening = 0;
    const fork = () => cluster.fork({ DATABASE_URL: env().DATABASE_URL });
    cluster.on("listening", () => {
      listening++;
      if (listening === processes) {
        log(
          `Lodestone is ready at ${env().APP_URL} (${processes} web processes)${boot.seeded ? " (demo data loaded: see README for the demo accounts)" : ""}`,
        );
      }
    });
    // A web process that dies is replaced (after a pause, so a process that cannot start does not
    // spin); its requests in flight are lost to their clients, who retry with the same key.
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      console.error(`[lodestone] web process ${worker.id} exited (${signal ?? code}); starting another`);
      setTimeout(() => {
        if (!stopping) fork();
      }, 1000).unref();
    });
    for (let i = 0; i < processes; i++) fork();
    onSignals(async (signal) => {
      stopping = true;
      log(`${signal}: shutting down ${processes} web processes`);
      const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => {
                worker.process.kill("SIGKILL");
                resolve();
              }, 15_000);
              worker.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill("SIGTERM");
            }),
        ),
      );
      await background.stop();
      await boot.embedded?.stop();
    });
  }
}
