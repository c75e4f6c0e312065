// The United States as an SVG, drawn on the server: state outlines from us-atlas (Census Bureau
// cartographic boundaries, 1:10m) projected with d3-geo's Albers USA (Alaska and Hawaii as insets),
// and the point on that map of any latitude and longitude. No tiles, no network, no script: the
// outline is one cacheable file (/map/us-states.svg) and each page draws only its markers over it.
import { createRequire } from "node:module";
import { geoAlbersUsa, geoPath } from "d3-geo";
import type { FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MAP_HEIGHT, MAP_WIDTH } from "~/utils/us-map";

// The scale and centre us-atlas's own pre-projected files use for this size.
const projection = geoAlbersUsa()
  .scale(1300)
  .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);

/** Where a place falls on the map, or null outside the fifty states (Albers USA covers no territories). */
export function projectPoint(latitude: number, longitude: number): { x: number; y: number } | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  const point = projection([longitude, latitude]);
  if (!point) return null;
  return { x: Math.round(point[0] * 10) / 10, y: Math.round(point[1] * 10) / 10 };
}

type StatesTopology = Topology<{ states: GeometryCollection; nation: GeometryCollection }>;

let cachedSvg: string | undefined;

/** The outline map as a standalone SVG document (computed once per process). */
export function usStatesSvg(): string {
  if (cachedSvg) return cachedSvg;
  // Read with require: the JSON file stays outside the server bundle, and Node's ESM loader would
  // need an import attribute for it.
  const topology = createRequire(import.meta.url)("us-atlas/states-10m.json") as StatesTopology;
  const path = geoPath(projection).digits(1);
  const land = feature(topology, topology.objects.nation) as FeatureCollection;
  const borders = mesh(topology, topology.objects.states, (a, b) => a !== b) as MultiLineString;
  cachedSvg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">`,
    `<title>Outline of the United States and its states</title>`,
    `<path d="${path(land) ?? ""}" fill="#eef1ee" stroke="#8a948c" stroke-width="1"/>`,
    `<path d="${path(borders) ?? ""}" fill="none" stroke="#aab3ac" stroke-width="0.6" stroke-linejoin="round"/>`,
    `</svg>`,
  ].join("\n");
  return cachedSvg;
}
