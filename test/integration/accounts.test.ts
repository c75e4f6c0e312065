import type { AppLoadContext } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The provider's pace is not under test here.
  process.env.EMAIL_REQUESTS_PER_SECOND = "50";
});

import {
  AccountError,
  authenticate,
  changePassword,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
  PASSWORD_RESET_TASK,
  SIGN_UP_TASK,
} from "~/models/account.server";
import { action as signUpAction } from "~/routes/auth.signup";
import { lucia, replaceAllSessions } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { mailbox } from "../support/database";
import { queuedJobs, runQueuedJobs, sendQueuedEmails } from "../support/email-queue";

const context = { requestId: "test-request" };
const signUpContext = { ...context, clientIp: "192.0.2.50" };

function linkIn(html: string, path: string): string {
  const match = html.match(new RegExp(`href="(http://localhost:3000${path}[^"]*)"`));
  if (!match) throw new Error(`No ${path} link in the email`);
  return match[1].replace(/&amp;/g, "&");
}

beforeEach(async () => {
  mailbox().clear();
  await prisma.rateLimitBucket.deleteMany();
  // What an earlier test queued stays out of this one's mailbox.
  await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
  await prisma.emailDelivery.deleteMany();
});

async function userNamed(email: string) {
  return prisma.user.findUniqueOrThrow({ where: { email } });
}

function signUpRequest(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request("http://localhost:3000/auth/signup", { method: "POST", body: form });
}

async function signUpThroughRoute(fields: Record<string, string>) {
  const loadContext = { requestId: "req-signup", clientIp: "10.2.0.1" } as AppLoadContext;
  const response = await signUpAction({ request: signUpRequest(fields), params: {}, context: loadContext });
  expect(response).toBeInstanceOf(Response);
  const answer = response as Response;
  return { status: answer.status, headers: [...answer.headers.entries()], body: await answer.text() };
}

describe("sign up and email verification", () => {
  it("creates the account, audits it, and queues a verification email sent through Resend's API", async () => {
    await signUp(
      { name: "Ada", email: "ada@example.org", password: "correct horse battery", timeZone: "America/Los_Angeles" },
      signUpContext,
    );
    // The request only queued the sign-up: the worker makes the account.
    expect(await prisma.user.count({ where: { email: "ada@example.org" } })).toBe(0);
    expect(await queuedJobs(SIGN_UP_TASK)).toHaveLength(1);
    await runQueuedJobs(SIGN_UP_TASK);
    const stored = await userNamed("ada@example.org");
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.emailVerifiedAt).toBeNull();
    // The zone the form sent (the browser's, or the person's choice), not a default.
    expect(stored.timeZone).toBe("America/Los_Angeles");
    // Queued with the account, not sent from the request.
    expect(mailbox().emailsTo("ada@example.org")).toHaveLength(0);
    expect(await prisma.emailDelivery.count({ where: { userId: stored.id, status: "PENDING" } })).toBe(1);

    await sendQueuedEmails();
    const [email] = mailbox().emailsTo("ada@example.org");
    expect(email.subject).toBe("Confirm your email address for Lodestone");
    expect(email.authorization).toBe("Bearer re_test_key");
    expect(email.text).toContain("Confirm my email address");

    const audit = await prisma.auditEvent.findMany({ where: { entityId: stored.id } });
    expect(audit.map((event) => event.action)).toEqual(["user.signUp"]);
    expect(audit[0].requestId).toBe("test-request");
  });

  it("answers a taken address exactly like a new one, and emails the owner instead of making a second account", async () => {
    const fields = {
      name: "Ada",
      email: "ada2@example.org",
      password: "correct horse battery",
      timeZone: "America/Denver",
      redirectTo: "",
    };
    const first = await signUpThroughRoute(fields);
    await sendQueuedEmails();
    const owner = await userNamed("ada2@example.org");
    const second = await signUpThroughRoute({
      ...fields,
      name: "Eve",
      password: "another password",
      timeZone: "America/Denver",
    });
    // Status, headers (the flash cookie included) and body: nothing tells the two apart.
    expect(second).toEqual(first);
    expect(first.status).toBe(302);
    expect(first.headers).not.toContainEqual(["set-cookie", expect.stringContaining("auth_session")]);

    // The request did the same work either way: a sign-up job, whose worker run tells the cases apart.
    expect(await queuedJobs(SIGN_UP_TASK)).toHaveLength(1);
    await sendQueuedEmails();
    const after = await userNamed("ada2@example.org");
    expect(after).toEqual(owner);
    expect(await prisma.user.count({ where: { email: "ada2@example.org" } })).toBe(1);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: owner.id }, orderBy: { occurredAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["user.signUp", "user.signUpAttempt"]);

    await sendQueuedEmails();
    const emails = mailbox().emailsTo("ada2@example.org");
    expect(emails.map((email) => email.subject).sort()).toEqual([
      "Confirm your email address for Lodestone",
      "Someone tried to create a Lodestone account with your address",
    ]);
    const attempt = emails.find((email) => email.subject.startsWith("Someone tried")) ?? emails[0];
    expect(attempt.text).toContain("Hello Ada");
    expect(attempt.html).toContain("http://localhost:3000/auth/login");
    expect(attempt.html).toContain("http://localhost:3000/auth/forgot");
  });

  it("carries an invitation's address through the emailed links to sign-in", async () => {
    const next = "/invitations/some-token";
    await signUpThroughRoute({
      name: "Ina",
      email: "ina@example.org",
      password: "correct horse battery",
      timeZone: "America/Denver",
      redirectTo: next,
    });
    await signUpThroughRoute({
      name: "Ina",
      email: "ina@example.org",
      password: "correct horse battery",
      timeZone: "America/Denver",
      redirectTo: next,
    });
    await sendQueuedEmails();
    const emails = mailbox().emailsTo("ina@example.org");
    const verify = emails.find((email) => email.subject.startsWith("Confirm")) ?? emails[0];
    const attempt = emails.find((email) => email.subject.startsWith("Someone tried")) ?? emails[0];
    expect(new URL(linkIn(verify.html, "/auth/verify")).searchParams.get("redirectTo")).toBe(next);
    expect(new URL(linkIn(attempt.html, "/auth/login")).searchParams.get("redirectTo")).toBe(next);
  });

  it("verifies with the emailed link once, and not twice", async () => {
    await signUp(
      { name: "Bo", email: "bo@example.org", password: "correct horse battery", timeZone: "America/Denver" },
      signUpContext,
    );
    await sendQueuedEmails();
    const link = new URL(linkIn(mailbox().emailsTo("bo@example.org")[0].html, "/auth/verify"));
    const token = link.searchParams.get("token") ?? "";
    await verifyEmail(token, context);
    expect((await userNamed("bo@example.org")).emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(token, context)).rejects.toBeInstanceOf(AccountError);
  });

  it("keeps the confirmation link at rest only until the email is sent", async () => {
    await signUp(
      { name: "Cat", email: "cat@example.org", password: "correct horse battery", timeZone: "America/Denver" },
      signUpContext,
    );
    await runQueuedJobs(SIGN_UP_TASK);
    const queued = await prisma.emailDelivery.findFirstOrThrow({ where: { toEmail: "cat@example.org" } });
    expect(JSON.stringify(queued.props)).toContain("/auth/verify?token=");
    await sendQueuedEmails();
    const sent = await prisma.emailDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent.status).toBe("SENT");
    expect(sent.props).toBeNull();
  });
});

describe("sign-up limits", () => {
  let run = 0;
  beforeEach(() => {
    run++;
  });
  const attempt = (i: number, clientIp: string) =>
    signUp(
      {
        name: `Sock ${i}`,
        email: `sock${run}-${i}@example.org`,
        password: "correct horse battery",
        timeZone: "America/Denver",
      },
      { ...context, clientIp },
    );

  it("records the network block the account was created from", async () => {
    await attempt(0, "::ffff:198.51.100.7");
    await runQueuedJobs(SIGN_UP_TASK);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `sock${run}-0@example.org` } });
    expect(user.signupNetwork).toBe("198.51.100.0/24");
  });

  it("refuses a sixth account in an hour from one address with a 429 that says when to try again", async () => {
    for (let i = 0; i < 5; i++) await attempt(i, "198.51.100.7");
    const refused = await attempt(5, "198.51.100.7").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AccountError);
    expect(refused).toMatchObject({
      status: 429,
      message: expect.stringMatching(
        /Too many accounts were created from your network recently. Try again in \d+ minutes/,
      ),
    });
    await expect(attempt(6, "198.51.101.7")).resolves.toBeUndefined();
  });

  it("refuses accounts past the limit for one network block, whichever address in it asks", async () => {
    for (let i = 0; i < 20; i++) await attempt(i, `203.0.113.${i + 1}`);
    await expect(attempt(20, "203.0.113.99")).rejects.toMatchObject({ status: 429 });
    await expect(attempt(21, "203.0.114.1")).resolves.toBeUndefined();
    // An IPv6 host owns its whole /64: it is one client there.
    for (let i = 0; i < 5; i++) await attempt(30 + i, `2001:db8:5:6::${i + 1}`);
    await expect(attempt(40, "2001:db8:5:6::99")).rejects.toMatchObject({ status: 429 });
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

  it("locks the address that keeps failing, even with the right password, and a reset lifts the lock", async () => {
    await createUser({ email: "di@example.org" });
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: "di@example.org", password: "wrong", clientIp: "10.0.1.7" })).rejects.toThrow(
        /not right/,
      );
    }
    await expect(
      authenticate({ email: "di@example.org", password: TEST_PASSWORD, clientIp: "10.0.1.7" }),
    ).rejects.toThrow(/Too many failed sign-in attempts for this account from your network. Try again in \d+ minutes/);

    await requestPasswordReset("di@example.org");
    await sendQueuedEmails();
    const token =
      new URL(linkIn(mailbox().emailsTo("di@example.org")[0].html, "/auth/reset")).searchParams.get("token") ?? "";
    await resetPassword(token, "a brand new password", context);
    await expect(
      authenticate({ email: "di@example.org", password: "a brand new password", clientIp: "10.0.1.7" }),
    ).resolves.toBeTruthy();
  });

  it("never lets a guesser at one address keep the owner out at another", async () => {
    const user = await createUser({ email: "regulator@example.org" });
    for (let i = 0; i < 12; i++) {
      await expect(
        authenticate({ email: "regulator@example.org", password: `guess ${i}`, clientIp: "198.51.100.66" }),
      ).rejects.toThrow(/not right|Too many failed/);
    }
    await expect(
      authenticate({ email: "regulator@example.org", password: TEST_PASSWORD, clientIp: "198.51.100.66" }),
    ).rejects.toThrow(/Too many failed/);
    await expect(
      authenticate({ email: "regulator@example.org", password: TEST_PASSWORD, clientIp: "203.0.113.10" }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("counts an IPv6 /64 as one client, and refuses a /24 that rotates addresses only where it has failed", async () => {
    await createUser({ email: "gu@example.org" });
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate({ email: "gu@example.org", password: "wrong", clientIp: `2001:db8:1:2::${i + 1}` }),
      ).rejects.toThrow(/not right/);
    }
    await expect(
      authenticate({ email: "gu@example.org", password: TEST_PASSWORD, clientIp: "2001:db8:1:2::ffff" }),
    ).rejects.toThrow(/Too many failed/);

    for (let i = 0; i < 20; i++) {
      await expect(
        authenticate({ email: "gu@example.org", password: "wrong", clientIp: `192.0.2.${i + 1}` }),
      ).rejects.toThrow(/not right/);
    }
    // One failure from this address, but twenty from its /24: refused.
    await expect(
      authenticate({ email: "gu@example.org", password: TEST_PASSWORD, clientIp: "192.0.2.1" }),
    ).rejects.toThrow(/Too many failed/);
    // A new address in the block gets one guess, then it too is refused.
    await expect(authenticate({ email: "gu@example.org", password: "wrong", clientIp: "192.0.2.201" })).rejects.toThrow(
      /not right/,
    );
    await expect(authenticate({ email: "gu@example.org", password: "wrong", clientIp: "192.0.2.201" })).rejects.toThrow(
      /Too many failed/,
    );
    // The owner at an address that has not been failing still signs in, in the same block or not.
    await expect(
      authenticate({ email: "gu@example.org", password: TEST_PASSWORD, clientIp: "192.0.2.200" }),
    ).resolves.toBeTruthy();
    await expect(
      authenticate({ email: "gu@example.org", password: TEST_PASSWORD, clientIp: "192.0.3.1" }),
    ).resolves.toBeTruthy();
  });

  it("past the hourly bound on an account, refuses addresses that have failed and still admits a clean one", async () => {
    await createUser({ email: "ha@example.org" });
    await expect(authenticate({ email: "ha@example.org", password: "wrong", clientIp: "10.7.0.1" })).rejects.toThrow(
      /not right/,
    );
    // A distributed guesser has spent the account's hourly bound.
    await prisma.rateLimitBucket.update({ where: { key: "login:account:ha@example.org:total" }, data: { count: 100 } });
    await expect(
      authenticate({ email: "ha@example.org", password: TEST_PASSWORD, clientIp: "10.7.0.1" }),
    ).rejects.toThrow(/Too many failed/);
    await expect(
      authenticate({ email: "ha@example.org", password: TEST_PASSWORD, clientIp: "10.8.0.1" }),
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
    await sendQueuedEmails();
    expect(mailbox().emails()).toHaveLength(0);
  });

  it("does the same work in the request for a real account and an unknown address: one queued job", async () => {
    await createUser({ email: "real@example.org" });
    async function footprint(email: string) {
      const before = await counts();
      await requestPasswordReset(email);
      const after = await counts();
      return {
        ...after,
        jobs: after.jobs.slice(before.jobs.length),
        tokens: after.tokens - before.tokens,
        emails: after.emails - before.emails,
      };
    }
    async function counts() {
      return {
        jobs: (await queuedJobs(PASSWORD_RESET_TASK)).map((job) => Object.keys(job.payload)),
        tokens: await prisma.passwordResetToken.count(),
        emails: await prisma.emailDelivery.count(),
        other: (
          await prisma.$queryRaw<{ n: number }[]>`select count(*)::int as n from graphile_worker._private_jobs`
        )[0].n,
      };
    }
    await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
    const real = await footprint("real@example.org");
    await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
    const ghost = await footprint("ghost2@example.org");
    expect(real).toEqual(ghost);
    expect(real).toMatchObject({ jobs: [["email"]], tokens: 0, emails: 0, other: 1 });

    await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
    await requestPasswordReset("real@example.org");
    await sendQueuedEmails();
    expect(
      mailbox()
        .emailsTo("real@example.org")
        .map((email) => email.subject),
    ).toEqual(["Reset your Lodestone password"]);
  });

  it("makes a reset link single-use", async () => {
    await createUser({ email: "el@example.org" });
    await requestPasswordReset("el@example.org");
    await sendQueuedEmails();
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
