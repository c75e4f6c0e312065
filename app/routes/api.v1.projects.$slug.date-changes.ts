// GET /api/v1/projects/{slug}/date-changes, by cursor.
import { listPublicDateChanges } from "~/models/public-record/record.server";
import { DateChangePageSchema } from "~/schemas/api/record";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: DateChangePageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "date-changes", instantIdKey);
    return pageBody(url, "date-changes", instantIdKey, await listPublicDateChanges(project, page));
  },
});
