import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { redirect } from "@remix-run/node";
import { CiteBox } from "~/components/CiteBox";
import { ProjectRecordTools } from "~/components/ProjectRecordTools";
import { milestoneCitation, projectCitation } from "~/models/citation.server";
import { ExternalLink, SourceLink } from "~/components/ExternalLink";
import { FollowPanel } from "~/components/FollowPanel";
import { MilestoneTimeline } from "~/components/MilestoneTimeline";
import { ProjectStatusBadge, TrainingProjectBadge } from "~/components/ProjectStatus";
import { VerifiableRecordNote } from "~/components/VerifiableRecordNote";
import { StageHistory } from "~/components/StageHistory";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { SubscribeLinks, feedAlternate } from "~/components/SubscribeLinks";
import { PublicRequests } from "~/components/PublicRequests";
import { ReviewClock, ReviewClockTable } from "~/components/ReviewClock";
import { StatutoryClock } from "~/components/StatutoryClock";
import { loadProjectClockView } from "~/models/statutory-clock.server";
import { getClockAndRequestsForProjectPage } from "~/models/information-requests/information-request.server";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { listDateChanges, listMilestones, listPauses } from "~/models/milestone.server";
import { getProjectBySlug, projectResource } from "~/models/project.server";
import { milestoneStatus, projectScheduleStatus, summarizeSchedule } from "~/models/schedule";
import { REVIEW_TRACKS, stageLabel, stagePosition } from "~/models/workflow";
import { can } from "~/policy/decide.server";
import { getOptionalActor } from "~/services/actor.server";
import { loadFollowPanel } from "~/utils/follow-panel.server";
import { notFound } from "~/utils/http.server";
import { formatLocation } from "~/utils/places";
import { formatCalendarDate, formatEventDay, formatEventTime, projectTimeZone, todayUtc } from "~/utils/dates";
import timelineStyles from "~/styles/timeline.css";
import { LAND_STATUS_LABELS } from "~/models/project.labels";
import { projectRecordLinks } from "~/utils/open-record-links";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.name} · Lodestone` : "Project not found · Lodestone" },
  ...(data
    ? [
        {
          name: "description",
          content: `${data.project.name}: ${data.project.stageLabel}. ${data.project.description.slice(0, 150)}`,
        },
        feedAlternate(projectRecordLinks(data.project.slug).feed, `${data.project.name} (Atom feed)`),
      ]
    : []),
];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The record as of a past date (?as_of=YYYY-MM-DD) is its own page (projects.$slug.as-of.$date).
  const asOf = new URL(request.url).searchParams.get("as_of");
  if (asOf !== null) throw redirect(`/projects/${params.slug}/as-of/${encodeURIComponent(asOf.trim())}`);
  const project = await getProjectBySlug(params.slug ?? "");
  if (!project) throw notFound("There is no project at this address.");
  const [actor, milestones, dateChanges, pauses, requestRecord] = await Promise.all([
    getOptionalActor(request),
    listMilestones(project.id),
    listDateChanges(project.id),
    listPauses(project.id),
    getClockAndRequestsForProjectPage(project.id, new Date()),
  ]);
  const today = todayUtc();
  const paused = project.status === "PAUSED";
  const resource = projectResource(project);
  const follow = await loadFollowPanel(actor, project, resource);
  const now = new Date();
  const lastChanged = [project.stageTransitions[0]?.occurredAt, dateChanges[0]?.changedAt]
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    cite: {
      project: projectCitation({ ...project, lastChanged: lastChanged ?? null }, now, projectTimeZone(project)),
      milestones: milestones.map((m) =>
        milestoneCitation(
          project,
          {
            id: m.id,
            name: m.name,
            responsible: m.agency?.name ?? m.authority ?? null,
            targetDate: iso(m.targetDate),
            actualDate: iso(m.actualDate),
            datePrecision: m.datePrecision,
          },
          now,
        ),
      ),
    },
    today: today.toISOString(),
    timeZone: projectTimeZone(project),
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
    schedule: {
      status: projectScheduleStatus(milestones, { today, projectStatus: project.status }),
      summary: summarizeSchedule(milestones, { today, projectStatus: project.status }),
    },
    milestones: milestones.map((m) => ({
      id: m.id,
      name: m.name,
      jurisdiction: m.jurisdiction,
      responsible: m.agency?.name ?? m.authority ?? null,
      baselineDate: iso(m.baselineDate),
      targetDate: iso(m.targetDate),
      actualDate: iso(m.actualDate),
      datePrecision: m.datePrecision,
      status: milestoneStatus(m, { today, projectPaused: paused }),
      note: m.note,
      sourceUrl: m.sourceUrl,
    })),
    dateChanges: dateChanges.map((c) => ({
      id: c.id,
      milestone: c.milestone.name,
      previous: c.previousDate ? formatCalendarDate(c.previousDate, c.milestone.datePrecision) : "none",
      next: c.newDate ? formatCalendarDate(c.newDate, c.milestone.datePrecision) : "none",
      reason: DATE_CHANGE_REASON_LABELS[c.reason],
      narrative: c.narrative,
      sourceUrl: c.sourceUrl,
      changedAt: c.changedAt.toISOString(),
      by: c.changedBy?.name ?? null,
    })),
    pauses: pauses.map((p) => ({
      id: p.id,
      reason: DATE_CHANGE_REASON_LABELS[p.reason],
      summary: p.summary,
      startedAt: p.startedAt.toISOString(),
      liftedAt: iso(p.liftedAt),
      expectedLiftDate: iso(p.expectedLiftDate),
    })),
    requestRecord,
    statutory: await loadProjectClockView(project.id, today),
    manageStatutory: can(actor, "project.manageStatutoryClock", resource),
    follow,
    can: {
      readConfidential: can(actor, "project.readConfidential", resource),
      edit: can(actor, "project.edit", resource),
      editRegulatory: can(actor, "project.editRegulatory", resource),
      changeStage: can(actor, "project.advanceStage", resource) || can(actor, "project.withdraw", resource),
      changeSchedule: can(actor, "milestone.changeDate", resource),
    },
  };
}

export default function ProjectPage() {
  const { project, milestones, dateChanges, pauses, schedule, today, can: allowed } = useLoaderData<typeof loader>();
  const { requestRecord, follow, timeZone, cite, statutory, manageStatutory } = useLoaderData<typeof loader>();
  const { readConfidential, ...actions } = allowed;
  const anyAction = Object.values(actions).some(Boolean);
  return (
    <article className="stack">
      <header>
        <h1>{project.name}</h1>
        {project.isTraining ? (
          <p>
            <TrainingProjectBadge /> This project is made up, for trying Lodestone: nothing here happened. Every other
            project on Lodestone is real, with its record taken from public sources.
          </p>
        ) : null}
        <p>
          <ProjectStatusBadge status={project.status} /> <span className="muted">Schedule:</span>{" "}
          <ScheduleStatusBadge status={schedule.status} />{" "}
          <span>
            {project.stageLabel}
            {project.stagePosition.index > 0
              ? ` (stage ${project.stagePosition.index} of ${project.stagePosition.of})`
              : ""}
          </span>
        </p>
        <VerifiableRecordNote />
      </header>
      <SubscribeLinks
        subject={project.name}
        links={projectRecordLinks(project.slug)}
        followHref={follow.kind === "none" ? `/projects/${project.slug}/subscribe` : "#follow-title"}
      />
      <FollowPanel slug={project.slug} data={follow} />
      <ProjectRecordTools slug={project.slug} today={today} />
      <CiteBox citation={cite.project} label="this project" />
      {anyAction ? (
        <nav aria-label="Manage this project" className="card">
          <ul className="action-list">
            {allowed.changeStage ? (
              <li>
                <Link to="stage">Change stage</Link>
              </li>
            ) : null}
            {allowed.changeSchedule ? (
              <li>
                <Link to="milestones">Manage schedule</Link>
              </li>
            ) : null}
            {allowed.editRegulatory ? (
              <li>
                <Link to="regulatory">Edit agencies and review track</Link>
              </li>
            ) : null}
            {allowed.edit ? (
              <li>
                <Link to="edit">Edit project details</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <p>{project.description}</p>

      <nav aria-label="Project record" className="record-nav">
        <ul className="action-list">
          <li>
            <Link to="comment-periods">Public comment periods</Link>
          </li>
          <li>
            <Link to="packages">Permit packages</Link>
          </li>
          <li>
            <Link to="reviews">Environmental reviews</Link>
          </li>
          <li>
            <Link to="conditions">Conditions of approval</Link>
          </li>
          <li>
            <Link to="requests">Information requests</Link>
          </li>
        </ul>
      </nav>

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
          <dd>{LAND_STATUS_LABELS[project.landStatus]}</dd>
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
                <ExternalLink href={project.website}>{project.website}</ExternalLink>
              </dd>
            </>
          ) : null}
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

      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {milestones.length === 0 ? (
          <p>No milestones are recorded for this project yet.</p>
        ) : (
          <>
            <p>
              {schedule.summary.complete} of {schedule.summary.total} milestones complete.
            </p>
            <MilestoneTimeline milestones={milestones} today={today} title={`Milestones of ${project.name}`} />
            <details className="cite-list">
              <summary>Cite a milestone</summary>
              {cite.milestones.map((citation, index) => (
                <CiteBox key={citation.url} citation={citation} label={milestones[index].name} />
              ))}
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="clock">
        <h2 id="clock">Review clock</h2>
        <ReviewClock {...requestRecord.clock} timeZone={timeZone} label={`Review clock of ${project.name}`} />
        <ReviewClockTable reviews={requestRecord.reviews} />
      </section>

      {statutory ? (
        <section aria-labelledby="statutory">
          <h2 id="statutory">Statutory deadline</h2>
          <StatutoryClock view={statutory} projectName={project.name} />
          {manageStatutory ? <Link to="statutory">Record the clock&rsquo;s events and extensions</Link> : null}
        </section>
      ) : null}

      <section aria-labelledby="rfi">
        <h2 id="rfi">Information requests</h2>
        <PublicRequests
          requests={requestRecord.requests}
          timeZone={timeZone}
          detailsPath={readConfidential ? `/projects/${project.slug}/requests` : undefined}
        />
      </section>

      {pauses.length > 0 ? (
        <section aria-labelledby="pauses">
          <h2 id="pauses">Pauses</h2>
          <ul>
            {pauses.map((p) => (
              <li key={p.id}>
                {formatEventDay(p.startedAt, timeZone)} –{" "}
                {p.liftedAt ? formatEventDay(p.liftedAt, timeZone) : "still paused"}: {p.reason}. {p.summary}
                {!p.liftedAt && p.expectedLiftDate
                  ? ` Expected to lift ${formatCalendarDate(p.expectedLiftDate)}.`
                  : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="changes">
        <h2 id="changes">Schedule changes</h2>
        {dateChanges.length === 0 ? (
          <p>No target date has been changed.</p>
        ) : (
          <CardTable>
            <caption className="visually-hidden">Target date changes, newest first</caption>
            <CardHead>
              <ColumnHeader>Milestone</ColumnHeader>
              <ColumnHeader>Recorded</ColumnHeader>
              <ColumnHeader>From</ColumnHeader>
              <ColumnHeader>To</ColumnHeader>
              <ColumnHeader>Reason</ColumnHeader>
              <ColumnHeader>Explanation</ColumnHeader>
              <ColumnHeader>Source</ColumnHeader>
            </CardHead>
            <CardBody>
              {dateChanges.map((c) => (
                <CardRow key={c.id}>
                  <RowHeader>{c.milestone}</RowHeader>
                  <Cell label="Recorded">{formatEventTime(c.changedAt, timeZone)}</Cell>
                  <Cell label="From">{c.previous}</Cell>
                  <Cell label="To">{c.next}</Cell>
                  <Cell label="Reason">{c.reason}</Cell>
                  <Cell label="Explanation">
                    {c.narrative}
                    {c.by ? <span className="muted"> ({c.by})</span> : null}
                  </Cell>
                  <Cell label="Source">
                    <SourceLink url={c.sourceUrl} label={`Source for the change to ${c.milestone}`} />
                  </Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        )}
      </section>

      <StageHistory transitions={project.stageTransitions} timeZone={timeZone} />
    </article>
  );
}

/** The public page behind a row of the record, as the milestone table links it. */
