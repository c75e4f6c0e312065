// GET /api/v1/comment-periods/{periodId}/campaigns: form-letter campaigns with honest counts.
import { publicCampaigns } from "~/models/public-record/comments.server";
import { CampaignsSchema } from "~/schemas/api/comments";
import { requirePublicPeriod } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: CampaignsSchema,
  load: async ({ params, url }) => publicCampaigns(await requirePublicPeriod(params.periodId, url)),
});
