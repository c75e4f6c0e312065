// Saved-search alerts: "a project enters a saved search".
//
// When: every change that can move a project into a search (created, details or regulatory details
// edited, stage changed, a milestone added, moved or done) queues one "evaluate-saved-searches" job
// for the project, in the transaction of the change; bursts of edits to one project share the job
// (graphile-worker job_key). An hourly sweep also runs every search over every project, because
// the schedule filter (missed, at risk...) changes with the calendar, not only with edits.
//
// Idempotent per (search, project): SavedSearchMatch has one row per pair ever matched, and the
// event is recorded only by the insert that created the row (and carries a dedupeKey besides), so a
// job that runs twice, or a project that leaves and comes back, alerts once. The projects a search
// matches when it is saved are its starting point (atSave), never alerted.
import { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { parseProjectQuery } from "~/schemas/project-search";
import { recordEvents, type NewEvent } from "./events/record.server";
import { matchingProjectIds } from "./project-search.server";
import { stageLabel } from "./workflow";

export const SAVED_SEARCH_TASK = "evaluate-saved-searches";
export const SAVED_SEARCH_SWEEP_TASK = "sweep-saved-searches";

type Tx = Prisma.TransactionClient;

/** Queues the check of every saved search against one project; call in the change's transaction. */
export async function queueSavedSearchCheck(tx: Pick<Tx, "$executeRaw">, projectId: string) {
  await tx.$executeRaw`select graphile_worker.add_job(${SAVED_SEARCH_TASK},
    json_build_object('projectId', ${projectId}::text), job_key => ${`saved-search:${projectId}`}, max_attempts => 10)`;
}

/** The projects a search matched when it was saved: its starting point, never alerted. */
export async function recordSavedSearchBaseline(
  tx: Pick<Tx, "savedSearchMatch">,
  savedSearchId: string,
  ids: string[],
) {
  if (ids.length === 0) return;
  await tx.savedSearchMatch.createMany({
    data: ids.map((projectId) => ({ savedSearchId, projectId, atSave: true })),
    skipDuplicates: true,
  });
}

type SearchRow = { id: string; name: string; query: string; watchlist: { id: string; name: string } };

/**
 * Checks saved searches and records the new matches with their alerts. `projectId` limits the check
 * to one project (after a change to it); without it every project is checked (the sweep). Returns
 * the number of new matches.
 */
export async function evaluateSavedSearches(options: { projectId?: string; today: Date }): Promise<number> {
  const searches: SearchRow[] = await prisma.savedSearch.findMany({
    // A search that already matched the project has nothing more to say about it.
    where: options.projectId ? { matches: { none: { projectId: options.projectId } } } : {},
    select: { id: true, name: true, query: true, watchlist: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  let found = 0;
  for (const search of searches) {
    const query = parseProjectQuery(new URLSearchParams(search.query));
    const matching = await matchingProjectIds(query, options.today, {
      within: options.projectId ? [options.projectId] : undefined,
    });
    if (matching.length === 0) continue;
    found += await recordMatches(search, matching);
  }
  return found;
}

async function recordMatches(search: SearchRow, projectIds: string[]): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ projectId: string }[]>`
      insert into "SavedSearchMatch" ("savedSearchId", "projectId")
      select ${search.id}, unnest(${projectIds}::text[])
      on conflict do nothing
      returning "projectId"`;
    if (inserted.length === 0) return 0;
    const projects = await tx.project.findMany({
      where: { id: { in: inserted.map((row) => row.projectId) } },
      select: { id: true, slug: true, name: true, reviewTrack: true, currentStage: true, status: true },
    });
    const events: NewEvent[] = projects.map((project) => ({
      type: "savedSearch.matched",
      payload: {
        projectId: project.id,
        slug: project.slug,
        name: project.name,
        savedSearchId: search.id,
        searchName: search.name,
        watchlistId: search.watchlist.id,
        watchlistName: search.watchlist.name,
        stageLabel: stageLabel(project.reviewTrack, project.currentStage),
        status: project.status,
      },
      dedupeKey: `saved-search:${search.id}:${project.id}`,
    }));
    await recordEvents(tx, events, { skipDuplicates: true });
    return inserted.length;
  });
}
