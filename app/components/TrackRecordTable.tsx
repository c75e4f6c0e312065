import { Link } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { formatDays, MIN_CASES_FOR_SUMMARY, type Summary } from "~/models/agency-stats";
import type { TrackRecord } from "~/models/agency-stats.server";

const COLUMNS = [
  "Reviews",
  "Notice of intent to decision",
  "Application to decision",
  "Milestones met on first target",
  "Average slip",
  "Past the statutory deadline",
  "Days with agency / applicant",
] as const;

const pct = (met: number, of: number) => (of === 0 ? "—" : `${Math.round((met / of) * 100)}%`);

/** "median 520 (IQR 400–700), n = 8", or, below the threshold, the values themselves and why. */
export function DurationCell({
  summary,
  items,
}: {
  summary: Summary;
  items: { slug: string; name: string; days: number }[];
}) {
  if (summary.n === 0) return <>no cases</>;
  if (summary.median === null) {
    return (
      <>
        <span className="muted">
          Too few cases for a median (n = {summary.n}, fewer than {MIN_CASES_FOR_SUMMARY}):
        </span>{" "}
        {items.map((d, i) => (
          <span key={d.slug}>
            {i > 0 ? "; " : ""}
            <Link to={`/projects/${d.slug}`}>{d.name}</Link> {formatDays(d.days)} days
          </span>
        ))}
      </>
    );
  }
  return (
    <>
      median {formatDays(summary.median)} days (IQR {formatDays(summary.q1)}–{formatDays(summary.q3)}), n = {summary.n}
    </>
  );
}

/** The track-record table; `projectsLink` turns a group's key into the /projects search behind it. */
export function TrackRecordTable({
  records,
  caption,
  groupLabel,
  groupLink,
  projectsLink,
  slipsLink,
}: {
  records: TrackRecord[];
  caption: string;
  groupLabel: string;
  groupLink: (key: string) => string | null;
  projectsLink: (key: string) => string;
  /** The /schedule list of the group's moved milestones, behind the average slip. */
  slipsLink: (key: string) => string;
}) {
  return (
    <CardTable className="track-records">
      <caption>{caption}</caption>
      <CardHead>
        <ColumnHeader>{groupLabel}</ColumnHeader>
        {COLUMNS.map((c) => (
          <ColumnHeader key={c}>{c}</ColumnHeader>
        ))}
      </CardHead>
      <CardBody>
        {records.map((r) => {
          const link = groupLink(r.key);
          return (
            <CardRow key={r.key}>
              <RowHeader>{link ? <Link to={link}>{r.label}</Link> : r.label}</RowHeader>
              <Cell label={COLUMNS[0]}>
                <Link to={projectsLink(r.key)} aria-label={`${r.reviews} reviews: ${r.label}`}>
                  {r.reviews}
                </Link>
              </Cell>
              <Cell label={COLUMNS[1]}>
                <DurationCell summary={r.noiToDecision} items={r.noiToDecision.items} />
              </Cell>
              <Cell label={COLUMNS[2]}>
                <DurationCell summary={r.applicationToDecision} items={r.applicationToDecision.items} />
              </Cell>
              <Cell label={COLUMNS[3]}>
                {pct(r.firstTarget.met, r.firstTarget.of)}
                {r.firstTarget.of > 0 ? ` (${r.firstTarget.met} of ${r.firstTarget.of})` : ""}
                {r.firstTarget.of > 0 && r.firstTarget.of < MIN_CASES_FOR_SUMMARY ? (
                  <span className="muted"> — too few to compare</span>
                ) : null}
              </Cell>
              <Cell label={COLUMNS[4]}>
                {r.slip.n === 0 ? (
                  "—"
                ) : (
                  <Link to={slipsLink(r.key)}>
                    {formatDays(r.slip.mean)} days (n = {r.slip.n})
                  </Link>
                )}
              </Cell>
              <Cell label={COLUMNS[5]}>
                {r.pastDeadline.statutory.length === 0 && r.pastDeadline.reference.length === 0 ? (
                  "none"
                ) : (
                  <>
                    {r.pastDeadline.statutory.map((p, i) => (
                      <span key={p.slug}>
                        {i > 0 ? ", " : ""}
                        <Link to={`/projects/${p.slug}#statutory`}>{p.name}</Link>
                      </span>
                    ))}
                    {r.pastDeadline.reference.length ? (
                      <span className="muted">
                        {r.pastDeadline.statutory.length ? "; " : ""}
                        {r.pastDeadline.reference.length} more as a reference (before June 3, 2023)
                      </span>
                    ) : null}
                  </>
                )}
              </Cell>
              <Cell label={COLUMNS[6]}>
                {r.desk.projects === 0
                  ? "no review clock recorded"
                  : `${formatDays(r.desk.agencyDays)} / ${formatDays(r.desk.applicantDays)} (${r.desk.projects} project${r.desk.projects === 1 ? "" : "s"})`}
              </Cell>
            </CardRow>
          );
        })}
      </CardBody>
    </CardTable>
  );
}
