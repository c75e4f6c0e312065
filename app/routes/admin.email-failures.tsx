// Administrators: emails the provider refused for good (invalid address and the like), so someone
// can correct an address or tell the person.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listFailedDeliveries, summarizeDelayedDeliveries } from "~/models/notifications/notification.server";
import { assertCan } from "~/policy/decide.server";
import { requireActor } from "~/services/actor.server";
import { formatEventTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Undeliverable emails · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  assertCan(actor, "notification.viewDeliveryFailures", null);
  const [failures, delayed] = await Promise.all([listFailedDeliveries(), summarizeDelayedDeliveries()]);
  return {
    delayed: { ...delayed, oldest: delayed.oldest?.toISOString() ?? null },
    failures: failures.map((f) => ({
      id: f.id,
      toEmail: f.toEmail,
      person: f.user ? { name: f.user.name, email: f.user.email } : null,
      template: f.template,
      lastError: f.lastError,
      attempts: f.attempts,
      failedAt: (f.failedAt ?? f.createdAt).toISOString(),
    })),
  };
}

export default function EmailFailures() {
  const { failures, delayed } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Undeliverable emails</h1>
      {delayed.count > 0 ? (
        <div className="card" role="status">
          <h2>Delayed emails</h2>
          <p>
            {delayed.count} email{delayed.count === 1 ? " has" : "s have"} been waiting more than an hour
            {delayed.oldest ? (
              <>
                {" "}
                (the oldest since <time dateTime={delayed.oldest}>{formatEventTime(delayed.oldest, "UTC")}</time>)
              </>
            ) : null}
            . They are retried automatically; a long delay usually means the email provider is failing or the API key is
            wrong.
          </p>
          {delayed.lastError ? <p>Last error: {delayed.lastError}</p> : null}
        </div>
      ) : null}
      <p>Emails the provider refused for good, newest first. They are not retried.</p>
      {failures.length === 0 ? (
        <p className="card">No undeliverable emails.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Undeliverable emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Person</th>
                <th scope="col">Email</th>
                <th scope="col">Error</th>
                <th scope="col">Attempts</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((f) => (
                <tr key={f.id}>
                  <td>{f.toEmail}</td>
                  <td>
                    {f.person ? (
                      <>
                        {f.person.name}
                        {f.person.email !== f.toEmail ? <span className="muted"> ({f.person.email})</span> : null}
                      </>
                    ) : (
                      <span className="muted">No account (public subscription)</span>
                    )}
                  </td>
                  <td>
                    <code>{f.template}</code>
                  </td>
                  <td>{f.lastError ?? "—"}</td>
                  <td>{f.attempts}</td>
                  <td>
                    <time dateTime={f.failedAt}>{formatEventTime(f.failedAt, "UTC")}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
