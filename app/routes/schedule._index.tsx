// Schedule slips across projects: public. Every milestone whose target moved or passed with no
// actual date, filtered like /projects, sortable, with the same list as CSV.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { TrainingProjectBadge } from "~/components/ProjectStatus";
import { ProjectFilterForm } from "~/components/SlipFilters";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { projectFilterOptions } from "~/models/project-search.server";
import { formatSlip } from "~/models/schedule";
import { listSlips, RESPONSIBILITY_LABELS, responsibilityOf } from "~/models/slips.server";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import { parseSlipQuery } from "~/schemas/public-pages.server";
import { SLIP_KIND_LABELS, SLIP_KINDS, SLIP_SORT_LABELS, SLIP_SORTS, slipQueryToSearch } from "~/utils/slip-query";
import { formatCalendarDate, todayUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Schedule slips · Lodestone" },
  { name: "description", content: "Every milestone whose target moved or passed with no action, across projects." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseSlipQuery(new URL(request.url).searchParams);
  const today = todayUtc();
  const [result, options] = await Promise.all([listSlips(query, today), projectFilterOptions()]);
  const anonymous = !request.headers.has("Cookie");
  return data(
    {
      query,
      today: today.toISOString(),
      options,
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      rows: result.rows.map((r) => ({
        ...r,
        baselineDate: r.baselineDate?.toISOString() ?? null,
        targetDate: r.targetDate?.toISOString() ?? null,
        actualDate: r.actualDate?.toISOString() ?? null,
        slip: formatSlip({
          baselineDate: r.baselineDate,
          targetDate: r.targetDate,
          actualDate: r.actualDate,
          datePrecision: r.datePrecision,
        }),
        reasonLabels: r.reasons.map((reason) => DATE_CHANGE_REASON_LABELS[reason]),
        responsibility: RESPONSIBILITY_LABELS[responsibilityOf(r.reasons)],
      })),
    },
    { headers: { "Cache-Control": anonymous ? "public, max-age=30" : "private, no-cache", Vary: "Cookie" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "private, no-cache",
  Vary: "Cookie",
});

const number = new Intl.NumberFormat("en-US");

const SLIP_COLUMNS = [
  "Milestone",
  "Responsible",
  "Baseline",
  "Target",
  "Actual",
  "Slip from baseline",
  "Moves",
  "Reasons given",
  "Delay attributed to",
  "Overdue",
] as const;

export default function SchedulePage() {
  const { query, rows, total, page, pageCount, options } = useLoaderData<typeof loader>();
  const f = query.projects;
  return (
    <div className="stack">
      <h1>Schedule slips</h1>
      <p>
        Every milestone whose target date moved, or whose target passed with no actual date recorded, across all
        projects. A target known only to the month or the year is overdue only once that whole month or year has passed.
        Slips are counted from the milestone&rsquo;s baseline. See also the{" "}
        <Link to="/schedule/statutory">statutory NEPA deadlines</Link> and the{" "}
        <Link to="/agencies">agency track records</Link>.
      </p>
      <ProjectFilterForm filters={f} options={options} label="Filter schedule slips">
        <div className="field">
          <label htmlFor="filter-kind">Show</label>
          <select id="filter-kind" name="kind" defaultValue={query.kind}>
            {SLIP_KINDS.map((k) => (
              <option key={k} value={k}>
                {SLIP_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={query.sort}>
            {SLIP_SORTS.map((s) => (
              <option key={s} value={s}>
                {SLIP_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {query.baselineYear !== undefined ? (
          <input type="hidden" name="baselineYear" value={query.baselineYear} />
        ) : null}
        <div className="field">
          <label htmlFor="filter-dir">Order</label>
          <select id="filter-dir" name="dir" defaultValue={query.dir}>
            <option value="desc">Largest or latest first</option>
            <option value="asc">Smallest or earliest first</option>
          </select>
        </div>
        <div className="checkbox full-row">
          <input
            type="checkbox"
            id="filter-training"
            name="include_training"
            value="true"
            defaultChecked={query.includeTraining}
          />{" "}
          <label htmlFor="filter-training">Include the fictional training project</label>
        </div>
      </ProjectFilterForm>

      {query.baselineYear !== undefined ? (
        <p className="card">
          Only milestones whose baseline falls in {query.baselineYear}.{" "}
          <Link to={slipQueryToSearch({ ...query, baselineYear: undefined, page: 1 })}>Every baseline year</Link>
        </p>
      ) : null}
      <p>
        <strong>{number.format(total)}</strong> milestone{total === 1 ? "" : "s"}
        {query.includeTraining
          ? ", the fictional training project included"
          : ", the fictional training project left out"}
        .{" "}
        <a href={`/schedule.csv${slipQueryToSearch({ ...query, page: 1 })}`} download>
          Download these as CSV
        </a>{" "}
        <span className="muted">
          (all pages
          {query.includeTraining ? ", the fictional training project marked as such" : ""})
        </span>
      </p>

      {rows.length === 0 ? (
        <div className="card">
          <p>No milestone matches: nothing moved or passed its target among the projects chosen.</p>
        </div>
      ) : (
        <CardTable className="slips">
          <caption className="visually-hidden">
            Schedule slips, page {page} of {pageCount}
          </caption>
          <CardHead>
            <ColumnHeader>Project</ColumnHeader>
            {SLIP_COLUMNS.map((c) => (
              <ColumnHeader key={c}>{c}</ColumnHeader>
            ))}
          </CardHead>
          <CardBody>
            {rows.map((r) => (
              <CardRow key={r.milestoneId}>
                <RowHeader>
                  <Link to={`/projects/${r.projectSlug}`}>{r.projectName}</Link>
                  {r.isTraining ? (
                    <>
                      {" "}
                      <TrainingProjectBadge />
                    </>
                  ) : null}
                  {r.projectStatus !== "IN_PROGRESS" ? (
                    <span className="muted"> ({PROJECT_STATUS_LABELS[r.projectStatus]})</span>
                  ) : null}
                </RowHeader>
                <Cell label="Milestone">
                  <Link to={`/projects/${r.projectSlug}#timeline`}>{r.milestoneName}</Link>
                </Cell>
                <Cell label="Responsible">{r.responsible ?? r.leadAgencyName ?? "—"}</Cell>
                <Cell label="Baseline">
                  {r.baselineDate ? formatCalendarDate(r.baselineDate, r.datePrecision) : "—"}
                </Cell>
                <Cell label="Target">{r.targetDate ? formatCalendarDate(r.targetDate, r.datePrecision) : "—"}</Cell>
                <Cell label="Actual">{r.actualDate ? formatCalendarDate(r.actualDate, r.datePrecision) : "—"}</Cell>
                <Cell label="Slip from baseline">{r.slip}</Cell>
                <Cell label="Moves">{r.moves}</Cell>
                <Cell label="Reasons given">{r.reasonLabels.length ? r.reasonLabels.join("; ") : "—"}</Cell>
                <Cell label="Delay attributed to">{r.moves > 0 ? r.responsibility : "—"}</Cell>
                <Cell label="Overdue">{r.overdueDays !== null ? `${number.format(r.overdueDays)} days` : "—"}</Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages of schedule slips">
          <ul className="pager">
            <li>
              {page > 1 ? (
                <Link to={slipQueryToSearch(query, { page: page - 1 })} rel="prev">
                  Previous<span className="visually-hidden"> page</span>
                </Link>
              ) : (
                <span className="muted">Previous</span>
              )}
            </li>
            <li>
              Page {page} of {pageCount}
            </li>
            <li>
              {page < pageCount ? (
                <Link to={slipQueryToSearch(query, { page: page + 1 })} rel="next">
                  Next<span className="visually-hidden"> page</span>
                </Link>
              ) : (
                <span className="muted">Next</span>
              )}
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
