// A shared watchlist's Atom feed: the public record's changes on every project it holds now, for
// anyone with its read-only link (a feed reader cannot sign in, so the link is the key).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSharedWatchlist, watchlistProjectIds } from "~/models/watchlist.server";
import { ATOM_CONTENT_TYPE, projectsAtomFeed } from "~/services/feeds/atom.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { todayUtc } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const watchlist = await getSharedWatchlist(token);
  if (!watchlist)
    throw notFound("This sharing link does not work: it was mistyped, or its watchlist is no longer shared.");
  const body = await projectsAtomFeed({
    scope: { projectIds: await watchlistProjectIds(watchlist, todayUtc()) },
    title: `${watchlist.name} · Lodestone watchlist`,
    subtitle: `Changes to the public permitting record of the projects on the watchlist ${watchlist.name}.`,
    selfUrl: `/watchlists/shared/${token}/feed.atom`,
    alternateUrl: `/watchlists/shared/${token}`,
    feedKey: `watchlist:${watchlist.id}`,
  });
  // Private: the address is a secret link, so no shared cache may keep it after it is revoked.
  return publishedResponse(request, { body, contentType: ATOM_CONTENT_TYPE, visibility: "private" });
}
