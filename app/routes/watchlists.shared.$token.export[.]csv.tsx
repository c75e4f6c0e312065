// A shared watchlist's board as CSV, for anyone with its read-only link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { watchlistCsvResponse } from "~/models/watchlist-export.server";
import { getSharedWatchlist } from "~/models/watchlist.server";
import { notFound } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const watchlist = await getSharedWatchlist(params.token ?? "");
  if (!watchlist)
    throw notFound("This sharing link does not work: it was mistyped, or its watchlist is no longer shared.");
  return watchlistCsvResponse(watchlist, "shared-watchlist");
}
