// Does sign-up or password reset take longer for an address that has an account? Times the model
// functions the routes call (signUp, requestPasswordReset) against a real PostgreSQL, alternating a
// taken and a new address (sign-up) and a real and an unknown one (reset), and prints the medians and
// their difference. No worker runs: what is measured is the request's own work (the worker does the
// rest later, out of the visitor's sight). Timing is noisy on a shared machine, so it lives here, not in a test.
//
// Run with `npx tsx bench/account-timing.bench.ts [--rounds N]` (default 40). Local only (PostgreSQL
// on 127.0.0.1 in a temporary folder, removed at the end).
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../app/services/embedded-postgres.server";
import { applyMigrations } from "../app/services/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "..");
const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function time(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-bench-accounts-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort() });
try {
  await ensureDatabase(postgres.adminUrl, "lodestone_bench");
  const databaseUrl = postgres.urlFor("lodestone_bench");
  await applyMigrations(databaseUrl, ROOT);
  Object.assign(process.env, { DATABASE_URL: databaseUrl, APP_URL: "http://localhost:3000" });
  const { prisma } = await import("../app/services/db.server");
  const { requestPasswordReset, signUp } = await import("../app/models/account.server");
  const context = { requestId: "bench" };
  const { hashPassword } = await import("../app/services/password.server");
  await prisma.user.create({
    data: { name: "Taken", email: "taken@example.org", passwordHash: await hashPassword("a long bench password") },
  });

  const signUpTaken: number[] = [];
  const signUpNew: number[] = [];
  const resetReal: number[] = [];
  const resetUnknown: number[] = [];
  // One warm-up round of each, not counted (first queries prepare statements and warm caches).
  for (let round = -1; round < ROUNDS; round++) {
    // Alternate which path goes first, so neither always follows the other's garbage or cache state.
    const takenFirst = round % 2 === 0;
    const signUpTakenTask = () =>
      time(() =>
        signUp(
          {
            name: "Someone",
            email: "taken@example.org",
            password: "a long bench password",
            timeZone: "America/Denver",
          },
          // A network block per round keeps the sign-up rate limit out of the figures.
          { ...context, clientIp: `10.1.${round + 1}.1` },
        ),
      );
    const signUpNewTask = () =>
      time(() =>
        signUp(
          {
            name: "Someone",
            email: `new-${round}@example.org`,
            password: "a long bench password",
            timeZone: "America/Denver",
          },
          { ...context, clientIp: `10.2.${round + 1}.1` },
        ),
      );
    let taken: number;
    let fresh: number;
    if (takenFirst) {
      taken = await signUpTakenTask();
      fresh = await signUpNewTask();
    } else {
      fresh = await signUpNewTask();
      taken = await signUpTakenTask();
    }
    const realTask = () => time(() => requestPasswordReset("taken@example.org"));
    const unknownTask = () => time(() => requestPasswordReset(`nobody-${round}@example.org`));
    let real: number;
    let unknown: number;
    if (takenFirst) {
      real = await realTask();
      unknown = await unknownTask();
    } else {
      unknown = await unknownTask();
      real = await realTask();
    }
    if (round < 0) continue;
    signUpTaken.push(taken);
    signUpNew.push(fresh);
    resetReal.push(real);
    resetUnknown.push(unknown);
  }
  const line = (label: string, a: number[], b: number[], names: [string, string]) =>
    `${label}: ${names[0]} ${median(a).toFixed(2)} ms, ${names[1]} ${median(b).toFixed(2)} ms (median of ${ROUNDS}; difference ${(median(a) - median(b)).toFixed(2)} ms)`;
  console.log(line("sign-up", signUpTaken, signUpNew, ["taken address", "new address"]));
  console.log(line("password reset", resetReal, resetUnknown, ["account", "no account"]));
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
