// Tests that send email end to end through the worker: each test starts with an empty mailbox and
// an empty queue (graphile-worker's own table; test-only access), starts the worker when it is
// ready, and the worker is stopped after it whatever happened.
import { afterEach, beforeEach } from "vitest";
import { prisma } from "~/services/db.server";
import { startWorker, type RunningWorker } from "~/services/queue.server";
import { mailbox } from "./database";

export function workerPerTest() {
  let running: RunningWorker | null = null;
  beforeEach(async () => {
    mailbox().reset();
    await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
  });
  afterEach(async () => {
    await running?.stop();
    running = null;
  });
  return {
    async start(concurrency: number) {
      running = await startWorker({ concurrency });
      return running;
    },
  };
}
