// Serves a comment's attachment. A hidden comment's files are withheld from the public like its
// text (404, so the address does not confirm they exist); the lead agency's moderators can open them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCommentAttachment, findPeriodForComments } from "~/models/comments/comment-reading.server";
import { can } from "~/policy/decide.server";
import { getOptionalActor } from "~/services/actor.server";
import { documentStorage } from "~/services/storage.server";
import { downloadHeaders } from "~/services/uploads.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  const attachment = period ? await findCommentAttachment(period.id, params.attachmentId ?? "") : null;
  if (!period || !attachment) throw notFound("There is no attachment at this address.");
  if (attachment.status !== "PUBLISHED") {
    const actor = await getOptionalActor(request);
    if (!can(actor, "comment.moderate", period.resource)) throw notFound("There is no attachment at this address.");
  }
  const body = await documentStorage().get(attachment.storageKey);
  if (!body) throw notFound("This attachment's file is missing from storage. Please tell the agency.");
  const headers = downloadHeaders(attachment, "attachment");
  // A comment can be hidden later: no shared cache may keep serving its files.
  headers["Cache-Control"] = "private, no-store";
  return new Response(body, { status: 200, headers: { ...headers, ETag: `"${attachment.sha256}"` } });
}
