import { beforeEach, describe, expect, it } from "vitest";
import {
  AccountError,
  authenticate,
  changePassword,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
} from "~/models/account.server";
import { lucia, replaceAllSessions } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { mailbox } from "../support/database";

const context = { requestId: "test-request" };

function linkIn(html: string, path: string): string {
  const match = html.match(new RegExp(`href="(http://localhost:3000${path}[^"]*)"`));
  if (!match) throw new Error(`No ${path} link in the email`);
  return match[1].replace(/&amp;/g, "&");
}

beforeEach(async () => {
  mailbox().clear();
  await prisma.rateLimitBucket.deleteMany();
});

describe("sign up and email verification", () => {
  it("creates the account, audits it, and sends a verification email through Resend's API", async () => {
    const user = await signUp(
      { name: "Ada", email: "ada@example.org", password: "correct horse battery", timeZone: "America/Los_Angeles" },
      context,
    );
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.emailVerifiedAt).toBeNull();
    // The zone the form sent (the browser's, or the person's choice), not a default.
    expect(stored.timeZone).toBe("America/Los_Angeles");

    const [email] = mailbox().emailsTo("ada@example.org");
    expect(email.subject).toBe("Confirm your email address for Lodestone");
    expect(email.authorization).toBe("Bearer re_test_key");
    expect(email.text).toContain("Confirm my email address");

    const audit = await prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(audit.map((event) => event.action)).toEqual(["user.signUp"]);
    expect(audit[0].requestId).toBe("test-request");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await signUp(
      { name: "Ada", email: "ada2@example.org", password: "correct horse battery", timeZone: "America/Los_Angeles" },
      context,
    );
    await expect(
      signUp(
        { name: "Eve", email: "ada2@example.org", password: "another password", timeZone: "America/Los_Angeles" },
        context,
      ),
    ).rejects.toThrow(/already exists/);
  });

  it("verifies with the emailed link once, and not twice", async () => {
    const user = await signUp(
      { name: "Bo", email: "bo@example.org", password: "correct horse battery", timeZone: "America/Los_Angeles" },
      context,
    );
    const link = new URL(linkIn(mailbox().emailsTo("bo@example.org")[0].html, "/auth/verify"));
    const token = link.searchParams.get("token") ?? "";
    await verifyEmail(token, context);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(token, context)).rejects.toBeInstanceOf(AccountError);
  });
});

describe("sign-in throttling", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const user = await createUser({ email: "cy@example.org" });
    await expect(
      authenticate({ email: "cy@example.org", password: TEST_PASSWORD, clientIp: "10.0.0.1" }),
    ).resolves.toMatchObject({ id: user.id });
    const wrong = authenticate({ email: "cy@example.org", password: "nope", clientIp: "10.0.0.1" });
    await expect(wrong).rejects.toThrow("The email or password is not right.");
    await expect(authenticate({ email: "nobody@example.org", password: "nope", clientIp: "10.0.0.1" })).rejects.toThrow(
      "The email or password is not right.",
    );
  });

  it("locks an account after 5 failures, even with the right password, and a reset lifts the lock", async () => {
    await createUser({ email: "di@example.org" });
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate({ email: "di@example.org", password: "wrong", clientIp: `10.0.1.${i}` }),
      ).rejects.toThrow(/not right/);
    }
    await expect(
      authenticate({ email: "di@example.org", password: TEST_PASSWORD, clientIp: "10.0.1.9" }),
    ).rejects.toThrow(/Too many failed sign-in attempts for this account. Try again in \d+ minutes/);

    await requestPasswordReset("di@example.org");
    const token =
      new URL(linkIn(mailbox().emailsTo("di@example.org")[0].html, "/auth/reset")).searchParams.get("token") ?? "";
    await resetPassword(token, "a brand new password", context);
    await expect(
      authenticate({ email: "di@example.org", password: "a brand new password", clientIp: "10.0.1.9" }),
    ).resolves.toBeTruthy();
  });

  it("throttles one address trying many accounts", async () => {
    for (let i = 0; i < 30; i++) {
      await expect(
        authenticate({ email: `spray${i}@example.org`, password: "x", clientIp: "10.9.9.9" }),
      ).rejects.toThrow(/not right/);
    }
    await expect(authenticate({ email: "spray99@example.org", password: "x", clientIp: "10.9.9.9" })).rejects.toThrow(
      /Too many sign-in attempts from your network/,
    );
  });
});

describe("passwords and sessions", () => {
  it("sends no email for an unknown address on reset", async () => {
    await requestPasswordReset("ghost@example.org");
    expect(mailbox().emails()).toHaveLength(0);
  });

  it("makes a reset link single-use", async () => {
    await createUser({ email: "el@example.org" });
    await requestPasswordReset("el@example.org");
    const token =
      new URL(linkIn(mailbox().emailsTo("el@example.org")[0].html, "/auth/reset")).searchParams.get("token") ?? "";
    await resetPassword(token, "first new password", context);
    await expect(resetPassword(token, "second new password", context)).rejects.toThrow(/expired or was already used/);
  });

  it("changes the password only with the current one, and ends every other session", async () => {
    const user = await createUser({ email: "fa@example.org" });
    const laptop = await lucia.createSession(user.id, {});
    await expect(
      changePassword(user.id, "wrong current", "new password here", { actorId: user.id, requestId: null }),
    ).rejects.toThrow(/current password is not right/);
    await changePassword(user.id, TEST_PASSWORD, "new password here", { actorId: user.id, requestId: null });
    const cookie = await replaceAllSessions(user.id, true);
    expect(cookie).toContain("lodestone_session=");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect((await lucia.validateSession(laptop.id)).session).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    await expect(
      authenticate({ email: "fa@example.org", password: "new password here", clientIp: "10.2.0.1" }),
    ).resolves.toBeTruthy();
  });
});

describe("audit trail", () => {
  it("cannot be edited or deleted, even by the app's own database role", async () => {
    const user = await createUser();
    const event = await prisma.auditEvent.create({ data: { action: "x", entityType: "User", entityId: user.id } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "y" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
