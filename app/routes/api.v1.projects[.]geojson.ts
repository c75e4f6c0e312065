// GET /api/v1/projects.geojson: every matching project with a location, as GeoJSON for GIS tools.
import { mappedPublicProjects } from "~/models/public-record/projects.server";
import { apiPath, publicUrl } from "~/models/public-record/urls.server";
import { ProjectFeatureCollectionSchema } from "~/schemas/api/projects";
import { readProjectFilters, trainingChoice } from "~/services/api/params.server";
import { apiLoader } from "~/services/api/respond.server";
import { todayUtc } from "~/utils/dates";

export const loader = apiLoader({
  schema: ProjectFeatureCollectionSchema,
  contentType: "application/geo+json",
  load: async ({ url }) => {
    const projects = await mappedPublicProjects(readProjectFilters(url), todayUtc(), trainingChoice(url));
    return {
      type: "FeatureCollection" as const,
      generatedAt: new Date().toISOString(),
      features: projects.flatMap((p) =>
        p.location
          ? [
              {
                type: "Feature" as const,
                id: p.slug,
                geometry: {
                  type: "Point" as const,
                  coordinates: [p.location.longitude, p.location.latitude] as [number, number],
                },
                properties: {
                  slug: p.slug,
                  name: p.name,
                  state: p.state,
                  county: p.county,
                  commodities: p.commodities,
                  status: p.status,
                  currentStage: p.currentStage,
                  stageLabel: p.stageLabel,
                  schedule: p.schedule,
                  company: p.company.name,
                  leadAgency: p.leadAgency?.name ?? null,
                  isTraining: p.isTraining,
                  url: publicUrl(`/projects/${p.slug}`),
                  api: publicUrl(apiPath(`/projects/${p.slug}`)),
                },
              },
            ]
          : [],
      ),
    };
  },
});
