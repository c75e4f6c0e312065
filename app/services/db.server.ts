// The one Prisma client. DATABASE_URL is set by the server at boot (embedded PostgreSQL or the
// configured server) and by the test harness (a fresh database per test file).
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import pg from "pg";
import { env } from "~/env.server";

export type Db = PrismaClient;
/** A client or an interactive-transaction client: model functions accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

function createPool(): pg.Pool {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm start` (it starts the bundled PostgreSQL) or set DATABASE_URL.",
    );
  }
  const created = new pg.Pool({ connectionString, max: DATABASE_POOL_SIZE });
  // An idle connection the server drops (restart, failover, shutdown) must not crash the process:
  // the pool replaces it on the next query and only reports it here.
  created.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  return created;
}

const globalForDb = globalThis as unknown as { lodestonePrisma?: PrismaClient; lodestonePool?: pg.Pool };

// One pool and one client per process, kept across dev rebuilds so connections are not leaked.
// Prisma uses the pool; the few hot statements that Prisma's per-query cost would dominate (the
// comment intake, decision 0032) send their SQL on the same pool with `sqlPool()`, so a process
// still holds DATABASE_POOL_SIZE connections at most. `prisma.$disconnect()` ends the pool.
let pool: pg.Pool = globalForDb.lodestonePool ?? createPool();
globalForDb.lodestonePool = pool;
export const prisma: PrismaClient =
  globalForDb.lodestonePrisma ?? new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
globalForDb.lodestonePrisma = prisma;

/** The pool under `prisma`, for a statement sent without Prisma (typed raw SQL on a hot path). */
export function sqlPool(): pg.Pool {
  // After a $disconnect (tests) Prisma opens a pool of its own on its next query; so does this.
  if (pool.ending || pool.ended) {
    pool = createPool();
    globalForDb.lodestonePool = pool;
  }
  return pool;
}
