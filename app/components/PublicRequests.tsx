// The public list of a project's information requests: that each exists, its dates and status.
// The rows come from publicRequestList, which never reads the items or the answers.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { InformationRequestStatus } from "@prisma/client";
import { Link } from "@remix-run/react";
import { REQUEST_STATUS_LABELS } from "~/models/information-requests/information-request.labels";
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
    <CardTable>
      <caption>{caption}</caption>
      <CardHead>
        <ColumnHeader>Request</ColumnHeader>
        <ColumnHeader>Issued</ColumnHeader>
        <ColumnHeader>Due</ColumnHeader>
        <ColumnHeader>Status</ColumnHeader>
        <ColumnHeader>Answers</ColumnHeader>
      </CardHead>
      <CardBody>
        {requests.map((r) => (
          <CardRow key={r.id}>
            <RowHeader>
              {detailsPath ? <Link to={`${detailsPath}/${r.id}`}>{r.title}</Link> : r.title}
              <span className="cards__subtitle">{r.publicSummary}</span>
            </RowHeader>
            <Cell label="Issued">{formatEventDay(r.issuedAt, timeZone)}</Cell>
            <Cell label="Due">
              {formatCalendarDate(r.dueDate)}
              {r.overdue ? (
                <>
                  {" "}
                  <span className="status status--DENIED">Overdue</span>
                </>
              ) : null}
            </Cell>
            <Cell label="Status">
              {REQUEST_STATUS_LABELS[r.status]}
              {r.closedAt ? <span className="muted"> ({formatEventDay(r.closedAt, timeZone)})</span> : null}
            </Cell>
            <Cell label="Answers">{r.answerCount}</Cell>
          </CardRow>
        ))}
      </CardBody>
    </CardTable>
  );
}
