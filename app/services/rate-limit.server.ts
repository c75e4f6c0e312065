// Fixed-window counters in PostgreSQL, so every app process shares one count.
import type { DbClient } from "./db.server";

export type RateLimitState = { count: number; resetAt: Date };

/** Adds one hit to the bucket and returns the count in the current window. */
export async function hit(db: DbClient, key: string, windowSeconds: number): Promise<RateLimitState> {
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    insert into "RateLimitBucket" ("key", "count", "resetAt")
    values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict ("key") do update set
      "count" = case when "RateLimitBucket"."resetAt" <= now() then 1 else "RateLimitBucket"."count" + 1 end,
      "resetAt" = case when "RateLimitBucket"."resetAt" <= now()
        then now() + make_interval(secs => ${windowSeconds}) else "RateLimitBucket"."resetAt" end
    returning "count", "resetAt"`;
  return rows[0];
}

/** The bucket's current count without adding to it (0 once the window has passed). */
export async function peek(db: DbClient, key: string): Promise<RateLimitState> {
  const row = await db.rateLimitBucket.findUnique({ where: { key } });
  if (!row || row.resetAt <= new Date()) return { count: 0, resetAt: new Date() };
  return { count: row.count, resetAt: row.resetAt };
}

export async function clear(db: DbClient, key: string) {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Removes every bucket whose key starts with `prefix` (a reset lifts all of an account's locks). */
export async function clearPrefix(db: DbClient, prefix: string) {
  await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: prefix } } });
}
