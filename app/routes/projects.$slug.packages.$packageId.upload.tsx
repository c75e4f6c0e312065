// Resource route for package uploads: a plain form post gets a redirect back to the package;
// the progress-showing script (Accept: application/json) gets JSON. Nothing partial is kept.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { DomainError } from "~/models/errors.server";
import { addDocumentsToPackage } from "~/models/package.server";
import { assertCan } from "~/policy";
import { setFlash } from "~/services/flash.server";
import { documentStorage } from "~/services/storage.server";
import { DOCUMENT_LIMITS, UploadError, discardUploads, receiveUploads } from "~/services/uploads.server";
import { auditContext } from "~/utils/http.server";
import { requireProjectFor } from "~/utils/project-route.server";

const fieldsSchema = z.object({ visibility: z.enum(["PUBLIC", "CONFIDENTIAL"]).default("CONFIDENTIAL") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project, resource } = await requireProjectFor(request, params.slug, "package.manage");
  assertCan(actor, "package.manage", resource);
  const here = `/projects/${project.slug}/packages/${params.packageId}`;
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const finish = async (kind: "success" | "error", message: string, status: number) => {
    const cookie = await setFlash(request, { kind, message });
    if (wantsJson) {
      return new Response(JSON.stringify(kind === "success" ? { redirectTo: here } : { error: message }), {
        status,
        headers: { "Content-Type": "application/json", "Set-Cookie": cookie },
      });
    }
    return redirect(here, { headers: { "Set-Cookie": cookie } });
  };

  const storage = documentStorage();
  let received;
  try {
    received = await receiveUploads(request, {
      field: "files",
      limits: DOCUMENT_LIMITS,
      storage,
      keyPrefix: `projects/${project.id}/packages/${params.packageId}`,
    });
  } catch (error) {
    if (error instanceof UploadError) return finish("error", error.message, error.status);
    throw error;
  }
  if (received.files.length === 0) return finish("error", "Choose at least one file to upload.", 400);
  const fields = fieldsSchema.safeParse(received.fields);
  try {
    const documents = await addDocumentsToPackage(
      project.id,
      params.packageId ?? "",
      received.files,
      fields.success ? fields.data.visibility : "CONFIDENTIAL",
      { ...auditContext(context, actor.userId), actorId: actor.userId },
    );
    return finish("success", `${documents.length === 1 ? "1 document" : `${documents.length} documents`} added.`, 200);
  } catch (error) {
    await discardUploads(storage, received.files, error);
    if (error instanceof DomainError) return finish("error", error.message, error.status);
    throw error;
  }
}
