// A shared watchlist's calendar: comment deadlines and milestones of every project it holds now.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSharedWatchlist, watchlistProjectIds } from "~/models/watchlist.server";
import { ICS_CONTENT_TYPE, projectsCalendar } from "~/services/calendar/ics.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { todayUtc } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const watchlist = await getSharedWatchlist(token);
  if (!watchlist)
    throw notFound("This sharing link does not work: it was mistyped, or its watchlist is no longer shared.");
  const body = await projectsCalendar({
    scope: { projectIds: await watchlistProjectIds(watchlist, todayUtc()) },
    name: `${watchlist.name} (Lodestone watchlist)`,
    description: `Comment deadlines and milestones of the projects on the watchlist ${watchlist.name}.`,
    url: `/watchlists/shared/${token}`,
  });
  return publishedResponse(request, {
    body,
    contentType: ICS_CONTENT_TYPE,
    filename: "watchlist.ics",
    visibility: "private",
  });
}
