import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { SourceLink } from "~/components/ExternalLink";
import { STATUTORY_RULES, type ClockView } from "~/models/statutory-clock";

const number = new Intl.NumberFormat("en-US");
const days = (n: number) => `${number.format(n)} day${n === 1 ? "" : "s"}`;

/** The outcome badge; reuses the schedule badge colours (missed, at risk, complete, on track). */
export function ClockBadge({ view }: { view: ClockView }) {
  if (view.state === "not_started") return <span className="schedule schedule--paused">Not started</span>;
  const tone =
    view.state === "met"
      ? "complete"
      : view.state === "missed"
        ? "missed"
        : view.state === "undetermined"
          ? "paused"
          : view.alert === "30d" || view.alert === "90d"
            ? "at_risk"
            : "on_track";
  return (
    <span className={`schedule schedule--${tone}`}>
      {view.stateLabel}
      {view.basis === "reference" ? " (reference)" : ""}
    </span>
  );
}

/**
 * One project's statutory NEPA clock (42 U.S.C. 4336a(g)): what started it and when, the deadline,
 * days elapsed and left, extensions with their reasons, and whether it was met. A clock that began
 * before June 3, 2023 is labelled a reference, not a legal deadline.
 */
export function StatutoryClock({ view, projectName }: { view: ClockView; projectName: string }) {
  if (view.state === "not_started") {
    return (
      <p>
        No clock yet: the record of {projectName} has no notice of intent, determination or right-of-way
        application-complete notice with an actual date. When one is recorded, the {view.trackLabel.toLowerCase()} is
        due {view.limit} later ({STATUTORY_RULES.citation}).
      </p>
    );
  }
  const about = view.approximate ? "about " : "";
  return (
    <div className="stack">
      <p>
        <ClockBadge view={view} />{" "}
        {view.basis === "reference" ? (
          <strong>
            Reference only: this review began before June 3, 2023, when the deadline became law. The arithmetic below is
            shown for comparison, not as a legal deadline.
          </strong>
        ) : (
          <span>
            A legal deadline under {STATUTORY_RULES.citation}: {view.limit} for an {view.trackLabel.toLowerCase()}.
          </span>
        )}
      </p>
      <dl className="facts">
        <dt>Clock started</dt>
        <dd>
          {view.start.date}, by the {view.start.role.toLowerCase()} ({view.start.name})
          {view.otherStarts.length ? (
            <span className="muted">
              {" "}
              — the sooner of this and {view.otherStarts.map((s) => `${s.role.toLowerCase()} (${s.date})`).join(", ")}
            </span>
          ) : null}
        </dd>
        <dt>Deadline</dt>
        <dd>
          {view.deadline}
          {view.extensions.length ? (
            <span className="muted">
              {" "}
              (originally {view.originalDeadline}; extended by {days(view.extendedDays)})
            </span>
          ) : null}
        </dd>
        <dt>Days elapsed</dt>
        <dd>
          {about}
          {days(view.elapsedDays)}
          {view.decision ? ` to the decision (${view.decision.name}, ${view.decision.date})` : ""}
        </dd>
        <dt>{view.decision ? "Outcome" : "Days left"}</dt>
        <dd>
          {view.decision
            ? view.stateLabel
            : view.daysLeft !== null && view.daysLeft >= 0
              ? `${about}${days(view.daysLeft)}`
              : `Passed ${days(-(view.daysLeft ?? 0))} ago with no decision recorded`}
        </dd>
        {view.pausedDays > 0 ? (
          <>
            <dt>Paused within the clock</dt>
            <dd>
              {days(view.pausedDays)} (the statute does not stop the clock for a pause; only an extension moves the
              deadline)
            </dd>
          </>
        ) : null}
      </dl>
      {view.approximate ? (
        <p className="muted">
          Some of these dates are known only to the month or the year, so the day counts are bounds: days elapsed from
          the first day the start can be, days left to the last day the deadline can be.
        </p>
      ) : null}
      {view.extensions.length ? (
        <CardTable>
          <caption>Extensions of the deadline by the lead agency</caption>
          <CardHead>
            <ColumnHeader>Recorded</ColumnHeader>
            <ColumnHeader>New deadline</ColumnHeader>
            <ColumnHeader>Reason given</ColumnHeader>
            <ColumnHeader>Source</ColumnHeader>
          </CardHead>
          <CardBody>
            {view.extensions.map((x) => (
              <CardRow key={x.id}>
                <RowHeader>{x.recordedAt}</RowHeader>
                <Cell label="New deadline">{x.newDeadline}</Cell>
                <Cell label="Reason given">{x.reason}</Cell>
                <Cell label="Source">
                  <SourceLink url={x.sourceUrl} label={`Source for the extension to ${x.newDeadline}`} />
                </Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      ) : view.basis === "statutory" ? (
        <p>No extension is recorded.</p>
      ) : null}
    </div>
  );
}
