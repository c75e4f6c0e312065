// One project's Atom feed: its stage changes, schedule changes, pauses, comment periods and agency
// responses.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findFeedProject } from "~/models/public-record.server";
import { ATOM_CONTENT_TYPE, projectsAtomFeed } from "~/services/feeds/atom.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { notFound } from "~/utils/http.server";
import { projectRecordLinks } from "~/utils/open-record-links";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const project = await findFeedProject(params.slug ?? "");
  if (!project) throw notFound("There is no project at this address.");
  const body = await projectsAtomFeed({
    scope: { projectIds: [project.id] },
    title: `${project.name} · Lodestone`,
    subtitle: `The public permitting record of ${project.name}: stage changes, schedule changes, pauses, comment periods and agency responses.`,
    selfUrl: projectRecordLinks(project.slug).feed,
    alternateUrl: `/projects/${project.slug}`,
    feedKey: `project:${project.id}`,
  });
  return publishedResponse(request, { body, contentType: ATOM_CONTENT_TYPE, visibility: "public" });
}
