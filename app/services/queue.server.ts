// The email worker: graphile-worker over the app's PostgreSQL. Jobs are enqueued by the
// DomainEvent trigger (same transaction as the change), by the email outbox (receipts and account
// emails, same transaction as what they report), by the dispatcher (send batches, reminders) and by
// the hourly digest cron. Runs inside the app process by default and alone as `npm run worker`.
import { Logger, parseCronItems, run, type Runner, type TaskList } from "graphile-worker";
import pg from "pg";
import { env } from "~/env.server";
import { completeSignUp, issuePasswordReset, PASSWORD_RESET_TASK, SIGN_UP_TASK } from "~/models/account.server";
import {
  CHECKPOINT_TASK,
  hasPendingEntries,
  SEQUENCE_TASK,
  sequenceLog,
  signPeriodicCheckpoint,
} from "~/models/log/sequencer.server";
import { evaluateSavedSearches, SAVED_SEARCH_SWEEP_TASK, SAVED_SEARCH_TASK } from "~/models/saved-search.server";
import { todayUtc } from "~/utils/dates";
import { MONITORING_ALERTS_TASK, raiseMonitoringAlerts } from "~/models/notifications/monitoring-alerts.server";
import { mergeVariedCampaigns, VARIANT_PASS_TASK } from "~/models/comments/comment-variants.server";
import {
  batchTransactionalEmails,
  hasWaitingEmails,
  SEND_TRANSACTIONAL_TASK,
  wakeTransactionalSender,
} from "./email-outbox.server";
import { runDigests } from "../models/notifications/digest.server";
import { generateOpenData, OPEN_DATA_TASK } from "./open-data.server";
import { dispatchEvent, raisePeriodReminder } from "../models/notifications/dispatch.server";
import { sendEmailBatch } from "../models/notifications/send.server";

export const tasks: TaskList = {
  "dispatch-event": async (payload) => {
    await dispatchEvent((payload as { eventId: string }).eventId);
  },
  [SEND_TRANSACTIONAL_TASK]: async () => {
    await batchTransactionalEmails();
  },
  [SIGN_UP_TASK]: async (payload) => {
    await completeSignUp(payload as Parameters<typeof completeSignUp>[0]);
  },
  [PASSWORD_RESET_TASK]: async (payload) => {
    await issuePasswordReset((payload as { email: string }).email);
  },
  "send-email-batch": async (payload) => {
    await sendEmailBatch((payload as { batchKey: string }).batchKey);
  },
  "comment-period-reminder": async (payload) => {
    await raisePeriodReminder(payload as { periodId: string; kind: string; closesAt: string });
  },
  "send-digests": async () => {
    await runDigests(new Date());
  },
  // The bulk downloads at /open-data, rewritten only when the record changed (see open-data.server).
  [OPEN_DATA_TASK]: async () => {
    await generateOpenData({ onlyIfChanged: true });
  },
  [SEQUENCE_TASK]: async () => {
    await sequenceLog();
  },
  [CHECKPOINT_TASK]: async () => {
    await signPeriodicCheckpoint();
  },
  [SAVED_SEARCH_TASK]: async (payload) => {
    await evaluateSavedSearches({ projectId: (payload as { projectId: string }).projectId, today: todayUtc() });
  },
  [SAVED_SEARCH_SWEEP_TASK]: async () => {
    await evaluateSavedSearches({ today: todayUtc() });
  },
  [MONITORING_ALERTS_TASK]: async () => {
    await raiseMonitoringAlerts(new Date());
  },
  // Campaigns that vary their wording, after grouping placed new unique letters (comment-variants).
  [VARIANT_PASS_TASK]: async (payload) => {
    await mergeVariedCampaigns((payload as { periodId: string }).periodId);
  },
};

/** How often the worker looks for unsequenced log entries (the log's sequencing delay is about this). */
const SEQUENCE_POLL_MS = 1000;

// Every hour on the hour; graphile-worker backfills a run missed in the last 2 hours (a restart).
const cronItems = parseCronItems([
  { task: "send-digests", match: "0 * * * *", options: { backfillPeriod: 2 * 3600_000 }, identifier: "send-digests" },
  // Every 10 minutes: a cheap fingerprint of the record decides whether the files are rewritten.
  {
    task: OPEN_DATA_TASK,
    match: "*/10 * * * *",
    options: { backfillPeriod: 0, jobKey: OPEN_DATA_TASK },
    identifier: OPEN_DATA_TASK,
  },
  { task: CHECKPOINT_TASK, match: "30 * * * *", identifier: CHECKPOINT_TASK },
  // Saved searches that filter by schedule status change with the calendar, not only with edits.
  { task: SAVED_SEARCH_SWEEP_TASK, match: "20 * * * *", identifier: SAVED_SEARCH_SWEEP_TASK },
  // Overdue targets and statutory deadlines change with the UTC day; hourly (at :05, after the
  // digests) keeps a missed run from delaying an alert by a day. Each alert is recorded once.
  {
    task: MONITORING_ALERTS_TASK,
    match: "5 * * * *",
    options: { backfillPeriod: 2 * 3600_000 },
    identifier: MONITORING_ALERTS_TASK,
  },
]);

const logger = new Logger(() => (level, message) => {
  // A dropped connection (database restart, failover) is reported as an error but recovered from.
  const recoverable = level === "warning" || /client generated error/.test(message);
  if (level === "error" && !recoverable) console.error(`[worker] ${message}`);
  else if (recoverable) console.warn(`[worker] ${message}`);
});

export type RunningWorker = { stop: () => Promise<void>; runner: Runner };

export async function startWorker(options: { concurrency?: number; log?: (message: string) => void } = {}) {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: (options.concurrency ?? env().WORKER_CONCURRENCY) + 2,
  });
  // An idle connection the server drops (restart, failover, shutdown) must not crash the process:
  // graphile-worker reconnects; the pool only reports it.
  pool.on("error", (error) => console.warn(`[worker] database connection lost: ${error.message}`));
  const runner = await run({
    pgPool: pool,
    taskList: tasks,
    parsedCronItems: cronItems,
    concurrency: options.concurrency ?? env().WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
  });
  const recovery = setInterval(() => {
    releaseStaleLocks(pool).catch((error) => console.error("[worker] stale lock check failed", error));
  }, 30_000);
  recovery.unref();
  // The log's sequencer: writers insert pending entries with no job of their own (a job per comment
  // would cost the intake a row and a NOTIFY); one poll a second queues one job (job_key keeps it one)
  // when there is anything to sequence.
  // A poll in flight when the worker stops meets an ended pool: not an error worth reporting.
  let stopped = false;
  let polling = false;
  const sequencer = setInterval(() => {
    if (polling) return;
    polling = true;
    hasPendingEntries(pool)
      .then((pending) =>
        pending ? runner.addJob(SEQUENCE_TASK, {}, { jobKey: SEQUENCE_TASK, maxAttempts: 25 }) : undefined,
      )
      .catch((error) => stopped || console.error("[worker] log sequencing poll failed", error))
      .finally(() => {
        polling = false;
      });
  }, SEQUENCE_POLL_MS);
  sequencer.unref();
  // The transactional sender's backstop and the comment intake's wake: the intake writes receipt
  // emails without waking the sender (a wake per comment queued every intake on the sender's one
  // job row, decision 0032), so once a second the worker queues the sender when emails wait
  // unbatched. Its job_key keeps it one job; preserve_run_at keeps a gathering run's time.
  let lookingForEmails = false;
  const mailPoll = setInterval(() => {
    if (lookingForEmails) return;
    lookingForEmails = true;
    hasWaitingEmails(pool)
      .then((waiting) => (waiting ? wakeTransactionalSender(pool) : undefined))
      .catch((error) => stopped || console.error("[worker] waiting email poll failed", error))
      .finally(() => {
        lookingForEmails = false;
      });
  }, SEQUENCE_POLL_MS);
  mailPoll.unref();
  await releaseStaleLocks(pool);
  options.log?.(`Notification worker running (concurrency ${options.concurrency ?? env().WORKER_CONCURRENCY})`);
  return {
    runner,
    stop: async () => {
      stopped = true;
      clearInterval(recovery);
      clearInterval(sequencer);
      clearInterval(mailPoll);
      await runner.stop();
      await pool.end();
    },
  };
}

/**
 * A worker killed mid-job leaves its jobs locked; graphile-worker would wait 4 hours. Jobs locked
 * longer than WORKER_STALE_LOCK_SECONDS (longer than any job runs) are released to run again, which
 * is safe because sends are idempotent and the dispatcher checks what it already did.
 */
export async function releaseStaleLocks(pool: pg.Pool, staleSeconds = env().WORKER_STALE_LOCK_SECONDS) {
  const { rows } = await pool.query<{ locked_by: string }>(
    `select distinct locked_by from graphile_worker.jobs
     where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
    [staleSeconds],
  );
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.locked_by);
  await pool.query("select graphile_worker.force_unlock_workers($1::text[])", [ids]);
  return ids.length;
}
