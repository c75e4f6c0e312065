// A watchlist's board as CSV: the same rows and facts as the page, one project per line, dates in
// ISO 8601 at their precision ("2026-03" for a month) so a spreadsheet sorts them. Atom and ICS
// exports come from the open-record feed builders once they are merged (see the decision record).
import { env } from "~/env.server";
import { csvStream, type CsvValue } from "~/services/csv.server";
import { todayUtc } from "~/utils/dates";
import { SCHEDULE_STATUS_LABELS } from "./schedule";
import { watchlistBoard, type Board, type Watchlist } from "./watchlist.server";
import { PROJECT_STATUS_LABELS } from "./workflow";

export const WATCHLIST_CSV_COLUMNS = [
  "project",
  "url",
  "state",
  "lead_agency",
  "stage",
  "status",
  "schedule_status",
  "largest_slip_milestone",
  "largest_slip",
  "next_deadline_milestone",
  "next_deadline",
  "days_to_next_deadline",
  "last_action",
  "days_since_last_action",
  "open_comment_periods",
  "latest_change",
  "on_list_because",
  "fictional_training_project",
] as const;

export function watchlistCsvRows(board: Board, now: Date): CsvValue[][] {
  return board.rows.map((row) => {
    const latest = row.latestChanges[0];
    return [
      row.name,
      new URL(`/projects/${row.slug}`, env().APP_URL).toString(),
      row.state,
      row.leadAgency,
      row.stageLabel,
      PROJECT_STATUS_LABELS[row.status],
      row.milestoneCount === 0 ? "No milestones recorded" : SCHEDULE_STATUS_LABELS[row.schedule],
      row.largestSlip?.milestone,
      row.largestSlip?.words,
      row.nextDeadline?.milestone,
      row.nextDeadline?.date,
      row.nextDeadline?.daysLeft,
      row.lastAction?.at.slice(0, 10),
      row.lastAction?.daysAgo,
      row.openPeriods
        .map(
          (p) =>
            `${p.title} (closes ${p.closesAt}, ${Math.floor((Date.parse(p.closesAt) - now.getTime()) / 86_400_000)} days left)`,
        )
        .join("; "),
      latest
        ? latest.kind === "stage"
          ? `${latest.at.slice(0, 10)} moved to ${latest.toLabel}`
          : `${latest.at.slice(0, 10)} ${latest.milestone} moved from ${latest.previous ?? "no date"} to ${latest.next ?? "no date"}`
        : null,
      [...(row.via.listed ? ["listed"] : []), ...row.via.searches.map((s) => `search: ${s}`)].join("; "),
      row.isTraining ? "yes" : "no",
    ];
  });
}

async function* each(rows: CsvValue[][]) {
  yield* rows;
}

export function watchlistCsvIterable(board: Board, now: Date): AsyncIterable<CsvValue[]> {
  return each(watchlistCsvRows(board, now));
}

/** The CSV download of a watchlist's board, named `<prefix>-<id>-<date>.csv`. */
export async function watchlistCsvResponse(watchlist: Watchlist, prefix: string) {
  const now = new Date();
  const board = await watchlistBoard(watchlist, now, todayUtc(now));
  const filename = `${prefix}-${watchlist.id}-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(csvStream(WATCHLIST_CSV_COLUMNS, watchlistCsvIterable(board, now)), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Personal (or shared by a revocable link): never kept by a cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
