// The Express app that serves the Remix build: security headers, static files, the CSRF origin
// check, then Remix. scripts/server.ts boots the database and listens with it; tests build one with
// a test build and an http or https APP_URL.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { originGuard } from "../app/services/csrf.server";
import type { TrustProxy } from "../app/utils/network.server";
import type { ResponseCache } from "../app/services/response-cache/listener.server";
import { apiCors } from "./api-cors";
import { captureForCache, serveCached } from "./response-cache";
import { privateResponses, securityHeaders } from "./security-headers";

export type AppOptions = {
  /** The build, or (in development) a function that returns the latest one. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** The public origin (APP_URL): the CSRF check compares with it; https turns HSTS on. */
  appUrl: string;
  /** Remix's mode; unset is production (error details stay in the server log). */
  mode?: string;
  /** Proxies in front of the app (TRUST_PROXY): a hop count or their addresses, never `true`. */
  trustProxy?: TrustProxy;
  /** The folder of static files; `build/` inside it holds the fingerprinted assets. */
  publicDir: string;
  /** Visitors' pages kept in memory and dropped by the database's announcements (RESPONSE_CACHE). */
  responseCache?: ResponseCache | null;
};

export function createApp({ build, appUrl, mode, trustProxy = false, publicDir, responseCache }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // A client's own X-Forwarded-For is believed only past the configured proxies.
  if (trustProxy !== false) app.set("trust proxy", trustProxy);
  // A stored visitor page goes out before any other work (its headers were stored with it).
  if (responseCache) app.use(serveCached(responseCache));
  app.use(compression());
  app.use(securityHeaders({ https: appUrl.startsWith("https:") }));

  // Fingerprinted assets can be cached forever; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Only paths whose first segment exists in public/ reach express.static: it would otherwise stat
  // the disk for every page route. (public/ holds a few fixed files; build/ is mounted above.)
  const publicEntries = listPublicEntries(publicDir);
  const serveStatic = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (publicEntries.has(req.path.split("/")[1] ?? "") ? serveStatic(req, res, next) : next()));

  app.use(privateResponses);
  app.use(apiCors);

  // CSRF: a mutating request must come from this app (403 with the reason before Remix sees it).
  app.use(originGuard(appUrl));

  // A visitor's page that missed is kept as it goes out, if it can be shared.
  if (responseCache) app.use(captureForCache(responseCache));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req, res) => ({
        requestId: req.get("x-request-id") ?? randomUUID(),
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}

function listPublicEntries(publicDir: string): Set<string> {
  try {
    return new Set(readdirSync(publicDir));
  } catch {
    return new Set();
  }
}
