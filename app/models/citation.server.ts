// The citations the record's pages offer: absolute, stable addresses (a project by its slug, which
// never changes; a milestone by its id as an anchor on the project page; a comment period by id).
import { env } from "~/env.server";
import type { Citation } from "~/utils/citation";
import { formatCalendarDate, formatEventDay, isoDay, type DatePrecision } from "~/utils/dates";

const absolute = (path: string) => new URL(path, env().APP_URL).toString();

export function projectCitation(
  project: { slug: string; name: string; lastChanged: Date | null; leadAgency: { name: string } | null },
  now: Date,
  timeZone: string,
  asOf?: string,
): Citation {
  return {
    title: asOf ? `${project.name} (record as of ${asOf})` : project.name,
    agency: project.leadAgency?.name ?? null,
    date: asOf
      ? `as it stood on ${asOf}`
      : project.lastChanged
        ? `last changed ${formatEventDay(project.lastChanged, timeZone)}`
        : null,
    url: absolute(`/projects/${project.slug}${asOf ? `?as_of=${asOf}` : ""}`),
    accessed: isoDay(now),
  };
}

export function milestoneCitation(
  project: { slug: string; name: string; leadAgency: { name: string } | null },
  milestone: {
    id: string;
    name: string;
    responsible: string | null;
    targetDate: string | null;
    actualDate: string | null;
    datePrecision: DatePrecision;
  },
  now: Date,
): Citation {
  const date = milestone.actualDate
    ? `happened ${formatCalendarDate(milestone.actualDate, milestone.datePrecision)}`
    : milestone.targetDate
      ? `target ${formatCalendarDate(milestone.targetDate, milestone.datePrecision)}`
      : null;
  return {
    title: `${project.name}: ${milestone.name}`,
    agency: milestone.responsible ?? project.leadAgency?.name ?? null,
    date,
    url: absolute(`/projects/${project.slug}#milestone-${milestone.id}`),
    accessed: isoDay(now),
  };
}

export function commentPeriodCitation(
  period: { id: string; title: string; opens: string; closes: string },
  project: { name: string; leadAgency: string | null },
  now: Date,
): Citation {
  return {
    title: `${project.name}: ${period.title}`,
    agency: project.leadAgency,
    date: `open ${period.opens} to ${period.closes}`,
    url: absolute(`/comment-periods/${period.id}`),
    accessed: isoDay(now),
  };
}

/** A chart of the agency track records: figures computed from the record on the day read. */
export function chartCitation(chart: { title: string; path: string; agency: string | null }, now: Date): Citation {
  return {
    title: chart.title,
    agency: chart.agency,
    date: `computed from the record on ${isoDay(now)}`,
    url: absolute(chart.path),
    accessed: isoDay(now),
  };
}
