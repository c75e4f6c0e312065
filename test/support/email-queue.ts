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

/**
 * Whether the queue has nothing left to do now: no job running, and none due. Once it is idle after
 * the last send, no late duplicate can arrive (a retry scheduled for later would still be waiting).
 */
export async function queueIdle() {
  const [row] = await prisma.$queryRaw<{ busy: bigint }[]>`
    select count(*) as busy from graphile_worker._private_jobs
    where locked_at is not null or (run_at <= now() and attempts < max_attempts)`;
  return Number(row?.busy ?? 0) === 0;
}

/** Whether a job is locked by a worker that took it within the last `seconds` (its lock is not stale yet). */
export async function freshJobLocks(seconds: number) {
  const [row] = await prisma.$queryRaw<{ locked: bigint }[]>`
    select count(*) as locked from graphile_worker._private_jobs
    where locked_at is not null and locked_at > now() - make_interval(secs => ${seconds})`;
  return Number(row?.locked ?? 0);
}

/** The worker's connections to this database (graphile-worker's queries name its schema). */
export async function workerConnections() {
  const [row] = await prisma.$queryRaw<{ connections: bigint }[]>`
    select count(*) as connections from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and query ilike '%graphile%'`;
  return Number(row?.connections ?? 0);
}
