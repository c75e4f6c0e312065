// The /schedule list as CSV, for the same filters, every page, in the page's order: the same rows
// the page counts. The fictional training project is left out unless ?include_training=true asks
// for it, on the page as here (as other open-data exports do); included, its rows say so.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { allSlips, RESPONSIBILITY_LABELS, responsibilityOf } from "~/models/slips.server";
import { parseSlipQuery } from "~/schemas/schedule";
import { csvStream, type CsvValue } from "~/services/csv.server";
import { isoCalendarDate, isoDay, todayUtc } from "~/utils/dates";

const COLUMNS = [
  "project",
  "project_url_path",
  "project_status",
  "state",
  "lead_agency",
  "milestone",
  "responsible",
  "date_precision",
  "baseline",
  "target",
  "actual",
  "slip_days",
  "moves",
  "reasons",
  "delay_attributed_to",
  "overdue_days",
  "fictional_training_project",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = parseSlipQuery(params);
  const today = todayUtc();
  const date = (d: Date | null, precision: "DAY" | "MONTH" | "YEAR") => (d ? isoCalendarDate(d, precision) : null);
  async function* rows(): AsyncGenerator<CsvValue[]> {
    for await (const r of allSlips(query, today)) {
      yield [
        r.projectName,
        `/projects/${r.projectSlug}`,
        r.projectStatus,
        r.state,
        r.leadAgencyName,
        r.milestoneName,
        r.responsible,
        r.datePrecision,
        date(r.baselineDate, r.datePrecision),
        date(r.targetDate, r.datePrecision),
        date(r.actualDate, r.datePrecision),
        r.slipDays,
        r.moves,
        r.reasons.map((reason) => DATE_CHANGE_REASON_LABELS[reason]).join("; "),
        r.moves > 0 ? RESPONSIBILITY_LABELS[responsibilityOf(r.reasons)] : null,
        r.overdueDays,
        r.isTraining ? "true" : "false",
      ];
    }
  }
  return new Response(csvStream(COLUMNS, rows()), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lodestone-schedule-slips-${isoDay(today)}.csv"`,
      "Cache-Control": "public, max-age=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
