// The public moderation log of a comment period: every hide, restore, publish and automatic hide,
// with when and why. The hidden text is never shown; the receipt number says which comment it was.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicModerationLog } from "~/models/comments/comment-moderation.server";
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { ZoneNote } from "~/components/ZoneNote";
import { MODERATION_KIND_LABELS } from "~/models/comments/comment.labels";
import { formatEventTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Moderation log: ${data?.period.title ?? "comment period"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const log = await publicModerationLog(period.id, page);
  return { period: { id: period.id, title: period.title, timeZone: period.timeZone }, project: period.project, log };
}

export default function ModerationLog() {
  const { period, project, log } = useLoaderData<typeof loader>();
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {period.title}</Link>
      </p>
      <h1>Moderation log: comments on {project.name}</h1>
      <p className="muted">
        Every moderation decision on this period&apos;s comments, newest first. The text of a hidden comment is not
        shown here; the agency keeps it on the record.
      </p>
      <ZoneNote timeZone={period.timeZone} />
      {log.entries.length === 0 ? (
        <p className="card">No comment on this period has been hidden, restored or reviewed.</p>
      ) : (
        <CardTable>
          <CardHead>
            <ColumnHeader>When</ColumnHeader>
            <ColumnHeader>What</ColumnHeader>
            <ColumnHeader>Comment</ColumnHeader>
            <ColumnHeader>Why</ColumnHeader>
          </CardHead>
          <CardBody>
            {log.entries.map((entry) => (
              <CardRow key={entry.id}>
                <RowHeader>{formatEventTime(entry.createdAt, period.timeZone)}</RowHeader>
                <Cell label="What">{MODERATION_KIND_LABELS[entry.kind]}</Cell>
                <Cell label="Comment">
                  {entry.kind === "RESTORE" || entry.kind === "PUBLISH" ? (
                    <Link to={`${base}/comments#${entry.receiptNumber}`}>{entry.receiptNumber}</Link>
                  ) : (
                    entry.receiptNumber
                  )}
                </Cell>
                <Cell label="Why">{entry.reason || "—"}</Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      {log.pageCount > 1 ? (
        <nav aria-label="Pages of the log">
          {log.page > 1 ? <Link to={`?page=${log.page - 1}`}>← Newer</Link> : null}{" "}
          <span>
            Page {log.page} of {log.pageCount}
          </span>{" "}
          {log.page < log.pageCount ? <Link to={`?page=${log.page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
