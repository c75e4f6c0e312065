import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectMap } from "~/components/ProjectMap";
import { ProjectStatusBadge, TrainingProjectBadge } from "~/components/ProjectStatus";
import { SubscribeLinks } from "~/components/SubscribeLinks";
import { listOpenPeriods } from "~/models/comment-period.server";
import { formatDeadline } from "~/models/comment-window";
import { listProjectsForHome } from "~/models/project.server";
import { stageLabel, stagePosition } from "~/models/workflow";
import { formatLocation } from "~/utils/places";
import { loadProjectMap } from "~/services/map/project-map.server";

export const meta: MetaFunction = () => [{ title: "Proposed mines and where they stand · Lodestone" }];

export async function loader() {
  const [projects, openPeriods, map] = await Promise.all([
    listProjectsForHome(),
    listOpenPeriods(new Date()),
    loadProjectMap({ allProjects: true, includeTraining: true }),
  ]);
  return {
    map,
    openPeriods: openPeriods.map((period) => ({
      id: period.id,
      title: period.title,
      project: period.project,
      closes: formatDeadline(period.closesAt, period.timeZone),
      publishedCommentCount: period.publishedCommentCount,
    })),
    projects: projects.map((project) => ({
      ...project,
      stageLabel: stageLabel(project.reviewTrack, project.currentStage),
      stagePosition: stagePosition(project.reviewTrack, project.currentStage),
    })),
  };
}

export default function Home() {
  const { projects, openPeriods, map } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Proposed mines and where they stand in permitting</h1>
      <p className="muted">
        The public permitting record of proposed U.S. mines for critical minerals: each project&apos;s stage, who leads
        its review, and its history.
      </p>
      <SubscribeLinks
        subject="the whole record"
        links={{ feed: "/feed.atom", calendar: "/projects/calendar.ics", data: "/open-data" }}
        followHref={null}
      />
      <ProjectMap
        {...map}
        title="Map of the proposed mines in the record"
        listNote={
          projects.length < map.markers.length + map.unplaced.length
            ? "The list below and the project search list them as text."
            : "The list below has the same projects as text."
        }
      />
      {openPeriods.length > 0 ? (
        <section aria-labelledby="open-periods">
          <h2 id="open-periods">Open for public comment now</h2>
          <ul className="stack">
            {openPeriods.map((period) => (
              <li key={period.id} className="card">
                <Link to={`/comment-periods/${period.id}`}>{period.title}</Link>{" "}
                {period.project.isTraining ? <TrainingProjectBadge /> : null}
                <br />
                <span className="muted">
                  {period.project.name} · closes {period.closes} · {period.publishedCommentCount} published comments
                </span>
                <br />
                <Link to={`/comment-periods/${period.id}/comment`}>Comment on this</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
              {project.isTraining ? (
                <>
                  {" "}
                  <TrainingProjectBadge />
                </>
              ) : null}
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
