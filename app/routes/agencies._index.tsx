// Agency track records: public. Per lead agency (or per state, per commodity), with the numbers
// in a table; every figure links to the projects behind it; small samples say so.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CiteBox } from "~/components/CiteBox";
import { SlipFigure } from "~/components/DeskCharts";
import { TrackRecordTable } from "~/components/TrackRecordTable";
import { MIN_CASES_FOR_SUMMARY } from "~/models/agency-stats";
import { loadTrackRecordsWithOverall } from "~/models/agency-stats.server";
import { chartCitation } from "~/models/citation.server";
import { parseGroupBy, TRACK_RECORD_GROUPS as GROUPS } from "~/schemas/agencies";
import { todayUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Agency track records · Lodestone" },
  {
    name: "description",
    content: "How long each lead agency's reviews take, how often targets hold, and who holds the file.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const by = parseGroupBy(new URL(request.url).searchParams);
  const today = todayUtc();
  // "summary": the table shows counts, and the cases only where there are too few for a median.
  const { records, overall } = await loadTrackRecordsWithOverall(today, by, undefined, { detail: "summary" });
  const slipCitation = chartCitation(
    { title: "Mean slip from baseline by baseline year, every lead agency", path: "/agencies#slips", agency: null },
    new Date(),
  );
  // The page draws only the overall slips chart: its other figures stay out of the page's data.
  return { by, records, overallSlips: overall?.slipByYear ?? [], slipCitation };
}

export default function AgenciesPage() {
  const { by, records, overallSlips, slipCitation } = useLoaderData<typeof loader>();
  const filter = by === "agency" ? "leadAgency" : by;
  return (
    <div className="stack">
      <h1>Agency track records</h1>
      <p>
        For each lead agency, state or mineral: how many reviews Lodestone records, how long they took from the notice
        of intent and from the application to the decision, how often milestones were met on the first target they were
        given, the average slip from baseline, which reviews passed their{" "}
        <Link to="/schedule/statutory">statutory deadline</Link>, and the review clock&rsquo;s days with the agency and
        with the applicant. With fewer than {MIN_CASES_FOR_SUMMARY} cases no median is given: the cases are listed. The
        fictional training project is left out. Durations use each date at the first day of its month or year where the
        record gives no day.
      </p>
      <Form method="get" className="card" aria-label="Group the track records">
        <div className="field">
          <label htmlFor="by">Group by</label>
          <select id="by" name="by" defaultValue={by}>
            <option value="agency">Lead agency</option>
            <option value="state">State</option>
            <option value="commodity">Mineral</option>
          </select>
        </div>
        <p>
          <button type="submit">Show</button>
        </p>
      </Form>
      {records.length === 0 ? (
        <div className="card">
          <p>No reviews are recorded yet.</p>
        </div>
      ) : (
        <TrackRecordTable
          records={records}
          caption={`Track records ${GROUPS[by].heading.toLowerCase()}`}
          groupLabel={GROUPS[by].label}
          groupLink={(key) => (by === "agency" ? `/agencies/${key}` : null)}
          projectsLink={(key) => `/projects?${filter}=${encodeURIComponent(key)}`}
          slipsLink={(key) => `/schedule?kind=moved&${filter}=${encodeURIComponent(key)}`}
        />
      )}
      <p>
        <a href={`/agencies.csv${by === "agency" ? "" : `?by=${by}`}`} download>
          Download this table as CSV
        </a>{" "}
        <span className="muted">
          (one row per {GROUPS[by].label.toLowerCase()}, with the projects behind each figure)
        </span>
      </p>
      <section aria-labelledby="slips">
        <h2 id="slips">Slips over time</h2>
        {overallSlips.length === 0 ? (
          <p>No milestone has a baseline to measure a slip from yet.</p>
        ) : (
          <>
            <p className="muted">
              For every milestone with a baseline date, across all lead agencies: the mean number of days between the
              baseline and the current target (or the actual date), by the year of the baseline. Positive is late. Each
              count links to the milestones behind it.
            </p>
            <SlipFigure
              id="slips-chart"
              title="Mean slip from baseline, by baseline year"
              points={overallSlips}
              scheduleSearch=""
            />
            <CiteBox
              citation={slipCitation}
              label="the slips chart"
              noAgency="Every lead agency (figures computed by Lodestone)"
            />
          </>
        )}
      </section>
    </div>
  );
}
