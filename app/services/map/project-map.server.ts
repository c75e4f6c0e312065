// The data of a project map: one marker per project that has a location on the map, and the
// projects that have none (named beside the map, so nobody is left out silently).
import type { ProjectStatus } from "@prisma/client";
import { listMapProjects, type ProjectScope } from "~/models/public-record.server";
import { projectPoint } from "./us-map.server";

export type MapMarker = { slug: string; name: string; status: ProjectStatus; x: number; y: number };

export type ProjectMapData = {
  markers: MapMarker[];
  /** Projects with no recorded location, or one outside the fifty states. */
  unplaced: { slug: string; name: string }[];
};

export async function loadProjectMap(scope: ProjectScope): Promise<ProjectMapData> {
  const projects = await listMapProjects(scope);
  const markers: MapMarker[] = [];
  const unplaced: ProjectMapData["unplaced"] = [];
  for (const p of projects) {
    const point = p.latitude === null || p.longitude === null ? null : projectPoint(p.latitude, p.longitude);
    if (point) markers.push({ slug: p.slug, name: p.name, status: p.status, ...point });
    else unplaced.push({ slug: p.slug, name: p.name });
  }
  // Southern markers drawn last, so overlapping ones stack the way the eye reads a map.
  markers.sort((a, b) => a.y - b.y || a.x - b.x);
  return { markers, unplaced };
}
