// Cache tags: which stored pages a change to the public record makes stale. A page is tagged from
// its URL when it is stored (pageTags); a change arrives as an announcement from the database
// (prisma/migrations/*_response_cache_announce: a domain event's type, or a table written
// directly, with the slugs of the projects and the ids of the comment periods it touched) and is
// turned into tags here (changeTags). Pure: the tests read it, and so does the decision record
// (docs/decisions/0026-response-cache.md).
import type { EventType } from "~/models/events/catalogue";

/** Pages that list or count things across projects: each has its own tag. */
export const LIST_TAGS = [
  "list:home",
  "list:projects",
  "list:schedule",
  "list:agencies",
  "list:organizations",
  "list:feed",
  "list:log",
  "list:open-data",
  // Every other public page (shared watchlists, documents, the API's index ...): dropped by every change.
  "list:other",
] as const;
export type ListTag = (typeof LIST_TAGS)[number];

/** Drops every stored page. */
export const ALL = "*";

const projectTag = (slug: string) => `project:${slug}`;
const periodTag = (id: string) => `period:${id}`;

/** Paths never stored, whatever their headers say: they carry something per visitor. */
// Shared watchlists answer by a revocable token whose revocation announces nothing: never kept,
// so a link stops working the moment sharing stops.
const NEVER = [/^\/comment-periods\/[^/]+\/comment(\.data)?$/, /^\/auth\//, /^\/dev\//, /^\/watchlists\//];

export function isNeverCached(pathname: string): boolean {
  return NEVER.some((pattern) => pattern.test(pathname));
}

/** The tags of a stored page, from its path (without the query). */
export function pageTags(pathname: string): string[] {
  const path = pathname.replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  const segments = path.split("/").slice(1).map(safeDecode);
  const [first, second, third, fourth] = segments;
  if (path === "/" || path === "/_root") return ["list:home"];
  if (first === "api" && second === "v1") {
    if (third === "projects" && fourth) return [projectTag(fourth)];
    if (third === "projects" || third === "projects.geojson") return ["list:projects"];
    if (third === "comment-periods" && fourth) return [periodTag(fourth)];
    if (third === "log") return ["list:log"];
    return ["list:other"];
  }
  switch (first) {
    case "projects":
      // /projects/new is a company's form (a visitor is redirected; a redirect is never stored).
      if (!second || second === "feed.atom" || second === "calendar.ics") return ["list:projects"];
      return [projectTag(second)];
    case "comment-periods":
      return second ? [periodTag(second)] : ["list:other"];
    case "schedule":
    case "schedule.csv":
      return ["list:schedule"];
    case "agencies":
      return ["list:agencies"];
    case "organizations":
      return ["list:organizations"];
    case "feed.atom":
      return ["list:feed"];
    case "log":
      return ["list:log"];
    case "open-data":
      return ["list:open-data"];
    default:
      return ["list:other"];
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One announcement from the database (the JSON sent on the lodestone_cache channel). */
export type Announcement =
  { k: "e" | "t"; n: string; s: string[]; c: string[] } | { k: "all"; n: string } | { k: "sync"; n: string };

export function parseAnnouncement(text: string): Announcement | null {
  try {
    const value = JSON.parse(text) as Partial<Record<"k" | "n" | "s" | "c", unknown>>;
    if (typeof value.n !== "string") return null;
    if (value.k === "all" || value.k === "sync") return { k: value.k, n: value.n };
    if ((value.k === "e" || value.k === "t") && isStrings(value.s) && isStrings(value.c)) {
      return { k: value.k, n: value.n, s: value.s, c: value.c };
    }
    return null;
  } catch {
    return null;
  }
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** Comments are counted on the home page and listed in feeds; no other list shows them. */
const COMMENT_LISTS: ListTag[] = ["list:home", "list:feed", "list:log", "list:other"];

/**
 * The lists an event makes stale, by type: the compiler asks for every new event type. A change
 * to a project's public facts reaches every list (its stage, dates and periods are shown on all of
 * them); a comment reaches only the counts and feeds; a personal event reaches none.
 */
const EVENT_LISTS: Record<EventType, readonly ListTag[]> = {
  "project.stageChanged": LIST_TAGS,
  "milestone.dateChanged": LIST_TAGS,
  "project.created": LIST_TAGS,
  "project.updated": LIST_TAGS,
  "milestone.added": LIST_TAGS,
  "milestone.actualDateRecorded": LIST_TAGS,
  "package.submitted": LIST_TAGS,
  "package.determined": LIST_TAGS,
  "comment.submitted": COMMENT_LISTS,
  "comment.autoHidden": COMMENT_LISTS,
  "comment.moderated": COMMENT_LISTS,
  "comment.responded": COMMENT_LISTS,
  "concern.published": COMMENT_LISTS,
  "commentPeriod.opened": LIST_TAGS,
  "commentPeriod.extended": LIST_TAGS,
  "commentPeriod.reopened": LIST_TAGS,
  "commentPeriod.closingSoon": LIST_TAGS,
  "commentPeriod.closed": LIST_TAGS,
  "informationRequest.issued": LIST_TAGS,
  "informationRequest.answered": LIST_TAGS,
  "informationRequest.decided": LIST_TAGS,
  "informationRequest.withdrawn": LIST_TAGS,
  "review.assigned": LIST_TAGS,
  // A person's saved search matched: nothing public changed.
  "savedSearch.matched": [],
  "milestone.targetPassed": LIST_TAGS,
  "statutoryDeadline.alert": LIST_TAGS,
  "statutoryClock.extended": LIST_TAGS,
  // The seed's first entry for a project: written with the project, whose own writes announce it too.
  "record.baseline": LIST_TAGS,
};

/** Tables written directly (see the migration): the lists they feed. Unknown tables reach every list. */
const TABLE_LISTS: Record<string, readonly ListTag[]> = {
  Comment: COMMENT_LISTS,
  Campaign: ["list:other"],
  CampaignBand: ["list:other"],
  OfficialResponse: COMMENT_LISTS,
  LogEntry: ["list:log"],
  LogCheckpoint: ["list:log"],
  OpenDataRelease: ["list:open-data"],
};

/** The tags an announcement drops: ALL, or its projects, its periods and the lists it reaches. */
export function changeTags(announcement: Announcement): string[] {
  if (announcement.k === "sync") return [];
  if (announcement.k === "all") return [ALL];
  // Organizations are named on every page of their projects and on the lists.
  if (announcement.k === "t" && announcement.n === "Organization") return [ALL];
  const lists =
    announcement.k === "e"
      ? (EVENT_LISTS[announcement.n as EventType] ?? LIST_TAGS)
      : (TABLE_LISTS[announcement.n] ?? LIST_TAGS);
  if (lists.length === 0) return [];
  return [...announcement.s.map(projectTag), ...announcement.c.map(periodTag), ...lists];
}
