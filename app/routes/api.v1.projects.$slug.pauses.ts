// GET /api/v1/projects/{slug}/pauses, by cursor.
import { listPublicPauses } from "~/models/public-record/record.server";
import { PausePageSchema } from "~/schemas/api/record";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: PausePageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "pauses", instantIdKey);
    return pageBody(url, "pauses", instantIdKey, await listPublicPauses(project, page));
  },
});
