// Statutory NEPA deadlines across projects (42 U.S.C. 4336a(g)): public, filtered like /projects.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrainingProjectBadge } from "~/components/ProjectStatus";
import { ProjectFilterForm } from "~/components/SlipFilters";
import { ClockBadge } from "~/components/StatutoryClock";
import { projectFilterOptions } from "~/models/project-search.server";
import { clockView, STATUTORY_RULES } from "~/models/statutory-clock";
import { loadStatutoryClocks, projectFilterWhere } from "~/models/statutory-clock.server";
import { parseProjectQuery } from "~/schemas/public-pages.server";
import { formatCalendarDate, todayUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Statutory deadlines · Lodestone" },
  {
    name: "description",
    content: "NEPA deadlines under 42 U.S.C. 4336a(g) for every project: start, deadline, extensions, outcome.",
  },
];

const BASES = ["all", "statutory", "reference"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = { ...parseProjectQuery(params), schedule: undefined };
  const basisParam = params.get("basis");
  const basis = BASES.find((b) => b === basisParam) ?? "all";
  const today = todayUtc();
  const [clocks, options] = await Promise.all([
    loadStatutoryClocks(today, projectFilterWhere(query)),
    projectFilterOptions(),
  ]);
  const rows = clocks.map(({ project, clock }) => ({ project, view: clockView(clock, formatCalendarDate) }));
  const started = rows
    .filter((r) => r.view.state !== "not_started")
    .filter((r) => basis === "all" || (r.view.state !== "not_started" && r.view.basis === basis));
  const notStarted = rows.filter((r) => r.view.state === "not_started").map((r) => r.project);
  return { query, basis, started, notStarted, options };
}

const number = new Intl.NumberFormat("en-US");

export default function StatutoryDeadlinesPage() {
  const { query, basis, started, notStarted, options } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Statutory deadlines</h1>
      <p>
        Since the Fiscal Responsibility Act of 2023 (signed June 3, 2023), {STATUTORY_RULES.citation} requires an
        environmental impact statement within {STATUTORY_RULES.limitYears.EIS} years and an environmental assessment
        within {STATUTORY_RULES.limitYears.EA} year, counted from the sooner of the agency&rsquo;s determination that
        one is required, its notice that a right-of-way application is complete, and the notice of intent. The lead
        agency may extend a deadline in consultation with the applicant, by only as much time as needed. Reviews that
        began before June 3, 2023 are shown with the same arithmetic as a <strong>reference</strong>, not a legal
        deadline. A pause does not stop the clock.
      </p>
      <ProjectFilterForm filters={query} options={options} label="Filter statutory deadlines">
        <div className="field">
          <label htmlFor="filter-basis">Deadlines</label>
          <select id="filter-basis" name="basis" defaultValue={basis}>
            <option value="all">Legal deadlines and references</option>
            <option value="statutory">Legal deadlines only (began on or after June 3, 2023)</option>
            <option value="reference">References only (began before June 3, 2023)</option>
          </select>
        </div>
      </ProjectFilterForm>
      {started.length === 0 ? (
        <div className="card">
          <p>No project matching these filters has a clock start recorded.</p>
        </div>
      ) : (
        <CardTable>
          <caption className="visually-hidden">Statutory deadlines by project</caption>
          <CardHead>
            <ColumnHeader>Project</ColumnHeader>
            <ColumnHeader>Review</ColumnHeader>
            <ColumnHeader>Outcome</ColumnHeader>
            <ColumnHeader>Clock started</ColumnHeader>
            <ColumnHeader>Started by</ColumnHeader>
            <ColumnHeader>Deadline</ColumnHeader>
            <ColumnHeader>Days elapsed</ColumnHeader>
            <ColumnHeader>Days left</ColumnHeader>
            <ColumnHeader>Extensions</ColumnHeader>
            <ColumnHeader>Decision</ColumnHeader>
          </CardHead>
          <CardBody>
            {started.map(({ project, view }) =>
              view.state === "not_started" ? null : (
                <CardRow key={project.id}>
                  <RowHeader>
                    <Link to={`/projects/${project.slug}#statutory`}>{project.name}</Link>
                    {project.isTraining ? (
                      <>
                        {" "}
                        <TrainingProjectBadge />
                      </>
                    ) : null}
                  </RowHeader>
                  <Cell label="Review">
                    {project.reviewTrack} ({view.limit})
                  </Cell>
                  <Cell label="Outcome">
                    <ClockBadge view={view} />
                  </Cell>
                  <Cell label="Clock started">{view.start.date}</Cell>
                  <Cell label="Started by">{view.start.role}</Cell>
                  <Cell label="Deadline">{view.deadline}</Cell>
                  <Cell label="Days elapsed">
                    {view.approximate ? "about " : ""}
                    {number.format(view.elapsedDays)}
                  </Cell>
                  <Cell label="Days left">
                    {view.daysLeft === null
                      ? "—"
                      : view.daysLeft < 0
                        ? `passed ${number.format(-view.daysLeft)} days ago`
                        : number.format(view.daysLeft)}
                  </Cell>
                  <Cell label="Extensions">
                    {view.extensions.length
                      ? view.extensions.map((x) => `to ${x.newDeadline}: ${x.reason}`).join("; ")
                      : "none"}
                  </Cell>
                  <Cell label="Decision">
                    {view.decision ? `${view.decision.date} (${view.decision.name})` : "none yet"}
                  </Cell>
                </CardRow>
              ),
            )}
          </CardBody>
        </CardTable>
      )}
      {notStarted.length > 0 ? (
        <section aria-labelledby="not-started">
          <h2 id="not-started">No clock start recorded ({notStarted.length})</h2>
          <p>
            These projects&rsquo; records hold no notice of intent, determination or application-complete notice with an
            actual date yet.
          </p>
          <ul>
            {notStarted.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.slug}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
