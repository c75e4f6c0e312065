// The public review clock: days on the agency's desk and days with the applicant (the NJDEP
// subtraction), and whose desk the file is on now (Virginia DEQ's question). Pure: the numbers
// come from the loader; this only lays them out, with the bar's meaning also given in text.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { ResourceArea } from "@prisma/client";
import { useId } from "react";
import { DESK_LABELS, type Desk } from "~/models/review-clock";

import { RESOURCE_AREA_LABELS } from "~/models/review.labels";
import { formatEventDay } from "~/utils/dates";
import { pluralize } from "~/utils/format";

export type ReviewClockProps = {
  agencyDays: number;
  applicantDays: number;
  totalDays: number;
  desk: Desk;
  openRequests: number;
  startedAt?: string | null;
  stoppedAt?: string | null;
  /** Accessible name of the figure, e.g. "Review clock of Thacker Pass". */
  label?: string;
};

// AA contrast against white for the text beside them; the bar never carries meaning alone. The
// legend's squares take the same colours from app.css (.review-clock-agency, -applicant).
const AGENCY_COLOUR = "#1f4e8c";
const APPLICANT_COLOUR = "#8a4b00";

function percent(part: number, whole: number) {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export function ReviewClock({
  agencyDays,
  applicantDays,
  totalDays,
  desk,
  openRequests,
  startedAt,
  stoppedAt,
  timeZone,
  label = "Review clock",
}: ReviewClockProps & { timeZone: string }) {
  const titleId = useId();
  if (totalDays === 0 && !startedAt) {
    return (
      <p className="muted">
        The review clock has not started: no package has been submitted and no information has been requested.
      </p>
    );
  }
  const agencyShare = percent(agencyDays, totalDays);
  const alternative =
    `${label}: ${pluralize(totalDays, "day")} in all, ${pluralize(agencyDays, "day")} with the agency` +
    ` (${agencyShare}%) and ${pluralize(applicantDays, "day")} with the applicant (${100 - agencyShare}%).`;
  return (
    <figure className="review-clock" aria-labelledby={titleId}>
      <figcaption id={titleId} className="visually-hidden">
        {label}
      </figcaption>
      <p>
        <span aria-hidden="true" className="review-clock-agency">
          ■
        </span>{" "}
        On the agency&apos;s desk: <strong>{pluralize(agencyDays, "day")}</strong> ·{" "}
        <span aria-hidden="true" className="review-clock-applicant">
          ■
        </span>{" "}
        With the applicant: <strong>{pluralize(applicantDays, "day")}</strong> ·{" "}
        {openRequests === 0 ? "no requests open" : `${pluralize(openRequests, "request")} open`}
      </p>
      {totalDays > 0 ? (
        <svg
          role="img"
          aria-label={alternative}
          viewBox="0 0 100 4"
          preserveAspectRatio="none"
          width="100%"
          height="12"
          className="review-clock-bar"
        >
          <rect x="0" y="0" width={agencyShare} height="4" fill={AGENCY_COLOUR} />
          <rect x={agencyShare} y="0" width={100 - agencyShare} height="4" fill={APPLICANT_COLOUR} />
        </svg>
      ) : null}
      <p className="muted">
        Now: {DESK_LABELS[desk]}.{startedAt ? ` Counting since ${formatEventDay(startedAt, timeZone)}` : ""}
        {stoppedAt && desk === "closed" ? ` until ${formatEventDay(stoppedAt, timeZone)}` : ""}
        {startedAt ? "." : ""} The clock stops while the company owes the agency information.
      </p>
    </figure>
  );
}

export type ReviewClockRow = Omit<ReviewClockProps, "label"> & {
  reviewId: string;
  title: string;
  agencyName: string;
  resourceArea: ResourceArea;
};

/** One line per environmental review, for the project page below the project's own clock. */
export function ReviewClockTable({ reviews }: { reviews: ReviewClockRow[] }) {
  if (reviews.length === 0) return <p>No environmental reviews have been opened yet.</p>;
  return (
    <CardTable>
      <caption>Clock of each environmental review</caption>
      <CardHead>
        <ColumnHeader>Review</ColumnHeader>
        <ColumnHeader>Agency</ColumnHeader>
        <ColumnHeader>With the agency</ColumnHeader>
        <ColumnHeader>With the applicant</ColumnHeader>
        <ColumnHeader>Requests open</ColumnHeader>
        <ColumnHeader>Now</ColumnHeader>
      </CardHead>
      <CardBody>
        {reviews.map((r) => (
          <CardRow key={r.reviewId}>
            <RowHeader>
              {r.title}
              <span className="cards__subtitle muted">{RESOURCE_AREA_LABELS[r.resourceArea]}</span>
            </RowHeader>
            <Cell label="Agency">{r.agencyName}</Cell>
            <Cell label="With the agency">{pluralize(r.agencyDays, "day")}</Cell>
            <Cell label="With the applicant">{pluralize(r.applicantDays, "day")}</Cell>
            <Cell label="Requests open">{r.openRequests}</Cell>
            <Cell label="Now">{DESK_LABELS[r.desk]}</Cell>
          </CardRow>
        ))}
      </CardBody>
    </CardTable>
  );
}
