// A person's private calendar: comment deadlines and milestones of every project they follow. The
// address is the only key (calendar apps cannot sign in); see app/models/calendar-feed.server.ts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCalendarOwner } from "~/models/calendar-feed.server";
import { followedProjectIds } from "~/models/public-record.server";
import { ICS_CONTENT_TYPE, projectsCalendar } from "~/services/calendar/ics.server";
import { publishedResponse } from "~/services/feeds/respond.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await findCalendarOwner(params.token ?? "");
  if (!owner)
    throw notFound("This calendar address does not exist or was revoked. Make a new one on your account page.");
  const body = await projectsCalendar({
    scope: { projectIds: await followedProjectIds(owner) },
    // Nothing personal in the file itself: no name, no email.
    name: "Projects I follow (Lodestone)",
    description: "Comment deadlines and milestones of the projects you follow on Lodestone.",
    url: "/account/notifications",
  });
  return publishedResponse(request, {
    body,
    contentType: ICS_CONTENT_TYPE,
    filename: "lodestone-following.ics",
    visibility: "private",
  });
}
