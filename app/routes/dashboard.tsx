// The company's dashboard: what the agencies are waiting for from the company (open requests by
// due date, deficient packages with their deficiency items) and where its submissions stand.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { companyDashboard } from "~/models/dashboard.server";
import { PACKAGE_KIND_LABELS, PACKAGE_STATUS_LABELS } from "~/models/package.labels";

import { assertCan } from "~/policy/decide.server";
import { requireActor } from "~/services/actor.server";
import { formatCalendarDate, formatEventDay, todayUtc } from "~/utils/dates";
import { pluralize } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Company dashboard · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  assertCan(actor, "dashboard.company", null);
  return companyDashboard(actor.userId, todayUtc());
}

function DaysLeft({ days }: { days: number }) {
  if (days < 0) return <span className="status status--DENIED">{pluralize(-days, "day")} overdue</span>;
  if (days === 0) return <strong>Due today</strong>;
  return <>{pluralize(days, "day")} left</>;
}

export default function CompanyDashboard() {
  const { openRequests, deficientPackages, submittedPackages } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/projects">← Projects</Link>
      </p>
      <h1>Company dashboard</h1>
      <p className="muted">Dates are UTC calendar days, the same days the waiting counts use.</p>

      <section aria-labelledby="requests">
        <h2 id="requests">Open information requests</h2>
        {openRequests.length === 0 ? (
          <p>No agency is waiting for information from your company.</p>
        ) : (
          <CardTable>
            <caption className="visually-hidden">Open requests, soonest due first</caption>
            <CardHead>
              <ColumnHeader>Request</ColumnHeader>
              <ColumnHeader>Project</ColumnHeader>
              <ColumnHeader>Issued</ColumnHeader>
              <ColumnHeader>Due</ColumnHeader>
              <ColumnHeader>Time left</ColumnHeader>
            </CardHead>
            <CardBody>
              {openRequests.map((r) => (
                <CardRow key={r.id}>
                  <RowHeader>
                    <Link to={`/projects/${r.project.slug}/requests/${r.id}`}>{r.title}</Link>
                    {r.returned ? (
                      <>
                        <br />
                        <span className="muted">Your last answer was returned.</span>
                      </>
                    ) : null}
                  </RowHeader>
                  <Cell label="Project">{r.project.name}</Cell>
                  <Cell label="Issued">{formatEventDay(r.issuedAt, "UTC")}</Cell>
                  <Cell label="Due">{formatCalendarDate(r.dueDate)}</Cell>
                  <Cell label="Time left">
                    <DaysLeft days={r.daysLeft} />
                  </Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        )}
      </section>

      <section aria-labelledby="deficient">
        <h2 id="deficient">Deficient packages</h2>
        {deficientPackages.length === 0 ? (
          <p>None of your packages has been found deficient.</p>
        ) : (
          deficientPackages.map((p) => (
            <article key={p.id} className="card" aria-labelledby={`deficient-${p.id}`}>
              <h3 id={`deficient-${p.id}`}>
                <Link to={`/projects/${p.project.slug}/packages/${p.id}`}>{p.title}</Link>
              </h3>
              <p className="muted">
                {p.project.name} · {PACKAGE_KIND_LABELS[p.kind]} · version {p.versionNumber} found deficient{" "}
                {formatEventDay(p.waitingSince, "UTC")} ({pluralize(p.daysWaiting, "day")} ago)
              </p>
              {p.note ? <p>{p.note}</p> : null}
              {p.deficiencies.length > 0 ? (
                <ul>
                  {p.deficiencies.map((d) => (
                    <li key={d.id}>{d.text}</li>
                  ))}
                </ul>
              ) : (
                <p>The agency listed no separate deficiency items.</p>
              )}
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="submitted">
        <h2 id="submitted">Submitted packages</h2>
        {submittedPackages.length === 0 ? (
          <p>No package is submitted or complete yet.</p>
        ) : (
          <CardTable>
            <caption className="visually-hidden">Submitted and complete packages, oldest submission first</caption>
            <CardHead>
              <ColumnHeader>Package</ColumnHeader>
              <ColumnHeader>Project</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Submitted</ColumnHeader>
            </CardHead>
            <CardBody>
              {submittedPackages.map((p) => (
                <CardRow key={p.id}>
                  <RowHeader>
                    <Link to={`/projects/${p.project.slug}/packages/${p.id}`}>{p.title}</Link>
                    <br />
                    <span className="muted">
                      {PACKAGE_KIND_LABELS[p.kind]}, version {p.versionNumber}
                    </span>
                  </RowHeader>
                  <Cell label="Project">{p.project.name}</Cell>
                  <Cell label="Status">
                    {PACKAGE_STATUS_LABELS[p.status]}
                    {p.determinedAt ? <span className="muted"> ({formatEventDay(p.determinedAt, "UTC")})</span> : null}
                  </Cell>
                  <Cell label="Submitted">
                    {formatEventDay(p.submittedAt, "UTC")}
                    {p.status === "SUBMITTED" ? (
                      <>
                        <br />
                        <span className="muted">waiting {pluralize(p.daysWaiting, "day")}</span>
                      </>
                    ) : null}
                  </Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        )}
      </section>
    </div>
  );
}
