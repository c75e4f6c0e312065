// Agency track records: public. Per lead agency (or per state, per commodity), with the numbers
// in a table; every figure links to the projects behind it; small samples say so.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TrackRecordTable } from "~/components/TrackRecordTable";
import { MIN_CASES_FOR_SUMMARY } from "~/models/agency-stats";
import { loadTrackRecords, type GroupBy } from "~/models/agency-stats.server";
import { todayUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Agency track records · Lodestone" },
  {
    name: "description",
    content: "How long each lead agency's reviews take, how often targets hold, and who holds the file.",
  },
];

const GROUPS: Record<GroupBy, { label: string; heading: string }> = {
  agency: { label: "Lead agency", heading: "By lead agency" },
  state: { label: "State", heading: "By state" },
  commodity: { label: "Mineral", heading: "By mineral" },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const param = new URL(request.url).searchParams.get("by");
  const by: GroupBy = param === "state" || param === "commodity" ? param : "agency";
  return { by, records: await loadTrackRecords(todayUtc(), by) };
}

export default function AgenciesPage() {
  const { by, records } = useLoaderData<typeof loader>();
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
        />
      )}
    </div>
  );
}
