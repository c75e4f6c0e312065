// One lead agency's track record: the figures, two charts (review durations, slips over time) with
// their numbers in tables beside them, and links to every project behind each figure.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { CiteBox } from "~/components/CiteBox";
import { DurationChart, SlipFigure } from "~/components/DeskCharts";
import { TrackRecordTable } from "~/components/TrackRecordTable";
import { formatDays } from "~/models/agency-stats";
import { loadTrackRecords } from "~/models/agency-stats.server";
import { chartCitation } from "~/models/citation.server";
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
  const now = new Date();
  const cite = (anchor: string, title: string) =>
    chartCitation(
      { title: `${record.label}: ${title}`, path: `/agencies/${slug}#${anchor}`, agency: record.label },
      now,
    );
  return {
    record,
    citations: {
      noi: cite("noi-chart", "days from notice of intent to decision"),
      app: cite("app-chart", "days from application to decision"),
      slips: cite("slips", "mean slip from baseline by baseline year"),
    },
  };
}

function DurationTable({
  caption,
  items,
}: {
  caption: string;
  items: { slug: string; name: string; days: number; approximate: boolean }[];
}) {
  return (
    <CardTable>
      <caption>{caption}</caption>
      <CardHead>
        <ColumnHeader>Project</ColumnHeader>
        <ColumnHeader>Days</ColumnHeader>
      </CardHead>
      <CardBody>
        {items.map((d) => (
          <CardRow key={d.slug}>
            <RowHeader>
              <Link to={`/projects/${d.slug}`}>{d.name}</Link>
            </RowHeader>
            <Cell label="Days">
              {d.approximate ? "about " : ""}
              {formatDays(d.days)}
            </Cell>
          </CardRow>
        ))}
      </CardBody>
    </CardTable>
  );
}

export default function AgencyPage() {
  const { record, citations } = useLoaderData<typeof loader>();
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
        slipsLink={(key) => `/schedule?kind=moved&leadAgency=${encodeURIComponent(key)}`}
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
              <div id="noi-chart" className="stack">
                <div className="desk-figure">
                  <DurationChart
                    id="noi-chart"
                    title="Days from notice of intent to decision"
                    items={record.noiToDecision.items}
                  />
                  <DurationTable caption="Notice of intent to decision" items={record.noiToDecision.items} />
                </div>
                <CiteBox citation={citations.noi} label="the chart of notice of intent to decision" />
              </div>
            ) : null}
            {record.applicationToDecision.items.length ? (
              <div id="app-chart" className="stack">
                <div className="desk-figure">
                  <DurationChart
                    id="app-chart"
                    title="Days from application to decision"
                    items={record.applicationToDecision.items}
                  />
                  <DurationTable caption="Application to decision" items={record.applicationToDecision.items} />
                </div>
                <CiteBox citation={citations.app} label="the chart of application to decision" />
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
          <>
            <SlipFigure
              id="slip-chart"
              title="Mean slip from baseline, by baseline year"
              points={record.slipByYear}
              scheduleSearch={`leadAgency=${encodeURIComponent(record.key)}`}
            />
            <CiteBox citation={citations.slips} label="the slips chart" />
          </>
        )}
      </section>
      <section aria-labelledby="projects">
        <h2 id="projects">Reviews led by {record.label}</h2>
        <ul>
          {(record.projects ?? []).map((p) => (
            <li key={p.slug}>
              <Link to={`/projects/${p.slug}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
