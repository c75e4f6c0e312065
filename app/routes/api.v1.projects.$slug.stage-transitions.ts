// GET /api/v1/projects/{slug}/stage-transitions, by cursor.
import { listPublicStageTransitions } from "~/models/public-record/record.server";
import { StageTransitionPageSchema } from "~/schemas/api/record";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: StageTransitionPageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "stage-transitions", instantIdKey);
    return pageBody(url, "stage-transitions", instantIdKey, await listPublicStageTransitions(project, page));
  },
});
