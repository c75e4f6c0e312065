// One project's public record in CEQ's NEPA and Permitting Data and Technology Standard (see
// app/models/open-data/ceq.server.ts and docs/open-data-ceq-mapping.md), under the read API's HTTP
// rules (apiLoader). Asking for a project by its address is explicit, so the fictional training
// project answers too (marked as such).
import { ceqDocumentForProject } from "~/models/open-data/ceq.server";
import { CeqDocumentSchema } from "~/schemas/api/ceq";
import { projectSlugParam } from "~/schemas/open-data";
import { apiLoader } from "~/services/api/respond.server";
import { apiNotFound } from "~/services/api/problem.server";

export const loader = apiLoader({
  schema: CeqDocumentSchema,
  load: async ({ params }) => {
    const slug = projectSlugParam.safeParse(params.slug);
    const document = slug.success ? await ceqDocumentForProject(slug.data) : null;
    if (!document) throw apiNotFound("There is no project at this address.");
    return document as unknown as Record<string, unknown>;
  },
});
