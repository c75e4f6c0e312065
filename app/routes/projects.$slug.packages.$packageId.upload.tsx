// Resource route for package uploads: a plain form post gets a redirect back to the package;
// the progress-showing script (Accept: application/json) gets JSON. Nothing partial is kept.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { DomainError } from "~/models/errors.server";
import { addDocumentsToPackage } from "~/models/package.server";
import { setFlash } from "~/services/flash.server";
import { documentStorage } from "~/services/storage.server";
import { DOCUMENT_LIMITS, UploadError } from "~/services/uploads.server";
import { auditContext } from "~/utils/http.server";
import { requireIdParam } from "~/utils/params.server";
import { requireProjectFor } from "~/utils/project-route.server";
import { parseSubmission } from "~/utils/submission.server";
import { uploadFieldsSchema } from "~/schemas/package";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "package.manage");
  const packageId = requireIdParam(params, "packageId", "permit package");
  const here = `/projects/${project.slug}/packages/${packageId}`;
  const storagePrefix = `projects/${project.id}/packages/${packageId}`;
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

  let parsed;
  try {
    parsed = await parseSubmission(request, uploadFieldsSchema, {
      uploads: { field: "files", limits: DOCUMENT_LIMITS, storage: documentStorage(), keyPrefix: storagePrefix },
    });
  } catch (error) {
    if (error instanceof UploadError) return finish("error", error.message, error.status);
    throw error;
  }
  if (!parsed.ok) return finish("error", Object.values(parsed.errors).join(" "), 400);
  if (parsed.files.length === 0) return finish("error", "Choose at least one file to upload.", 400);
  try {
    const documents = await addDocumentsToPackage(project.id, packageId, parsed.files, parsed.data.visibility, {
      ...auditContext(context, actor.userId),
      actorId: actor.userId,
    });
    return finish("success", `${documents.length === 1 ? "1 document" : `${documents.length} documents`} added.`, 200);
  } catch (error) {
    await parsed.submission.discard(error);
    if (error instanceof DomainError) return finish("error", error.message, error.status);
    throw error;
  }
}
