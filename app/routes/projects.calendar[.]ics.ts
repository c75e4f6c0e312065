// The calendar of a project search: the same filters as /projects, the fictional training project
// only with ?include_training=true.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matchingProjectIds } from "~/models/project-search.server";
import { parseProjectQuery } from "~/schemas/project-search";
import { ICS_CONTENT_TYPE, projectsCalendar } from "~/services/calendar/ics.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { todayUtc } from "~/utils/dates";
import { describeFilters, filterSearch, includesTraining } from "~/utils/open-record-links";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = parseProjectQuery(params);
  const projectIds = await matchingProjectIds(query, todayUtc(), { includeTraining: includesTraining(params) });
  const body = await projectsCalendar({
    scope: { projectIds },
    name: `Lodestone: ${describeFilters(query)}`,
    description: "Comment deadlines and milestones of the projects in this search, from the public permitting record.",
    url: `/projects${filterSearch(query)}`,
  });
  return publishedResponse(request, {
    body,
    contentType: ICS_CONTENT_TYPE,
    filename: "lodestone-projects.ics",
    visibility: "public",
  });
}
