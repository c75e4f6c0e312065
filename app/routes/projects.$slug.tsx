import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProjectStatusBadge } from "~/components/ProjectStatus";
import { getProjectBySlug } from "~/models/project.server";
import { REVIEW_TRACKS, stageLabel, stagePosition } from "~/models/workflow";
import { notFound } from "~/utils/http.server";
import { formatLocation } from "~/utils/places";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.name} · Lodestone` : "Project not found · Lodestone" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const project = await getProjectBySlug(params.slug ?? "");
  if (!project) throw notFound("There is no project at this address.");
  return {
    project: {
      ...project,
      latitude: project.latitude?.toString() ?? null,
      longitude: project.longitude?.toString() ?? null,
      stageLabel: stageLabel(project.reviewTrack, project.currentStage),
      stagePosition: stagePosition(project.reviewTrack, project.currentStage),
      trackLabel: REVIEW_TRACKS[project.reviewTrack].label,
      stageTransitions: project.stageTransitions.map((t) => ({
        ...t,
        fromLabel: t.fromStage ? stageLabel(project.reviewTrack, t.fromStage) : null,
        toLabel: stageLabel(project.reviewTrack, t.toStage),
      })),
    },
  };
}

export default function ProjectPage() {
  const { project } = useLoaderData<typeof loader>();
  return (
    <article className="stack">
      <header>
        <h1>{project.name}</h1>
        <ProjectStatusBadge status={project.status} />{" "}
        <span>
          {project.stageLabel} ({project.stagePosition.index} of {project.stagePosition.of})
        </span>
      </header>
      <p>{project.description}</p>
      <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <dl className="facts">
          <dt>Company</dt>
          <dd>{project.company.name}</dd>
          <dt>Location</dt>
          <dd>
            {formatLocation(project.county, project.state)}
            {project.latitude && project.longitude ? ` (${project.latitude}, ${project.longitude})` : ""}
          </dd>
          <dt>Minerals</dt>
          <dd>{project.commodities.join(", ")}</dd>
          <dt>Land</dt>
          <dd>{project.landStatus}</dd>
          <dt>Review</dt>
          <dd>{project.trackLabel}</dd>
          {project.federalCategory ? (
            <>
              <dt>Federal category</dt>
              <dd>{project.federalCategory}</dd>
            </>
          ) : null}
          {project.website ? (
            <>
              <dt>Website</dt>
              <dd>
                <a href={project.website} rel="noopener noreferrer">
                  {project.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="agencies">
        <h2 id="agencies">Agencies</h2>
        <dl className="facts">
          <dt>Lead agency</dt>
          <dd>{project.leadAgency?.name ?? "Not yet assigned"}</dd>
          <dt>Cooperating agencies</dt>
          <dd>
            {project.cooperatingAgencies.length
              ? project.cooperatingAgencies.map((c) => c.agency.name).join("; ")
              : "None recorded"}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">Stage history</h2>
        {project.stageTransitions.length === 0 ? (
          <p>No stage changes are recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Stage changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Change</th>
                  <th scope="col">Reason</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {project.stageTransitions.map((t) => (
                  <tr key={t.id}>
                    <td>{formatDate(t.occurredAt)}</td>
                    <td>
                      {t.fromLabel ? `${t.fromLabel} → ` : ""}
                      {t.toLabel}
                    </td>
                    <td>{t.reason}</td>
                    <td>{t.actor?.name ?? "Public record"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
