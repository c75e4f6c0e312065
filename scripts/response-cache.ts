// The response cache on the HTTP side (docs/decisions/0026-response-cache.md). Two middlewares:
//
// - serveCached, first in the chain: a visitor's GET/HEAD (no cookie, no Authorization) for a
//   stored page is answered from memory, with the headers the app sent when it rendered it, an
//   ETag and Last-Modified (304 when the browser already has it) and gzip when asked for: no
//   security-header, static-file or Remix work at all.
// - captureForCache, just before Remix: a visitor's GET that missed is rendered as usual and its
//   bytes kept as they go out; if the answer can be shared (200, no Set-Cookie, not private, not
//   too large, no Vary beyond Cookie/Accept-Encoding/Accept) it is stored under its tags.
//
// A page is never served or stored while the cache's LISTEN connection is down, nor for a
// request that carries any cookie (signed in, a flash message, anything) but the language
// switch's: those always go to Remix. Pages are kept per negotiated language (decision 0031).
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { gzip } from "node:zlib";
import type { Request, RequestHandler } from "express";
import onHeaders from "on-headers";
import { hasOnlyLanguageCookie, negotiateLocale } from "../app/i18n/negotiate";
import { matchesIfNoneMatch } from "../app/services/api/etag";
import type { ResponseCache } from "../app/services/response-cache/listener.server";
import { isNeverCached, pageTags } from "../app/services/response-cache/tags";

/** Headers never replayed from a stored response (hop-by-hop, per-response, or set on each answer). */
const NOT_STORED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "set-cookie",
  "vary",
  "etag",
  "last-modified",
  "cache-control",
  "expires",
  "x-response-cache",
  // Per client (the API's remaining requests): a hit is not counted, so it says nothing about them.
  "ratelimit",
]);
/** Request headers a response may vary on and still be stored (the key covers them). */
const VARY_ALLOWED = new Set(["cookie", "accept-encoding", "accept", "accept-language"]);
const VARY = "Cookie, Accept-Encoding, Accept-Language";
const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|geo\+json|problem\+json|javascript)|image\/svg)/;

/**
 * Who may be served from (and stored in) the shared cache: a visitor with nothing personal. The
 * language switch's cookie is not personal (two values, the key has it), so it keeps a visitor one.
 */
function isVisitorRead(req: Request): boolean {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    (!req.headers.cookie || hasOnlyLanguageCookie(req.headers.cookie)) &&
    !req.headers.authorization &&
    !req.path.endsWith(".data") &&
    !isNeverCached(req.path)
  );
}

/**
 * The key: the full URL with its query, the kind of answer asked for (Accept), and the language
 * the app will answer in (the switch's cookie, else Accept-Language: the same negotiation as the
 * app's, a visitor having no saved preference).
 */
function keyOf(req: Request): string {
  return `${req.originalUrl}\n${acceptKey(req.headers)}\n${languageKey(req.headers)}`;
}

function acceptKey(headers: IncomingHttpHeaders): string {
  const accept = headers.accept ?? "";
  if (accept.includes("text/html")) return "html";
  if (accept.includes("application/json")) return "json";
  return accept.length <= 64 ? accept : "other";
}

function languageKey(headers: IncomingHttpHeaders): string {
  // The pseudo-locale is keyed as itself whether or not this deployment serves it: an app that
  // does not answers English, and that answer is then kept under "en-XA", never under "en".
  return negotiateLocale({
    cookieHeader: headers.cookie,
    acceptLanguage: headers["accept-language"],
    allowPseudo: true,
  });
}

function acceptsGzip(req: Request): boolean {
  const header = req.headers["accept-encoding"];
  return typeof header === "string" && header.includes("gzip") && req.acceptsEncodings("gzip", "identity") === "gzip";
}

/** Headers that describe a body, left off a 304. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "content-language"]);

function sharedCacheControl(cache: ResponseCache): string {
  const { sharedMaxAgeSeconds, staleWhileRevalidateSeconds } = cache.settings;
  return `public, max-age=0, s-maxage=${sharedMaxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`;
}

export function serveCached(cache: ResponseCache): RequestHandler {
  return (req, res, next) => {
    if (!cache.ready || !isVisitorRead(req)) return next();
    const entry = cache.store.get(keyOf(req));
    if (!entry) {
      cache.store.stats.misses++;
      return next();
    }
    cache.store.stats.hits++;
    const lastModified = new Date(entry.lastModified * 1000).toUTCString();
    res.setHeader("ETag", entry.etag);
    res.setHeader("Last-Modified", lastModified);
    res.setHeader("Cache-Control", entry.cacheControl);
    res.setHeader("Vary", VARY);
    res.setHeader("X-Response-Cache", "hit");
    if (notModified(req, entry)) {
      // A 304 carries the headers the 200 would have, the body's own aside: without the stored
      // CORS headers a cross-site script's revalidation fails ("Failed to fetch").
      for (const [name, value] of entry.headers) {
        if (!BODY_HEADERS.has(name.toLowerCase())) res.setHeader(name, value);
      }
      res.statusCode = 304;
      res.end();
      return;
    }
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    const gzipped = entry.gzip && acceptsGzip(req) ? entry.gzip : null;
    const body = gzipped ?? entry.body;
    if (gzipped) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.statusCode = entry.status;
    if (req.method === "HEAD") res.end();
    else res.end(body);
  };
}

function notModified(req: Request, entry: { etag: string; lastModified: number; modifiedSinceSafe: boolean }) {
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch) return matchesIfNoneMatch(ifNoneMatch, entry.etag);
  const since = req.headers["if-modified-since"];
  if (!since || !entry.modifiedSinceSafe) return false;
  const sinceSeconds = Date.parse(since) / 1000;
  return Number.isFinite(sinceSeconds) && sinceSeconds >= entry.lastModified;
}

/** A route's own Cache-Control that keeps the answer out of every shared cache. */
const PRIVATE = /\b(private|no-store)\b/i;
/**
 * `no-cache` (the read API, the log's feed) asks every cache to revalidate with the origin before
 * reuse. This cache is part of the origin and is told of every change, so it keeps such answers,
 * and sends them on with the route's own header (browsers and CDNs still revalidate, cheaply: 304).
 */
const REVALIDATE = /\bno-cache\b/i;

export function captureForCache(cache: ResponseCache): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" || !cache.ready || !isVisitorRead(req)) return next();
    const key = keyOf(req);
    const ticket = cache.store.begin(pageTags(req.path));
    const lastModified = Math.floor(ticket.startedAt / 1000);
    const maxBytes = cache.settings.maxEntryBytes;
    let storable = false;
    let headers: [string, string | string[]][] = [];
    let cacheControl = "";
    let etag: string | null = null;
    let routeLastModified: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;

    onHeaders(res, () => {
      const control = String(res.getHeader("cache-control") ?? "");
      const vary = String(res.getHeader("vary") ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      storable =
        res.statusCode === 200 &&
        !res.hasHeader("set-cookie") &&
        !PRIVATE.test(control) &&
        vary.every((name) => VARY_ALLOWED.has(name));
      if (!storable) return;
      // The cache owns Cache-Control unless the route allows a longer one than the cache's bound.
      const routeMaxAge = Number(/max-age=(\d+)/.exec(control)?.[1] ?? NaN);
      cacheControl =
        REVALIDATE.test(control) || (control && routeMaxAge > cache.settings.ttlSeconds)
          ? control
          : sharedCacheControl(cache);
      res.setHeader("Cache-Control", cacheControl);
      res.removeHeader("Expires");
      res.setHeader("Vary", VARY);
      etag = (res.getHeader("etag") as string | undefined) ?? null;
      const routeModified = res.getHeader("last-modified");
      routeLastModified = routeModified ? Date.parse(String(routeModified)) / 1000 : null;
      if (!routeModified) res.setHeader("Last-Modified", new Date(lastModified * 1000).toUTCString());
      res.setHeader("X-Response-Cache", "miss");
      headers = Object.entries(res.getHeaders())
        .filter(([name, value]) => !NOT_STORED.has(name) && value !== undefined)
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]);
    });

    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    const keep = (chunk: unknown, encoding: unknown) => {
      // Kept before the first write sends the headers (and decides `storable`), so kept always.
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (size > maxBytes) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size <= maxBytes) chunks.push(buffer);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as typeof res.end;

    res.once("finish", () => {
      if (!storable || size > maxBytes || !res.writableFinished) return;
      const body = Buffer.concat(chunks, size);
      const entryEtag = etag ?? `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      const modified =
        routeLastModified !== null && Number.isFinite(routeLastModified) ? routeLastModified : lastModified;
      const entry = {
        key,
        status: 200,
        headers,
        body,
        gzip: null,
        etag: entryEtag,
        lastModified: modified,
        modifiedSinceSafe: Math.floor(cache.store.lastDropOf(ticket.tags) / 1000) < modified,
        cacheControl,
        expiresAt: ticket.startedAt + cache.settings.ttlSeconds * 1000,
      };
      if (!cache.ready || !cache.store.put(ticket, entry)) return;
      const type = String(headers.find(([name]) => name === "content-type")?.[1] ?? "");
      if (body.length < 1024 || !COMPRESSIBLE.test(type)) return;
      gzip(body, (error, compressed) => {
        const stored = cache.store.peek(key);
        if (!error && stored) cache.store.addGzip(stored, compressed);
      });
    });
    next();
  };
}
