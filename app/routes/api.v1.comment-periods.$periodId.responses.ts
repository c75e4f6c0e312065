// GET /api/v1/comment-periods/{periodId}/responses, by cursor.
import { listPublicResponses } from "~/models/public-record/comments.server";
import { OfficialResponsePageSchema } from "~/schemas/api/comments";
import { instantIdKey, pageBody, readPage, requirePublicPeriod } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: OfficialResponsePageSchema,
  load: async ({ params, url }) => {
    const periodId = await requirePublicPeriod(params.periodId, url);
    const page = readPage(url, "responses", instantIdKey);
    return pageBody(url, "responses", instantIdKey, await listPublicResponses(periodId, page));
  },
});
