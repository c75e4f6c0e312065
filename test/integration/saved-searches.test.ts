// Saved-search membership as projects change, and the "a project enters a saved search" alert:
// starting point at save, one alert per (search, project) ever, queued by the changes that can move
// a project into a search, delivered to the watchlist's keepers only (in-app and by email).
import { beforeEach, describe, expect, it } from "vitest";
import { changeTargetDate } from "~/models/milestone.server";
import { updateProjectDetails } from "~/models/project.server";
import { evaluateSavedSearches, SAVED_SEARCH_TASK } from "~/models/saved-search.server";
import { addSavedSearch, createWatchlist, getWatchlist, watchlistBoard } from "~/models/watchlist.server";
import { prisma } from "~/services/db.server";
import { dispatchEvent } from "~/models/notifications/dispatch.server";
import { todayUtc } from "~/utils/dates";
import { mailbox } from "../support/database";
import { sendQueuedEmails, queuedJobs } from "../support/email-queue";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const today = todayUtc();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);

beforeEach(async () => {
  mailbox().clear();
  await prisma.savedSearch.deleteMany();
  await prisma.watchlist.deleteMany();
  await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
});

async function world() {
  const [company, agency, ngo] = await Promise.all([
    createOrganization("COMPANY"),
    createOrganization("AGENCY"),
    createOrganization("NGO"),
  ]);
  const [analyst, colleague, outsider] = await Promise.all([
    createUser({ name: "Analyst" }),
    createUser({ name: "Colleague" }),
    createUser({ name: "Outsider" }),
  ]);
  await addMember(analyst.id, ngo.id);
  await addMember(colleague.id, ngo.id, "OWNER");
  const watchlist = await createWatchlist({ ownerUserId: null, organizationId: ngo.id }, "Great Basin", analyst.id);
  return { company, agency, ngo, analyst, colleague, outsider, watchlist };
}

async function alerts(searchId?: string) {
  return prisma.domainEvent.findMany({
    where: {
      type: "savedSearch.matched",
      ...(searchId ? { payload: { path: ["savedSearchId"], equals: searchId } } : {}),
    },
    orderBy: { occurredAt: "asc" },
  });
}

describe("saved-search membership", () => {
  it("starts from the projects that match when saved, and alerts once for each project that enters later", async () => {
    const w = await world();
    const before = await insertProjectRow({
      companyId: w.company.id,
      leadAgencyId: w.agency.id,
      name: "Old Lithium",
    });
    const search = await addSavedSearch(
      w.watchlist.id,
      { name: "Lithium in Nevada", query: "?state=NV&commodity=lithium" },
      today,
    );
    expect(search.matching).toBe(1);
    expect(await evaluateSavedSearches({ projectId: before.id, today })).toBe(0);
    expect(await evaluateSavedSearches({ today })).toBe(0);
    expect(await alerts()).toHaveLength(0);

    const added = await insertProjectRow({
      companyId: w.company.id,
      leadAgencyId: w.agency.id,
      name: "New Lithium",
    });
    expect(await evaluateSavedSearches({ projectId: added.id, today })).toBe(1);
    // Idempotent: the job running again, and the hourly sweep, find nothing new.
    expect(await evaluateSavedSearches({ projectId: added.id, today })).toBe(0);
    expect(await evaluateSavedSearches({ today })).toBe(0);
    const [event] = await alerts(search.id);
    expect(event.payload).toMatchObject({
      projectId: added.id,
      searchName: "Lithium in Nevada",
      watchlistName: "Great Basin",
    });
    expect(event.dedupeKey).toBe(`saved-search:${search.id}:${added.id}`);

    // The board picks the new project up without anyone adding it.
    const board = await watchlistBoard((await getWatchlist(w.watchlist.id))!, new Date(), today);
    expect(board.rows.map((r) => r.name)).toEqual(["New Lithium", "Old Lithium"]);
    expect(board.rows[0].via).toEqual({ listed: false, searches: ["Lithium in Nevada"] });
  });

  it("queues the check when a project's details change, and alerts when the edit makes it match", async () => {
    const w = await world();
    const copper = await prisma.project.create({
      data: {
        slug: "copper-flat-test",
        name: "Copper Flat",
        companyId: w.company.id,
        leadAgencyId: w.agency.id,
        commodities: ["copper"],
        state: "NV",
        county: "Elko",
        landStatus: "BLM",
        description: "A copper project that later adds lithium.",
        currentStage: "scoping",
      },
    });
    const search = await addSavedSearch(
      w.watchlist.id,
      { name: "Lithium in Nevada", query: "?state=NV&commodity=lithium" },
      today,
    );
    expect(await evaluateSavedSearches({ projectId: copper.id, today })).toBe(0);

    await updateProjectDetails(
      copper.id,
      copper.version,
      {
        name: copper.name,
        county: copper.county,
        commodities: ["copper", "lithium"],
        landStatus: "BLM",
        description: copper.description,
      },
      { actorId: null, requestId: null },
    );
    expect((await queuedJobs(SAVED_SEARCH_TASK)).map((job) => job.payload)).toEqual([{ projectId: copper.id }]);
    expect(await evaluateSavedSearches({ projectId: copper.id, today })).toBe(1);

    // Leaving the search and coming back raises no second alert.
    await prisma.project.update({ where: { id: copper.id }, data: { commodities: ["copper"] } });
    await prisma.project.update({ where: { id: copper.id }, data: { commodities: ["copper", "lithium"] } });
    expect(await evaluateSavedSearches({ projectId: copper.id, today })).toBe(0);
    expect(await alerts(search.id)).toHaveLength(1);
  });

  it("alerts when a moved target date makes a project delayed, to every member and by email", async () => {
    const w = await world();
    const project = await insertProjectRow({
      companyId: w.company.id,
      leadAgencyId: w.agency.id,
      name: "Slipping Mine",
    });
    const milestone = await prisma.milestone.create({
      data: {
        projectId: project.id,
        key: "rod",
        name: "Record of decision",
        baselineDate: day(200),
        targetDate: day(200),
      },
    });
    const search = await addSavedSearch(w.watchlist.id, { name: "Delayed", query: "?schedule=delayed" }, today);
    expect(search.matching).toBe(0);

    await changeTargetDate(
      {
        projectId: project.id,
        milestoneId: milestone.id,
        newDate: day(290),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "More groundwater modelling.",
      },
      { actorId: null, requestId: null },
    );
    expect((await queuedJobs(SAVED_SEARCH_TASK)).map((job) => job.payload)).toEqual([{ projectId: project.id }]);
    expect(await evaluateSavedSearches({ projectId: project.id, today })).toBe(1);

    const [event] = await alerts(search.id);
    const result = await dispatchEvent(event.id);
    expect(result).toEqual({ notified: 2, emails: 2 });
    const notifications = await prisma.notification.findMany({
      where: { eventId: event.id },
      orderBy: { userId: "asc" },
    });
    expect(notifications.map((n) => n.userId).sort()).toEqual([w.analyst.id, w.colleague.id].sort());
    expect(notifications[0]).toMatchObject({
      type: "SAVED_SEARCH_MATCH",
      title: "Slipping Mine entered your saved search “Delayed”",
      url: `/projects/${project.slug}`,
    });
    await sendQueuedEmails();
    const sent = mailbox()
      .emails()
      .filter((e) => /entered your saved search/.test(e.subject));
    expect(sent.flatMap((e) => [e.to].flat()).sort()).toEqual([w.analyst.email, w.colleague.email].sort());
    expect(sent.some((e) => [e.to].flat().includes(w.outsider.email))).toBe(false);
  });

  it("respects the keeper's preference: off means in-app only", async () => {
    const w = await world();
    const personal = await createWatchlist({ ownerUserId: w.outsider.id, organizationId: null }, "Mine", w.outsider.id);
    await prisma.notificationPreference.create({
      data: { userId: w.outsider.id, type: "SAVED_SEARCH_MATCH", frequency: "OFF" },
    });
    const search = await addSavedSearch(personal.id, { name: "Lithium", query: "?commodity=lithium" }, today);
    const project = await insertProjectRow({
      companyId: w.company.id,
      leadAgencyId: w.agency.id,
      name: "Quiet Lithium",
    });
    expect(await evaluateSavedSearches({ projectId: project.id, today })).toBe(1);
    const [event] = await alerts(search.id);
    expect(await dispatchEvent(event.id)).toEqual({ notified: 1, emails: 0 });
  });
});
