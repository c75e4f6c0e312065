import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectStatusBadge } from "~/components/ProjectStatus";
import { listProjectsForHome } from "~/models/project.server";
import { stageLabel, stagePosition } from "~/models/workflow";
import { formatLocation } from "~/utils/places";

export const meta: MetaFunction = () => [{ title: "Proposed mines and where they stand · Lodestone" }];

export async function loader() {
  const projects = await listProjectsForHome();
  return {
    projects: projects.map((project) => ({
      ...project,
      stageLabel: stageLabel(project.reviewTrack, project.currentStage),
      stagePosition: stagePosition(project.reviewTrack, project.currentStage),
    })),
  };
}

export default function Home() {
  const { projects } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Proposed mines and where they stand in permitting</h1>
      <p className="muted">
        The public permitting record of proposed U.S. mines for critical minerals: each project&apos;s stage, who leads
        its review, and its history.
      </p>
      {projects.length === 0 ? (
        <p className="card">No projects are recorded yet. Companies add their projects after signing in.</p>
      ) : (
        <ul className="project-list" aria-label="Projects">
          {projects.map((project) => (
            <li key={project.slug} className="card project-card">
              <h2>
                <Link to={`/projects/${project.slug}`}>{project.name}</Link>
              </h2>
              <ProjectStatusBadge status={project.status} />
              <dl>
                <dt>Stage</dt>
                <dd>
                  {project.stageLabel}
                  {project.stagePosition.index > 0 ? (
                    <span className="muted">
                      {" "}
                      ({project.stagePosition.index} of {project.stagePosition.of}, {project.reviewTrack})
                    </span>
                  ) : null}
                </dd>
                <dt>Company</dt>
                <dd>{project.company.name}</dd>
                <dt>Location</dt>
                <dd>{formatLocation(project.county, project.state)}</dd>
                <dt>Minerals</dt>
                <dd>{project.commodities.join(", ")}</dd>
                <dt>Lead agency</dt>
                <dd>{project.leadAgency?.name ?? "Not yet assigned"}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
