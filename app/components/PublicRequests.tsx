// The public list of a project's information requests: that each exists, its dates and status.
// The rows come from publicRequestList, which never reads the items or the answers.
import type { InformationRequestStatus } from "@prisma/client";
import { Link } from "@remix-run/react";
import { REQUEST_STATUS_LABELS } from "~/models/request-labels";
import { formatCalendarDate, formatEventDay } from "~/utils/dates";

export type PublicRequestRow = {
  id: string;
  title: string;
  publicSummary: string;
  issuedAt: string;
  dueDate: string;
  closedAt: string | null;
  status: InformationRequestStatus;
  overdue: boolean;
  answerCount: number;
};

export function PublicRequests({
  requests,
  timeZone,
  detailsPath,
  caption = "Information requests, newest first",
}: {
  requests: PublicRequestRow[];
  /** The lead agency's zone: the day a request was issued or closed is its day there. */
  timeZone: string;
  /**
   * Where each request's confidential page lives (e.g. "/projects/thacker-pass/requests"), given
   * only when the loader's policy check says this person may read it.
   */
  detailsPath?: string;
  caption?: string;
}) {
  if (requests.length === 0) {
    return <p>No information requests have been sent to the company for this project.</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <td>
                {detailsPath ? <Link to={`${detailsPath}/${r.id}`}>{r.title}</Link> : <strong>{r.title}</strong>}
                <br />
                {r.publicSummary}
              </td>
              <td>{formatEventDay(r.issuedAt, timeZone)}</td>
              <td>
                {formatCalendarDate(r.dueDate)}
                {r.overdue ? (
                  <>
                    {" "}
                    <span className="status status--DENIED">Overdue</span>
                  </>
                ) : null}
              </td>
              <td>
                {REQUEST_STATUS_LABELS[r.status]}
                {r.closedAt ? <span className="muted"> ({formatEventDay(r.closedAt, timeZone)})</span> : null}
              </td>
              <td>{r.answerCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
