// GET /api/v1/projects: projects matching the /projects filters, in slug order, by cursor.
import { listPublicProjects } from "~/models/public-record/projects.server";
import { ProjectPageSchema } from "~/schemas/api/projects";
import { pageBody, readPage, readProjectFilters, textKey, trainingChoice } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";
import { todayUtc } from "~/utils/dates";

export const loader = apiLoader({
  schema: ProjectPageSchema,
  load: async ({ url }) => {
    const query = readProjectFilters(url);
    const page = readPage(url, "projects", textKey);
    const result = await listPublicProjects(query, todayUtc(), {
      afterSlug: page.after,
      limit: page.limit,
      ...trainingChoice(url),
    });
    return pageBody(url, "projects", textKey, result);
  },
});
