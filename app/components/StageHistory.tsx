// The stage history of a project. A change made in the app is shown at its minute in the lead
// agency's zone, named (the same words as the email about it); history taken from the public record
// is shown at the precision its source gives ("Jan 2021", "2013"), never on an invented day.
import type { DatePrecision, TransitionKind } from "@prisma/client";
import { describeTimeZone, formatEventWhen } from "~/utils/dates";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { SourceLink } from "./ExternalLink";

export type StageHistoryRow = {
  id: string;
  kind: TransitionKind;
  fromLabel: string | null;
  toLabel: string;
  reason: string;
  occurredAt: Date | string;
  occurredAtPrecision: DatePrecision | null;
  actor: { name: string } | null;
  /** The public page that records the move, for history taken from the public record. */
  sourceUrl: string | null;
};

const BADGE_KINDS: ReadonlySet<TransitionKind> = new Set(["PAUSE", "RESUME", "APPROVE", "DENY", "WITHDRAW", "RESCIND"]);

export function StageHistory({ transitions, timeZone }: { transitions: StageHistoryRow[]; timeZone: string }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">Stage history</h2>
      {transitions.length === 0 ? (
        <p>No stage changes are recorded yet.</p>
      ) : (
        <CardTable>
          <caption className="visually-hidden">Stage changes, newest first</caption>
          <CardHead>
            <ColumnHeader>Date</ColumnHeader>
            <ColumnHeader>Change</ColumnHeader>
            <ColumnHeader>Reason</ColumnHeader>
            <ColumnHeader>By</ColumnHeader>
            <ColumnHeader>Source</ColumnHeader>
          </CardHead>
          <CardBody>
            {transitions.map((t) => (
              <CardRow key={t.id}>
                <RowHeader>
                  <time dateTime={new Date(t.occurredAt).toISOString()}>
                    {formatEventWhen(t.occurredAt, timeZone, t.occurredAtPrecision)}
                  </time>
                </RowHeader>
                <Cell label="Change">
                  {t.fromLabel && t.fromLabel !== t.toLabel ? `${t.fromLabel} → ` : ""}
                  {t.toLabel}
                  {BADGE_KINDS.has(t.kind) ? (
                    <>
                      {" "}
                      <span className="badge">{t.kind.toLowerCase()}</span>
                    </>
                  ) : null}
                </Cell>
                <Cell label="Reason">{t.reason}</Cell>
                <Cell label="By">{t.actor?.name ?? "Public record"}</Cell>
                <Cell label="Source">
                  <SourceLink url={t.sourceUrl} label={`Source for the move to ${t.toLabel}`} />
                </Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      <p className="muted">
        Times are in the lead agency&apos;s zone, {describeTimeZone(timeZone)}. Dates from the public record are shown
        as precisely as their source gives them.
      </p>
    </section>
  );
}
