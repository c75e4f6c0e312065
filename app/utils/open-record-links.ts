// Where the public record of a project or a search can be read outside the pages: its Atom feed,
// its calendar and its data. Pure and browser-safe: the subscribe links and the feed routes build
// the same addresses from the same query.
import { SCHEDULE_STATUS_LABELS } from "~/models/schedule";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import { DEFAULT_PROJECT_QUERY, projectQueryToSearch, type ProjectQuery } from "~/utils/project-query";

/** `?include_training=true` brings the fictional training project into the whole-record feeds and search feeds. */
export const TRAINING_PARAM = "include_training";
export const TRAINING_INCLUDE = "true";

export function includesTraining(params: URLSearchParams): boolean {
  return params.get(TRAINING_PARAM) === TRAINING_INCLUDE;
}

/** The search string of a query's filters only: sort and page do not change what a feed holds. */
export function filterSearch(query: ProjectQuery, includeTraining = false): string {
  const search = projectQueryToSearch({
    ...query,
    sort: DEFAULT_PROJECT_QUERY.sort,
    dir: DEFAULT_PROJECT_QUERY.dir,
    page: 1,
    pageSize: DEFAULT_PROJECT_QUERY.pageSize,
  });
  if (!includeTraining) return search;
  return `${search ? `${search}&` : "?"}${TRAINING_PARAM}=${TRAINING_INCLUDE}`;
}

export type RecordLinks = { feed: string; calendar: string; data: string };

export function projectRecordLinks(slug: string): RecordLinks {
  return {
    feed: `/projects/${slug}/feed.atom`,
    calendar: `/projects/${slug}/calendar.ics`,
    data: `/api/v1/projects/${slug}/ceq`,
  };
}

export function searchRecordLinks(query: ProjectQuery): RecordLinks {
  const search = filterSearch(query);
  return { feed: `/projects/feed.atom${search}`, calendar: `/projects/calendar.ics${search}`, data: "/open-data" };
}

/** "state NV, mineral lithium": what a search feed or calendar holds, in words for its title. */
export function describeFilters(query: ProjectQuery, labels: { stage?: string; agency?: string } = {}): string {
  const parts = [
    query.q ? `matching "${query.q}"` : "",
    query.state ? `in ${query.state}` : "",
    query.commodity ? `mineral ${query.commodity}` : "",
    query.stage ? `stage ${labels.stage ?? query.stage}` : "",
    query.status ? `status ${PROJECT_STATUS_LABELS[query.status].toLowerCase()}` : "",
    query.leadAgency ? `lead agency ${labels.agency ?? query.leadAgency}` : "",
    query.schedule ? `schedule ${SCHEDULE_STATUS_LABELS[query.schedule].toLowerCase()}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "all projects";
}
