// Every app process keeps its own response cache and LISTENs for the database's announcements on
// a dedicated connection (plain `pg`: Prisma cannot LISTEN, and a pooled connection may be handed to
// someone else between queries). While that connection is down the cache neither serves nor stores,
// and it is emptied: announcements sent meanwhile are lost, so nothing stored before can be trusted.
// It reconnects with backoff. See docs/decisions/0026-response-cache.md.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ResponseStore } from "./store";
import { changeTags, parseAnnouncement } from "./tags";

export const CHANNEL = "lodestone_cache";

export type CacheSettings = {
  databaseUrl: string;
  /** The memory bound of stored responses, in bytes. */
  maxBytes: number;
  /** The largest single response stored, in bytes. */
  maxEntryBytes: number;
  /** How long a stored page is served at most (pages that show "closes in 2 days" age with the clock). */
  ttlSeconds: number;
  /** Cache-Control for a shared cache in front (a CDN): s-maxage and stale-while-revalidate. */
  sharedMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  log?: (message: string) => void;
};

export class ResponseCache {
  readonly store: ResponseStore;
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;
  private waiting = new Map<string, () => void>();
  private readonly log: (message: string) => void;

  constructor(readonly settings: CacheSettings) {
    this.store = new ResponseStore(settings.maxBytes);
    this.log = settings.log ?? ((message) => console.log(`[cache] ${message}`));
  }

  /** Serving and storing happen only while the LISTEN connection is up. */
  get ready(): boolean {
    return this.listening && !this.closed;
  }

  /** Connects and LISTENs; resolves once listening (or rejects if the first try fails). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.settings.databaseUrl, application_name: "lodestone-cache" });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      this.receive(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("the connection ended")));
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.listening = true;
    this.retryMs = 500;
  }

  private receive(payload: string) {
    const announcement = parseAnnouncement(payload);
    if (!announcement) {
      // Something this version cannot read: be safe.
      this.store.dropAll();
      return;
    }
    if (announcement.k === "sync") {
      this.waiting.get(announcement.n)?.();
      this.waiting.delete(announcement.n);
      return;
    }
    this.store.drop(changeTags(announcement));
  }

  private lost(client: pg.Client, error: Error) {
    if (this.client !== client && this.client !== null) return;
    const wasListening = this.listening;
    this.listening = false;
    this.client = null;
    this.store.dropAll();
    for (const release of this.waiting.values()) release();
    this.waiting.clear();
    client.removeAllListeners("end");
    client.end().catch(() => {});
    if (this.closed) return;
    if (wasListening) this.log(`LISTEN connection lost (${error.message}): cache emptied, reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => this.log("LISTEN connection back: caching again"),
        (error: Error) => {
          this.retryMs = Math.min(this.retryMs * 2, 30_000);
          if (!this.closed) this.log(`reconnect failed (${error.message}); next try in ${this.retryMs} ms`);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }

  /**
   * Resolves once every announcement committed before this call has been applied here: it sends
   * its own announcement and waits for it to come back (PostgreSQL delivers them in commit order).
   */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return;
    const token = randomUUID();
    const arrived = new Promise<void>((resolve) => this.waiting.set(token, resolve));
    await client.query("select pg_notify($1, $2)", [CHANNEL, JSON.stringify({ k: "sync", n: token })]);
    await arrived;
  }

  /** Simulates a lost connection (tests): the same path as a real one. */
  breakConnection() {
    const client = this.client;
    if (client) this.lost(client, new Error("broken on purpose"));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
    }
    this.store.dropAll();
  }
}

/** Starts a cache that is listening (throws if the database cannot be reached). */
export async function startResponseCache(settings: CacheSettings): Promise<ResponseCache> {
  const cache = new ResponseCache(settings);
  await cache.start();
  return cache;
}
