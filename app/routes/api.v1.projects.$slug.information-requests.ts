// GET /api/v1/projects/{slug}/information-requests, by cursor.
import { listPublicInformationRequests } from "~/models/public-record/record.server";
import { InformationRequestPageSchema } from "~/schemas/api/record";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: InformationRequestPageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "information-requests", instantIdKey);
    return pageBody(
      url,
      "information-requests",
      instantIdKey,
      await listPublicInformationRequests(project, page, new Date()),
    );
  },
});
