// The Lodestone HTTP server: boots the database, then serves the Remix build with Express.
// `npm start` runs it; see README for the environment variables.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bootDatabase } from "../app/services/boot.server";
import { originGuard } from "../app/services/csrf.server";

const projectRoot = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(projectRoot, ".env")) && typeof process.loadEnvFile === "function") {
  process.loadEnvFile(path.join(projectRoot, ".env"));
}
const log = (message: string) => console.log(`[lodestone] ${message}`);

const boot = await bootDatabase({ projectRoot, log });

const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;
const appUrl = process.env.APP_URL;

const buildPath = path.join(projectRoot, "build", "index.js");
if (!existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first (npm start does this for you).");
  process.exit(1);
}
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);
app.use(compression());

app.use((req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
});

// Fingerprinted assets can be cached forever; everything else in public/ for an hour.
app.use("/build", express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(projectRoot, "public"), { maxAge: "1h" }));

app.use(originGuard(appUrl));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({
      requestId: req.get("x-request-id") ?? randomUUID(),
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

// Comments are grouped into form-letter campaigns right after they are accepted; this sweep picks up
// any a crash or another process left pending.
const { sweepUngroupedComments } = await import("../app/models/comment-grouping.server");
const sweep = setInterval(() => {
  sweepUngroupedComments().catch((error) => console.error("[grouping] sweep failed", error));
}, 30_000);
sweep.unref();

// The notification worker runs here unless this deployment runs it separately (`npm run worker`).
const { startWorker } = await import("../app/services/queue.server");
const worker = process.env.RUN_WORKER_IN_APP === "false" ? null : await startWorker({ log });

const server = app.listen(port, () => {
  log(`Lodestone is ready at ${appUrl}${boot.seeded ? " (demo data loaded: see README for the demo accounts)" : ""}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  server.close();
  await worker?.stop().catch((error: unknown) => console.error("[worker] stop failed", error));
  await boot.embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
