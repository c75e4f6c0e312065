// The datasets of the bulk download (/open-data): for each, its data dictionary (columns, types,
// meaning) and its rows, read from PostgreSQL in keyset batches so no dataset is ever held whole.
//
// What is public is decided where the public pages decide it, never again here:
// - comments go through the public comment export (app/models/comments/comment-export.server.ts): hidden and
//   pending comments appear as withheld rows, never with their text, name or organization;
// - campaigns and their counts come from listCampaigns (published members only, as the page counts);
// - the moderation log has the fields of publicModerationLog (never the moderator or the hidden text);
// - permit packages follow the packages page: an unsubmitted draft is not public (package.readDraft).
// No dataset carries an email address, an account, an IP address or a staff member's name.
// The fictional training project is left out unless `includeTraining` is asked for explicitly.
import type { Prisma } from "@prisma/client";
import { env } from "~/env.server";
import { exportColumns, exportComments } from "~/models/comments/comment-export.server";
import { listCampaigns } from "~/models/comments/comment-reading.server";
import { DATE_CHANGE_REASON_LABELS, JURISDICTION_LABELS } from "~/models/milestone.labels";
import { milestoneStatus } from "~/models/schedule";
import { PROJECT_STATUS_LABELS, REVIEW_TRACKS, stageLabel } from "~/models/workflow";
import { PUBLIC_DATE_CHANGE_FIELDS, PUBLIC_MILESTONE_SELECT } from "~/models/milestone.server";
import { PUBLIC_PERIOD_FIELDS } from "~/models/comments/comment-period.server";
import { prisma } from "~/services/db.server";
import { isoCalendarDate, isoInZone, projectTimeZone, todayUtc } from "~/utils/dates";

export type CellValue = string | number | boolean | null;
export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "datetime";
export type Column = { name: string; type: ColumnType; description: string };

export type OpenDataScope = { includeTraining: boolean };

export type Dataset = {
  key: string;
  title: string;
  description: string;
  columns: readonly Column[];
  rows: (scope: OpenDataScope) => AsyncIterable<CellValue[]>;
};

/** How many projects are read per query; each batch's children come in one query per table. */
export const PROJECT_BATCH_SIZE = 200;

const c = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });

// A dataset is one list of columns, each with the value it takes from a source row: the CSV, the
// JSON and the data dictionary all read that list, so a column and its value cannot drift apart.
type Field<R> = { column: Column; value: (row: R) => CellValue };
type FieldMaker<R> = (name: string, type: ColumnType, description: string, value: (row: R) => CellValue) => Field<R>;

function dataset<R>(
  about: Pick<Dataset, "key" | "title" | "description">,
  source: (scope: OpenDataScope) => AsyncIterable<R>,
  fields: (field: FieldMaker<R>) => Field<R>[],
): Dataset {
  const list = fields((name, type, description, value) => ({ column: c(name, type, description), value }));
  return {
    ...about,
    columns: list.map((f) => f.column),
    async *rows(scope) {
      for await (const row of source(scope)) yield list.map((f) => f.value(row));
    },
  };
}

// Dates that the record knows only to a month or a year are written in ISO 8601's reduced form
// ("2021-01", "2013"); the `*_precision` column says which.
const DATE_NOTE = "ISO 8601 calendar date, reduced to YYYY-MM or YYYY when the record knows only the month or year";

function base(): string {
  return env().APP_URL.replace(/\/$/, "");
}

type ProjectRow = Awaited<ReturnType<typeof loadProjectBatch>>[number];

function loadProjectBatch(scope: OpenDataScope, afterSlug: string | null) {
  return prisma.project.findMany({
    where: { ...(scope.includeTraining ? {} : { isTraining: false }), ...(afterSlug && { slug: { gt: afterSlug } }) },
    orderBy: { slug: "asc" },
    take: PROJECT_BATCH_SIZE,
    select: PROJECT_SELECT,
  });
}

/** Projects named by slug, the training project included (asking for it by name is explicit). */
export function loadProjectsBySlug(slugs: string[]) {
  return prisma.project.findMany({ where: { slug: { in: slugs } }, orderBy: { slug: "asc" }, select: PROJECT_SELECT });
}

const PROJECT_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  commodities: true,
  state: true,
  county: true,
  latitude: true,
  longitude: true,
  landStatus: true,
  website: true,
  reviewTrack: true,
  currentStage: true,
  status: true,
  federalCategory: true,
  isTraining: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  company: { select: { name: true } },
  leadAgency: { select: { name: true, timeZone: true } },
  cooperatingAgencies: { select: { agency: { select: { name: true } } }, orderBy: { agency: { name: "asc" } } },
} satisfies Prisma.ProjectSelect;

/** The public projects in slug order, a batch at a time. */
export async function* projectBatches(scope: OpenDataScope): AsyncGenerator<ProjectRow[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await loadProjectBatch(scope, after);
    if (batch.length > 0) yield batch;
    if (batch.length < PROJECT_BATCH_SIZE) return;
    after = batch[batch.length - 1].slug;
  }
}

export type OpenDataProject = ProjectRow;

const num = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));

/** The Permitting Dashboard's status words (Planned / In Progress / Paused / Complete / Cancelled). */
export const DASHBOARD_STATUS = {
  IN_PROGRESS: "In Progress",
  PAUSED: "Paused",
  APPROVED: "Complete",
  DENIED: "Complete",
  WITHDRAWN: "Cancelled",
} as const;

async function* projectsSource(scope: OpenDataScope) {
  for await (const batch of projectBatches(scope)) {
    for (const p of batch) {
      yield { p };
    }
  }
}

const projects = dataset(
  { key: "projects", title: "Projects", description: "One row per proposed mine on Lodestone." },
  projectsSource,
  (field) => [
    field(
      "project_id",
      "string",
      "Lodestone's stable identifier of the project (the slug in its address)",
      ({ p }) => p.slug,
    ),
    field("project_title", "string", "Name of the project", ({ p }) => p.name),
    field("project_description", "string", "Description of the project", ({ p }) => p.description),
    field("project_sponsor", "string", "Company proposing the mine", ({ p }) => p.company.name),
    field(
      "lead_agency",
      "string",
      "Lead agency of the review (empty when none is recorded)",
      ({ p }) => p.leadAgency?.name ?? null,
    ),
    field("cooperating_agencies", "string", "Cooperating agencies, separated by '; '", ({ p }) =>
      p.cooperatingAgencies.map((a) => a.agency.name).join("; "),
    ),
    field("commodities", "string", "Commodities, separated by '; '", ({ p }) => p.commodities.join("; ")),
    field("state", "string", "Two-letter U.S. state code", ({ p }) => p.state),
    field("county", "string", "County", ({ p }) => p.county),
    field("latitude", "number", "Latitude of the project location (WGS 84), when recorded", ({ p }) => num(p.latitude)),
    field("longitude", "number", "Longitude of the project location (WGS 84), when recorded", ({ p }) =>
      num(p.longitude),
    ),
    field(
      "land_status",
      "string",
      "Land status (BLM, USFS, PRIVATE, STATE, TRIBAL, MIXED, OTHER)",
      ({ p }) => p.landStatus,
    ),
    field("review_track", "string", "Level of NEPA review: EIS or EA", ({ p }) => p.reviewTrack),
    field("current_stage", "string", "Current stage key (see the stage label)", ({ p }) => p.currentStage),
    field("current_stage_label", "string", "Current stage in words", ({ p }) =>
      stageLabel(p.reviewTrack, p.currentStage),
    ),
    field("status", "string", "IN_PROGRESS, PAUSED, APPROVED, DENIED or WITHDRAWN", ({ p }) => p.status),
    field("status_label", "string", "Status in words", ({ p }) => PROJECT_STATUS_LABELS[p.status]),
    field(
      "federal_category",
      "string",
      "Federal category as published (e.g. FAST-41 transparency project)",
      ({ p }) => p.federalCategory,
    ),
    field("website", "string", "Project website, as recorded", ({ p }) => p.website),
    field(
      "fictional_training_project",
      "boolean",
      "True only for the made-up training project (left out unless asked for)",
      ({ p }) => p.isTraining,
    ),
    field(
      "record_version",
      "integer",
      "Version of the project's record; it grows with every change of its state",
      ({ p }) => p.version,
    ),
    field("created_at", "datetime", "When the project was added to Lodestone (UTC)", ({ p }) =>
      p.createdAt.toISOString(),
    ),
    field("updated_at", "datetime", "When the project's record last changed (UTC)", ({ p }) =>
      p.updatedAt.toISOString(),
    ),
    field("url", "string", "The project's page", ({ p }) => `${base()}/projects/${p.slug}`),
  ],
);

// The Federal Permitting Dashboard's export is one row per milestone; these are its column names
// (docs/open-data-ceq-mapping.md lists them), followed by Lodestone's own, prefixed `lodestone_`.
async function* milestonesSource(scope: OpenDataScope) {
  const today = todayUtc();
  for await (const batch of projectBatches(scope)) {
    const ids = batch.map((p) => p.id);
    const [rows, pauses] = await Promise.all([
      prisma.milestone.findMany({
        where: { projectId: { in: ids } },
        orderBy: [{ projectId: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: {
          ...PUBLIC_MILESTONE_SELECT,
          projectId: true,
          dateChanges: {
            orderBy: [{ changedAt: "desc" }, { id: "desc" }],
            select: { reason: true, narrative: true },
          },
        },
      }),
      prisma.projectPause.findMany({
        where: { projectId: { in: ids } },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        select: { projectId: true, startedAt: true, liftedAt: true },
      }),
    ]);
    const byProject = groupBy(rows, (m) => m.projectId);
    for (const p of batch) {
      const pause = pauses.find((x) => x.projectId === p.id);
      for (const m of byProject.get(p.id) ?? []) {
        const latest = m.dateChanges[0];
        const date = (value: Date | null) => (value ? isoCalendarDate(value, m.datePrecision) : null);
        yield { today, p, pause, m, latest, date };
      }
    }
  }
}

const milestones = dataset(
  {
    key: "milestones",
    title: "Milestones (Permitting Dashboard columns)",
    description:
      "One row per milestone, with the Federal Permitting Dashboard's column names where it has one, so tools built for its export read this file.",
  },
  milestonesSource,
  (field) => [
    field("project_id", "string", "Project identifier (Lodestone slug)", ({ p }) => p.slug),
    field("project_title", "string", "Project name", ({ p }) => p.name),
    field("project_sector", "string", "Always 'Mining'", () => "Mining"),
    field(
      "project_category",
      "string",
      "Federal category as published (FAST-41 covered or transparency project)",
      ({ p }) => p.federalCategory,
    ),
    field(
      "project_status",
      "string",
      "Dashboard status: In Progress, Paused, Complete or Cancelled",
      ({ p }) => DASHBOARD_STATUS[p.status],
    ),
    field("project_sponsor", "string", "Company proposing the mine", ({ p }) => p.company.name),
    field("lead_agency", "string", "Lead agency of the review", ({ p }) => p.leadAgency?.name ?? null),
    field("state", "string", "Two-letter state code", ({ p }) => p.state),
    field("county", "string", "County", ({ p }) => p.county),
    field("latitude", "number", "Latitude (WGS 84)", ({ p }) => num(p.latitude)),
    field("longitude", "number", "Longitude (WGS 84)", ({ p }) => num(p.longitude)),
    field("project_url", "string", "The project's page on Lodestone", ({ p }) => `${base()}/projects/${p.slug}`),
    field("project_pause_start", "datetime", "Start of the project's latest pause (UTC), if any", ({ pause }) =>
      pause ? pause.startedAt.toISOString() : null,
    ),
    field("project_pause_end", "datetime", "End of that pause (UTC); empty while it lasts", ({ pause }) =>
      pause?.liftedAt ? pause.liftedAt.toISOString() : null,
    ),
    field(
      "action_type",
      "string",
      "The review the milestone belongs to: the project's NEPA review (EIS or EA), or the permit or proceeding named by the authority",
      ({ p, m }) =>
        m.jurisdiction === "FEDERAL" && !m.authority
          ? REVIEW_TRACKS[p.reviewTrack].label
          : (m.authority ?? JURISDICTION_LABELS[m.jurisdiction]),
    ),
    field(
      "action_agency",
      "string",
      "Agency, court or authority responsible for the milestone",
      ({ p, m }) =>
        m.agency?.name ?? m.authority ?? (m.jurisdiction === "FEDERAL" ? (p.leadAgency?.name ?? null) : null),
    ),
    field("milestone_id", "string", "Lodestone's identifier of the milestone", ({ m }) => m.id),
    field("action_milestone_name", "string", "Milestone name", ({ m }) => m.name),
    field("action_milestone_details", "string", "Note recorded with the milestone", ({ m }) => m.note),
    field(
      "action_milestone_complete",
      "string",
      "'Yes' when an actual completion date is recorded, else 'No'",
      ({ m }) => (m.actualDate ? "Yes" : "No"),
    ),
    field("action_milestone_baseline_target", "date", `Original target date. ${DATE_NOTE}`, ({ m, date }) =>
      date(m.baselineDate),
    ),
    field("action_milestone_completion_target", "date", `Current target date. ${DATE_NOTE}`, ({ m, date }) =>
      date(m.targetDate),
    ),
    field("action_milestone_completion_actual", "date", `Actual completion date. ${DATE_NOTE}`, ({ m, date }) =>
      date(m.actualDate),
    ),
    field(
      "milestone_reason_for_date_change",
      "string",
      "Reason and narrative of the latest change of the target date",
      ({ latest }) => (latest ? `${DATE_CHANGE_REASON_LABELS[latest.reason]}: ${latest.narrative}` : null),
    ),
    field("lodestone_milestone_key", "string", "Stable key of the milestone within its project", ({ m }) => m.key),
    field(
      "lodestone_jurisdiction",
      "string",
      "FEDERAL, STATE, TRIBAL, LOCAL, COURT or OTHER",
      ({ m }) => m.jurisdiction,
    ),
    field(
      "lodestone_date_precision",
      "string",
      "DAY, MONTH or YEAR: how precise the milestone's dates are",
      ({ m }) => m.datePrecision,
    ),
    field(
      "lodestone_schedule_status",
      "string",
      "complete, on_track, at_risk, missed, delayed or paused, as on the project page on the day of generation",
      ({ today, p, m }) => milestoneStatus(m, { today, projectPaused: p.status === "PAUSED" }),
    ),
    field(
      "lodestone_date_change_count",
      "integer",
      "How many times the target date changed (see date_changes)",
      ({ m }) => m.dateChanges.length,
    ),
    field(
      "lodestone_source_url",
      "string",
      "Public page the milestone comes from, when recorded",
      ({ m }) => m.sourceUrl,
    ),
  ],
);

async function* dateChangesSource(scope: OpenDataScope) {
  for await (const batch of projectBatches(scope)) {
    const slugs = new Map(batch.map((p) => [p.id, p.slug]));
    const rows = await prisma.milestoneDateChange.findMany({
      where: { milestone: { projectId: { in: [...slugs.keys()] } } },
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      select: {
        ...PUBLIC_DATE_CHANGE_FIELDS,
        milestone: { select: { id: true, name: true, datePrecision: true, projectId: true } },
      },
    });
    for (const d of sortByProject(rows, (r) => slugs.get(r.milestone.projectId) ?? "")) {
      const date = (value: Date | null) => (value ? isoCalendarDate(value, d.milestone.datePrecision) : null);
      yield { slugs, d, date };
    }
  }
}

const dateChanges = dataset(
  {
    key: "date_changes",
    title: "Milestone date changes",
    description: "Every change of a milestone's target date, with its reason (the public modification history).",
  },
  dateChangesSource,
  (field) => [
    field("date_change_id", "string", "Identifier of the change", ({ d }) => d.id),
    field(
      "project_id",
      "string",
      "Project identifier (Lodestone slug)",
      ({ slugs, d }) => slugs.get(d.milestone.projectId) ?? null,
    ),
    field("milestone_id", "string", "Milestone identifier (see milestones)", ({ d }) => d.milestone.id),
    field("milestone_name", "string", "Milestone name", ({ d }) => d.milestone.name),
    field("previous_date", "date", `Target date before the change. ${DATE_NOTE}`, ({ d, date }) =>
      date(d.previousDate),
    ),
    field("new_date", "date", `Target date after the change. ${DATE_NOTE}`, ({ d, date }) => date(d.newDate)),
    field("date_precision", "string", "DAY, MONTH or YEAR", ({ d }) => d.milestone.datePrecision),
    field(
      "reason",
      "string",
      "Reason code (SPONSOR_FACTORS, ADDITIONAL_ANALYSIS, CONSULTATION, LITIGATION, POLICY_CHANGE, DATA_CORRECTION, PROJECT_PAUSE)",
      ({ d }) => d.reason,
    ),
    field("reason_label", "string", "Reason in words", ({ d }) => DATE_CHANGE_REASON_LABELS[d.reason]),
    field("narrative", "string", "Explanation given with the change", ({ d }) => d.narrative),
    field("source_url", "string", "Public page that announced the change, when recorded", ({ d }) => d.sourceUrl),
    field("changed_at", "datetime", "When the change was recorded (UTC)", ({ d }) => d.changedAt.toISOString()),
  ],
);

async function* stageTransitionsSource(scope: OpenDataScope) {
  for await (const batch of projectBatches(scope)) {
    const projectsById = new Map(batch.map((p) => [p.id, p]));
    const rows = await prisma.stageTransition.findMany({
      where: { projectId: { in: [...projectsById.keys()] } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        projectId: true,
        kind: true,
        fromStage: true,
        toStage: true,
        fromStatus: true,
        toStatus: true,
        reason: true,
        sourceUrl: true,
        occurredAt: true,
        occurredAtPrecision: true,
      },
    });
    for (const t of sortByProject(rows, (r) => projectsById.get(r.projectId)?.slug ?? "")) {
      const p = projectsById.get(t.projectId)!;
      yield { t, p };
    }
  }
}

const stageTransitions = dataset(
  {
    key: "stage_transitions",
    title: "Stage transitions",
    description: "Every move of a project between stages and statuses, with its reason.",
  },
  stageTransitionsSource,
  (field) => [
    field("transition_id", "string", "Identifier of the transition", ({ t }) => t.id),
    field("project_id", "string", "Project identifier (Lodestone slug)", ({ p }) => p.slug),
    field(
      "kind",
      "string",
      "ADVANCE, RESCIND, PAUSE, RESUME, APPROVE, DENY, WITHDRAW or RECORD (imported from the public record)",
      ({ t }) => t.kind,
    ),
    field("from_stage", "string", "Stage key before", ({ t }) => t.fromStage),
    field("to_stage", "string", "Stage key after", ({ t }) => t.toStage),
    field("to_stage_label", "string", "Stage after, in words", ({ t, p }) => stageLabel(p.reviewTrack, t.toStage)),
    field("from_status", "string", "Status before", ({ t }) => t.fromStatus),
    field("to_status", "string", "Status after", ({ t }) => t.toStatus),
    field("reason", "string", "Reason given", ({ t }) => t.reason),
    field("source_url", "string", "Public page recording the move, when recorded", ({ t }) => t.sourceUrl),
    field(
      "occurred_at",
      "datetime",
      "When it happened: an instant in the lead agency's zone with its UTC offset, or a calendar date (YYYY-MM-DD, YYYY-MM or YYYY) for history imported from the public record",
      ({ t, p }) =>
        t.occurredAtPrecision
          ? isoCalendarDate(t.occurredAt, t.occurredAtPrecision)
          : isoInZone(t.occurredAt, projectTimeZone(p)),
    ),
    field(
      "occurred_at_precision",
      "string",
      "Empty for an instant; DAY, MONTH or YEAR for imported history",
      ({ t }) => t.occurredAtPrecision,
    ),
  ],
);

async function* pausesSource(scope: OpenDataScope) {
  for await (const batch of projectBatches(scope)) {
    const slugs = new Map(batch.map((p) => [p.id, p.slug]));
    const rows = await prisma.projectPause.findMany({
      where: { projectId: { in: [...slugs.keys()] } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    });
    for (const x of sortByProject(rows, (r) => slugs.get(r.projectId) ?? "")) {
      yield { slugs, x };
    }
  }
}

const pauses = dataset(
  {
    key: "pauses",
    title: "Pauses",
    description: "Every pause of a project's review, with its reason and when it was lifted.",
  },
  pausesSource,
  (field) => [
    field("pause_id", "string", "Identifier of the pause", ({ x }) => x.id),
    field(
      "project_id",
      "string",
      "Project identifier (Lodestone slug)",
      ({ slugs, x }) => slugs.get(x.projectId) ?? null,
    ),
    field("reason", "string", "Reason code", ({ x }) => x.reason),
    field("reason_label", "string", "Reason in words", ({ x }) => DATE_CHANGE_REASON_LABELS[x.reason]),
    field("summary", "string", "Summary given", ({ x }) => x.summary),
    field("started_at", "datetime", "Start (UTC)", ({ x }) => x.startedAt.toISOString()),
    field("expected_lift_date", "date", "Expected end, when announced", ({ x }) =>
      x.expectedLiftDate ? isoCalendarDate(x.expectedLiftDate) : null,
    ),
    field("lifted_at", "datetime", "End (UTC); empty while the pause lasts", ({ x }) =>
      x.liftedAt ? x.liftedAt.toISOString() : null,
    ),
  ],
);

/** The comment periods of the public projects, in project then opening order, a batch at a time. */
async function* periodBatches(scope: OpenDataScope) {
  for await (const batch of projectBatches(scope)) {
    const slugs = new Map(batch.map((p) => [p.id, p.slug]));
    const periods = await prisma.commentPeriod.findMany({
      where: { projectId: { in: [...slugs.keys()] } },
      orderBy: [{ opensAt: "asc" }, { id: "asc" }],
      select: {
        ...PUBLIC_PERIOD_FIELDS,
        projectId: true,
        changes: {
          orderBy: [{ changedAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, previousClosesAt: true, newClosesAt: true, reason: true, changedAt: true },
        },
      },
    });
    yield sortByProject(periods, (x) => slugs.get(x.projectId) ?? "").map((x) => ({
      ...x,
      slug: slugs.get(x.projectId)!,
    }));
  }
}

async function* commentPeriodsSource(scope: OpenDataScope) {
  for await (const periods of periodBatches(scope)) {
    const counts = await prisma.comment.groupBy({
      by: ["periodId", "status"],
      where: { periodId: { in: periods.map((x) => x.id) } },
      _count: { _all: true },
    });
    const count = (periodId: string, published: boolean) =>
      counts
        .filter((k) => k.periodId === periodId && (k.status === "PUBLISHED") === published)
        .reduce((sum, k) => sum + k._count._all, 0);
    for (const x of periods) {
      yield { count, x };
    }
  }
}

const commentPeriods = dataset(
  {
    key: "comment_periods",
    title: "Comment periods",
    description: "Every public comment period, its deadline as first set and as it stands, and its comment counts.",
  },
  commentPeriodsSource,
  (field) => [
    field("period_id", "string", "Identifier of the comment period", ({ x }) => x.id),
    field("project_id", "string", "Project identifier (Lodestone slug)", ({ x }) => x.slug),
    field("stage", "string", "Stage the period belongs to (stage key)", ({ x }) => x.stage),
    field("title", "string", "Title", ({ x }) => x.title),
    field("description", "string", "Description", ({ x }) => x.description),
    field("opens_at", "datetime", "Opening, in the agency's zone with its UTC offset", ({ x }) =>
      isoInZone(x.opensAt, x.timeZone),
    ),
    field("closes_at", "datetime", "Deadline as it stands, in the agency's zone with its UTC offset", ({ x }) =>
      isoInZone(x.closesAt, x.timeZone),
    ),
    field("original_closes_at", "datetime", "Deadline as first set", ({ x }) =>
      isoInZone(x.changes[0]?.previousClosesAt ?? x.closesAt, x.timeZone),
    ),
    field("time_zone", "string", "The agency's IANA time zone, in which the deadline is stated", ({ x }) => x.timeZone),
    field(
      "deadline_changes",
      "integer",
      "How many times the deadline was extended or the period reopened (see comment_period_changes)",
      ({ x }) => x.changes.length,
    ),
    field(
      "allows_anonymous_comments",
      "boolean",
      "Whether comments without a name are accepted",
      ({ x }) => x.allowAnonymous,
    ),
    field("published_comments", "integer", "Published comments", ({ count, x }) => count(x.id, true)),
    field(
      "withheld_comments",
      "integer",
      "Comments hidden by a moderator or pending review (listed as withheld in comments)",
      ({ count, x }) => count(x.id, false),
    ),
    field("url", "string", "The period's page", ({ x }) => `${base()}/comment-periods/${x.id}`),
  ],
);

async function* commentPeriodChangesSource(scope: OpenDataScope) {
  for await (const periods of periodBatches(scope)) {
    for (const x of periods) {
      for (const ch of x.changes) {
        yield { x, ch };
      }
    }
  }
}

const commentPeriodChanges = dataset(
  {
    key: "comment_period_changes",
    title: "Comment period extensions and reopenings",
    description: "Every change of a comment period's deadline, with its reason.",
  },
  commentPeriodChangesSource,
  (field) => [
    field("change_id", "string", "Identifier of the change", ({ ch }) => ch.id),
    field("period_id", "string", "Comment period (see comment_periods)", ({ x }) => x.id),
    field("project_id", "string", "Project identifier (Lodestone slug)", ({ x }) => x.slug),
    field("kind", "string", "EXTEND or REOPEN", ({ ch }) => ch.kind),
    field("previous_closes_at", "datetime", "Deadline before, in the agency's zone with its UTC offset", ({ x, ch }) =>
      isoInZone(ch.previousClosesAt, x.timeZone),
    ),
    field("new_closes_at", "datetime", "Deadline after", ({ x, ch }) => isoInZone(ch.newClosesAt, x.timeZone)),
    field("reason", "string", "Reason given", ({ ch }) => ch.reason),
    field("changed_at", "datetime", "When the change was made (UTC)", ({ ch }) => ch.changedAt.toISOString()),
  ],
);

const COMMENT_COLUMN_NOTES: Record<string, Column> = {
  receipt: c("receipt", "string", "Public tracking number of the comment"),
  submitted_at: c("submitted_at", "datetime", "Receipt time in the agency's zone with its UTC offset"),
  time_zone: c("time_zone", "string", "The agency's IANA zone"),
  submitter_type: c("submitter_type", "string", "INDIVIDUAL, ORGANIZATION or ANONYMOUS"),
  display_name: c("display_name", "string", "Name shown with the comment; '[withheld]' for a hidden or pending one"),
  organization: c("organization", "string", "Organization commented for; '[withheld]' for a hidden or pending one"),
  status: c("status", "string", "PUBLISHED, HIDDEN (by a moderator) or PENDING_REVIEW (hidden after reports)"),
  campaign_id: c("campaign_id", "string", "Form-letter campaign (see campaigns), for published copies"),
  added_text: c("added_text", "string", "What the commenter added to a form letter"),
  text: c("text", "string", "The comment; for a hidden or pending one only the moderator's reason"),
  attachment_count: c("attachment_count", "integer", "Files attached"),
  response_url: c("response_url", "string", "Official responses answering the comment, separated by spaces"),
};

// The public comment export's columns, each described; a column added there without a description
// here fails at start, so the dictionary cannot fall behind the file.
const exportedCommentColumns = exportColumns({ full: false }).map((name) => {
  const column = COMMENT_COLUMN_NOTES[name];
  if (!column) throw new Error(`The open-data dictionary has no description of the comment column ${name}.`);
  return column;
});

const comments: Dataset = {
  key: "comments",
  title: "Comments",
  description:
    "Every comment received, as the public comment export writes it: a hidden or pending comment is listed so the totals match, its text, name and organization withheld.",
  columns: [
    c("project_id", "string", "Project identifier (Lodestone slug)"),
    c("period_id", "string", "Comment period (see comment_periods)"),
    ...exportedCommentColumns,
  ],
  async *rows(scope) {
    for await (const periods of periodBatches(scope)) {
      for (const x of periods) {
        for await (const row of exportComments(x.id, { full: false })) yield [x.slug, x.id, ...row.map(cellOf)];
      }
    }
  },
};

async function* campaignsSource(scope: OpenDataScope) {
  for await (const periods of periodBatches(scope)) {
    for (const x of periods) {
      for (const k of await listCampaigns(x.id)) {
        yield { x, k };
      }
    }
  }
}

const campaigns = dataset(
  {
    key: "campaigns",
    title: "Form-letter campaigns",
    description:
      "Groups of identical or near-identical published comments (two copies or more), with honest counts that add up: identical copies + form letters with added text + edited copies = comments.",
  },
  campaignsSource,
  (field) => [
    field("campaign_id", "string", "Identifier of the campaign (comments.campaign_id)", ({ k }) => k.campaignId),
    field("project_id", "string", "Project identifier (Lodestone slug)", ({ x }) => x.slug),
    field("period_id", "string", "Comment period", ({ x }) => x.id),
    field("comments", "integer", "Published comments in the campaign", ({ k }) => k.comments),
    field("identical_copies", "integer", "Exact copies of the representative text", ({ k }) => k.identicalCopies),
    field(
      "form_letters_with_added_text",
      "integer",
      "Copies with text the commenter added",
      ({ k }) => k.formLettersWithAddedText,
    ),
    field("edited_copies", "integer", "Copies changed without added text", ({ k }) => k.editedCopies),
    field(
      "representative_receipt",
      "string",
      "Receipt number of the published comment shown as the campaign's text",
      ({ k }) => k.representativeReceipt,
    ),
    field("representative_text", "string", "The campaign's text", ({ k }) => k.representativeText),
  ],
);

async function* responsesSource(scope: OpenDataScope) {
  for await (const periods of periodBatches(scope)) {
    const slugs = new Map(periods.map((x) => [x.id, x.slug]));
    const rows = await prisma.officialResponse.findMany({
      where: { periodId: { in: [...slugs.keys()] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        periodId: true,
        issue: true,
        text: true,
        createdAt: true,
        comments: {
          select: { comment: { select: { receiptNumber: true } } },
          orderBy: { comment: { receiptNumber: "asc" } },
        },
      },
    });
    for (const r of sortByProject(rows, (x) => slugs.get(x.periodId) ?? "")) {
      yield { slugs, r };
    }
  }
}

const responses = dataset(
  {
    key: "responses",
    title: "Official responses",
    description: "The agencies' responses to comments, each with the receipt numbers of the comments it answers.",
  },
  responsesSource,
  (field) => [
    field("response_id", "string", "Identifier of the response", ({ r }) => r.id),
    field(
      "project_id",
      "string",
      "Project identifier (Lodestone slug)",
      ({ slugs, r }) => slugs.get(r.periodId) ?? null,
    ),
    field("period_id", "string", "Comment period", ({ r }) => r.periodId),
    field("issue", "string", "The issue the response addresses", ({ r }) => r.issue),
    field("text", "string", "The response", ({ r }) => r.text),
    field("responded_at", "datetime", "When it was published (UTC)", ({ r }) => r.createdAt.toISOString()),
    field("comment_receipts", "string", "Receipt numbers of the comments it answers, separated by spaces", ({ r }) =>
      r.comments.map((x) => x.comment.receiptNumber).join(" "),
    ),
    field("comment_count", "integer", "How many comments it answers", ({ r }) => r.comments.length),
    field(
      "url",
      "string",
      "The response on the period's responses page",
      ({ r }) => `${base()}/comment-periods/${r.periodId}/responses#response-${r.id}`,
    ),
  ],
);

async function* moderationLogSource(scope: OpenDataScope) {
  for await (const periods of periodBatches(scope)) {
    const slugs = new Map(periods.map((x) => [x.id, x.slug]));
    const rows = await prisma.moderationAction.findMany({
      where: { periodId: { in: [...slugs.keys()] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        periodId: true,
        kind: true,
        reason: true,
        createdAt: true,
        comment: { select: { receiptNumber: true } },
      },
    });
    for (const m of sortByProject(rows, (x) => slugs.get(x.periodId) ?? "")) {
      yield { slugs, m };
    }
  }
}

const moderationLog = dataset(
  {
    key: "moderation_log",
    title: "Moderation log",
    description:
      "Every moderation decision on a comment: what, when and why, by receipt number (never the hidden text or the moderator).",
  },
  moderationLogSource,
  (field) => [
    field("action_id", "string", "Identifier of the decision", ({ m }) => m.id),
    field(
      "project_id",
      "string",
      "Project identifier (Lodestone slug)",
      ({ slugs, m }) => slugs.get(m.periodId) ?? null,
    ),
    field("period_id", "string", "Comment period", ({ m }) => m.periodId),
    field("receipt", "string", "Receipt number of the comment", ({ m }) => m.comment.receiptNumber),
    field(
      "kind",
      "string",
      "PUBLISH, HIDE, RESTORE or AUTO_HIDE (hidden automatically after reports)",
      ({ m }) => m.kind,
    ),
    field("reason", "string", "Reason given", ({ m }) => m.reason),
    field("decided_at", "datetime", "When (UTC)", ({ m }) => m.createdAt.toISOString()),
  ],
);

export const DATASETS: readonly Dataset[] = [
  projects,
  milestones,
  dateChanges,
  stageTransitions,
  pauses,
  commentPeriods,
  commentPeriodChanges,
  comments,
  campaigns,
  responses,
  moderationLog,
];

export function findDataset(key: string): Dataset | undefined {
  return DATASETS.find((d) => d.key === key);
}

function cellOf(value: string | number | null | undefined): CellValue {
  return value === undefined || value === "" ? null : value;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

// Stable: rows already in time order stay so within their project; projects come in slug order.
function sortByProject<T>(rows: T[], slug: (row: T) => string): T[] {
  return rows
    .map((row, index) => ({ row, index, slug: slug(row) }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.index - b.index))
    .map((x) => x.row);
}
