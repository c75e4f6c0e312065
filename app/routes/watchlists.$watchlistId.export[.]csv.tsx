// A watchlist's board as CSV, for the people who keep it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { watchlistCsvResponse } from "~/models/watchlist-export.server";
import { getWatchlist, watchlistResource } from "~/models/watchlist.server";
import { can } from "~/policy/decide.server";
import { requireActor } from "~/services/actor.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const watchlist = await getWatchlist(params.watchlistId ?? "");
  if (!watchlist || !can(actor, "watchlist.view", watchlistResource(watchlist))) {
    throw notFound("There is no watchlist of yours at this address.");
  }
  return watchlistCsvResponse(watchlist, "watchlist");
}
