// A shared watchlist's Atom feed and calendar: the projects it holds now (listed and found by its
// saved searches), nothing else, and nothing once the link is revoked.
import type { AppLoadContext } from "@remix-run/node";
import { DOMParser } from "@xmldom/xmldom";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  addProjectToWatchlist,
  addSavedSearch,
  createWatchlist,
  revokeWatchlistLink,
  shareWatchlist,
} from "~/models/watchlist.server";
import { loader as sharedCalendar } from "~/routes/watchlists.shared.$token.calendar[.]ics";
import { loader as sharedFeed } from "~/routes/watchlists.shared.$token.feed[.]atom";
import { prisma } from "~/services/db.server";
import { todayUtc } from "~/utils/dates";
import { createOrganization, insertProjectRow, createUser } from "../support/factories";

const context = { requestId: "req-watchlist-feeds", clientIp: "127.0.0.1" } as AppLoadContext;
type Loader = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

async function get(loader: Loader, token: string, file: string) {
  try {
    const response = (await loader({
      request: new Request(`http://localhost:3000/watchlists/shared/${token}/${file}`),
      params: { token },
      context,
    })) as Response;
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, body: "" };
    throw thrown;
  }
}

async function world() {
  const [company, agency] = await Promise.all([createOrganization("COMPANY"), createOrganization("AGENCY")]);
  const owner = await createUser({ name: "Watcher" });
  const listed = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, name: "Listed Copper" });
  const found = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, name: "Found Lithium" });
  const elsewhere = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, name: "Other Gold" });
  await prisma.project.update({ where: { id: listed.id }, data: { commodities: ["copper"] } });
  await prisma.project.update({ where: { id: found.id }, data: { commodities: ["lithium"] } });
  await prisma.project.update({ where: { id: elsewhere.id }, data: { commodities: ["gold"] } });
  for (const project of [listed, found, elsewhere]) {
    await prisma.milestone.create({
      data: { projectId: project.id, key: "rod", name: "Record of decision", targetDate: new Date("2027-03-15") },
    });
  }
  const watchlist = await createWatchlist({ ownerUserId: owner.id, organizationId: null }, "Mine watch", owner.id);
  await addProjectToWatchlist(watchlist.id, listed.slug);
  await addSavedSearch(watchlist.id, { name: "Lithium", query: "?commodity=lithium" }, todayUtc());
  const token = await shareWatchlist(watchlist.id, { actorId: owner.id, requestId: null });
  return { watchlist, token, owner };
}

describe("a shared watchlist's feed and calendar", () => {
  it("cover the listed and the found projects only, privately cached, and stop when the link is revoked", async () => {
    const w = await world();

    const feed = await get(sharedFeed, w.token, "feed.atom");
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Cache-Control")).toContain("private");
    const problems: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => void problems.push(`${level}: ${message}`),
    }).parseFromString(feed.body, "application/xml");
    expect(problems).toEqual([]);
    expect(doc.getElementsByTagName("title")[0]?.textContent).toContain("Mine watch");

    const calendar = await get(sharedCalendar, w.token, "calendar.ics");
    expect(calendar.status).toBe(200);
    const summaries = new ICAL.Component(ICAL.parse(calendar.body))
      .getAllSubcomponents("vevent")
      .map((event) => String(event.getFirstPropertyValue("summary")));
    expect(summaries.some((s) => s.includes("Listed Copper"))).toBe(true);
    expect(summaries.some((s) => s.includes("Found Lithium"))).toBe(true);
    expect(summaries.some((s) => s.includes("Other Gold"))).toBe(false);
    // The keeper's name never appears in what the link serves.
    expect(feed.body + calendar.body).not.toContain("Watcher");

    await revokeWatchlistLink(w.watchlist.id, { actorId: w.owner.id, requestId: null });
    expect((await get(sharedFeed, w.token, "feed.atom")).status).toBe(404);
    expect((await get(sharedCalendar, w.token, "calendar.ics")).status).toBe(404);
    expect((await get(sharedFeed, "not-a-token", "feed.atom")).status).toBe(404);
  });
});
