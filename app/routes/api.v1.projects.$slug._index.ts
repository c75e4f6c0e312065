// GET /api/v1/projects/{slug}: one project's public facts and links to the rest of its record.
import { findPublicProject } from "~/models/public-record/projects.server";
import { ProjectSchema } from "~/schemas/api/projects";
import { trainingChoice } from "~/services/api/params.server";
import { apiNotFound } from "~/services/api/problem.server";
import { apiLoader } from "~/services/api/respond.server";
import { todayUtc } from "~/utils/dates";

export const loader = apiLoader({
  schema: ProjectSchema,
  load: async ({ params, url }) => {
    const project = await findPublicProject(params.slug ?? "", todayUtc(), trainingChoice(url));
    if (!project) {
      throw apiNotFound(
        "There is no project at this address. (The demo's fictional training project is left out unless include_training=true.)",
      );
    }
    return project;
  },
});
