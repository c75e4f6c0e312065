// The outbox for transactional emails: comment receipts, email confirmation, password reset, the
// "you already have an account" notice, invitations and subscription confirmations.
//
// A request never talks to the provider. It writes the email (template + props) as an EmailDelivery
// row with no batch, and wakes the "send-transactional-emails" job, in the transaction of what the
// email reports: a comment without its receipt, or a receipt without its comment, cannot commit.
// The job gathers the waiting rows into batches of up to 100 in arrival order and hands each batch to
// "send-email-batch", the path notifications take (shared throttle, retries with backoff, an
// idempotency key per request derived from the per-message keys, refused addresses marked FAILED).
//
// Waking the job uses one job_key in graphile-worker's "preserve_run_at" mode: the first email
// schedules a run one provider interval later and every email until then joins it, so a burst becomes
// full batches instead of one request per email. The job row is locked by each enqueuing transaction
// until it commits, so the worker can never take the job between an email's enqueue and its commit
// and miss it; once the job is running, an enqueue adds a fresh one.
//
// Secrets: props of a confirmation, reset or invitation email hold the raw token's link, which only
// the recipient may have. They stay in the row only until the provider has taken the email (or
// refused it for good): recording the outcome sets props to null in the same statement. What remains
// is who was sent which template when, and the provider's id.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { createElement, type ReactElement } from "react";
import CommentReceipt, { type CommentReceiptProps } from "../../emails/comment-receipt";
import InvitationEmail, { type InvitationProps } from "../../emails/invitation";
import ResetPasswordEmail, { type ResetPasswordProps } from "../../emails/reset-password";
import SignUpAttemptEmail, { type SignUpAttemptProps } from "../../emails/sign-up-attempt";
import SubscriptionConfirm, { type SubscriptionConfirmProps } from "../../emails/subscription-confirm";
import VerifyEmail, { type VerifyEmailProps } from "../../emails/verify-email";
import { env } from "~/env.server";
import { prisma } from "~/services/db.server";

type Tx = Prisma.TransactionClient;

type Definition<P> = { subject: (props: P) => string; render: (props: P) => ReactElement };

function define<P extends object>(component: (props: P) => ReactElement, subject: (props: P) => string): Definition<P> {
  return { subject, render: (props) => createElement(component, props) };
}

const TEMPLATES = {
  "comment-receipt": define<CommentReceiptProps>(
    CommentReceipt,
    (p) => `Your comment on ${p.periodTitle}: receipt ${p.receiptNumber}`,
  ),
  "verify-email": define<VerifyEmailProps>(VerifyEmail, () => "Confirm your email address for Lodestone"),
  "reset-password": define<ResetPasswordProps>(ResetPasswordEmail, () => "Reset your Lodestone password"),
  "sign-up-attempt": define<SignUpAttemptProps>(
    SignUpAttemptEmail,
    () => "Someone tried to create a Lodestone account with your address",
  ),
  invitation: define<InvitationProps>(
    InvitationEmail,
    (p) => `${p.inviterName} invited you to ${p.organizationName} on Lodestone`,
  ),
  "subscription-confirm": define<SubscriptionConfirmProps>(
    SubscriptionConfirm,
    (p) => `Confirm email updates about ${p.projectName}`,
  ),
};

export type TransactionalTemplate = keyof typeof TEMPLATES;
type PropsOf<T extends TransactionalTemplate> = Parameters<(typeof TEMPLATES)[T]["subject"]>[0];

export type TransactionalEmail = {
  [T in TransactionalTemplate]: {
    template: T;
    to: string;
    props: PropsOf<T>;
    /** One per message: the same key twice is one email (a retried request enqueues nothing new). */
    idempotencyKey: string;
    userId?: string | null;
  };
}[TransactionalTemplate];

export const SEND_TRANSACTIONAL_TASK = "send-transactional-emails";
const BATCH_SIZE = 100;

/** Writes the email and wakes the sender, inside the caller's transaction. */
export async function enqueueEmail(tx: Tx, email: TransactionalEmail): Promise<void> {
  await tx.$executeRaw`
    insert into "EmailDelivery" ("idempotencyKey", "template", "toEmail", "userId", "props")
    values (${email.idempotencyKey}, ${email.template}, ${email.to}, ${email.userId ?? null},
            ${JSON.stringify(email.props)}::jsonb)
    on conflict ("idempotencyKey") do nothing`;
  await wakeSender(tx);
}

/** A key for a message that has no natural one (each request is a new email). */
export const messageKey = (template: TransactionalTemplate) => `${template}:${randomUUID()}`;

// Gather for one provider interval: at most one transactional request per slot the provider allows.
const WAKE_SQL = `
  select graphile_worker.add_job($1, '{}'::json,
    run_at => clock_timestamp() + make_interval(secs => $2::double precision),
    job_key => $1, job_key_mode => 'preserve_run_at', max_attempts => 25)`;
const gatherSeconds = () => Math.ceil(1000 / env().EMAIL_REQUESTS_PER_SECOND) / 1000;

async function wakeSender(tx: Tx) {
  await tx.$executeRawUnsafe(WAKE_SQL, SEND_TRANSACTIONAL_TASK, gatherSeconds());
}

type Queryable = { query: (sql: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Wakes the sender from outside a transaction (the worker's poll). Safe after the emails' commit:
 * a waiting run picks them up, and a run already under way makes add_job queue a fresh one.
 */
export async function wakeTransactionalSender(db: Queryable): Promise<void> {
  await db.query(WAKE_SQL, [SEND_TRANSACTIONAL_TASK, gatherSeconds()]);
}

/** Whether any email waits for a batch (the comment intake writes receipts without a wake). */
export async function hasWaitingEmails(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from "EmailDelivery" where "batchKey" is null and status = 'PENDING' limit 1`,
  );
  return rows.length > 0;
}

/**
 * The "send-transactional-emails" job: puts every waiting email into batches of up to 100, each
 * claimed and handed to its "send-email-batch" job in one transaction (a crash in between leaves the
 * emails waiting for the next run, never claimed and unsent). Returns the number of emails batched.
 */
export async function batchTransactionalEmails(): Promise<number> {
  let total = 0;
  for (;;) {
    const batchKey = `mail:${randomUUID()}`;
    const claimed = await prisma.$transaction(async (tx) => {
      const count = await tx.$executeRaw`
        update "EmailDelivery" set "batchKey" = ${batchKey}
        where id in (
          select id from "EmailDelivery"
          where "batchKey" is null and status = 'PENDING'
          order by "createdAt", id
          limit ${BATCH_SIZE}
          for update skip locked)`;
      if (count > 0) {
        await tx.$executeRaw`
          select graphile_worker.add_job('send-email-batch', json_build_object('batchKey', ${batchKey}::text),
                                         job_key => ${`send:${batchKey}`}, max_attempts => 25)`;
      }
      return count;
    });
    total += claimed;
    if (claimed < BATCH_SIZE) return total;
  }
}

/** Subject and React element of a stored transactional email. */
export function transactionalContent(template: string, props: unknown): { subject: string; element: ReactElement } {
  if (!(template in TEMPLATES)) throw new Error(`No transactional email template "${template}".`);
  // The props were written by enqueueEmail from the same template's typed props.
  const definition = TEMPLATES[template as TransactionalTemplate] as Definition<object>;
  const typed = props as object;
  return { subject: definition.subject(typed), element: definition.render(typed) };
}
