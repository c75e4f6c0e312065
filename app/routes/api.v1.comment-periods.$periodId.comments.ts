// GET /api/v1/comment-periods/{periodId}/comments, by cursor.
import { listPublicComments } from "~/models/public-record/comments.server";
import { CommentPageSchema } from "~/schemas/api/comments";
import { instantIdKey, pageBody, readPage, requirePublicPeriod } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: CommentPageSchema,
  load: async ({ params, url }) => {
    const periodId = await requirePublicPeriod(params.periodId, url);
    const page = readPage(url, "comments", instantIdKey);
    return pageBody(url, "comments", instantIdKey, await listPublicComments(periodId, page));
  },
});
