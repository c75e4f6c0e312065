// GET /api/v1/projects/{slug}/milestones, by cursor.
import { listPublicMilestones } from "~/models/public-record/record.server";
import { MilestonePageSchema } from "~/schemas/api/record";
import { intIdKey, pageBody, readPage, requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";
import { todayUtc } from "~/utils/dates";

export const loader = apiLoader({
  schema: MilestonePageSchema,
  load: async ({ params, url }) => {
    const project = await requirePublicProject(params.slug, url);
    const page = readPage(url, "milestones", intIdKey);
    return pageBody(url, "milestones", intIdKey, await listPublicMilestones(project, page, todayUtc()));
  },
});
