// GET /api/v1/projects/{slug}/review-clock: days with the agency and with the applicant, today.
import { publicReviewClock } from "~/models/public-record/record.server";
import { ReviewClockSchema } from "~/schemas/api/record";
import { requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: ReviewClockSchema,
  load: async ({ params, url }) => publicReviewClock(await requirePublicProject(params.slug, url), new Date()),
});
