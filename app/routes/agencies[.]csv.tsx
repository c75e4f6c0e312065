// The agency track records as CSV (?by=agency|state|commodity, as /agencies): one row per group,
// every figure beside the projects behind it (slugs, and the /projects and /schedule searches),
// and where a median would claim more than the cases allow, an empty median and a note saying so.
// Public: computed from the public record; the fictional training project is left out, as on the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { MIN_CASES_FOR_SUMMARY, type Summary } from "~/models/agency-stats";
import { loadTrackRecords } from "~/models/agency-stats.server";
import { parseGroupBy } from "~/schemas/agencies";
import { csvStream, type CsvValue } from "~/services/csv.server";
import { isoDay, todayUtc } from "~/utils/dates";

const durationColumns = (prefix: string) =>
  [
    `${prefix}_n`,
    `${prefix}_median_days`,
    `${prefix}_q1_days`,
    `${prefix}_q3_days`,
    `${prefix}_min_days`,
    `${prefix}_max_days`,
    `${prefix}_cases`,
  ] as const;

const COLUMNS = [
  "group_by",
  "group",
  "reviews",
  "projects",
  "projects_url_path",
  ...durationColumns("noi_to_decision"),
  ...durationColumns("application_to_decision"),
  "note",
  "milestones_met_first_target",
  "milestones_judged_first_target",
  "mean_slip_days",
  "slip_milestones",
  "slips_url_path",
  "past_statutory_deadline",
  "past_statutory_deadline_projects",
  "past_reference_deadline",
  "review_clock_agency_days",
  "review_clock_applicant_days",
  "review_clock_projects",
] as const;

const FILTER = { agency: "leadAgency", state: "state", commodity: "commodity" } as const;

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function duration(s: Summary & { items: { slug: string; days: number }[] }): CsvValue[] {
  return [
    s.n,
    round1(s.median),
    round1(s.q1),
    round1(s.q3),
    s.min,
    s.max,
    s.items.map((d) => `${d.slug}:${d.days}`).join("; "),
  ];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const by = parseGroupBy(new URL(request.url).searchParams);
  const today = todayUtc();
  const records = await loadTrackRecords(today, by);
  const filter = FILTER[by];
  async function* rows(): AsyncGenerator<CsvValue[]> {
    for (const r of records) {
      const search = `${filter}=${encodeURIComponent(r.key)}`;
      const few = [r.noiToDecision, r.applicationToDecision].some((s) => s.n > 0 && s.median === null);
      yield [
        by,
        r.label,
        r.reviews,
        (r.projects ?? []).map((p) => p.slug).join("; "),
        `/projects?${search}`,
        ...duration(r.noiToDecision),
        ...duration(r.applicationToDecision),
        few ? `fewer than ${MIN_CASES_FOR_SUMMARY} cases: no median or quartiles, the cases are listed` : null,
        r.firstTarget.met,
        r.firstTarget.of,
        round1(r.slip.mean),
        r.slip.n,
        `/schedule?kind=moved&${search}`,
        r.pastDeadline.statutory.length,
        r.pastDeadline.statutory.map((p) => p.slug).join("; "),
        r.pastDeadline.reference.length,
        r.desk.projects ? r.desk.agencyDays : null,
        r.desk.projects ? r.desk.applicantDays : null,
        r.desk.projects,
      ];
    }
  }
  return new Response(csvStream(COLUMNS, rows()), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lodestone-agency-track-records-${by}-${isoDay(today)}.csv"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
