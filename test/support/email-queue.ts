// Runs the email queue the way the worker would, once, for tests that check what was sent without
// starting a worker: every queued job now (the transactional sender's gathering delay skipped), and
// the jobs those add, until none is left. graphile-worker's own tables: test-only access.
import { Logger, runOnce } from "graphile-worker";
import { prisma } from "~/services/db.server";
import { tasks } from "~/services/queue.server";

const quiet = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[worker] ${message}`);
});

export async function sendQueuedEmails() {
  // A job can queue another for later (a sign-up queues its email, which waits to share a batch).
  for (let pass = 0; pass < 5; pass++) {
    const waiting = await prisma.$executeRaw`
      update graphile_worker._private_jobs set run_at = now() where locked_at is null and attempts < max_attempts`;
    if (waiting === 0) return;
    await runOnce({ connectionString: process.env.DATABASE_URL, taskList: tasks, logger: quiet, concurrency: 1 });
  }
}

/** Runs the queued jobs of one task only, as the worker would. */
export async function runQueuedJobs(task: string) {
  const only = { [task]: tasks[task] };
  await runOnce({ connectionString: process.env.DATABASE_URL, taskList: only, logger: quiet, concurrency: 1 });
}

/** Jobs waiting for a task, by identifier. */
export async function queuedJobs(task: string) {
  return prisma.$queryRaw<{ payload: Record<string, string> }[]>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task}`;
}
