// One lead agency's track record: the figures, two charts (review durations, slips over time) with
// their numbers in tables beside them, and links to every project behind each figure.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DurationChart, SlipChart } from "~/components/DeskCharts";
import { TrackRecordTable } from "~/components/TrackRecordTable";
import { formatDays } from "~/models/agency-stats";
import { loadTrackRecords } from "~/models/agency-stats.server";
import { todayUtc } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.record.label}: track record · Lodestone` : "Agency not found · Lodestone" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw notFound("There is no lead agency at this address.");
  const [record] = await loadTrackRecords(todayUtc(), "agency", slug);
  if (!record) throw notFound("No review led by this agency is recorded (or there is no such agency).");
  return { record };
}

function DurationTable({
  caption,
  items,
}: {
  caption: string;
  items: { slug: string; name: string; days: number; approximate: boolean }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Days</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.slug}>
            <td>
              <Link to={`/projects/${d.slug}`}>{d.name}</Link>
            </td>
            <td>
              {d.approximate ? "about " : ""}
              {formatDays(d.days)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function AgencyPage() {
  const { record } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/agencies">All agency track records</Link>
      </p>
      <h1>{record.label}: track record</h1>
      <TrackRecordTable
        records={[record]}
        caption="Summary"
        groupLabel="Lead agency"
        groupLink={() => null}
        projectsLink={(key) => `/projects?leadAgency=${encodeURIComponent(key)}`}
      />
      <section aria-labelledby="durations">
        <h2 id="durations">How long reviews took</h2>
        {record.noiToDecision.items.length === 0 && record.applicationToDecision.items.length === 0 ? (
          <p>No review led by this agency has both a start and a decision recorded.</p>
        ) : (
          <>
            <p className="muted">
              One dot per review; a hollow dot is a review whose dates are known only to the month or year.
            </p>
            {record.noiToDecision.items.length ? (
              <div className="desk-figure">
                <DurationChart
                  id="noi-chart"
                  title="Days from notice of intent to decision"
                  items={record.noiToDecision.items}
                />
                <DurationTable caption="Notice of intent to decision" items={record.noiToDecision.items} />
              </div>
            ) : null}
            {record.applicationToDecision.items.length ? (
              <div className="desk-figure">
                <DurationChart
                  id="app-chart"
                  title="Days from application to decision"
                  items={record.applicationToDecision.items}
                />
                <DurationTable caption="Application to decision" items={record.applicationToDecision.items} />
              </div>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="slips">
        <h2 id="slips">Slips over time</h2>
        {record.slipByYear.length === 0 ? (
          <p>No milestone of these reviews has a baseline to measure a slip from.</p>
        ) : (
          <div className="desk-figure">
            <SlipChart id="slip-chart" title="Mean slip from baseline, by baseline year" points={record.slipByYear} />
            <table>
              <caption>Mean slip by baseline year</caption>
              <thead>
                <tr>
                  <th scope="col">Baseline year</th>
                  <th scope="col">Mean slip (days)</th>
                  <th scope="col">Milestones</th>
                </tr>
              </thead>
              <tbody>
                {record.slipByYear.map((p) => (
                  <tr key={p.year}>
                    <td>{p.year}</td>
                    <td>{formatDays(p.mean)}</td>
                    <td>
                      <Link to={`/schedule?kind=moved&leadAgency=${encodeURIComponent(record.key)}`}>{p.n}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="projects">
        <h2 id="projects">Reviews led by {record.label}</h2>
        <ul>
          {record.projects.map((p) => (
            <li key={p.slug}>
              <Link to={`/projects/${p.slug}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
