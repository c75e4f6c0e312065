// GET /api/v1/projects/{slug}/documents, by cursor.
import { listPublicDocuments } from "~/models/public-record/record.server";
import { DocumentPageSchema } from "~/schemas/api/record";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: DocumentPageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "documents", instantIdKey);
    return pageBody(url, "documents", instantIdKey, await listPublicDocuments(project, page));
  },
});
