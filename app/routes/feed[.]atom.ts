// The Atom feed of the whole public record: every project's stage changes, schedule changes,
// pauses, comment periods and agency responses. The fictional training project only with
// ?include_training=true.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATOM_CONTENT_TYPE, projectsAtomFeed } from "~/services/feeds/atom.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { includesTraining, TRAINING_INCLUDE, TRAINING_PARAM } from "~/utils/open-record-links";

export async function loader({ request }: LoaderFunctionArgs) {
  const includeTraining = includesTraining(new URL(request.url).searchParams);
  const body = await projectsAtomFeed({
    scope: { allProjects: true, includeTraining },
    title: "Lodestone: the public permitting record of proposed mines",
    subtitle: "Stage changes, schedule changes, pauses, comment periods and agency responses for every project.",
    selfUrl: includeTraining ? `/feed.atom?${TRAINING_PARAM}=${TRAINING_INCLUDE}` : "/feed.atom",
    alternateUrl: "/projects",
    feedKey: includeTraining ? "all+training" : "all",
  });
  return publishedResponse(request, { body, contentType: ATOM_CONTENT_TYPE, visibility: "public" });
}
