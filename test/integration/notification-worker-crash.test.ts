// Kill the worker process (SIGKILL) while a batch request is in flight at the provider: the job stays
// locked by the dead worker, a new worker releases it, re-sends the same request with the same
// idempotency key, and every follower still ends up with exactly one email.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WORKER_STALE_LOCK_SECONDS = "1";
  process.env.EMAIL_REQUESTS_PER_SECOND = "50";
  process.env.EMAIL_RETRY_BASE_MS = "20";
});

import { followProject } from "~/models/notifications/follow.server";
import { changeStage } from "~/models/stage.server";
import { prisma } from "~/services/db.server";
import { startWorker, type RunningWorker } from "~/services/queue.server";
import { mailbox } from "../support/database";
import { freshJobLocks, workerConnections } from "../support/email-queue";
import { waitUntil } from "../support/wait";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const root = path.resolve(import.meta.dirname, "..", "..");
let child: ChildProcess | null = null;
let worker: RunningWorker | null = null;
afterEach(async () => {
  child?.kill("SIGKILL");
  await worker?.stop();
  worker = null;
});

describe("a worker killed mid-batch", () => {
  it("loses no email and sends none twice", async () => {
    mailbox().reset();
    const company = await createOrganization("COMPANY");
    const agency = await createOrganization("AGENCY");
    const regulator = await createUser();
    await addMember(regulator.id, agency.id);
    const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage: "draft_eis" });
    const followers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => createUser({ email: `follower-${i}@example.org` })),
    );
    for (const follower of followers) await followProject(follower.id, project.id);

    // The provider takes the first batch request, records it, and answers only after 20 s.
    mailbox().fault({ kind: "timeout", ms: 20_000 });
    child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      env: {
        ...process.env,
        WORKER_CONCURRENCY: "1",
        EMAIL_REQUEST_TIMEOUT_MS: "60000",
        // The child must not release its own jobs while they run.
        WORKER_STALE_LOCK_SECONDS: "600",
      },
      stdio: "ignore",
    });
    await changeStage(
      { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: "Final EIS published." },
      { actorId: regulator.id, requestId: "crash-test" },
    );
    // The child worker boots through tsx first: allow for a busy machine.
    await waitUntil("the provider to receive the first batch", () => mailbox().stats().requests >= 1, {
      timeoutMs: 60_000,
    });
    expect(mailbox().emails().length).toBe(100);
    child.kill("SIGKILL");
    await new Promise((resolve) => child?.once("exit", resolve));
    child = null;
    // Nothing was marked sent: the dead worker never heard the answer.
    expect(await prisma.emailDelivery.count({ where: { status: "SENT" } })).toBe(0);

    // The new worker releases locks older than WORKER_STALE_LOCK_SECONDS (1 s here) as it starts.
    await waitUntil("the dead worker's job lock to go stale", async () => (await freshJobLocks(1)) === 0);
    worker = await startWorker({ concurrency: 2 });
    await waitUntil(
      "all 150 deliveries to be sent",
      async () => (await prisma.emailDelivery.count({ where: { status: "SENT" } })) === 150,
      { timeoutMs: 30_000 },
    );

    const perAddress = new Map<string, number>();
    for (const email of mailbox().emails()) {
      const to = Array.isArray(email.to) ? email.to : [email.to];
      for (const address of to) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    }
    expect(perAddress.size).toBe(150);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
    // The first batch was answered from the provider's idempotency memory, not sent again.
    expect(mailbox().stats().replayed).toBeGreaterThanOrEqual(1);
  }, 90_000);
});

describe("a worker whose database connections are cut", () => {
  it("keeps the process alive and goes on sending once it reconnects", async () => {
    mailbox().reset();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const company = await createOrganization("COMPANY");
      const agency = await createOrganization("AGENCY");
      const regulator = await createUser();
      await addMember(regulator.id, agency.id);
      const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id });
      const follower = await createUser({ email: "after-reconnect@example.org" });
      await followProject(follower.id, project.id);
      worker = await startWorker({ concurrency: 1 });
      await waitUntil("the worker to hold a connection", async () => (await workerConnections()) > 0);
      // Cut every connection of this database except Prisma's own query (as a restart or failover does
      // to the worker's idle and listening connections).
      const cut = await prisma.$queryRaw<unknown[]>`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike '%graphile%'`;
      expect(cut.length).toBeGreaterThan(0);
      await waitUntil("the worker to connect again", async () => (await workerConnections()) > 0, {
        timeoutMs: 10_000,
      });
      await changeStage(
        { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: "After the restart." },
        { actorId: regulator.id, requestId: "reconnect-test" },
      );
      await waitUntil("the email sent after reconnecting", () => mailbox().emailsTo(follower.email).length === 1, {
        timeoutMs: 30_000,
      });
    } finally {
      warn.mockRestore();
    }
  }, 60_000);
});

describe("stopping the worker while the database shuts down", () => {
  it("does not crash the process when an idle connection is cut after the queue let go of it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const stopping = await startWorker({ concurrency: 1 });
      // The queue stops first (and removes its own error listeners); the pool still holds idle clients.
      await stopping.runner.stop();
      const cut = await prisma.$queryRaw<unknown[]>`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state = 'idle' and query ilike '%graphile%'`;
      expect(cut.length).toBeGreaterThan(0);
      // The pool's own error listener took the cut (an error event with no listener would have
      // thrown in this process and failed the run).
      await waitUntil("the pool to report the cut connection", () =>
        warn.mock.calls.some(([message]) => String(message).includes("database connection lost")),
      );
      await stopping.stop().catch(() => undefined);
    } finally {
      warn.mockRestore();
    }
  });
});
