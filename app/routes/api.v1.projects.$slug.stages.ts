// GET /api/v1/projects/{slug}/stages: the review track, its stages and where the project stands.
import { projectStages } from "~/models/public-record/projects.server";
import { StagesSchema } from "~/schemas/api/projects";
import { requirePublicProject } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: StagesSchema,
  load: async ({ params, url }) => projectStages(await requirePublicProject(params.slug, url)),
});
