import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { ProjectMap } from "~/components/ProjectMap";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { ProjectStatusBadge, TrainingProjectBadge } from "~/components/ProjectStatus";
import { SubscribeLinks, feedAlternate } from "~/components/SubscribeLinks";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { matchingProjectIds, projectFilterOptions, searchProjects } from "~/models/project-search.server";
import { SCHEDULE_STATUS_LABELS } from "~/models/schedule";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import {
  DEFAULT_DIRECTION,
  DEFAULT_PAGE_SIZE,
  PROJECT_STATUSES,
  SCHEDULE_FILTERS,
  activeFilters,
  filterFormSearch,
  hasFilters,
  type FilterField,
  projectQueryToSearch,
  type ProjectQuery,
  type ProjectSort,
} from "~/utils/project-query";
import { parseProjectQuery } from "~/schemas/public-pages.server";
import { formatLocation } from "~/utils/places";
import { todayUtc } from "~/utils/dates";
import { searchRecordLinks } from "~/utils/open-record-links";
import { loadProjectMap } from "~/services/map/project-map.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const page = data && data.result.page > 1 ? ` (page ${data.result.page})` : "";
  return [
    { title: `Projects${page} · Lodestone` },
    {
      name: "description",
      content: "Search the proposed U.S. mines in permitting by state, mineral, stage and schedule.",
    },
    ...(data ? [feedAlternate(searchRecordLinks(data.query).feed, "Projects in this search (Atom feed)")] : []),
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseProjectQuery(new URL(request.url).searchParams);
  const today = todayUtc();
  const [result, options, map] = await Promise.all([
    searchProjects(query, today),
    projectFilterOptions(),
    // Every match, not only this page: the map shows the whole search.
    matchingProjectIds(query, today, { includeTraining: true }).then((projectIds) => loadProjectMap({ projectIds })),
  ]);
  // Anyone without cookies sees the same page, so shared caches may keep it briefly; with a
  // cookie the header shows who is signed in (and a flash message may be consumed).
  const anonymous = !request.headers.has("Cookie");
  return data(
    { query, result, options, map },
    { headers: { "Cache-Control": anonymous ? "public, max-age=30" : "private, no-cache", Vary: "Cookie" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "private, no-cache",
  Vary: "Cookie",
});

const SORT_LABELS: Record<ProjectSort, string> = {
  name: "Name",
  updated: "Last updated",
  stage: "Stage in permitting",
  schedule: "Schedule",
};
const ORDER_LABELS: Record<ProjectSort, Record<"asc" | "desc", string>> = {
  name: { asc: "A to Z", desc: "Z to A" },
  updated: { asc: "oldest update first", desc: "newest update first" },
  stage: { asc: "earliest stage first", desc: "furthest along first" },
  schedule: { asc: "on track first", desc: "furthest behind first" },
};

const number = new Intl.NumberFormat("en-US");

type Option = { value: string; label: string };
type Fields = Record<
  "q" | "state" | "commodity" | "stage" | "status" | "leadAgency" | "schedule" | "sort" | "dir",
  string
>;
type SelectName = Exclude<keyof Fields, "q">;

function FilterSelect({
  name,
  label,
  options,
  value,
  linked,
  onChange,
}: {
  name: SelectName;
  label: string;
  options: Option[];
  value: string;
  /** The value the address asked for. */
  linked: string;
  onChange: (name: SelectName, value: string) => void;
}) {
  // A shared link may name a value no project has any more: show it, so the form says what the
  // list is filtered by and the person can change it.
  const known = linked === "" || options.some((option) => option.value === linked);
  const all = known ? options : [...options, { value: linked, label: `${linked} (no projects)` }];
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={value} onChange={(event) => onChange(name, event.target.value)}>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Page numbers to link: the first, the last, and two either side of the current one. */
function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 2) pages.push(p);
    else if (pages.at(-1) !== "gap") pages.push("gap");
  }
  return pages;
}

function Pagination({ query, page, pageCount }: { query: ProjectQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/projects${projectQueryToSearch(query, { page: p })}`;
  return (
    <nav aria-label="Pages of results">
      <ul className="pager">
        <li>
          {page > 1 ? (
            <Link to={href(page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </Link>
          ) : (
            <span className="muted">Previous</span>
          )}
        </li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link to={href(p)} aria-current={p === page ? "page" : undefined} aria-label={`Page ${p}`}>
                {p === page ? <strong>{p}</strong> : p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link to={href(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </Link>
          ) : (
            <span className="muted">Next</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

export default function ProjectList() {
  const { query, result, options, map } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const filtered = hasFilters(query);
  const linked: Fields = {
    q: query.q,
    state: query.state ?? "",
    commodity: query.commodity ?? "",
    stage: query.stage ?? "",
    status: query.status ?? "",
    leadAgency: query.leadAgency ?? "",
    schedule: query.schedule ?? "",
    sort: query.sort,
    dir: query.dir === DEFAULT_DIRECTION[query.sort] ? "" : query.dir,
  };
  // The fields follow the address: after a client-side navigation (Clear filters, Back) they show
  // what the new URL says. Set during render, not in an effect, so they never lag a frame behind.
  const linkedKey = JSON.stringify(linked);
  const [fields, setFields] = useState({ key: linkedKey, values: linked });
  if (fields.key !== linkedKey) setFields({ key: linkedKey, values: linked });
  const change = (name: keyof Fields, value: string) =>
    setFields((current) => ({ ...current, values: { ...current.values, [name]: value } }));
  const filterSelects: { name: SelectName; label: string; choices: Option[] }[] = [
    {
      name: "state",
      label: "State",
      choices: [{ value: "", label: "All states" }, ...options.states.map((s) => ({ value: s, label: s }))],
    },
    {
      name: "commodity",
      label: "Mineral",
      choices: [
        { value: "", label: "All minerals" },
        ...options.commodities.map((c) => ({ value: c, label: c.charAt(0).toUpperCase() + c.slice(1) })),
      ],
    },
    {
      name: "stage",
      label: "Stage",
      choices: [{ value: "", label: "All stages" }, ...options.stages.map((s) => ({ value: s.key, label: s.label }))],
    },
    {
      name: "status",
      label: "Project status",
      choices: [
        { value: "", label: "Any status" },
        ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] })),
      ],
    },
    {
      name: "schedule",
      label: "Schedule",
      choices: [
        { value: "", label: "Any schedule" },
        ...SCHEDULE_FILTERS.map((s) => ({ value: s, label: SCHEDULE_STATUS_LABELS[s] })),
      ],
    },
    {
      name: "leadAgency",
      label: "Lead agency",
      choices: [
        { value: "", label: "Any lead agency" },
        ...options.leadAgencies.map((a) => ({ value: a.slug, label: a.name })),
      ],
    },
    {
      name: "sort",
      label: "Sort by",
      choices: (Object.keys(SORT_LABELS) as ProjectSort[]).map((s) => ({ value: s, label: SORT_LABELS[s] })),
    },
    {
      name: "dir",
      label: "Order",
      choices: [
        { value: "", label: "Usual for the sort" },
        { value: "asc", label: "Ascending" },
        { value: "desc", label: "Descending" },
      ],
    },
  ];
  // The summary counts the filters the list is shown with (the address), not unsent changes.
  const active = activeFilters(query);
  const choiceLabel = (name: FilterField) => {
    const value = linked[name];
    const choice = filterSelects.find((select) => select.name === name)?.choices.find((c) => c.value === value);
    return choice?.label ?? value;
  };

  // With JavaScript, leave empty fields and defaults out of the address so shared links stay short.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.set(key, value);
    navigate(`/projects${filterFormSearch(params)}`);
  };

  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.projects.length - 1;
  const busy = navigation.state === "loading" && navigation.location.pathname === "/projects";

  return (
    <div className="stack">
      <h1>Projects</h1>
      <p className="muted">
        Every proposed mine in the record, with where it stands in permitting and whether its schedule is holding.
      </p>

      <Form method="get" action="/projects" onSubmit={onSubmit} role="search" aria-label="Search projects">
        <div className="field search-field">
          <label htmlFor="filter-q">Search</label>
          <p id="filter-q-hint" className="hint">
            Project name, company or mineral
          </p>
          <input
            id="filter-q"
            type="search"
            name="q"
            value={fields.values.q}
            onChange={(event) => change("q", event.target.value)}
            aria-describedby="filter-q-hint"
          />
        </div>
        {/* Folded on every screen: open, it would put eight selects before the first result on a
            phone, and the server cannot tell a phone from a desktop. The summary says what is on. */}
        <details className="filters">
          <summary>
            Filter and sort{" "}
            <span className="filters__active">
              {active.length === 0
                ? "(no filters on)"
                : `(${active.length} ${active.length === 1 ? "filter" : "filters"} on: ${active
                    .map((name) => choiceLabel(name))
                    .join(", ")})`}
            </span>
          </summary>
          <div className="filters__body">
            <div className="filter-grid">
              {filterSelects.map(({ name, label, choices }) => (
                <FilterSelect
                  key={name}
                  name={name}
                  label={label}
                  options={choices}
                  value={fields.values[name]}
                  linked={linked[name]}
                  onChange={change}
                />
              ))}
            </div>
          </div>
        </details>
        {query.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
        <p>
          <button type="submit">Show projects</button>
          {filtered ? (
            <>
              {" "}
              <Link to="/projects">Clear filters</Link>{" "}
              <Link to={`/watchlists/add?search=${encodeURIComponent(projectQueryToSearch(query))}`}>
                Save this search to a watchlist
              </Link>
            </>
          ) : null}
        </p>
      </Form>

      <SubscribeLinks subject="this search" links={searchRecordLinks(query)} followHref={null} />
      <p className="subscribe-links__hint">Email updates are per project: open one and choose “Follow by email”.</p>

      <section aria-labelledby="results-heading" aria-busy={busy || undefined}>
        <h2 id="results-heading" className="visually-hidden">
          Results
        </h2>
        <p role="status" aria-live="polite">
          {result.total === 0
            ? "No project matches."
            : `Showing ${number.format(first)}–${number.format(last)} of ${number.format(result.total)} ${
                result.total === 1 ? "project" : "projects"
              }, sorted by ${SORT_LABELS[query.sort].toLowerCase()}, ${ORDER_LABELS[query.sort][query.dir]}.`}
        </p>
        {result.projects.length === 0 ? (
          <div className="card">
            {filtered ? (
              <p>
                No project matches this search and these filters. <Link to="/projects">Clear filters</Link> to see every
                project.
              </p>
            ) : (
              <p>No projects are recorded yet. Companies add their projects after signing in.</p>
            )}
          </div>
        ) : (
          <CardTable className="project-table">
            <caption className="visually-hidden">Projects, page {result.page}</caption>
            <CardHead>
              <ColumnHeader>Project</ColumnHeader>
              <ColumnHeader>Company</ColumnHeader>
              <ColumnHeader>Location</ColumnHeader>
              <ColumnHeader>Minerals</ColumnHeader>
              <ColumnHeader>Stage</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Schedule</ColumnHeader>
              <ColumnHeader>Lead agency</ColumnHeader>
            </CardHead>
            <CardBody>
              {result.projects.map((project) => (
                <CardRow key={project.slug}>
                  <RowHeader>
                    <Link to={`/projects/${project.slug}`}>{project.name}</Link>
                  </RowHeader>
                  <Cell label="Company">{project.company.name}</Cell>
                  <Cell label="Location">{formatLocation(project.county, project.state)}</Cell>
                  <Cell label="Minerals">{project.commodities.join(", ")}</Cell>
                  <Cell label="Stage">
                    {project.stageLabel}
                    {project.stagePosition.index > 0 ? (
                      <span className="muted">
                        {" "}
                        ({project.stagePosition.index} of {project.stagePosition.of}, {project.reviewTrack})
                      </span>
                    ) : null}
                  </Cell>
                  <Cell label="Status">
                    <ProjectStatusBadge status={project.status} />
                    {project.isTraining ? (
                      <>
                        {" "}
                        <TrainingProjectBadge />
                      </>
                    ) : null}
                  </Cell>
                  <Cell label="Schedule">
                    {project.milestoneCount > 0 || project.schedule === "paused" ? (
                      <ScheduleStatusBadge status={project.schedule} />
                    ) : (
                      <span className="muted">No milestones recorded</span>
                    )}
                  </Cell>
                  <Cell label="Lead agency">{project.leadAgency?.name ?? "Not yet assigned"}</Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        )}
        <Pagination query={query} page={result.page} pageCount={result.pageCount} />
      </section>

      <ProjectMap
        {...map}
        title={filtered ? "Map of the projects in this search" : "Map of every project"}
        listNote="The table above lists the same projects as text."
      />
    </div>
  );
}
