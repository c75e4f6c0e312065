// The response cache's memory: stored visitor responses, least recently used first out when the
// bytes exceed the bound, indexed by tag so an announcement drops exactly the pages it touched.
// A render that started before a drop of one of its tags is refused at store time (it may have
// read the record as it was before the change): `begin()` hands out a ticket, `put()` checks it.
// Pure (no I/O): the listener (listener.server.ts) calls `drop`/`dropAll`, the HTTP side
// (scripts/response-cache.ts) calls `get`/`begin`/`put`.
import { ALL } from "./tags";

export type CachedResponse = {
  key: string;
  tags: string[];
  status: number;
  /** Response headers as the app sent them (no Content-Length, Content-Encoding, Set-Cookie, Vary). */
  headers: [string, string | string[]][];
  /** The Cache-Control sent with it. */
  cacheControl: string;
  body: Buffer;
  /** The body gzipped, once it is ready (compressed after storing, off the request path). */
  gzip: Buffer | null;
  etag: string;
  /** Seconds since the epoch of the Last-Modified header. */
  lastModified: number;
  /** Whether If-Modified-Since alone may answer 304: no drop of its tags in the same second. */
  modifiedSinceSafe: boolean;
  /** Milliseconds since the epoch after which the entry is not served (time-based page states). */
  expiresAt: number;
  bytes: number;
};

export type Ticket = { seq: number; tags: string[]; startedAt: number };

export class ResponseStore {
  private entries = new Map<string, CachedResponse>();
  private byTag = new Map<string, Set<string>>();
  /** The sequence number of the last drop of each tag (and of ALL). */
  private dropSeq = new Map<string, number>();
  private dropTime = new Map<string, number>();
  private seq = 0;
  private bytes = 0;
  readonly stats = { hits: 0, misses: 0, stored: 0, refused: 0, dropped: 0, evicted: 0 };

  constructor(
    readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return this.entries.size;
  }

  get totalBytes() {
    return this.bytes;
  }

  /** A fresh entry for the key, marked most recently used; undefined if absent or expired. */
  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The entry under the key, without touching its recency or expiry. */
  peek(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  begin(tags: string[]): Ticket {
    return { seq: this.seq, tags, startedAt: this.now() };
  }

  /** The time of the last drop of any of these tags (or of everything), 0 if none. */
  lastDropOf(tags: string[]): number {
    return Math.max(this.dropTime.get(ALL) ?? 0, ...tags.map((tag) => this.dropTime.get(tag) ?? 0));
  }

  /** Stores an entry unless one of its tags was dropped after the ticket was handed out. */
  put(ticket: Ticket, entry: Omit<CachedResponse, "bytes" | "tags">): boolean {
    const stale = [ALL, ...ticket.tags].some((tag) => (this.dropSeq.get(tag) ?? -1) > ticket.seq);
    const bytes = entry.body.length + headerBytes(entry.headers) + 256;
    if (stale || bytes > this.maxBytes) {
      this.stats.refused++;
      return false;
    }
    this.remove(entry.key);
    const stored: CachedResponse = { ...entry, tags: ticket.tags, bytes };
    this.entries.set(entry.key, stored);
    this.bytes += bytes;
    for (const tag of ticket.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    this.stats.stored++;
    this.evict();
    return true;
  }

  /** Adds the gzipped body to an entry still stored under the key (it counts toward the bound). */
  addGzip(entry: CachedResponse, gzip: Buffer) {
    if (this.entries.get(entry.key) !== entry || entry.gzip) return;
    entry.gzip = gzip;
    entry.bytes += gzip.length;
    this.bytes += gzip.length;
    this.evict();
  }

  /** Drops every entry carrying one of the tags (ALL drops everything). */
  drop(tags: string[]) {
    if (tags.length === 0) return;
    this.seq++;
    const time = this.now();
    for (const tag of tags) {
      this.dropSeq.set(tag, this.seq);
      this.dropTime.set(tag, time);
    }
    if (tags.includes(ALL)) {
      this.stats.dropped += this.entries.size;
      this.entries.clear();
      this.byTag.clear();
      this.bytes = 0;
      // Per-tag marks older than this one no longer decide anything.
      for (const tag of [...this.dropSeq.keys()]) if (tag !== ALL) this.dropSeq.delete(tag);
      for (const tag of [...this.dropTime.keys()]) if (tag !== ALL) this.dropTime.delete(tag);
      return;
    }
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        this.remove(key);
        this.stats.dropped++;
      }
    }
    // The marks only matter to renders in flight; keep the map from growing without bound.
    if (this.dropSeq.size > 100_000) this.drop([ALL]);
  }

  dropAll() {
    this.drop([ALL]);
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  private evict() {
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
      this.stats.evicted++;
    }
  }
}

function headerBytes(headers: [string, string | string[]][]): number {
  let total = 0;
  for (const [name, value] of headers) total += name.length + String(value).length + 4;
  return total;
}
