// Accounts: sign-up, email verification, sign-in with throttling, password reset and change.
import { createElement } from "react";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { sendEmail } from "~/services/email.server";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { clear, hit, peek } from "~/services/rate-limit.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import VerifyEmail from "../../emails/verify-email";
import ResetPasswordEmail from "../../emails/reset-password";

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

export async function signUp(
  input: { name: string; email: string; password: string; timeZone: string },
  context: Omit<AuditContext, "actorId">,
) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new AccountError("An account with this email already exists. Sign in, or reset its password.", "email");
  }
  const passwordHash = await hashPassword(input.password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, timeZone: input.timeZone },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(
      tx,
      { ...context, actorId: created.id },
      {
        action: "user.signUp",
        entityType: "User",
        entityId: created.id,
        after: { email: created.email, name: created.name },
      },
    );
    return created;
  });
  await sendVerificationEmail(user);
  return user;
}

export async function sendVerificationEmail(user: { id: string; email: string; name: string }) {
  const { token, tokenHash } = newToken();
  await prisma.emailVerificationToken.create({
    data: { tokenHash, userId: user.id, email: user.email, expiresAt: new Date(Date.now() + VERIFY_HOURS * 3600_000) },
  });
  const verifyUrl = new URL(`/auth/verify?token=${token}`, env().APP_URL).toString();
  await sendEmail({
    to: user.email,
    subject: "Confirm your email address for Lodestone",
    template: "verify-email",
    body: createElement(VerifyEmail, { name: user.name, verifyUrl, expiresInHours: VERIFY_HOURS }),
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
 * Checks credentials with two throttles: failures per account (stops guessing one password)
 * and attempts per client address (stops spraying many accounts). Both answer with a clear
 * message saying when to try again; a password reset lifts the account lock.
 */
export async function authenticate(input: { email: string; password: string; clientIp: string }) {
  const settings = env();
  const accountKey = `login:account:${input.email}`;
  const ipKey = `login:ip:${input.clientIp}`;

  const ip = await hit(prisma, ipKey, settings.LOGIN_THROTTLE_WINDOW_SECONDS);
  if (ip.count > settings.LOGIN_MAX_ATTEMPTS_PER_IP) {
    throw new AccountError(`Too many sign-in attempts from your network. Try again in ${minutesUntil(ip.resetAt)}.`);
  }
  const account = await peek(prisma, accountKey);
  if (account.count >= settings.LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    throw new AccountError(
      `Too many failed sign-in attempts for this account. Try again in ${minutesUntil(account.resetAt)}, or reset your password.`,
    );
  }

  const user = await prisma.user.findUnique({ where: { email: input.email } });
  // Verify against a dummy hash for unknown emails so timing does not reveal which exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) {
    await hit(prisma, accountKey, settings.LOGIN_THROTTLE_WINDOW_SECONDS);
    throw new AccountError("The email or password is not right.");
  }
  await clear(prisma, accountKey);
  return user;
}

// argon2id hash of a random string nobody knows; only used to spend the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$t05tMR7KzgoPSc/RHuTpGg$yNkg+xAjy+NfEQTui6fRtG/TdXDlsC1/soZ6Bj626GI";

function minutesUntil(when: Date): string {
  const minutes = Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Always looks the same to the caller, whether or not the address has an account. */
export async function requestPasswordReset(email: string) {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return;
  const { token, tokenHash } = newToken();
  await prisma.passwordResetToken.create({
    data: { tokenHash, userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) },
  });
  const resetUrl = new URL(`/auth/reset?token=${token}`, env().APP_URL).toString();
  await sendEmail({
    to: user.email,
    subject: "Reset your Lodestone password",
    template: "reset-password",
    body: createElement(ResetPasswordEmail, { name: user.name, resetUrl, expiresInMinutes: RESET_MINUTES }),
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
  await clear(prisma, `login:account:${user.email}`);
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
