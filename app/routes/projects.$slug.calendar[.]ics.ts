// One project's calendar: its comment deadlines (timed, in the agency's zone) and its milestones
// (all-day, over the day, month or year the record gives).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findFeedProject } from "~/models/public-record.server";
import { ICS_CONTENT_TYPE, projectsCalendar } from "~/services/calendar/ics.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const project = await findFeedProject(params.slug ?? "");
  if (!project) throw notFound("There is no project at this address.");
  const body = await projectsCalendar({
    scope: { projectIds: [project.id] },
    name: `${project.name} (Lodestone)`,
    description: `Comment deadlines and milestones of ${project.name}, from its public permitting record.`,
    url: `/projects/${project.slug}`,
  });
  return publishedResponse(request, {
    body,
    contentType: ICS_CONTENT_TYPE,
    filename: `${project.slug}.ics`,
    visibility: "public",
  });
}
