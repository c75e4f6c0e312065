// The monitoring board of a watchlist: one row per project, with what a monitor checks first. Used
// by the keepers' page and by the read-only shared page (which passes no remove action).
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { Form, Link } from "@remix-run/react";
import type { BoardChange, BoardRow } from "~/models/watchlist.server";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import { formatCalendarDate, formatDeadline, formatEventDay, formatEventWhen, DAY_MS } from "~/utils/dates";
import { ScheduleStatusBadge } from "./ScheduleStatus";
import { TrainingProjectBadge } from "./ProjectStatus";

function daysWords(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** "due in 12 days", "due today", "11 days overdue": to the end of the target's period. */
function deadlineWords(daysLeft: number): string {
  if (daysLeft === 0) return "due today";
  return daysLeft > 0 ? `due in ${daysWords(daysLeft)}` : `${daysWords(-daysLeft)} overdue`;
}

/** Time left in a comment period: whole days, or hours on the last day. */
export function timeLeftWords(msLeft: number): string {
  if (msLeft >= DAY_MS) return `${daysWords(Math.floor(msLeft / DAY_MS))} left`;
  const hours = Math.max(1, Math.floor(msLeft / 3600_000));
  return `${hours} hour${hours === 1 ? "" : "s"} left`;
}

function changeWords(change: BoardChange, timeZone: string): string {
  const when = formatEventWhen(change.at, timeZone, change.kind === "stage" ? change.precision : null);
  if (change.kind === "stage") return `${when}: moved to ${change.toLabel}`;
  const show = (date: string | null) => (date ? formatCalendarDate(date, change.precision) : "no date");
  return `${formatEventDay(change.at, timeZone)}: ${change.milestone} moved from ${show(change.previous)} to ${show(change.next)}`;
}

export function WatchlistBoard({
  rows,
  caption,
  removable,
}: {
  rows: BoardRow[];
  caption: string;
  /** The keepers' page: rows listed by hand get a "Remove" button. */
  removable?: boolean;
}) {
  return (
    <CardTable className="watchlist-board">
      <caption>{caption}</caption>
      <CardHead>
        <ColumnHeader>Project</ColumnHeader>
        <ColumnHeader>Stage and status</ColumnHeader>
        <ColumnHeader>Schedule</ColumnHeader>
        <ColumnHeader>Next deadline</ColumnHeader>
        <ColumnHeader>Last action</ColumnHeader>
        <ColumnHeader>Open comment periods</ColumnHeader>
        <ColumnHeader>Latest changes</ColumnHeader>
        <ColumnHeader>On this list because</ColumnHeader>
      </CardHead>
      <CardBody>
        {rows.map((row) => (
          <CardRow key={row.projectId} id={`project-${row.slug}`}>
            <RowHeader>
              <Link to={`/projects/${row.slug}`}>{row.name}</Link>
              {row.isTraining ? (
                <>
                  {" "}
                  <TrainingProjectBadge />
                </>
              ) : null}
              <div className="muted">
                {row.state}
                {row.leadAgency ? ` · ${row.leadAgency}` : " · no lead agency yet"}
              </div>
            </RowHeader>
            <Cell label="Stage and status">
              {row.stageLabel}
              <div className="muted">{PROJECT_STATUS_LABELS[row.status]}</div>
            </Cell>
            <Cell label="Schedule">
              {row.milestoneCount === 0 ? (
                <span className="muted">No milestones recorded</span>
              ) : (
                <ScheduleStatusBadge status={row.schedule} />
              )}
              {row.largestSlip ? (
                <div>
                  {row.largestSlip.milestone}: {row.largestSlip.words} from baseline
                </div>
              ) : null}
            </Cell>
            <Cell label="Next deadline">
              {row.nextDeadline ? (
                <>
                  {row.nextDeadline.milestone}: {formatCalendarDate(row.nextDeadline.date, row.nextDeadline.precision)}
                  <div className={row.nextDeadline.daysLeft < 0 ? "overdue" : "muted"}>
                    {deadlineWords(row.nextDeadline.daysLeft)}
                  </div>
                </>
              ) : (
                <span className="muted">No open target date</span>
              )}
            </Cell>
            <Cell label="Last action">
              {row.lastAction ? (
                <>
                  {row.lastAction.daysAgo === 0 ? "Today" : `${daysWords(row.lastAction.daysAgo)} ago`}
                  <div className="muted">{formatEventDay(row.lastAction.at, row.timeZone)}</div>
                </>
              ) : (
                <span className="muted">None recorded</span>
              )}
            </Cell>
            <Cell label="Open comment periods">
              {row.openPeriods.length === 0 ? (
                <span className="muted">None open</span>
              ) : (
                <ul className="plain-list">
                  {row.openPeriods.map((period) => (
                    <li key={period.id}>
                      <Link to={`/comment-periods/${period.id}`}>{period.title}</Link>: {timeLeftWords(period.msLeft)}
                      <div className="muted">closes {formatDeadline(period.closesAt, period.timeZone)}</div>
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
            <Cell label="Latest changes">
              {row.latestChanges.length === 0 ? (
                <span className="muted">None recorded</span>
              ) : (
                <ul className="plain-list">
                  {row.latestChanges.map((change) => (
                    <li key={`${change.kind}-${change.at}`}>{changeWords(change, row.timeZone)}</li>
                  ))}
                </ul>
              )}
            </Cell>
            <Cell label="On this list because">
              <ul className="plain-list">
                {row.via.listed ? (
                  <li>
                    Listed
                    {removable ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="projectId" value={row.projectId} />
                        <button
                          type="submit"
                          name="intent"
                          value="removeProject"
                          className="secondary"
                          aria-label={`Remove ${row.name} from this watchlist`}
                        >
                          Remove
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ) : null}
                {row.via.searches.map((name) => (
                  <li key={name}>Search: {name}</li>
                ))}
              </ul>
            </Cell>
          </CardRow>
        ))}
      </CardBody>
    </CardTable>
  );
}
