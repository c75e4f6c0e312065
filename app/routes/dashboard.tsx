// The company's dashboard: what the agencies are waiting for from the company (open requests by
// due date, deficient packages with their deficiency items) and where its submissions stand.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { companyDashboard } from "~/models/dashboard.server";
import { PACKAGE_KIND_LABELS, PACKAGE_STATUS_LABELS } from "~/models/package-labels";

import { assertCan } from "~/policy";
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
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Open requests, soonest due first</caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Project</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Due</th>
                  <th scope="col">Time left</th>
                </tr>
              </thead>
              <tbody>
                {openRequests.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/projects/${r.project.slug}/requests/${r.id}`}>{r.title}</Link>
                      {r.returned ? (
                        <>
                          <br />
                          <span className="muted">Your last answer was returned.</span>
                        </>
                      ) : null}
                    </td>
                    <td>{r.project.name}</td>
                    <td>{formatEventDay(r.issuedAt, "UTC")}</td>
                    <td>{formatCalendarDate(r.dueDate)}</td>
                    <td>
                      <DaysLeft days={r.daysLeft} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Submitted and complete packages, oldest submission first</caption>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {submittedPackages.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/projects/${p.project.slug}/packages/${p.id}`}>{p.title}</Link>
                      <br />
                      <span className="muted">
                        {PACKAGE_KIND_LABELS[p.kind]}, version {p.versionNumber}
                      </span>
                    </td>
                    <td>{p.project.name}</td>
                    <td>
                      {PACKAGE_STATUS_LABELS[p.status]}
                      {p.determinedAt ? (
                        <span className="muted"> ({formatEventDay(p.determinedAt, "UTC")})</span>
                      ) : null}
                    </td>
                    <td>
                      {formatEventDay(p.submittedAt, "UTC")}
                      {p.status === "SUBMITTED" ? (
                        <>
                          <br />
                          <span className="muted">waiting {pluralize(p.daysWaiting, "day")}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
