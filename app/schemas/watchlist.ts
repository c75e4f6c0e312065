// Watchlists: the forms of /watchlists, /watchlists/:id and /watchlists/add. A saved search keeps
// the /projects query; it is checked here with the /projects schema and stored as that page writes
// it (projectQueryToSearch), so a saved search and a shared /projects link are the same thing.
import { z } from "zod";
import { hasFilters, parseProjectQuery, projectQueryToSearch } from "./project-search";
import { id, plainText } from "./fields";

const name = (what: string) =>
  plainText(`Give the ${what} a name.`).pipe(
    z.string().trim().min(1, `Give the ${what} a name.`).max(120, `Keep the ${what}'s name to 120 characters.`),
  );

/** "me" for a personal watchlist, or the id of an organization the person is a member of. */
const owner = z
  .string({ required_error: "Choose who keeps the watchlist." })
  .trim()
  .min(1, "Choose who keeps the watchlist.")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Choose who keeps the watchlist.");

export const createWatchlistSchema = z.object({ name: name("watchlist"), owner });

/**
 * The /projects query of a saved search, as typed into a URL (with or without the "?"). It must
 * narrow the list: "every project" is not a search worth an alert. Page, page size and sort are
 * dropped (they say how to show a list, not what is in it).
 */
export const savedQuery = z
  .string({ required_error: "There is no search to save: filter the project list first." })
  .max(2000, "This search is too long to save.")
  .transform((value, ctx) => {
    const query = parseProjectQuery(new URLSearchParams(value.trim().replace(/^\?/, "")));
    if (!hasFilters(query)) {
      ctx.addIssue({ code: "custom", message: "There is no search to save: filter the project list first." });
      return z.NEVER;
    }
    return projectQueryToSearch(query, { page: 1, pageSize: 25, sort: "name", dir: "asc" });
  });

/** Adding to a watchlist: an existing one (its id) or a new one ("new", with a name and an owner). */
const target = {
  watchlistId: z.union([z.literal("new"), id("Choose a watchlist.")], {
    errorMap: () => ({ message: "Choose a watchlist." }),
  }),
  newName: z.string().max(200).optional(),
  owner: owner.optional(),
};

function newWatchlistNamed<T extends { watchlistId: string; newName?: string; owner?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) {
  if (value.watchlistId !== "new") return;
  const parsed = name("new watchlist").safeParse(value.newName ?? "");
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", path: ["newName"], message: parsed.error.issues[0].message });
  }
  if (!value.owner) ctx.addIssue({ code: "custom", path: ["owner"], message: "Choose who keeps the watchlist." });
}

export const addToWatchlistSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("addProject"), project: z.string().trim().min(1).max(200), ...target }),
  z.object({ intent: z.literal("addSearch"), query: savedQuery, searchName: name("search"), ...target }),
]);

export const addProjectSchema = addToWatchlistSchema.options[0].superRefine(newWatchlistNamed);
export const addSearchSchema = addToWatchlistSchema.options[1].superRefine(newWatchlistNamed);

export const watchlistIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename") }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("removeProject"), projectId: id() }),
  z.object({ intent: z.literal("removeSearch"), searchId: id() }),
  z.object({ intent: z.literal("share") }),
  z.object({ intent: z.literal("revoke") }),
]);

export const renameWatchlistSchema = z.object({ name: name("watchlist") });
export const deleteWatchlistSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "Tick the box to confirm the watchlist is deleted." }) }),
});
