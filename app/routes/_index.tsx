import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectMap } from "~/components/ProjectMap";
import { ProjectStatusBadge, TrainingProjectBadge } from "~/components/ProjectStatus";
import { SubscribeLinks } from "~/components/SubscribeLinks";
import { listOpenPeriods } from "~/models/comments/comment-period.server";
import { formatDeadline } from "~/models/comments/comment-window";
import { metaTranslate } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listProjectsForHome } from "~/models/project.server";
import { stagePosition } from "~/models/workflow";
import { countyKind } from "~/utils/places";
import { loadProjectMap } from "~/services/map/project-map.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslate(matches)("home.title") }];

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
      closesAt: period.closesAt,
      timeZone: period.timeZone,
      publishedCommentCount: period.publishedCommentCount,
    })),
    projects: projects.map((project) => ({
      ...project,
      stagePosition: stagePosition(project.reviewTrack, project.currentStage),
    })),
  };
}

export default function Home() {
  const { projects, openPeriods, map } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p className="muted">{t("home.intro")}</p>
      <SubscribeLinks
        subject={t("home.subscribeSubject")}
        links={{ feed: "/feed.atom", calendar: "/projects/calendar.ics", data: "/open-data" }}
        followHref={null}
      />
      <ProjectMap
        {...map}
        title={t("home.mapTitle")}
        listNote={
          projects.length < map.markers.length + map.unplaced.length ? t("home.mapListSome") : t("home.mapListAll")
        }
      />
      {openPeriods.length > 0 ? (
        <section aria-labelledby="open-periods">
          <h2 id="open-periods">{t("home.openPeriods")}</h2>
          <ul className="stack">
            {openPeriods.map((period) => (
              <li key={period.id} className="card">
                <Link to={`/comment-periods/${period.id}`}>{period.title}</Link>{" "}
                {period.project.isTraining ? <TrainingProjectBadge /> : null}
                <br />
                <span className="muted">
                  {t("home.periodLine", {
                    project: period.project.name,
                    closes: formatDeadline(period.closesAt, period.timeZone, t.intl),
                    count: period.publishedCommentCount,
                  })}
                </span>
                <br />
                <Link to={`/comment-periods/${period.id}/comment`}>{t("home.commentOnThis")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {projects.length === 0 ? (
        <p className="card">{t("home.noProjects")}</p>
      ) : (
        <ul className="project-list" aria-label={t("home.projectsLabel")}>
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
                <dt>{t("home.stage")}</dt>
                <dd>
                  {t("common.stage", { stage: project.currentStage })}
                  {project.stagePosition.index > 0 ? (
                    <span className="muted">
                      {" "}
                      {t("home.stagePosition", {
                        index: project.stagePosition.index,
                        of: project.stagePosition.of,
                        track: project.reviewTrack,
                      })}
                    </span>
                  ) : null}
                </dd>
                <dt>{t("home.company")}</dt>
                <dd>{project.company.name}</dd>
                <dt>{t("home.location")}</dt>
                <dd>
                  {t("common.location", {
                    county: project.county,
                    state: project.state,
                    kind: countyKind(project.county),
                  })}
                </dd>
                <dt>{t("home.minerals")}</dt>
                <dd>{project.commodities.join(t("common.listSeparator"))}</dd>
                <dt>{t("home.leadAgency")}</dt>
                <dd>{project.leadAgency?.name ?? t("home.noLeadAgency")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
