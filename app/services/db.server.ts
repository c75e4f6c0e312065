// The one Prisma client. DATABASE_URL is set by the server at boot (embedded PostgreSQL or the
// configured server) and by the test harness (a fresh database per test file).
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import { env } from "~/env.server";

export type Db = PrismaClient;
/** A client or an interactive-transaction client: model functions accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

function createClient(): PrismaClient {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm start` (it starts the bundled PostgreSQL) or set DATABASE_URL.",
    );
  }
  const adapter = new PrismaPg({ connectionString, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { lodestonePrisma?: PrismaClient };

// One client per process, kept across dev rebuilds so connections are not leaked.
export const prisma: PrismaClient = globalForDb.lodestonePrisma ?? createClient();
globalForDb.lodestonePrisma = prisma;
