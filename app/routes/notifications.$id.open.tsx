// The link of each notification in the list: marks it read, then goes where it points. Works as a
// plain link (no form, no JavaScript). Only paths inside the app are followed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { openNotification } from "~/models/notifications/notification.server";
import { requireUser, safeRedirect } from "~/services/auth.server";
import { redirectWithFlash } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = await openNotification(user.id, params.id ?? "");
  if (url === null) {
    return redirectWithFlash(request, "/notifications", {
      kind: "error",
      message: "That notification is not among yours any more.",
    });
  }
  return redirect(safeRedirect(url, "/notifications"));
}
