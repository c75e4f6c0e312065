// A project's record as it stood on a past day. Cited as /projects/<slug>?as_of=YYYY-MM-DD, which
// the project page sends here; see app/models/project-as-of.server.ts for what is rebuilt and how.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CiteBox } from "~/components/CiteBox";
import { ProjectStatusBadge, TrainingProjectBadge } from "~/components/ProjectStatus";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { projectCitation } from "~/models/citation.server";
import { CANNOT_RECONSTRUCT, projectAsOf } from "~/models/project-as-of.server";
import { formatSlip } from "~/models/schedule";
import {
  calendarDateMessage,
  formatCalendarDate,
  formatDeadline,
  formatEventWhen,
  parseCalendarDate,
  todayUtc,
} from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.project.name} as of ${data.view.asOf} · Lodestone` : "Past record · Lodestone" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const raw = params.date ?? "";
  const parsed = parseCalendarDate(raw);
  if (!parsed.ok) {
    throw new Response(
      calendarDateMessage(parsed.problem, raw, "Give the date as YYYY-MM-DD, e.g. ?as_of=2024-06-01."),
      {
        status: 400,
        statusText: "Bad Request",
      },
    );
  }
  const today = todayUtc();
  if (parsed.date.getTime() >= today.getTime()) {
    throw new Response("The record as of a date shows a past day; today's record is the project page itself.", {
      status: 400,
      statusText: "Bad Request",
    });
  }
  const view = await projectAsOf(params.slug ?? "", parsed.date);
  if (!view) throw notFound("There is no project at this address.");
  const now = new Date();
  return {
    view,
    cannot: CANNOT_RECONSTRUCT,
    cite: projectCitation({ ...view.project, lastChanged: null }, now, view.timeZone, view.asOf),
  };
}

export default function ProjectAsOfPage() {
  const { view, cannot, cite } = useLoaderData<typeof loader>();
  const { project } = view;
  const asOfWords = formatCalendarDate(view.asOf);
  return (
    <article className="stack">
      <div className="as-of-banner" role="note" aria-label="Past view">
        <p>
          <strong>This is the record as it stood at the end of {asOfWords}</strong> ({view.timeZone}), rebuilt from the
          history Lodestone keeps. It is not the current record.
        </p>
        <p>
          <Link to={`/projects/${project.slug}`}>See today’s record of {project.name}</Link>
        </p>
      </div>
      <header>
        <h1>
          {project.name} <span className="muted">as of {asOfWords}</span>
        </h1>
        {project.isTraining ? (
          <p>
            <TrainingProjectBadge /> This project is made up, for trying Lodestone.
          </p>
        ) : null}
        {view.stage ? (
          <p>
            <ProjectStatusBadge status={view.stage.status} /> <span className="muted">Schedule then:</span>{" "}
            <ScheduleStatusBadge status={view.schedule} /> <span>{view.stage.label}</span>{" "}
            <span className="muted">
              (since{" "}
              {view.stage.sincePrecision ? view.stage.since : formatEventWhen(view.stage.since, view.timeZone, null)}
              {view.stage.uncertain ? "; known only to that period, so it may not have happened yet on this day" : ""})
            </span>
          </p>
        ) : (
          <p>No stage had been recorded for this project by this day.</p>
        )}
      </header>
      <CiteBox citation={cite} label="this record as of this date" />

      <section aria-labelledby="milestones-then">
        <h2 id="milestones-then">Milestones then</h2>
        {view.milestones.length === 0 ? (
          <p>No milestones are recorded for this project.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                Milestones of {project.name} as of {asOfWords}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">Responsible</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Target then</th>
                  <th scope="col">Actual by then</th>
                  <th scope="col">Status then</th>
                  <th scope="col">Slip then</th>
                  <th scope="col">Target changes since</th>
                </tr>
              </thead>
              <tbody>
                {view.milestones.map((m) => {
                  const show = (d: string | null) => (d ? formatCalendarDate(d, m.precision) : "—");
                  const slip = formatSlip({
                    baselineDate: m.baselineDate ? new Date(m.baselineDate) : null,
                    targetDate: m.targetDate ? new Date(m.targetDate) : null,
                    actualDate: m.actualDate ? new Date(m.actualDate) : null,
                    datePrecision: m.precision,
                  });
                  return (
                    <tr key={m.id} id={`milestone-${m.id}`}>
                      <th scope="row">{m.name}</th>
                      <td>{m.responsible ?? "—"}</td>
                      <td>{show(m.baselineDate)}</td>
                      <td>{show(m.targetDate)}</td>
                      <td>{m.actualUncertain ? "Within this period; not known whether yet" : show(m.actualDate)}</td>
                      <td>
                        <ScheduleStatusBadge status={m.status} />
                      </td>
                      <td>{slip}</td>
                      <td>{m.laterChanges}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="periods-then">
        <h2 id="periods-then">Comment periods then</h2>
        {view.periods.length === 0 ? (
          <p>No comment period had opened by this day.</p>
        ) : (
          <ul>
            {view.periods.map((p) => (
              <li key={p.id}>
                <Link to={`/comment-periods/${p.id}`}>{p.title}</Link>: {p.state === "open" ? "open" : "closed"},
                deadline then {formatDeadline(p.closesAt, p.timeZone)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cannot">
        <h2 id="cannot">What this view cannot rebuild</h2>
        <ul>
          {cannot.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
