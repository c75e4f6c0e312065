// Follow or unfollow a project, and turn its email on or off. The buttons live on the project page
// and in the settings table (/account/notifications); each posts here and is sent back with a flash.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { followProject, setFollowedProjectEmail, unfollowProject } from "~/models/notifications/follow.server";
import { followSchema } from "~/schemas/notifications";
import { safeRedirect } from "~/services/auth.server";
import { readSubmission } from "~/utils/submission.server";
import { redirectWithFlash } from "~/utils/http.server";
import { requireProjectFor } from "~/utils/project-route.server";

/** Nothing to show here: an address typed or bookmarked goes to the project. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/projects/${params.slug ?? ""}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireProjectFor(request, params.slug, "project.follow");
  const submission = await readSubmission(request);
  const back = safeRedirect(submission.get("redirectTo"), `/projects/${project.slug}`);
  const parsed = submission.parse(followSchema);
  if (!parsed.ok) {
    return redirectWithFlash(request, back, { kind: "error", message: "That request was incomplete. Try again." });
  }
  const input = parsed.data;
  if (input.intent === "follow") {
    await followProject(user.id, project.id);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: `You follow ${project.name}. Its news will appear in your notifications.`,
    });
  }
  if (input.intent === "unfollow") {
    await unfollowProject(user.id, project.id);
    return redirectWithFlash(request, back, { kind: "success", message: `You no longer follow ${project.name}.` });
  }
  const muted = input.email === "off";
  if (!(await setFollowedProjectEmail(user.id, project.id, muted))) {
    return redirectWithFlash(request, back, {
      kind: "info",
      message: `You do not follow ${project.name}, so you get no email about it.`,
    });
  }
  return redirectWithFlash(request, back, {
    kind: "success",
    message: muted
      ? `You will get no email about ${project.name}. Its news still appears in your notifications.`
      : `Email about ${project.name} is on again.`,
  });
}
