// Atom feeds and iCalendar files of the public record, read back with real parsers (@xmldom/xmldom
// for XML, Mozilla's ical.js for iCalendar): well-formed, stable ids, the agency's zone with its
// VTIMEZONE, month-only milestones over their month, the training project only when asked, and
// nothing confidential, draft, hidden or personal in either format.
import type { AppLoadContext } from "@remix-run/node";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "~/models/calendar-feed.server";
import { followProject } from "~/models/notifications/follow.server";
import { loader as privateCalendar } from "~/routes/calendars.$token.following[.]ics";
import { loader as allFeed } from "~/routes/feed[.]atom";
import { loader as projectCalendar } from "~/routes/projects.$slug.calendar[.]ics";
import { loader as projectFeed } from "~/routes/projects.$slug.feed[.]atom";
import { loader as searchCalendar } from "~/routes/projects.calendar[.]ics";
import { loader as searchFeed } from "~/routes/projects.feed[.]atom";
import { prisma } from "~/services/db.server";
import { createPublicComment } from "../support/comment-factories";
import { addMember, createOrganization, createUser, insertDocumentRow, insertProjectRow } from "../support/factories";

const ATOM = "http://www.w3.org/2005/Atom";
const context = { requestId: "req-feeds", clientIp: "127.0.0.1" } as AppLoadContext;

type Loader = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

async function get(loader: Loader, path: string, params: Record<string, string> = {}, headers: HeadersInit = {}) {
  const response = (await loader({
    request: new Request(`http://localhost:3000${path}`, { headers }),
    params,
    context,
  })) as Response;
  return { response, body: await response.text() };
}

/** Parses XML, failing on any error or warning the parser reports. */
function parseXml(text: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, "application/xml");
  expect(problems).toEqual([]);
  return doc;
}

function children(parent: XmlElement, name: string): XmlElement[] {
  return Array.from(parent.getElementsByTagNameNS(ATOM, name)).filter((el) => el.parentNode === parent);
}

function text(parent: XmlElement, name: string): string {
  return children(parent, name)[0]?.textContent ?? "";
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every entry of a feed, checked against RFC 4287's requirements on the way. */
function atomEntries(xml: string) {
  const doc = parseXml(xml);
  const feed = doc.documentElement!;
  expect(feed.namespaceURI).toBe(ATOM);
  expect(feed.localName).toBe("feed");
  expect(text(feed, "id")).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(text(feed, "title")).not.toBe("");
  expect(text(feed, "updated")).toMatch(RFC3339);
  expect(children(feed, "author").length + 0).toBe(1);
  const self = children(feed, "link").find((l) => l.getAttribute("rel") === "self");
  expect(self?.getAttribute("href")).toMatch(/^http:\/\/localhost:3000\//);
  return children(feed, "entry").map((entry) => {
    const id = text(entry, "id");
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text(entry, "updated")).toMatch(RFC3339);
    const link = children(entry, "link").find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate");
    expect(link?.getAttribute("href")).toMatch(/^http:\/\/localhost:3000\//);
    return {
      id,
      title: text(entry, "title"),
      summary: text(entry, "summary"),
      updated: text(entry, "updated"),
      link: link?.getAttribute("href") ?? "",
      terms: children(entry, "category").map((c) => c.getAttribute("term")),
    };
  });
}

function calendarEvents(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const zone of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return {
    component,
    events: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
  };
}

// What must never appear in a feed or a calendar.
const SECRETS = [
  "hidden.person@example.org",
  "published.person@example.org",
  "regulator.secret@example.org",
  "Rita Secretname",
  "Hidden Hiddenson",
  "HIDDEN-COMMENT-TEXT",
  "ore-reserve-model.xlsx",
  "DRAFT-PACKAGE-TITLE",
  "CONFIDENTIAL-FINDING",
  "SECRET-REQUEST-ITEM",
  "203.0.113.7",
];

let scenario: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Rita Secretname", email: "regulator.secret@example.org" });
  await addMember(regulator.id, agency.id);
  const nevada = await insertProjectRow({
    companyId: company.id,
    leadAgencyId: agency.id,
    name: "Feed Lithium Mine",
  });
  const arizona = await insertProjectRow({
    companyId: company.id,
    leadAgencyId: agency.id,
    name: "Feed Copper Mine",
  });
  await prisma.project.update({ where: { id: arizona.id }, data: { state: "AZ", commodities: ["copper"] } });
  const training = await insertProjectRow({
    companyId: company.id,
    leadAgencyId: agency.id,
    name: "Feed Training Mine (fictional training project)",
  });
  await prisma.project.update({ where: { id: training.id }, data: { isTraining: true } });

  await prisma.stageTransition.createMany({
    data: [
      {
        projectId: nevada.id,
        kind: "ADVANCE",
        fromStage: "scoping",
        toStage: "draft_eis",
        toStatus: "IN_PROGRESS",
        reason: "Draft EIS published in the Federal Register.",
        actorId: regulator.id,
        occurredAt: new Date("2026-06-02T17:00:00Z"),
      },
      {
        projectId: arizona.id,
        kind: "RECORD",
        toStage: "scoping",
        toStatus: "IN_PROGRESS",
        reason: "Notice of intent published.",
        occurredAt: new Date("2025-03-01T12:00:00Z"),
        occurredAtPrecision: "MONTH",
      },
      {
        projectId: training.id,
        kind: "ADVANCE",
        fromStage: "scoping",
        toStage: "draft_eis",
        toStatus: "IN_PROGRESS",
        reason: "TRAINING-ONLY stage change.",
        occurredAt: new Date("2026-06-03T17:00:00Z"),
      },
    ],
  });
  const rod = await prisma.milestone.create({
    data: {
      projectId: nevada.id,
      key: "rod",
      name: "Record of decision",
      targetDate: new Date("2027-03-01T00:00:00Z"),
      baselineDate: new Date("2026-11-01T00:00:00Z"),
      datePrecision: "MONTH",
    },
  });
  await prisma.milestone.create({
    data: {
      projectId: nevada.id,
      key: "noi",
      name: "Notice of intent",
      actualDate: new Date("2025-01-21T00:00:00Z"),
      datePrecision: "DAY",
    },
  });
  await prisma.milestoneDateChange.create({
    data: {
      milestoneId: rod.id,
      previousDate: new Date("2026-11-01T00:00:00Z"),
      newDate: new Date("2027-03-01T00:00:00Z"),
      reason: "ADDITIONAL_ANALYSIS",
      narrative: "More groundwater modelling.",
      changedById: regulator.id,
      changedAt: new Date("2026-06-10T16:00:00Z"),
    },
  });
  await prisma.projectPause.create({
    data: {
      projectId: nevada.id,
      reason: "SPONSOR_FACTORS",
      summary: "The company asked for time to redesign the tailings facility.",
      startedAt: new Date("2026-04-01T18:00:00Z"),
      liftedAt: new Date("2026-05-01T18:00:00Z"),
    },
  });

  // A summer deadline (PDT) extended to a winter one (PST).
  const period = await prisma.commentPeriod.create({
    data: {
      projectId: nevada.id,
      stage: "draft_eis",
      title: "Draft EIS comment period",
      opensAt: new Date("2026-06-05T07:00:00Z"),
      closesAt: new Date("2026-12-05T07:59:00Z"),
      timeZone: "America/Los_Angeles",
      openedById: regulator.id,
    },
  });
  await prisma.commentPeriodChange.create({
    data: {
      periodId: period.id,
      kind: "EXTEND",
      previousClosesAt: new Date("2026-07-06T06:59:00Z"),
      newClosesAt: new Date("2026-12-05T07:59:00Z"),
      reason: "Requests from the county and two tribes.",
      changedById: regulator.id,
      changedAt: new Date("2026-06-20T17:00:00Z"),
    },
  });
  const summer = await prisma.commentPeriod.create({
    data: {
      projectId: arizona.id,
      stage: "scoping",
      title: "Scoping comment period",
      opensAt: new Date("2026-06-01T07:00:00Z"),
      closesAt: new Date("2026-07-01T06:59:00Z"),
      timeZone: "America/Los_Angeles",
      openedById: regulator.id,
    },
  });
  const hidden = await createPublicComment(period.id, {
    text: "HIDDEN-COMMENT-TEXT with a home address",
    displayName: "Hidden Hiddenson",
    email: "hidden.person@example.org",
    status: "HIDDEN",
  });
  await createPublicComment(period.id, { displayName: "Pub Lished", email: "published.person@example.org" });
  await prisma.officialResponse.create({
    data: {
      periodId: period.id,
      issue: "Groundwater",
      text: "The final EIS adds two monitoring wells.",
      authorId: regulator.id,
      createdAt: new Date("2026-06-25T17:00:00Z"),
      comments: { create: [{ commentId: hidden.id }] },
    },
  });
  await prisma.auditEvent.create({
    data: { action: "comment.submit", entityType: "Comment", entityId: hidden.id, after: { ip: "203.0.113.7" } },
  });
  await insertDocumentRow(nevada.id, regulator.id, {
    name: "ore-reserve-model.xlsx",
    visibility: "CONFIDENTIAL",
  });
  await prisma.permitPackage.create({
    data: { projectId: nevada.id, kind: "OTHER", title: "DRAFT-PACKAGE-TITLE", createdById: regulator.id },
  });
  await prisma.environmentalReview.create({
    data: {
      projectId: nevada.id,
      agencyId: agency.id,
      resourceArea: "WATER",
      title: "Water",
      findings: "CONFIDENTIAL-FINDING",
    },
  });
  await prisma.informationRequest.create({
    data: {
      projectId: nevada.id,
      title: "Spring flow",
      publicSummary: "Spring flow data requested.",
      items: ["SECRET-REQUEST-ITEM"],
      dueDate: new Date("2026-08-01T00:00:00Z"),
      issuedById: regulator.id,
    },
  });
  return { nevada, arizona, training, period, summer };
}

beforeAll(async () => {
  scenario = await seed();
});

describe("Atom feeds", () => {
  it("/feed.atom is valid Atom with stable, unique entry ids, and leaves out the training project", async () => {
    const first = await get(allFeed, "/feed.atom");
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const entries = atomEntries(first.body);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.some((e) => e.title.includes("Feed Lithium Mine"))).toBe(true);
    expect(entries.some((e) => e.title.includes("Feed Copper Mine"))).toBe(true);
    expect(first.body).not.toContain("TRAINING-ONLY");

    const again = await get(allFeed, "/feed.atom");
    expect(atomEntries(again.body).map((e) => e.id)).toEqual(entries.map((e) => e.id));
    // Newest first.
    const times = entries.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("includes the training project only when asked explicitly", async () => {
    const { body } = await get(allFeed, "/feed.atom?include_training=true");
    const entries = atomEntries(body);
    const training = entries.find((e) => e.summary.includes("TRAINING-ONLY"));
    expect(training?.terms).toContain("training");
  });

  it("a project's feed tells its stage changes, date changes, pauses, periods and responses", async () => {
    const { response, body } = await get(projectFeed, "/projects/x/feed.atom", { slug: scenario.nevada.slug });
    expect(response.status).toBe(200);
    const entries = atomEntries(body);
    const terms = entries.flatMap((e) => e.terms);
    for (const term of [
      "project.stageChanged",
      "milestone.dateChanged",
      "record.paused",
      "record.pauseLifted",
      "commentPeriod.opened",
      "commentPeriod.extended",
      "comment.responded",
    ]) {
      expect(terms).toContain(term);
    }
    const dateChange = entries.find((e) => e.terms.includes("milestone.dateChanged"));
    expect(dateChange?.summary).toContain("from Nov 2026 to Mar 2027 (the record gives only the month)");
    const extended = entries.find((e) => e.terms.includes("commentPeriod.extended"));
    expect(extended?.summary).toContain("PST, UTC-8 (America/Los_Angeles)");
    expect(extended?.link).toBe(`http://localhost:3000/comment-periods/${scenario.period.id}`);
    expect(body).not.toContain("Feed Copper Mine");
  });

  it("answers 404 for an unknown project and 304 when the feed has not changed", async () => {
    await expect(get(projectFeed, "/projects/nope/feed.atom", { slug: "nope" })).rejects.toMatchObject({ status: 404 });
    const first = await get(projectFeed, "/projects/x/feed.atom", { slug: scenario.nevada.slug });
    const etag = first.response.headers.get("etag")!;
    const second = await get(
      projectFeed,
      "/projects/x/feed.atom",
      { slug: scenario.nevada.slug },
      { "If-None-Match": etag },
    );
    expect(second.response.status).toBe(304);
    expect(second.body).toBe("");
  });

  it("a search feed holds only the projects the filters match", async () => {
    const { body } = await get(searchFeed, "/projects/feed.atom?state=AZ&sort=updated&page=3");
    const entries = atomEntries(body);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.title.startsWith("Feed Copper Mine"))).toBe(true);
    const feed = parseXml(body).documentElement!;
    expect(text(feed, "title")).toBe("Lodestone: in AZ");
    // Sort and page do not change what the feed holds, so they are not part of its address.
    expect(
      children(feed, "link")
        .find((l) => l.getAttribute("rel") === "self")
        ?.getAttribute("href"),
    ).toBe("http://localhost:3000/projects/feed.atom?state=AZ");
    const none = await get(searchFeed, "/projects/feed.atom?state=WY");
    expect(atomEntries(none.body)).toEqual([]);
  });
});

describe("iCalendar files", () => {
  it("a comment deadline is a timed event in the agency's zone, with its VTIMEZONE, on either side of DST", async () => {
    const { response, body } = await get(projectCalendar, "/projects/x/calendar.ics", { slug: scenario.nevada.slug });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { component, events } = calendarEvents(body);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "America/Los_Angeles",
    ]);
    const deadline = events.find((e) => e.summary.startsWith("Comments due: Draft EIS comment period"))!;
    expect(deadline.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("America/Los_Angeles");
    expect(deadline.startDate.zone?.tzid).toBe("America/Los_Angeles");
    expect(deadline.startDate.toString()).toBe("2026-12-04T23:59:00");
    expect(deadline.startDate.toJSDate().toISOString()).toBe("2026-12-05T07:59:00.000Z");
    expect(deadline.description).toContain("Requests from the county and two tribes.");
    expect(deadline.component.getFirstPropertyValue("sequence")).toBe(1);

    const summer = await get(searchCalendar, "/projects/calendar.ics?state=AZ");
    const summerDeadline = calendarEvents(summer.body).events.find((e) => e.summary.startsWith("Comments due"))!;
    expect(summerDeadline.startDate.toString()).toBe("2026-06-30T23:59:00");
    expect(summerDeadline.startDate.toJSDate().toISOString()).toBe("2026-07-01T06:59:00.000Z");
  });

  it("milestones are all-day events over the day, month or year the record gives", async () => {
    const { body } = await get(projectCalendar, "/projects/x/calendar.ics", { slug: scenario.nevada.slug });
    const { events } = calendarEvents(body);
    const rod = events.find((e) => e.summary.includes("Record of decision"))!;
    expect(rod.startDate.isDate).toBe(true);
    expect(rod.startDate.toString()).toBe("2027-03-01");
    expect(rod.endDate.toString()).toBe("2027-04-01");
    expect(rod.summary).toBe("Target: Record of decision (Feed Lithium Mine) [month only]");
    expect(rod.description).toContain("The record gives only the month");
    const noi = events.find((e) => e.summary.includes("Notice of intent"))!;
    expect(noi.summary.startsWith("Done:")).toBe(true);
    expect([noi.startDate.toString(), noi.endDate.toString()]).toEqual(["2025-01-21", "2025-01-22"]);
    // UIDs are stable across requests.
    const again = calendarEvents((await get(projectCalendar, "/x", { slug: scenario.nevada.slug })).body).events;
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it("a search calendar leaves out the training project unless asked", async () => {
    const without = await get(searchCalendar, "/projects/calendar.ics?commodity=lithium");
    expect(without.body).toContain("Feed Lithium Mine");
    expect(without.body).not.toContain("Feed Training Mine");
    await prisma.milestone.create({
      data: {
        projectId: scenario.training.id,
        key: "rod",
        name: "Training ROD",
        targetDate: new Date("2027-01-15T00:00:00Z"),
      },
    });
    const withTraining = await get(searchCalendar, "/projects/calendar.ics?commodity=lithium&include_training=true");
    expect(calendarEvents(withTraining.body).events.some((e) => e.summary.includes("Feed Training Mine"))).toBe(true);
  });
});

describe("the private calendar of followed projects", () => {
  const tokenOf = (url: string) => new URL(url).pathname.split("/")[2];
  const fetchCalendar = (url: string) =>
    get(privateCalendar, new URL(url).pathname, { token: tokenOf(url) }).catch((error: unknown) => {
      if (error instanceof Response) return { response: error, body: "" };
      throw error;
    });

  it("holds the followed projects only, can be shown again, replaced and revoked", async () => {
    const person = await createUser({ name: "Fiona Follower", email: "fiona.follower@example.org" });
    await followProject(person.id, scenario.arizona.id);
    const audit = { actorId: person.id, requestId: "req-cal" };
    expect(await getCalendarFeed(person.id)).toBeNull();

    const path = await createCalendarFeed(person.id, audit);
    const shown = await getCalendarFeed(person.id);
    expect(shown?.url).toBe(`http://localhost:3000${path}`);
    expect(tokenOf(shown!.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const row = await prisma.calendarFeed.findUniqueOrThrow({ where: { userId: person.id } });
    expect(row.tokenHash).not.toContain(tokenOf(shown!.url));

    const first = await fetchCalendar(shown!.url);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("cache-control")).toContain("private");
    const { events } = calendarEvents(first.body);
    expect(events.some((e) => e.summary.includes("Feed Copper Mine"))).toBe(true);
    expect(first.body).not.toContain("Feed Lithium Mine");
    for (const personal of ["Fiona", "fiona.follower@example.org", ...SECRETS])
      expect(first.body).not.toContain(personal);

    // A new address replaces the old one.
    await createCalendarFeed(person.id, audit);
    const replaced = await getCalendarFeed(person.id);
    expect(replaced!.url).not.toBe(shown!.url);
    expect((await fetchCalendar(shown!.url)).response.status).toBe(404);
    expect((await fetchCalendar(replaced!.url)).response.status).toBe(200);

    expect(await revokeCalendarFeed(person.id, audit)).toBe(true);
    expect((await fetchCalendar(replaced!.url)).response.status).toBe(404);
    expect(await revokeCalendarFeed(person.id, audit)).toBe(false);
    const bogus = "x".repeat(43);
    expect((await fetchCalendar(`http://localhost:3000/calendars/${bogus}/following.ics`)).response.status).toBe(404);
  });
});

describe("nothing confidential, draft, hidden or personal", () => {
  it("appears in any feed or calendar", async () => {
    const slug = { slug: scenario.nevada.slug };
    const outputs = await Promise.all([
      get(allFeed, "/feed.atom"),
      get(allFeed, "/feed.atom?include_training=true"),
      get(projectFeed, "/x", slug),
      get(searchFeed, "/projects/feed.atom"),
      get(projectCalendar, "/x", slug),
      get(searchCalendar, "/projects/calendar.ics?include_training=true"),
    ]);
    for (const { body } of outputs) {
      expect(body.length).toBeGreaterThan(200);
      for (const secret of SECRETS) expect(body).not.toContain(secret);
    }
  });
});
