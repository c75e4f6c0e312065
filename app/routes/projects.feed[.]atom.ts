// The Atom feed of a project search: the same filters as /projects (?state=NV&commodity=lithium),
// the fictional training project only with ?include_training=true.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matchingProjectIds } from "~/models/project-search.server";
import { parseProjectQuery } from "~/schemas/project-search";
import { ATOM_CONTENT_TYPE, projectsAtomFeed } from "~/services/feeds/atom.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { todayUtc } from "~/utils/dates";
import { describeFilters, filterSearch, includesTraining } from "~/utils/open-record-links";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = parseProjectQuery(params);
  const includeTraining = includesTraining(params);
  const projectIds = await matchingProjectIds(query, todayUtc(), { includeTraining });
  const search = filterSearch(query, includeTraining);
  const body = await projectsAtomFeed({
    scope: { projectIds },
    title: `Lodestone: ${describeFilters(query)}`,
    subtitle: `Stage changes, schedule changes, pauses, comment periods and agency responses of the projects in this search (${projectIds.length} now).`,
    selfUrl: `/projects/feed.atom${search}`,
    alternateUrl: `/projects${filterSearch(query)}`,
    feedKey: `search:${search}`,
  });
  return publishedResponse(request, { body, contentType: ATOM_CONTENT_TYPE, visibility: "public" });
}
