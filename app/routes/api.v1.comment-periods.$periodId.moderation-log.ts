// GET /api/v1/comment-periods/{periodId}/moderation-log, by cursor.
import { listPublicModerationLog } from "~/models/public-record/comments.server";
import { ModerationEntryPageSchema } from "~/schemas/api/comments";
import { instantIdKey, pageBody, readPage, requirePublicPeriod } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: ModerationEntryPageSchema,
  load: async ({ params, url }) => {
    const periodId = await requirePublicPeriod(params.periodId, url);
    const page = readPage(url, "moderation-log", instantIdKey);
    return pageBody(url, "moderation-log", instantIdKey, await listPublicModerationLog(periodId, page));
  },
});
