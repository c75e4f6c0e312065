// Atom feeds (RFC 4287) of the public record: everything, one project, a search, and any list of
// projects a later page needs (a watchlist): `projectsAtomFeed({ scope, ... })`.
//
// Written by hand rather than with a feed library: Atom is a dozen elements, and owning them keeps
// the ids, the escaping and the dates exactly as RFC 4287 wants them. Entry ids are urn:uuid
// (name-based, RFC 9562 version 5) derived from the row the entry tells of, so they survive a
// change of host name and never repeat; `updated` is when the thing happened in the record.
import { env } from "~/env.server";
import { STAGE_CHANGE_WORDS } from "~/models/events/catalogue";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import {
  DEFAULT_FEED_LIMIT,
  FEED_ENTRY_EVENT,
  listRecordEntries,
  type FeedEntryKind,
  type ProjectScope,
  type RecordEntry,
} from "~/models/public-record.server";
import { stageLabel } from "~/models/workflow";
import { renderAtom, type AtomEntry } from "./atom-xml";
import { stableUrn } from "./ids.server";
import { formatCalendarDate, formatDeadline, formatEventDay, formatEventWhen, type DatePrecision } from "~/utils/dates";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// ───────────── The record's entries in words ─────────────

const KIND_LABELS: Record<FeedEntryKind, string> = {
  stageChanged: "Stage change",
  dateChanged: "Schedule change",
  paused: "Review paused",
  pauseLifted: "Pause lifted",
  periodOpened: "Comment period opened",
  periodExtended: "Comment period extended",
  periodReopened: "Comment period reopened",
  periodClosed: "Comment period closed",
  responsePublished: "Agency response to comments",
  statutoryExtended: "Statutory deadline extended",
};

const calendarDate = (date: Date | null, precision: DatePrecision) =>
  date ? formatCalendarDate(date, precision) : "no date";

const precisionNote = (precision: DatePrecision) =>
  precision === "DAY"
    ? ""
    : precision === "MONTH"
      ? " (the record gives only the month)"
      : " (the record gives only the year)";

const source = (url: string | null) => (url ? ` Source: ${url}` : "");

/** Title, summary and link of one entry, from its row alone. */
export function describeEntry(entry: RecordEntry, appUrl: string): { title: string; summary: string; link: string } {
  const p = entry.project;
  const projectUrl = new URL(`/projects/${p.slug}`, appUrl).toString();
  const zone = p.timeZone;
  switch (entry.kind) {
    case "stageChanged": {
      const t = entry.transition;
      const when = formatEventWhen(entry.at, zone, t.precision);
      return {
        title: `${p.name} ${STAGE_CHANGE_WORDS[t.kind]} ${stageLabel(p.reviewTrack, t.toStage)}`,
        summary: `${when}${t.precision ? "" : ` (${zone})`}. ${t.reason}${source(t.sourceUrl)}`,
        link: `${projectUrl}#history`,
      };
    }
    case "dateChanged": {
      const c = entry.change;
      return {
        title: `${p.name}: ${c.milestone} moved to ${calendarDate(c.newDate, c.precision)}`,
        summary: `Target moved from ${calendarDate(c.previousDate, c.precision)} to ${calendarDate(c.newDate, c.precision)}${precisionNote(c.precision)}. Reason: ${DATE_CHANGE_REASON_LABELS[c.reason]}. ${c.narrative}${source(c.sourceUrl)}`,
        link: `${projectUrl}#changes`,
      };
    }
    case "paused":
      return {
        title: `${p.name}: review paused`,
        summary: `Paused on ${formatEventDay(entry.at, zone)}. Reason: ${DATE_CHANGE_REASON_LABELS[entry.pause.reason]}. ${entry.pause.summary}${
          entry.pause.expectedLiftDate
            ? ` Expected to resume: ${formatCalendarDate(entry.pause.expectedLiftDate, "DAY")}.`
            : " No date is given for resuming."
        }`,
        link: `${projectUrl}#pauses`,
      };
    case "pauseLifted":
      return {
        title: `${p.name}: pause lifted`,
        summary: `The pause that began on ${formatEventDay(entry.pause.startedAt, zone)} was lifted on ${formatEventDay(entry.at, zone)}. ${entry.pause.summary}`,
        link: `${projectUrl}#pauses`,
      };
    case "periodOpened":
      return {
        title: `${p.name}: comment period "${entry.period.title}" opened`,
        summary: `Comments are accepted until ${formatDeadline(entry.period.closesAt, entry.period.timeZone)}.`,
        link: new URL(`/comment-periods/${entry.period.id}`, appUrl).toString(),
      };
    case "periodClosed":
      return {
        title: `${p.name}: comment period "${entry.period.title}" closed`,
        summary: `The comment period closed at ${formatDeadline(entry.period.closesAt, entry.period.timeZone)}.`,
        link: new URL(`/comment-periods/${entry.period.id}`, appUrl).toString(),
      };
    case "periodExtended":
    case "periodReopened":
      return {
        title: `${p.name}: comment period "${entry.period.title}" ${entry.kind === "periodExtended" ? "extended" : "reopened"}`,
        summary: `New deadline: ${formatDeadline(entry.change.newClosesAt, entry.period.timeZone)} (was ${formatDeadline(entry.change.previousClosesAt, entry.period.timeZone)}). Reason: ${entry.change.reason}`,
        link: new URL(`/comment-periods/${entry.period.id}`, appUrl).toString(),
      };
    case "responsePublished":
      return {
        title: `${p.name}: agency response on "${entry.response.issue}"`,
        summary: `In comment period "${entry.period.title}", answering ${entry.response.answered} ${entry.response.answered === 1 ? "comment" : "comments"}. ${entry.response.text}`,
        link: new URL(`/comment-periods/${entry.period.id}/responses`, appUrl).toString(),
      };
    case "statutoryExtended":
      return {
        title: `${p.name}: statutory ${p.reviewTrack} deadline extended to ${formatCalendarDate(entry.extension.newDeadline, "DAY")}`,
        summary: `The lead agency extended the NEPA deadline (42 U.S.C. 4336a(g)) to ${formatCalendarDate(entry.extension.newDeadline, "DAY")}. Reason: ${entry.extension.reason}${source(entry.extension.sourceUrl)}`,
        link: `${projectUrl}#statutory`,
      };
  }
}

export function toAtomEntry(entry: RecordEntry, appUrl: string): AtomEntry {
  const { title, summary, link } = describeEntry(entry, appUrl);
  const event = FEED_ENTRY_EVENT[entry.kind];
  return {
    // The kind is part of the name: a period's opening and closing are two entries of one row.
    id: stableUrn(`entry:${entry.kind}:${entry.rowId}`),
    title,
    updated: entry.at,
    link,
    summary,
    categories: [
      { term: event ?? `record.${entry.kind}`, label: KIND_LABELS[entry.kind] },
      ...(entry.project.isTraining ? [{ term: "training", label: "Fictional training project" }] : []),
    ],
  };
}

export type ProjectsFeedOptions = {
  scope: ProjectScope;
  title: string;
  subtitle: string;
  /** Paths or absolute URLs; paths are made absolute with APP_URL. */
  selfUrl: string;
  alternateUrl: string;
  /** A stable name for the feed itself ("all", "project:<id>", "search:<query>"): its id derives from it. */
  feedKey: string;
  limit?: number;
  now?: Date;
};

/** The Atom document of the newest entries about the projects in scope. */
export async function projectsAtomFeed(options: ProjectsFeedOptions): Promise<string> {
  const appUrl = env().APP_URL;
  const now = options.now ?? new Date();
  const entries = await listRecordEntries(options.scope, { limit: options.limit ?? DEFAULT_FEED_LIMIT, now });
  return renderAtom({
    id: stableUrn(`feed:${options.feedKey}`),
    title: options.title,
    subtitle: options.subtitle,
    selfUrl: new URL(options.selfUrl, appUrl).toString(),
    alternateUrl: new URL(options.alternateUrl, appUrl).toString(),
    entries: entries.map((entry) => toAtomEntry(entry, appUrl)),
    // Atom requires an updated time even for an empty feed; a fixed one keeps its bytes stable.
    fallbackUpdated: new Date(0),
  });
}
