// The regulator's queue: what waits on this person or their agency, oldest first, with the days
// it has waited. Reviews assigned to them, answers awaiting a decision on projects their agency
// leads or cooperates on, and packages awaiting the lead agency's completeness check.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { regulatorQueue } from "~/models/dashboard.server";
import { PACKAGE_KIND_LABELS } from "~/models/package.labels";

import { REVIEW_STATUS_LABELS } from "~/models/review.labels";
import { assertCan } from "~/policy/decide.server";
import { requireActor } from "~/services/actor.server";
import { formatCalendarDate, formatEventDay, todayUtc } from "~/utils/dates";
import { pluralize } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Review queue · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  assertCan(actor, "dashboard.regulator", null);
  return regulatorQueue(actor.userId, todayUtc());
}

function Waiting({ days, since }: { days: number; since: string }) {
  return (
    <>
      <strong>{pluralize(days, "day")}</strong>
      <br />
      <span className="muted">since {formatEventDay(since, "UTC")}</span>
    </>
  );
}

export default function Queue() {
  const { reviews, requests, packages } = useLoaderData<typeof loader>();
  const empty = reviews.length + requests.length + packages.length === 0;
  return (
    <div className="stack">
      <p>
        <Link to="/projects">← Projects</Link>
      </p>
      <h1>Review queue</h1>
      <p className="muted">
        Oldest first: the work that has waited longest is at the top of each list. Dates are UTC calendar days, the same
        days the waiting counts use.
      </p>
      {empty ? <p className="card">Nothing is waiting on you or your agency.</p> : null}

      <section aria-labelledby="reviews">
        <h2 id="reviews">My reviews</h2>
        {reviews.length === 0 ? (
          <p>No open reviews are assigned to you.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Reviews assigned to me, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Review</th>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                  <th scope="col">Open for</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/projects/${r.project.slug}/reviews`}>{r.title}</Link>
                      <br />
                      <span className="muted">{r.agencyName}</span>
                    </td>
                    <td>{r.project.name}</td>
                    <td>{REVIEW_STATUS_LABELS[r.status]}</td>
                    <td>
                      <Waiting days={r.daysWaiting} since={r.waitingSince} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="answers">
        <h2 id="answers">Answers awaiting a decision</h2>
        {requests.length === 0 ? (
          <p>No company answer is waiting for your agency&apos;s decision.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Answered information requests, oldest answer first</caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Project</th>
                  <th scope="col">Was due</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/projects/${r.project.slug}/requests/${r.id}`}>{r.title}</Link>
                    </td>
                    <td>{r.project.name}</td>
                    <td>{formatCalendarDate(r.dueDate)}</td>
                    <td>
                      <Waiting days={r.daysWaiting} since={r.waitingSince} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="packages">
        <h2 id="packages">Packages to check for completeness</h2>
        {packages.length === 0 ? (
          <p>No submitted package is waiting for your agency&apos;s completeness check.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Submitted packages, oldest submission first</caption>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Project</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {packages.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/projects/${p.project.slug}/packages/${p.id}`}>{p.title}</Link>
                      <br />
                      <span className="muted">version {p.versionNumber}</span>
                    </td>
                    <td>{p.project.name}</td>
                    <td>{PACKAGE_KIND_LABELS[p.kind]}</td>
                    <td>
                      <Waiting days={p.daysWaiting} since={p.waitingSince} />
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
