import type { NotificationType } from "@prisma/client";
import { beforeEach, describe, expect, it } from "vitest";
import {
  confirmEmailSubscription,
  getEmailSubscription,
  requestEmailSubscription,
} from "~/models/notifications/email-subscription.server";
import { DomainError } from "~/models/errors.server";
import {
  followProject,
  getFollowState,
  listFollowedProjects,
  setFollowedProjectEmail,
  unfollowProject,
} from "~/models/notifications/follow.server";
import { DEFAULT_FREQUENCY } from "~/models/notifications/notification-preferences";
import {
  countUnread,
  getPreferences,
  markRead,
  markUnread,
  openNotification,
  savePreferences,
  summarizeDelayedDeliveries,
} from "~/models/notifications/notification.server";
import { prisma } from "~/services/db.server";
import { signEmailToken, verifyEmailToken } from "~/models/notifications/email-tokens.server";
import { applyUnsubscribe, describeUnsubscribe } from "~/models/notifications/unsubscribe.server";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";
import { mailbox } from "../support/database";
import { sendQueuedEmails } from "../support/email-queue";

beforeEach(async () => {
  mailbox().clear();
  await prisma.rateLimitBucket.deleteMany();
});

async function projectWithOrganizations() {
  const [company, agency] = await Promise.all([createOrganization("COMPANY"), createOrganization("AGENCY")]);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id });
  return { company, agency, project };
}

let eventCounter = 0;
function notificationFor(userId: string, projectId: string, title: string, type: NotificationType = "STAGE_CHANGED") {
  return prisma.notification.create({
    data: {
      userId,
      projectId,
      eventId: `test-event-${eventCounter++}`,
      type,
      title,
      url: "/projects/somewhere",
      frequency: "IMMEDIATE",
    },
  });
}

describe("following projects", () => {
  it("follows and unfollows a project, and lists what a person follows", async () => {
    const { project } = await projectWithOrganizations();
    const person = await createUser();
    expect(await getFollowState(person.id, project.id)).toEqual({
      following: false,
      automatic: false,
      emailMuted: false,
    });

    await followProject(person.id, project.id);
    expect(await getFollowState(person.id, project.id)).toMatchObject({ following: true, automatic: false });
    expect(await listFollowedProjects(person.id)).toEqual([
      { projectId: project.id, slug: project.slug, name: project.name, automatic: false, emailMuted: false },
    ]);

    await unfollowProject(person.id, project.id);
    expect(await getFollowState(person.id, project.id)).toMatchObject({ following: false });
    expect(await listFollowedProjects(person.id)).toEqual([]);
  });

  it("makes members of the company and the lead agency follow automatically, and lets them opt out", async () => {
    const { company, agency, project } = await projectWithOrganizations();
    const companyMember = await createUser();
    const regulator = await createUser();
    await addMember(companyMember.id, company.id);
    await addMember(regulator.id, agency.id);

    for (const member of [companyMember, regulator]) {
      expect(await getFollowState(member.id, project.id)).toEqual({
        following: true,
        automatic: true,
        emailMuted: false,
      });
      expect(await listFollowedProjects(member.id)).toEqual([expect.objectContaining({ automatic: true })]);
    }

    await unfollowProject(companyMember.id, project.id);
    expect(await getFollowState(companyMember.id, project.id)).toEqual({
      following: false,
      automatic: true,
      emailMuted: false,
    });
    expect(await listFollowedProjects(companyMember.id)).toEqual([]);
    // The regulator's choice is their own.
    expect(await getFollowState(regulator.id, project.id)).toMatchObject({ following: true });

    await followProject(companyMember.id, project.id);
    expect(await getFollowState(companyMember.id, project.id)).toMatchObject({ following: true, automatic: true });
  });

  it("turns email about a followed project off and on, and refuses to for a project not followed", async () => {
    const { project } = await projectWithOrganizations();
    const person = await createUser();
    expect(await setFollowedProjectEmail(person.id, project.id, true)).toBe(false);
    expect(await prisma.follow.count({ where: { userId: person.id } })).toBe(0);

    await followProject(person.id, project.id);
    expect(await setFollowedProjectEmail(person.id, project.id, true)).toBe(true);
    expect(await getFollowState(person.id, project.id)).toEqual({
      following: true,
      automatic: false,
      emailMuted: true,
    });
    expect(await listFollowedProjects(person.id)).toEqual([expect.objectContaining({ emailMuted: true })]);
    await setFollowedProjectEmail(person.id, project.id, false);
    expect(await getFollowState(person.id, project.id)).toMatchObject({ emailMuted: false });
  });
});

describe("notification preferences", () => {
  it("starts from the defaults, saves a change and the time zone, and stores only what differs", async () => {
    const person = await createUser();
    expect((await getPreferences(person.id)).frequencies).toEqual(DEFAULT_FREQUENCY);

    await savePreferences(person.id, {
      frequencies: { ...DEFAULT_FREQUENCY, STAGE_CHANGED: "WEEKLY", COMMENT_RESPONSE: "OFF" },
      timeZone: "Europe/Paris",
    });
    const saved = await getPreferences(person.id);
    expect(saved).toEqual({
      frequencies: { ...DEFAULT_FREQUENCY, STAGE_CHANGED: "WEEKLY", COMMENT_RESPONSE: "OFF" },
      timeZone: "Europe/Paris",
      emailVerified: true,
    });
    const rows = await prisma.notificationPreference.findMany({
      where: { userId: person.id },
      orderBy: { type: "asc" },
    });
    expect(rows.map((r) => [r.type, r.frequency])).toEqual([
      ["STAGE_CHANGED", "WEEKLY"],
      ["COMMENT_RESPONSE", "OFF"],
    ]);

    // Back to the defaults: nothing stays stored.
    await savePreferences(person.id, { frequencies: { ...DEFAULT_FREQUENCY }, timeZone: "America/Denver" });
    expect(await prisma.notificationPreference.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("reading notifications", () => {
  it("marks only the person's own notifications read or unread, however the ids are given", async () => {
    const { project } = await projectWithOrganizations();
    const [alice, bob] = await Promise.all([createUser(), createUser()]);
    const aliceFirst = await notificationFor(alice.id, project.id, "Alice 1");
    const aliceSecond = await notificationFor(alice.id, project.id, "Alice 2");
    const bobs = await notificationFor(bob.id, project.id, "Bob 1");

    expect(await markRead(alice.id, [aliceFirst.id, bobs.id])).toBe(1);
    expect(await countUnread(alice.id)).toBe(1);
    expect(await countUnread(bob.id)).toBe(1);

    expect(await markRead(alice.id, "all")).toBe(1);
    expect(await countUnread(alice.id)).toBe(0);
    expect(await countUnread(bob.id)).toBe(1);

    await markRead(bob.id, "all");
    await markUnread(alice.id, bobs.id);
    expect(await countUnread(bob.id)).toBe(0);
    await markUnread(alice.id, aliceSecond.id);
    expect(await countUnread(alice.id)).toBe(1);
  });

  it("opens a notification for its owner only, marking it read", async () => {
    const { project } = await projectWithOrganizations();
    const [alice, bob] = await Promise.all([createUser(), createUser()]);
    const bobs = await notificationFor(bob.id, project.id, "Bob's news");

    expect(await openNotification(alice.id, bobs.id)).toBeNull();
    expect(await countUnread(bob.id)).toBe(1);
    expect(await openNotification(bob.id, bobs.id)).toBe("/projects/somewhere");
    expect(await countUnread(bob.id)).toBe(0);
    expect(await openNotification(bob.id, "not-an-id")).toBeNull();
  });
});

describe("unsubscribe links", () => {
  it("refuses a forged or altered token", async () => {
    const { project } = await projectWithOrganizations();
    const [person, other] = await Promise.all([createUser(), createUser()]);
    const token = signEmailToken({ k: "project", u: person.id, p: project.id });
    expect(verifyEmailToken(token)).toEqual({ k: "project", u: person.id, p: project.id });

    const [body, signature] = token.split(".");
    const otherBody = Buffer.from(JSON.stringify({ k: "project", u: other.id, p: project.id })).toString("base64url");
    expect(verifyEmailToken(`${otherBody}.${signature}`)).toBeNull();
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(verifyEmailToken(`${body}.${flipped}`)).toBeNull();
    expect(verifyEmailToken(`${body}.`)).toBeNull();
    expect(verifyEmailToken(`${token}.extra`)).toBeNull();
    expect(verifyEmailToken("not a token")).toBeNull();
    expect(verifyEmailToken(null)).toBeNull();
  });

  it("stops email about one project and keeps the person following it", async () => {
    const { project } = await projectWithOrganizations();
    const person = await createUser();
    await followProject(person.id, project.id);
    const token = verifyEmailToken(signEmailToken({ k: "project", u: person.id, p: project.id }));
    if (!token) throw new Error("token did not verify");

    expect(await describeUnsubscribe(token)).toBe(`emails about ${project.name}`);
    expect(await applyUnsubscribe(token)).toBe(true);
    expect(await getFollowState(person.id, project.id)).toEqual({
      following: true,
      automatic: false,
      emailMuted: true,
    });
    // A second click (or the provider's POST, then the person's) changes nothing more.
    expect(await applyUnsubscribe(token)).toBe(true);
    expect(await getFollowState(person.id, project.id)).toMatchObject({ following: true, emailMuted: true });
  });

  it("does not make someone who stopped following a follower again by unsubscribing", async () => {
    const { project } = await projectWithOrganizations();
    const person = await createUser();
    const token = verifyEmailToken(signEmailToken({ k: "project", u: person.id, p: project.id }));
    if (!token) throw new Error("token did not verify");
    expect(await applyUnsubscribe(token)).toBe(true);
    expect(await getFollowState(person.id, project.id)).toMatchObject({ following: false, emailMuted: true });
  });

  it("says a link for an account deleted since is not valid, instead of failing", async () => {
    const person = await createUser();
    const tokens = [
      signEmailToken({ k: "type", u: person.id, t: "COMMENT_RESPONSE" }),
      signEmailToken({ k: "digest", u: person.id, f: "DAILY" }),
    ].map((raw) => verifyEmailToken(raw));
    await prisma.user.delete({ where: { id: person.id } });
    for (const token of tokens) {
      if (!token) throw new Error("token did not verify");
      expect(await applyUnsubscribe(token)).toBe(false);
    }
  });

  it("turns one kind of email off", async () => {
    const person = await createUser();
    const token = verifyEmailToken(signEmailToken({ k: "type", u: person.id, t: "COMMENT_RESPONSE" }));
    if (!token) throw new Error("token did not verify");
    expect(await applyUnsubscribe(token)).toBe(true);
    const { frequencies } = await getPreferences(person.id);
    expect(frequencies).toEqual({ ...DEFAULT_FREQUENCY, COMMENT_RESPONSE: "OFF" });
  });

  it("ends a public subscription", async () => {
    const { project } = await projectWithOrganizations();
    const subscription = await prisma.emailSubscription.create({
      data: { projectId: project.id, email: "reader@example.org", confirmedAt: new Date() },
    });
    const token = verifyEmailToken(signEmailToken({ k: "sub", s: subscription.id }));
    if (!token) throw new Error("token did not verify");
    expect(await applyUnsubscribe(token)).toBe(true);
    const after = await getEmailSubscription(subscription.id);
    expect(after?.unsubscribedAt).toBeInstanceOf(Date);
  });
});

describe("public email subscriptions", () => {
  it("sends a confirmation email, and confirming from its link starts the subscription", async () => {
    const { project } = await projectWithOrganizations();
    await requestEmailSubscription({ projectId: project.id, email: " Reader@Example.org ", clientIp: "203.0.113.5" });

    await sendQueuedEmails();
    const [email] = mailbox().emailsTo("reader@example.org");
    expect(email.subject).toBe(`Confirm email updates about ${project.name}`);
    const link = email.html.match(/href="(http:\/\/localhost:3000\/subscriptions\/confirm\?token=[^"]+)"/);
    if (!link) throw new Error("No confirmation link in the email");
    const raw = new URL(link[1].replace(/&amp;/g, "&")).searchParams.get("token");
    const token = verifyEmailToken(raw);
    if (token?.k !== "confirm") throw new Error("The link does not carry a confirmation token");

    const pending = await getEmailSubscription(token.s);
    expect(pending).toMatchObject({ email: "reader@example.org", confirmedAt: null });
    await confirmEmailSubscription(token.s);
    expect((await getEmailSubscription(token.s))?.confirmedAt).toBeInstanceOf(Date);

    // Asking again once confirmed sends nothing: there is nothing to confirm.
    mailbox().clear();
    await requestEmailSubscription({ projectId: project.id, email: "reader@example.org", clientIp: "203.0.113.5" });
    await sendQueuedEmails();
    expect(mailbox().emailsTo("reader@example.org")).toEqual([]);
  });

  it("keeps the language the visitor asked in; once confirmed, another request cannot change it", async () => {
    const { project } = await projectWithOrganizations();
    const ask = (locale: "en" | "es") =>
      requestEmailSubscription({
        projectId: project.id,
        email: "lectora@example.org",
        clientIp: "203.0.113.7",
        locale,
      });
    const stored = () =>
      prisma.emailSubscription.findUniqueOrThrow({
        where: { projectId_email: { projectId: project.id, email: "lectora@example.org" } },
      });
    await ask("en");
    await ask("es");
    // Not yet confirmed: the latest request's language (whoever confirms chose it).
    expect((await stored()).locale).toBe("es");
    await confirmEmailSubscription((await stored()).id);
    await ask("en");
    expect((await stored()).locale).toBe("es");
  });

  it("refuses a fourth request for the same address within the hour", async () => {
    const { project } = await projectWithOrganizations();
    const request = () =>
      requestEmailSubscription({ projectId: project.id, email: "busy@example.org", clientIp: "203.0.113.9" });
    for (let i = 0; i < 3; i++) await request();
    await expect(request()).rejects.toBeInstanceOf(DomainError);
  });
});

describe("delivery problems for admins", () => {
  it("counts emails waiting more than an hour, with the latest error, and not recent ones", async () => {
    const before = await summarizeDelayedDeliveries();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await prisma.emailDelivery.createMany({
      data: [
        {
          idempotencyKey: `delayed-${Date.now()}`,
          batchKey: "delayed",
          template: "stage-changed",
          toEmail: "late@example.org",
          createdAt: twoHoursAgo,
          lastError: "503: provider unavailable",
        },
        {
          idempotencyKey: `recent-${Date.now()}`,
          batchKey: "recent",
          template: "stage-changed",
          toEmail: "new@example.org",
        },
      ],
    });
    const after = await summarizeDelayedDeliveries();
    expect(after.count).toBe(before.count + 1);
    expect(after.lastError).toBe("503: provider unavailable");
    expect(after.oldest?.getTime()).toBeLessThanOrEqual(twoHoursAgo.getTime());
  });
});
