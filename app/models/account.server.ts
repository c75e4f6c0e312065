// Accounts: sign-up, email verification, sign-in with throttling, password reset and change.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { DomainError } from "~/models/errors.server";
import { enqueueEmail } from "~/services/email-outbox.server";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { clear, clearPrefix, hit, peek, type RateLimitState } from "~/services/rate-limit.server";
import { clientKey, networkBlock } from "~/utils/network.server";
import { hashToken, newToken } from "~/utils/tokens.server";

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

/** A refused account step; one of the DomainError family, so any route can show it. */
export class AccountError extends DomainError {}

/**
 * Accounts created per hour from one client address and from its network block (/24, /64): one
 * person once made 15 accounts in 1.2 s. Counted before anything else, so refused attempts count too.
 */
async function limitSignUps(clientIp: string) {
  const settings = env();
  const [client, block] = await Promise.all([
    hit(prisma, `signup:ip:${clientKey(clientIp)}`, 3600),
    hit(prisma, `signup:block:${networkBlock(clientIp)}`, 3600),
  ]);
  const over =
    client.count > settings.SIGNUP_MAX_PER_IP ? client : block.count > settings.SIGNUP_MAX_PER_NETWORK ? block : null;
  if (over) {
    throw new AccountError(
      `Too many accounts were created from your network recently. Try again in ${minutesUntil(over.resetAt)}.`,
      "form",
      429,
    );
  }
}

export const SIGN_UP_TASK = "sign-up";

type SignUpJob = {
  /** One per sign-up: the key of its one email, so a job run again after its commit sends nothing more. */
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  /** The network block (/24, /64) the request came from: burst detection reads it. */
  signupNetwork: string | null;
  /** The zone the form sent (the browser's, or the person's choice). */
  timeZone: string;
  next: string | null;
  requestId: string | null;
};

/**
 * Answers the same, in the same time, whether or not the address has an account, so sign-up cannot
 * be used to learn who has one: the request hashes the password with argon2 (most of the time spent)
 * and queues a "sign-up" job, the same work for every address. The worker then creates the account
 * and its confirmation email, or, for a taken address, emails the owner instead (completeSignUp).
 * `next` is where the emails' links lead after signing in (an invitation), already made safe.
 */
export async function signUp(
  input: { name: string; email: string; password: string; timeZone: string; next?: string },
  context: Omit<AuditContext, "actorId"> & { clientIp: string },
): Promise<void> {
  // Refused alike for taken and new addresses, so the limit tells nothing about who has an account.
  await limitSignUps(context.clientIp);
  const job: SignUpJob = {
    id: randomUUID(),
    name: input.name,
    email: input.email,
    // A hash, as stored on the account; the job row is deleted once the job has run.
    passwordHash: await hashPassword(input.password),
    signupNetwork: networkBlock(context.clientIp),
    timeZone: input.timeZone,
    next: input.next ?? null,
    requestId: context.requestId,
  };
  await prisma.$executeRaw`
    select graphile_worker.add_job(${SIGN_UP_TASK}, ${JSON.stringify(job)}::json, max_attempts => 10)`;
}

/**
 * The "sign-up" job: a new account with its audit event and confirmation email, or for a taken
 * address an audit event on that account and an email to its owner, in one transaction. Two jobs for
 * the same new address: the second fails on the unique email, and its retry finds the address taken.
 */
export async function completeSignUp(job: SignUpJob): Promise<"created" | "taken"> {
  const input = { ...job, next: job.next ?? undefined };
  const context = { requestId: job.requestId };
  const passwordHash = job.passwordHash;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, name: true },
    });
    if (existing) {
      await recordAudit(
        tx,
        { ...context, actorId: null },
        { action: "user.signUpAttempt", entityType: "User", entityId: existing.id },
      );
      await enqueueEmail(tx, {
        template: "sign-up-attempt",
        to: existing.email,
        userId: existing.id,
        idempotencyKey: `sign-up/${job.id}`,
        props: {
          name: existing.name,
          signInUrl: withNext("/auth/login", input.next),
          resetUrl: new URL("/auth/forgot", env().APP_URL).toString(),
        },
      });
      return "taken";
    }
    const created = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash,
        signupNetwork: job.signupNetwork,
        timeZone: job.timeZone,
      },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(
      tx,
      { requestId: context.requestId, actorId: created.id },
      {
        action: "user.signUp",
        entityType: "User",
        entityId: created.id,
        after: { email: created.email, name: created.name },
      },
    );
    await queueVerificationEmail(tx, created, { next: input.next, key: `sign-up/${job.id}` });
    return "created";
  });
}

function withNext(path: string, next: string | undefined): string {
  const url = new URL(path, env().APP_URL);
  if (next) url.searchParams.set("redirectTo", next);
  return url.toString();
}

export async function sendVerificationEmail(user: { id: string; email: string; name: string }) {
  await prisma.$transaction((tx) => queueVerificationEmail(tx, user));
}

/** A new confirmation token and its email, in the caller's transaction. */
async function queueVerificationEmail(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string; name: string },
  options: { next?: string; key?: string } = {},
) {
  const { token, tokenHash } = newToken();
  await tx.emailVerificationToken.create({
    data: { tokenHash, userId: user.id, email: user.email, expiresAt: new Date(Date.now() + VERIFY_HOURS * 3600_000) },
  });
  const verifyUrl = new URL(withNext("/auth/verify", options.next));
  verifyUrl.searchParams.set("token", token);
  await enqueueEmail(tx, {
    template: "verify-email",
    to: user.email,
    userId: user.id,
    idempotencyKey: options.key ?? `verify-email/${tokenHash}`,
    props: { name: user.name, verifyUrl: verifyUrl.toString(), expiresInHours: VERIFY_HOURS },
  });
}

/** Marks the address verified; the token works once. */
export async function verifyEmail(token: string, context: Omit<AuditContext, "actorId">) {
  const tokenHash = hashToken(token);
  return prisma.$transaction(async (tx) => {
    const record = await tx.emailVerificationToken.findUnique({ where: { tokenHash } });
    if (!record || record.expiresAt < new Date()) {
      throw new AccountError("This confirmation link has expired or was already used. Sign in to get a new one.");
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: record.userId } });
    if (user.email !== record.email) {
      throw new AccountError("This link was for an earlier email address of your account. Ask for a new one.");
    }
    await tx.emailVerificationToken.deleteMany({ where: { userId: user.id } });
    const verifiedAt = new Date();
    await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: verifiedAt } });
    await recordAudit(
      tx,
      { ...context, actorId: user.id },
      {
        action: "user.verifyEmail",
        entityType: "User",
        entityId: user.id,
        before: { emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null },
        after: { emailVerifiedAt: verifiedAt.toISOString() },
      },
    );
    return { userId: user.id };
  });
}

/**
 * Checks credentials. Locks are per account *and* client, so failing from one place never keeps the
 * owner out from another (five wrong passwords used to lock a named account for everyone). A client
 * is one IPv4 address or one IPv6 /64. A client that has not failed on the account is never refused
 * by these locks, only by its own attempt rate:
 *  - failures per (account, client): LOGIN_MAX_FAILURES_PER_ACCOUNT lock that pair;
 *  - failures per (account, network block /24): past LOGIN_MAX_FAILURES_PER_NETWORK, every client in
 *    the block that has itself failed on the account is refused (one host rotating through a /24);
 *  - failures per account in an hour, from anywhere: past LOGIN_MAX_FAILURES_PER_ACCOUNT_HOURLY, every
 *    client that has itself failed on the account is refused, so a botnet gets about one guess per
 *    address per window;
 *  - attempts per client (any account): LOGIN_MAX_ATTEMPTS_PER_IP stops spraying many accounts.
 * Every refusal says when to try again; a password reset lifts the account's locks.
 */
export async function authenticate(input: { email: string; password: string; clientIp: string }) {
  const settings = env();
  const window = settings.LOGIN_THROTTLE_WINDOW_SECONDS;
  const keys = loginKeys(input.email, input.clientIp);

  const client = await hit(prisma, keys.client, window);
  if (client.count > settings.LOGIN_MAX_ATTEMPTS_PER_IP) {
    throw new AccountError(
      `Too many sign-in attempts from your network. Try again in ${minutesUntil(client.resetAt)}.`,
    );
  }
  const [pair, block, total] = await Promise.all([
    peek(prisma, keys.pair),
    peek(prisma, keys.block),
    peek(prisma, keys.total),
  ]);
  // A client that has failed on this account, once the block or the account as a whole is over its bound.
  const hasFailed = pair.count > 0;
  // Such a refusal lasts until either count's window ends (then the client is clean again).
  const earlier = (a: RateLimitState, b: RateLimitState) => (a.resetAt <= b.resetAt ? a : b);
  const locked =
    pair.count >= settings.LOGIN_MAX_FAILURES_PER_ACCOUNT
      ? pair
      : hasFailed && block.count >= settings.LOGIN_MAX_FAILURES_PER_NETWORK
        ? earlier(pair, block)
        : hasFailed && total.count >= settings.LOGIN_MAX_FAILURES_PER_ACCOUNT_HOURLY
          ? earlier(pair, total)
          : null;
  if (locked) {
    throw new AccountError(
      `Too many failed sign-in attempts for this account from your network. Try again in ${minutesUntil(locked.resetAt)}, or reset your password.`,
    );
  }

  const user = await prisma.user.findUnique({ where: { email: input.email } });
  // Verify against a dummy hash for unknown emails so timing does not reveal which exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) {
    await Promise.all([hit(prisma, keys.pair, window), hit(prisma, keys.block, window), hit(prisma, keys.total, 3600)]);
    throw new AccountError("The email or password is not right.");
  }
  await clear(prisma, keys.pair);
  return user;
}

/** Rate-limit keys of one sign-in attempt; every per-account key starts with `login:account:<email>:`. */
function loginKeys(email: string, clientIp: string) {
  const account = `login:account:${email}:`;
  return {
    client: `login:ip:${clientKey(clientIp)}`,
    pair: `${account}client:${clientKey(clientIp)}`,
    block: `${account}block:${networkBlock(clientIp)}`,
    total: `${account}total`,
  };
}

// argon2id hash of a random string nobody knows; only used to spend the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$t05tMR7KzgoPSc/RHuTpGg$yNkg+xAjy+NfEQTui6fRtG/TdXDlsC1/soZ6Bj626GI";

function minutesUntil(when: Date): string {
  const minutes = Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export const PASSWORD_RESET_TASK = "password-reset";

/**
 * Always looks the same to the caller and takes the same time, whether or not the address has an
 * account: the request only queues a job with the address (one insert either way). The worker looks
 * the address up and, for an account, writes the reset token and its email (issuePasswordReset).
 */
export async function requestPasswordReset(email: string) {
  await prisma.$executeRaw`
    select graphile_worker.add_job(${PASSWORD_RESET_TASK}, json_build_object('email', ${email}::text), max_attempts => 10)`;
}

/** The "password-reset" job. Returns whether an email was queued. */
export async function issuePasswordReset(email: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    if (!user) return false;
    const { token, tokenHash } = newToken();
    await tx.passwordResetToken.create({
      data: { tokenHash, userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) },
    });
    await enqueueEmail(tx, {
      template: "reset-password",
      to: user.email,
      userId: user.id,
      idempotencyKey: `reset-password/${tokenHash}`,
      props: {
        name: user.name,
        resetUrl: new URL(`/auth/reset?token=${token}`, env().APP_URL).toString(),
        expiresInMinutes: RESET_MINUTES,
      },
    });
    return true;
  });
}

export async function findValidResetToken(token: string) {
  const record = await prisma.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return record && record.expiresAt > new Date() ? record : null;
}

/** Sets the new password, uses up every reset link of the account, and lifts the sign-in lock. */
export async function resetPassword(token: string, password: string, context: Omit<AuditContext, "actorId">) {
  const passwordHash = await hashPassword(password);
  const user = await prisma.$transaction(async (tx) => {
    const record = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!record || record.expiresAt < new Date()) {
      throw new AccountError("This reset link has expired or was already used. Ask for a new one.");
    }
    await tx.passwordResetToken.deleteMany({ where: { userId: record.userId } });
    const current = await tx.user.findUniqueOrThrow({
      where: { id: record.userId },
      select: { emailVerifiedAt: true },
    });
    // Whoever can read the mailbox has proved it, so the address counts as verified too.
    const updated = await tx.user.update({
      where: { id: record.userId },
      data: { passwordHash, emailVerifiedAt: current.emailVerifiedAt ?? new Date() },
      select: { id: true, email: true },
    });
    await recordAudit(
      tx,
      { ...context, actorId: updated.id },
      {
        action: "user.resetPassword",
        entityType: "User",
        entityId: updated.id,
      },
    );
    return updated;
  });
  await clearPrefix(prisma, `login:account:${user.email}:`);
  return user;
}

export async function changePassword(userId: string, currentPassword: string, password: string, context: AuditContext) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AccountError("Your current password is not right.", "currentPassword");
  }
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await recordAudit(tx, context, { action: "user.changePassword", entityType: "User", entityId: userId });
  });
}

export async function updateProfile(userId: string, input: { name: string; timeZone: string }, context: AuditContext) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, timeZone: true } });
    await tx.user.update({ where: { id: userId }, data: input });
    await recordAudit(tx, context, {
      action: "user.updateProfile",
      entityType: "User",
      entityId: userId,
      before,
      after: input,
    });
  });
}

export function getAccountDetails(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      timeZone: true,
      emailVerifiedAt: true,
      memberships: {
        orderBy: { organization: { name: "asc" } },
        select: { role: true, organization: { select: { name: true, slug: true, kind: true } } },
      },
    },
  });
}

/**
 * Limits reset emails per address and per client, so the form cannot flood an inbox.
 * Returns false when the limit is reached.
 */
export async function allowPasswordResetRequest(email: string, clientIp: string): Promise<boolean> {
  const perAddress = await hit(prisma, `reset:${email}`, 3600);
  const perClient = await hit(prisma, `reset-ip:${clientIp}`, 3600);
  return perAddress.count <= 5 && perClient.count <= 30;
}

/** Saves the language a person reads pages and gets email in (the header's language switch). */
export async function saveLocale(userId: string, locale: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}
