// Serves a stored document: public ones to anyone, confidential ones only to the project's
// company and the agencies reviewing it. Always as a download-safe response (nosniff,
// sandboxing CSP); only passive types may open in the browser.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocument } from "~/models/package.server";
import { projectResourceById } from "~/models/project.server";
import { assertCan } from "~/policy/decide.server";
import { getOptionalActor } from "~/services/actor.server";
import { documentStorage } from "~/services/storage.server";
import { downloadHeaders } from "~/services/uploads.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const document = await getDocument(params.documentId ?? "");
  if (!document) throw notFound("There is no document at this address.");
  const actor = await getOptionalActor(request);
  const project = await projectResourceById(document.projectId);
  assertCan(actor, "document.read", { ...project, visibility: document.visibility, inDraft: document.inDraft });
  const body = await documentStorage().get(document.storageKey);
  if (!body) throw notFound("This document's file is missing from storage. Please tell the agency.");
  const inline = new URL(request.url).searchParams.get("view") === "1";
  const headers = downloadHeaders(document, inline ? "inline" : "attachment");
  // Confidential files must never sit in a shared cache.
  if (document.visibility === "CONFIDENTIAL") headers["Cache-Control"] = "private, no-store";
  return new Response(body, { status: 200, headers: { ...headers, ETag: `"${document.sha256}"` } });
}
