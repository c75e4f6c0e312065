// iCalendar files (RFC 5545) of the public schedule: one project, a search, the projects a person
// follows, and any list of projects a later page needs (a watchlist): `projectsCalendar({ scope, name })`.
//
// Built with ical-generator. Comment deadlines (and openings) are timed events in the agency's own
// zone, with that zone's VTIMEZONE written into the file (from @touch4it/ical-timezones), so a
// phone in any zone shows the right local time on both sides of a daylight-saving change.
// Milestones are all-day events over the whole day, month or year the record gives: a "March 2027"
// target spans March and says that only the month is known, rather than pretending to March 1.
//
// Nothing here but the public schedule: project names, milestone names and dates, period titles
// and deadlines, and the agency's stated reason for a deadline change.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, type ICalCalendar } from "ical-generator";
import { DateTime } from "luxon";
import { env } from "~/env.server";
import { listCalendarProjects, type CalendarProject, type ProjectScope } from "~/models/public-record.server";
import { periodEnd, periodStart } from "~/models/schedule";
import { addUtcDays, formatCalendarDate, formatDeadline, type DatePrecision } from "~/utils/dates";
import { stableUuid } from "../feeds/ids.server";

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** How often a subscribed calendar app should fetch again (deadlines move with extensions). */
const REFRESH_SECONDS = 3 * 60 * 60;

const PRECISION_WORDS: Record<DatePrecision, string> = {
  DAY: "",
  MONTH: "The record gives only the month, so this covers the whole month.",
  YEAR: "The record gives only the year, so this covers the whole year.",
};

/** "Mar 2027 (month only)" beside the milestone name, so a glance at the calendar is not misread. */
function whenLabel(date: Date, precision: DatePrecision): string {
  const label = formatCalendarDate(date, precision);
  return precision === "DAY" ? label : `${label}, ${precision === "MONTH" ? "month" : "year"} only`;
}

function addProject(calendar: ICalCalendar, project: CalendarProject, appUrl: string) {
  const projectUrl = new URL(`/projects/${project.slug}`, appUrl).toString();

  for (const m of project.milestones) {
    const done = m.actualDate !== null;
    const date = m.actualDate ?? m.targetDate;
    if (!date) continue;
    const start = periodStart(date, m.precision);
    const endExclusive = addUtcDays(periodEnd(date, m.precision), 1);
    const label = whenLabel(date, m.precision);
    const lines = [
      done ? `Done (${label}).` : `Target date (${label}).`,
      PRECISION_WORDS[m.precision],
      !done && m.baselineDate ? `Original target: ${formatCalendarDate(m.baselineDate, m.precision)}.` : "",
      m.authority ? `Responsible: ${m.authority}.` : "",
      m.note ?? "",
      projectUrl,
    ].filter(Boolean);
    calendar.createEvent({
      id: stableUuid(`milestone:${m.id}`),
      allDay: true,
      start,
      end: endExclusive,
      stamp: m.updatedAt,
      summary: `${done ? "Done" : "Target"}: ${m.name} (${project.name})${m.precision === "DAY" ? "" : ` [${m.precision === "MONTH" ? "month" : "year"} only]`}`,
      description: lines.join("\n"),
      url: `${projectUrl}#timeline`,
      categories: [{ name: "Milestone" }],
    });
  }

  for (const period of project.periods) {
    const periodUrl = new URL(`/comment-periods/${period.id}`, appUrl).toString();
    const zone = period.timeZone;
    const lastChange = period.changes.at(-1);
    const history = period.changes.map(
      (c) =>
        `${c.kind === "EXTEND" ? "Extended" : "Reopened"} from ${formatDeadline(c.previousClosesAt, zone)}: ${c.reason}`,
    );
    calendar.createEvent({
      id: stableUuid(`period-closes:${period.id}`),
      // Each extension is a revision of the same event.
      sequence: period.changes.length,
      start: DateTime.fromJSDate(period.closesAt, { zone }),
      timezone: zone,
      stamp: lastChange?.changedAt ?? period.createdAt,
      summary: `Comments due: ${period.title} (${project.name})`,
      description: [
        `Deadline for public comments: ${formatDeadline(period.closesAt, zone)}.`,
        ...history,
        `Comment or read the comments: ${periodUrl}`,
      ].join("\n"),
      url: periodUrl,
      categories: [{ name: "Comment deadline" }],
    });
    calendar.createEvent({
      id: stableUuid(`period-opens:${period.id}`),
      start: DateTime.fromJSDate(period.opensAt, { zone }),
      timezone: zone,
      stamp: period.createdAt,
      summary: `Comment period opens: ${period.title} (${project.name})`,
      description: [
        `Opens ${formatDeadline(period.opensAt, zone)}; comments are due by ${formatDeadline(period.closesAt, zone)}.`,
        periodUrl,
      ].join("\n"),
      url: periodUrl,
      categories: [{ name: "Comment period" }],
    });
  }
}

export type ProjectsCalendarOptions = {
  scope: ProjectScope;
  name: string;
  description: string;
  /** Path or absolute URL of the page the calendar stands for. */
  url: string;
};

/** The iCalendar document of every project in scope: milestones and comment periods. */
export async function projectsCalendar(options: ProjectsCalendarOptions): Promise<string> {
  const appUrl = env().APP_URL;
  const projects = await listCalendarProjects(options.scope);
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: "Lodestone", product: "Public permitting record", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: new URL(options.url, appUrl).toString(),
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone: each timed event names its agency's, and a VTIMEZONE is written for
    // every zone used. All-day events stay floating dates, as RFC 5545 wants them.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const project of projects) addProject(calendar, project, appUrl);
  return calendar.toString();
}
