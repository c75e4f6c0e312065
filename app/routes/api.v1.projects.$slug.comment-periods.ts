// GET /api/v1/projects/{slug}/comment-periods: the project's periods with extensions and counts.
import { listPublicPeriods } from "~/models/public-record/comments.server";
import { CommentPeriodPageSchema } from "~/schemas/api/comments";
import { instantIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: CommentPeriodPageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "comment-periods", instantIdKey);
    return pageBody(url, "comment-periods", instantIdKey, await listPublicPeriods(project.id, page, new Date()));
  },
});
