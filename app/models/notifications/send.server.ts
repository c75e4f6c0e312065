// Sends one batch of up to 100 pending deliveries as one Resend batch request (the "send-email-batch"
// job). Exactly once, as far as the provider allows:
// - the request carries an idempotency key derived from the deliveries in it, so a retry after a
//   timeout, a dropped connection or a worker killed mid-request is answered from Resend's memory
//   instead of sending again;
// - results are written in one statement after the answer; a crash before that re-runs the job,
//   which sends the same request with the same key;
// - 429 and 5xx and network failures are retried with exponential backoff and full jitter (a 429's
//   Retry-After also holds back every other worker through the shared throttle row);
// - an address the provider refuses for good is marked FAILED (admins see it) and the others go out.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { EmailDelivery } from "@prisma/client";
import { env, usesDevInbox } from "~/env.server";
import { prisma } from "~/services/db.server";
import { resend, writeToDevInbox } from "~/services/email.server";
import { renderDeliveries, type PreparedEmail } from "./render.server";

export type SendSettings = {
  requestsPerSecond: number;
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
};

export function sendSettings(): SendSettings {
  const e = env();
  return {
    requestsPerSecond: e.EMAIL_REQUESTS_PER_SECOND,
    attempts: e.EMAIL_SEND_ATTEMPTS,
    baseDelayMs: e.EMAIL_RETRY_BASE_MS,
    maxDelayMs: e.EMAIL_RETRY_MAX_MS,
    timeoutMs: e.EMAIL_REQUEST_TIMEOUT_MS,
  };
}

type Outcome =
  | { kind: "accepted"; results: ({ id: string } | { error: string })[] }
  /** Resend remembers this key with a different body: the first request was accepted. */
  | { kind: "alreadyAccepted" }
  | { kind: "retry"; message: string; retryAfterMs: number | null }
  | { kind: "refused"; message: string };

export class TransientSendError extends Error {}

export async function sendEmailBatch(batchKey: string, settings: SendSettings = sendSettings()) {
  const deliveries = await prisma.emailDelivery.findMany({
    where: { batchKey, status: "PENDING" },
    orderBy: { idempotencyKey: "asc" },
  });
  if (deliveries.length === 0) return { sent: 0, failed: 0 };
  const messages = await renderDeliveries(deliveries);
  const requestKey = `lodestone-${createHash("sha256")
    .update(deliveries.map((d) => d.idempotencyKey).join("\n"))
    .digest("hex")
    .slice(0, 48)}`;

  for (let attempt = 1; ; attempt += 1) {
    await acquireSlot(settings.requestsPerSecond);
    const outcome = await deliver(messages, requestKey, settings.timeoutMs);
    if (outcome.kind === "accepted") return recordResults(deliveries, outcome.results);
    if (outcome.kind === "alreadyAccepted") {
      return recordResults(
        deliveries,
        deliveries.map(() => ({ id: "accepted-earlier" })),
      );
    }
    if (outcome.kind === "refused") {
      return recordResults(
        deliveries,
        deliveries.map(() => ({ error: outcome.message })),
      );
    }
    await prisma.emailDelivery.updateMany({
      where: { id: { in: deliveries.map((d) => d.id) }, status: "PENDING" },
      data: { attempts: { increment: 1 }, lastError: outcome.message },
    });
    if (outcome.retryAfterMs !== null) await holdBackEveryone(outcome.retryAfterMs);
    if (attempt >= settings.attempts) {
      // The queue runs the job again later (its own backoff); nothing was lost or sent twice.
      throw new TransientSendError(`Batch ${batchKey}: ${outcome.message} (after ${attempt} tries)`);
    }
    // After a 429 the shared throttle already waits out Retry-After; add only a little jitter.
    await sleep(
      outcome.retryAfterMs !== null
        ? Math.floor(Math.random() * settings.baseDelayMs)
        : retryDelay(attempt, null, settings),
    );
  }
}

/** Exponential backoff with full jitter (AWS's recommendation), never sooner than Retry-After. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  settings: Pick<SendSettings, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

async function deliver(messages: PreparedEmail[], requestKey: string, timeoutMs: number): Promise<Outcome> {
  const from = env().EMAIL_FROM;
  if (usesDevInbox()) {
    const results = [];
    for (const message of messages) {
      results.push(
        await writeToDevInbox({
          to: message.to,
          from,
          subject: message.subject,
          template: message.template,
          html: message.html,
          text: message.text,
        }),
      );
    }
    return { kind: "accepted", results };
  }
  const { data, error, headers } = await resend().batch.send(
    messages.map((message) => ({
      from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      tags: [{ name: "template", value: message.template.replace(/[^a-zA-Z0-9_-]/g, "_") }],
    })),
    { idempotencyKey: requestKey, batchValidation: "permissive", signal: AbortSignal.timeout(timeoutMs) },
  );
  if (data) {
    // Permissive validation: the accepted ones in order, and an error per refused index.
    const errors = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
    const ids = [...data.data];
    return {
      kind: "accepted",
      results: messages.map((_, index) =>
        errors.has(index) ? { error: errors.get(index) ?? "refused" } : { id: ids.shift()?.id ?? "unknown" },
      ),
    };
  }
  const status = error?.statusCode ?? null;
  const message = `${status ?? "no answer"}: ${error?.message ?? "unknown error"}`;
  if (status === null || status >= 500) return { kind: "retry", message, retryAfterMs: null };
  if (status === 429) return { kind: "retry", message, retryAfterMs: retryAfterMs(headers?.["retry-after"]) };
  if (status === 409) {
    return error?.name === "invalid_idempotent_request"
      ? { kind: "alreadyAccepted" }
      : { kind: "retry", message, retryAfterMs: null };
  }
  // 401/403: the key is wrong. Not the addresses' fault, so nothing is marked failed: retried until fixed.
  if (status === 401 || status === 403) return { kind: "retry", message, retryAfterMs: null };
  return { kind: "refused", message };
}

function retryAfterMs(header: string | undefined): number | null {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

async function recordResults(deliveries: EmailDelivery[], results: ({ id: string } | { error: string })[]) {
  const ids = deliveries.map((d) => d.id);
  const statuses = results.map((r) => ("id" in r ? "SENT" : "FAILED"));
  const providerIds = results.map((r) => ("id" in r ? r.id : null));
  const errors = results.map((r) => ("error" in r ? r.error : null));
  await prisma.$executeRaw`
    update "EmailDelivery" d
    set status = v.status::"DeliveryStatus",
        "providerMessageId" = v.provider_id,
        "lastError" = coalesce(v.error, d."lastError"),
        attempts = d.attempts + 1,
        "sentAt" = case when v.status = 'SENT' then now() else null end,
        "failedAt" = case when v.status = 'FAILED' then now() else null end,
        -- A transactional email's props may hold a confirmation or reset link: kept only until sent.
        props = null
    from unnest(${ids}::text[], ${statuses}::text[], ${providerIds}::text[], ${errors}::text[])
      as v(id, status, provider_id, error)
    where d.id = v.id and d.status = 'PENDING'`;
  const failed = statuses.filter((s) => s === "FAILED").length;
  return { sent: statuses.length - failed, failed };
}

/**
 * Waits for this process's turn at the provider. One shared row holds the earliest moment the next
 * request may start; a worker locks it, sleeps until then, moves it one interval past the moment it
 * actually goes, and sends right after committing. So requests from all workers and processes start
 * at least an interval apart, measured from when they really left (reserving future slots instead
 * lets a late waker and an on-time one land together and trip the provider's per-second window).
 * The interval has a 5% margin for the network's jitter. Times are the database's clock.
 */
let queueInProcess: Promise<void> = Promise.resolve();

/** Waits for the next send slot; resolves with the database's instant at which it was taken. */
export function acquireSlot(requestsPerSecond: number): Promise<Date> {
  // Jobs of one process take turns here first, so a process holds at most one pooled connection
  // waiting on the row lock (web requests share the pool).
  const turn = queueInProcess.then(() => acquireSharedSlot(requestsPerSecond));
  queueInProcess = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

async function acquireSharedSlot(requestsPerSecond: number): Promise<Date> {
  const intervalSeconds = (1 / requestsPerSecond) * 1.05;
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`insert into "EmailThrottle" (id, "nextSlotAt") values (1, clock_timestamp() at time zone 'UTC')
        on conflict (id) do nothing`;
      const [row] = await tx.$queryRaw<{ waitMs: number }[]>`
        select (extract(epoch from ("nextSlotAt" - (clock_timestamp() at time zone 'UTC'))) * 1000)::float8 as "waitMs"
        from "EmailThrottle" where id = 1 for update`;
      const wait = row?.waitMs ?? 0;
      if (wait > 0) await sleep(wait);
      const [taken] = await tx.$queryRaw<{ takenAt: Date }[]>`
        update "EmailThrottle"
        set "nextSlotAt" = greatest("nextSlotAt", (clock_timestamp() at time zone 'UTC') + make_interval(secs => ${intervalSeconds}))
        where id = 1
        returning clock_timestamp() as "takenAt"`;
      return taken!.takenAt;
    },
    // Workers queue on the row lock: each waits at most one interval per worker ahead of it.
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/** After a 429 nobody sends until Retry-After has passed. */
async function holdBackEveryone(ms: number) {
  await prisma.$executeRaw`
    update "EmailThrottle"
    set "nextSlotAt" = greatest("nextSlotAt", (clock_timestamp() at time zone 'UTC') + make_interval(secs => ${ms / 1000}))
    where id = 1`;
}
