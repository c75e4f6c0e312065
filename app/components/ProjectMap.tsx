// A map of projects, drawn on the server as SVG: the outline of the United States
// (/map/us-states.svg) with one marker per project, coloured and shaped by its status (the shape
// and the legend say what the colour says, for people who cannot tell the colours apart). Each
// marker is a link named after its project and status; the page's list of projects is the text
// alternative, and the caption says so. No script, no inline styles (the CSP allows neither).
import type { ProjectStatus } from "@prisma/client";
import { useId } from "react";
import { useT } from "~/i18n/react";
import { MAP_HEIGHT, MAP_WIDTH } from "~/utils/us-map";

export type ProjectMapMarker = { slug: string; name: string; status: ProjectStatus; x: number; y: number };
export type ProjectMapProps = {
  markers: ProjectMapMarker[];
  unplaced: { slug: string; name: string }[];
  /** The map's name, e.g. "Map of the projects matching this search". */
  title: string;
  /** Where the same projects are listed as text. */
  listNote: string;
};

const STATUS_ORDER: ProjectStatus[] = ["IN_PROGRESS", "PAUSED", "APPROVED", "DENIED", "WITHDRAWN"];

/** The marker's shape for a status, centred on the origin. */
export function MarkerShape({ status }: { status: ProjectStatus }) {
  const className = `map-marker__shape map-marker__shape--${status}`;
  switch (status) {
    case "IN_PROGRESS":
      return <circle className={className} r="6" />;
    case "PAUSED":
      return <rect className={className} x="-5.5" y="-5.5" width="11" height="11" />;
    case "APPROVED":
      return <polygon className={className} points="0,-7.5 6.5,5 -6.5,5" />;
    case "DENIED":
      return <polygon className={className} points="-6,-4 -4,-6 0,-2 4,-6 6,-4 2,0 6,4 4,6 0,2 -4,6 -6,4 -2,0" />;
    case "WITHDRAWN":
      return <polygon className={className} points="0,-7 7,0 0,7 -7,0" />;
  }
}

export function ProjectMap({ markers, unplaced, title, listNote }: ProjectMapProps) {
  const titleId = useId();
  const t = useT();
  const statusLabel = (status: ProjectStatus) => t("common.projectStatus", { status });
  const counts = new Map<ProjectStatus, number>();
  for (const m of markers) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const shown = STATUS_ORDER.filter((s) => counts.has(s));
  const total = markers.length + unplaced.length;
  return (
    <figure className="project-map" aria-labelledby={`${titleId}-caption`}>
      <svg
        className="project-map__svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        <image href="/map/us-states.svg" x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} aria-hidden="true" />
        {markers.map((m) => (
          <a
            key={m.slug}
            href={`/projects/${m.slug}`}
            className="map-marker"
            aria-label={t("common.mapMarker", { name: m.name, status: statusLabel(m.status) })}
          >
            <title>{t("common.mapMarkerTitle", { name: m.name, status: statusLabel(m.status) })}</title>
            <g transform={`translate(${m.x} ${m.y})`}>
              <MarkerShape status={m.status} />
            </g>
          </a>
        ))}
      </svg>
      <figcaption id={`${titleId}-caption`} className="project-map__caption">
        <span className="visually-hidden">{title}. </span>
        {markers.length === 0 ? t("common.mapEmpty") : t("common.mapCount", { shown: markers.length, total })}{" "}
        {listNote}
        {shown.length > 0 ? (
          <ul className="map-legend" aria-label={t("common.mapLegend")}>
            {shown.map((status) => (
              <li key={status}>
                <svg className="map-legend__key" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
                  <MarkerShape status={status} />
                </svg>
                {t("common.mapLegendItem", { status: statusLabel(status), count: counts.get(status) ?? 0 })}
              </li>
            ))}
          </ul>
        ) : null}
        {unplaced.length > 0 ? (
          <span className="project-map__unplaced">
            {t("common.mapUnplaced")}{" "}
            {unplaced.slice(0, 10).map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? t("common.listSeparator") : ""}
                <a href={`/projects/${p.slug}`}>{p.name}</a>
              </span>
            ))}
            {unplaced.length > 10 ? t("common.mapUnplacedMore", { count: unplaced.length - 10 }) : ""}.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
