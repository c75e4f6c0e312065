// GET /api/v1/comment-periods/{periodId}: one period, its extensions and its honest counts.
import { getPublicPeriod } from "~/models/public-record/comments.server";
import { CommentPeriodSchema } from "~/schemas/api/comments";
import { requirePublicPeriod } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: CommentPeriodSchema,
  load: async ({ params, url }) => getPublicPeriod(await requirePublicPeriod(params.periodId, url), new Date()),
});
