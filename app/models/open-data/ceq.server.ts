// The public record in CEQ's NEPA and Permitting Data and Technology Standard (JSON Schema draft-07,
// https://permitting.innovation.gov/schemas/v1.0.0/nepa.schema.json, vendored in
// test/fixtures/ceq-nepa-data-standard/). The mapping, field by field, and every extension under
// `other` are documented in docs/open-data-ceq-mapping.md; change both together.
//
// Records are yielded one at a time, tagged with their collection, so the whole-record file is
// written as a stream (app/services/open-data.server.ts) and one project's document is gathered
// in memory only for the one-project API. Visibility follows the public pages: comments come from
// the public comment export (hidden ones withheld), counts from periodCounts, files only when
// public and outside an unsubmitted draft, permit applications only once submitted.
import type { PackageStatus } from "@prisma/client";
import { env } from "~/env.server";
import { exportColumns, exportComments } from "~/models/comments/comment-export.server";
import { periodCounts } from "~/models/comments/comment-reading.server";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { OUTSIDE_DRAFTS } from "~/models/package.server";
import { milestoneStatus } from "~/models/schedule";
import { PROJECT_STATUS_LABELS, REVIEW_TRACKS, stageLabel } from "~/models/workflow";
import { PUBLIC_DATE_CHANGE_FIELDS, PUBLIC_MILESTONE_SELECT } from "~/models/milestone.server";
import { PUBLIC_PERIOD_FIELDS } from "~/models/comments/comment-period.server";
import { prisma } from "~/services/db.server";
import { isoCalendarDate, isoDay, isoInZone, projectTimeZone, todayUtc } from "~/utils/dates";
import { loadProjectsBySlug, type OpenDataProject } from "./datasets.server";

export const CEQ_SCHEMA_ID = "https://permitting.innovation.gov/schemas/v1.0.0/nepa.schema.json";
export const CEQ_COLLECTIONS = [
  "projects",
  "processes",
  "documents",
  "public_comments",
  "public_engagement_events",
  "case_events",
  "gis_data",
] as const;
export type CeqCollection = (typeof CEQ_COLLECTIONS)[number];
export type CeqRecord = Record<string, unknown>;
export type CeqItem = { collection: CeqCollection; record: CeqRecord };
export type CeqDocument = { metadata: CeqMetadata } & Record<CeqCollection, CeqRecord[]>;

export type CeqMetadata = {
  standard: string;
  schema: string;
  source_system: string;
  source_url: string;
  retrieved_timestamp: string;
  includes_fictional_training_project: boolean;
  mapping: string;
};

export const SOURCE_SYSTEM = "Lodestone";
const NOT_DESIGNATED = "Lead agency not yet designated";

export function ceqMetadata(retrievedAt: Date, includesTraining: boolean): CeqMetadata {
  const base = env().APP_URL.replace(/\/$/, "");
  return {
    standard: "CEQ NEPA and Permitting Data and Technology Standard",
    schema: CEQ_SCHEMA_ID,
    source_system: SOURCE_SYSTEM,
    source_url: base,
    retrieved_timestamp: retrievedAt.toISOString(),
    includes_fictional_training_project: includesTraining,
    mapping: `${base}/open-data#ceq`,
  };
}

// The standard's document types are only these four; a comment period at another stage (an EA,
// scoping without a notice) has no document record and its comments point at the period instead.
const STAGE_DOCUMENT_TYPE: Record<string, "NOI" | "Draft EIS" | "Final EIS" | "ROD"> = {
  noi_scoping: "NOI",
  draft_eis: "Draft EIS",
  final_eis: "Final EIS",
  objection_period: "Final EIS",
  record_of_decision: "ROD",
};
const MILESTONE_DOCUMENT_TYPE: Record<string, "NOI" | "Draft EIS" | "Final EIS" | "ROD"> = {
  noi: "NOI",
  deis: "Draft EIS",
  sdeis: "Draft EIS",
  feis: "Final EIS",
  feis_draft_rod: "Final EIS",
  rod: "ROD",
};
const MILESTONE_EVENT_TYPE: Record<string, string> = {
  noi: "NOI",
  deis: "Draft EIS",
  sdeis: "Supplemental Draft EIS",
  feis: "Final EIS",
  feis_draft_rod: "Final EIS",
  rod: "ROD",
};

function idsFor(slug: string) {
  return {
    project: slug,
    nepa: `${slug}/nepa`,
    permit: (id: string) => `${slug}/permit/${id}`,
    location: `${slug}/location`,
    period: (id: string) => `${slug}/comment-period/${id}`,
    periodDocument: (id: string) => `${slug}/comment-period/${id}/document`,
    milestone: (key: string) => `${slug}/milestone/${key}`,
    milestoneDocument: (key: string) => `${slug}/milestone/${key}/document`,
    transition: (id: string) => `${slug}/stage-transition/${id}`,
    pause: (id: string) => `${slug}/pause/${id}`,
  };
}

function projectStatus(p: OpenDataProject): string {
  if (p.status === "PAUSED") return "paused";
  if (p.status !== "IN_PROGRESS") return "completed";
  return p.currentStage === "pre_application" ? "pre-application" : "underway";
}

function processStatus(p: OpenDataProject): string {
  if (p.status === "PAUSED") return "paused";
  if (p.status !== "IN_PROGRESS") return "completed";
  return p.currentStage === "pre_application" ? "planned" : "underway";
}

const PROCESS_OUTCOME: Partial<Record<OpenDataProject["status"], string>> = {
  APPROVED: "Approved",
  DENIED: "Denied",
  WITHDRAWN: "Withdrawn by the sponsor",
};

const PERMIT_STATUS: Record<Exclude<PackageStatus, "DRAFT">, string> = {
  SUBMITTED: "underway",
  COMPLETE: "underway",
  DEFICIENT: "paused",
};

/** All CEQ records of the given projects, project by project. */
export async function* ceqRecords(projects: OpenDataProject[], retrievedAt: Date): AsyncGenerator<CeqItem> {
  const base = env().APP_URL.replace(/\/$/, "");
  const today = todayUtc();
  for (const p of projects) {
    const ids = idsFor(p.slug);
    const leadAgency = p.leadAgency?.name ?? NOT_DESIGNATED;
    const zone = projectTimeZone(p);
    const provenance = (lastUpdated: Date, version: number | string = 1) => ({
      data_record_version: String(version),
      data_source_agency: leadAgency,
      data_source_system: SOURCE_SYSTEM,
      last_updated: lastUpdated.toISOString(),
      record_owner_agency: leadAgency,
      retrieved_timestamp: retrievedAt.toISOString(),
    });
    const [milestones, transitions, pauses, periods, permits] = await loadProjectParts(p.id);
    const hasLocation = p.latitude !== null && p.longitude !== null;

    yield {
      collection: "projects",
      record: {
        project_id: ids.project,
        project_title: p.name,
        project_description: p.description,
        project_sector: "mining",
        project_type: `${p.commodities.join(", ")} mine`,
        project_sponsor: { name: p.company.name },
        lead_agency: leadAgency,
        participating_agencies: p.cooperatingAgencies.map((a) => a.agency.name),
        location: {
          description: `${p.county} County, ${p.state}`,
          ...(hasLocation && { gis_reference: ids.location }),
        },
        ...(hasLocation && { location_lat: Number(p.latitude), location_lon: Number(p.longitude) }),
        current_status: projectStatus(p),
        ...provenance(p.updatedAt, p.version),
        other: {
          lodestone_url: `${base}/projects/${p.slug}`,
          status: p.status,
          status_label: PROJECT_STATUS_LABELS[p.status],
          commodities: p.commodities,
          state: p.state,
          county: p.county,
          land_status: p.landStatus,
          federal_category: p.federalCategory,
          website: p.website,
          fictional_training_project: p.isTraining,
        },
      },
    };

    const latestPeriod = periods.at(-1);
    const noi = milestones.find((m) => m.key === "noi")?.actualDate;
    const decision = milestones.find((m) => m.key === "rod" || m.key === "decision")?.actualDate;
    yield {
      collection: "processes",
      record: {
        process_id: ids.nepa,
        project_id: ids.project,
        process_type: p.reviewTrack,
        process_status: processStatus(p),
        process_stage: stageLabel(p.reviewTrack, p.currentStage),
        ...(noi && { start_date: isoDay(noi) }),
        ...(decision && p.status !== "IN_PROGRESS" && p.status !== "PAUSED" && { completion_date: isoDay(decision) }),
        ...(PROCESS_OUTCOME[p.status] && { process_outcome: PROCESS_OUTCOME[p.status] }),
        lead_agency: leadAgency,
        cooperating_agencies: p.cooperatingAgencies.map((a) => a.agency.name),
        description: REVIEW_TRACKS[p.reviewTrack].label,
        ...(latestPeriod && {
          comment_period_start: latestPeriod.opensAt.toISOString(),
          comment_period_end: latestPeriod.closesAt.toISOString(),
        }),
        ...provenance(p.updatedAt, p.version),
        other: { review_track: p.reviewTrack, current_stage: p.currentStage, federal_category: p.federalCategory },
      },
    };

    for (const permit of permits) {
      const latest = permit.versions[0];
      yield {
        collection: "processes",
        record: {
          process_id: ids.permit(permit.id),
          parent_process_id: ids.nepa,
          project_id: ids.project,
          // The standard's process types are levels of NEPA review only; a permit is reviewed
          // under its project's NEPA review, whose level it carries (docs/open-data-ceq-mapping.md).
          process_type: p.reviewTrack,
          process_status: PERMIT_STATUS[permit.status as Exclude<PackageStatus, "DRAFT">] ?? "underway",
          process_stage: `Application ${permit.status.toLowerCase()}`,
          ...(latest && { start_date: isoDay(latest.submittedAt) }),
          lead_agency: leadAgency,
          description: permit.permitName ?? permit.title,
          ...provenance(permit.updatedAt, permit.versionCount),
          other: {
            kind: "permit_application",
            permit_name: permit.permitName,
            application_title: permit.title,
            application_status: permit.status,
            versions_submitted: permit.versionCount,
            ...(latest?.determination && {
              completeness_determination: latest.determination,
              determined_at: latest.determinedAt?.toISOString() ?? null,
            }),
          },
        },
      };
    }

    for (const period of periods) {
      const type = p.reviewTrack === "EIS" ? STAGE_DOCUMENT_TYPE[period.stage] : undefined;
      const periodUrl = `${base}/comment-periods/${period.id}`;
      if (type) {
        yield {
          collection: "documents",
          record: {
            document_id: ids.periodDocument(period.id),
            process_id: ids.nepa,
            document_type: type,
            title: `${type}: ${p.name}`,
            publish_date: isoInZone(period.opensAt, period.timeZone).slice(0, 10),
            prepared_by: leadAgency,
            status: "published for comment",
            url: periodUrl,
            public_access: "public",
            ...provenance(period.createdAt),
            other: {
              comment_period_id: period.id,
              files: period.documents.map(({ document }) => ({
                file_id: document.id,
                name: document.originalName,
                content_type: document.contentType,
                size_bytes: document.sizeBytes,
                sha256: document.sha256,
                url: `${base}/documents/${document.id}`,
              })),
            },
          },
        };
      }
      const counts = await periodCounts(period.id);
      const original = period.changes[0]?.previousClosesAt ?? period.closesAt;
      yield {
        collection: "public_engagement_events",
        record: {
          event_id: ids.period(period.id),
          type: "solicitation",
          date: isoInZone(period.opensAt, period.timeZone).slice(0, 10),
          end_datetime: isoInZone(period.closesAt, period.timeZone),
          location: { type: "virtual", details: periodUrl },
          related_process_id: ids.nepa,
          ...(type && { related_document_ids: [ids.periodDocument(period.id)] }),
          participation_method: "online",
          ...provenance(period.changes.at(-1)?.changedAt ?? period.createdAt, period.lockVersion),
          other: {
            kind: "comment_period",
            title: period.title,
            description: period.description,
            stage: period.stage,
            opens_at: isoInZone(period.opensAt, period.timeZone),
            closes_at: isoInZone(period.closesAt, period.timeZone),
            original_closes_at: isoInZone(original, period.timeZone),
            time_zone: period.timeZone,
            allows_anonymous_comments: period.allowAnonymous,
            deadline_changes: period.changes.map((change) => ({
              kind: change.kind,
              previous_closes_at: isoInZone(change.previousClosesAt, period.timeZone),
              new_closes_at: isoInZone(change.newClosesAt, period.timeZone),
              reason: change.reason,
              changed_at: change.changedAt.toISOString(),
            })),
            comment_counts: {
              published: counts.totalComments,
              unique: counts.uniqueComments,
              in_campaigns: counts.copiesInCampaigns,
              identical_copies: counts.identicalCopies,
              form_letters_with_added_text: counts.formLettersWithAddedText,
              edited_copies: counts.editedCopies,
            },
            campaigns: counts.byCampaign.map((k) => ({
              campaign_id: k.campaignId,
              comments: k.comments,
              identical_copies: k.identicalCopies,
              form_letters_with_added_text: k.formLettersWithAddedText,
              edited_copies: k.editedCopies,
              representative_receipt: k.representativeReceipt,
              representative_text: k.representativeText,
            })),
          },
        },
      };

      yield* periodComments(period, {
        related: type ? ids.periodDocument(period.id) : ids.period(period.id),
        engagement: ids.period(period.id),
        base,
        provenance,
      });
    }

    // A NEPA document milestone that happened is a published document (the notice, the draft and
    // final EIS, the decision), whether or not its file is stored on Lodestone.
    for (const m of milestones) {
      const type = MILESTONE_DOCUMENT_TYPE[m.key];
      if (!type || !m.actualDate) continue;
      yield {
        collection: "documents",
        record: {
          document_id: ids.milestoneDocument(m.key),
          process_id: ids.nepa,
          document_type: type,
          title: `${m.name}: ${p.name}`,
          ...(m.key === "sdeis" && { supplement_number: 1 }),
          publish_date: isoDay(m.actualDate),
          prepared_by: m.agency?.name ?? leadAgency,
          status: "published",
          ...(m.sourceUrl && { url: m.sourceUrl }),
          public_access: "public",
          ...provenance(m.updatedAt),
          other: { milestone_key: m.key, date_precision: m.datePrecision },
        },
      };
    }

    // Lodestone has no meeting record of its own; a milestone keyed as meetings (seed data from the
    // public record, e.g. "deis_meetings") is one, and is listed as a public meeting as well.
    for (const m of milestones) {
      const when = m.actualDate ?? m.targetDate;
      if (!/(^|_)meetings?($|_)/.test(m.key) || !when) continue;
      yield {
        collection: "public_engagement_events",
        record: {
          event_id: ids.milestone(m.key),
          type: "public meeting",
          date: isoDay(when),
          related_process_id: ids.nepa,
          ...(/virtual/i.test(m.name) && { location: { type: "virtual" }, participation_method: "virtual" }),
          ...provenance(m.updatedAt),
          other: {
            kind: "meeting_milestone",
            name: m.name,
            note: m.note,
            source_url: m.sourceUrl,
            date_precision: m.datePrecision,
            held: m.actualDate !== null,
          },
        },
      };
    }

    for (const m of milestones) {
      const when = m.actualDate ?? m.targetDate ?? m.baselineDate;
      // event_date is required: a milestone with no date at all has nothing to place on a timeline.
      if (!when) continue;
      const precise = (value: Date | null) => (value ? isoCalendarDate(value, m.datePrecision) : null);
      yield {
        collection: "case_events",
        record: {
          case_event_id: ids.milestone(m.key),
          process_id: ids.nepa,
          event_name: m.name,
          event_date: isoDay(when),
          event_type: MILESTONE_EVENT_TYPE[m.key] ?? "milestone",
          ...(MILESTONE_DOCUMENT_TYPE[m.key] && m.actualDate && { document_id: ids.milestoneDocument(m.key) }),
          status: m.actualDate ? "completed" : "pending",
          ...(m.note && { description: m.note }),
          ...(m.sourceUrl && { source: m.sourceUrl }),
          assigned_entity: m.agency?.name ?? m.authority ?? leadAgency,
          public_access: "public",
          ...provenance(m.updatedAt),
          other: {
            kind: "milestone",
            milestone_key: m.key,
            jurisdiction: m.jurisdiction,
            authority: m.authority,
            date_precision: m.datePrecision,
            baseline_date: precise(m.baselineDate),
            target_date: precise(m.targetDate),
            actual_date: precise(m.actualDate),
            schedule_status: milestoneStatus(m, { today, projectPaused: p.status === "PAUSED" }),
            date_changes: m.dateChanges.map((d) => ({
              previous_date: precise(d.previousDate),
              new_date: precise(d.newDate),
              reason: d.reason,
              reason_label: DATE_CHANGE_REASON_LABELS[d.reason],
              narrative: d.narrative,
              source_url: d.sourceUrl,
              changed_at: d.changedAt.toISOString(),
            })),
          },
        },
      };
    }

    for (const t of transitions) {
      const at = t.occurredAtPrecision
        ? isoCalendarDate(t.occurredAt, t.occurredAtPrecision)
        : isoInZone(t.occurredAt, zone);
      yield {
        collection: "case_events",
        record: {
          case_event_id: ids.transition(t.id),
          process_id: ids.nepa,
          event_name: `${t.kind === "RECORD" || t.kind === "ADVANCE" ? "Stage" : t.kind.toLowerCase()}: ${stageLabel(p.reviewTrack, t.toStage)}`,
          event_date: t.occurredAtPrecision ? isoDay(t.occurredAt) : at.slice(0, 10),
          event_type: "stage_transition",
          status: "completed",
          outcome: PROJECT_STATUS_LABELS[t.toStatus],
          description: t.reason,
          ...(t.sourceUrl && { source: t.sourceUrl }),
          public_access: "public",
          ...provenance(t.occurredAt),
          other: {
            kind: "stage_transition",
            transition: t.kind,
            from_stage: t.fromStage,
            to_stage: t.toStage,
            from_status: t.fromStatus,
            to_status: t.toStatus,
            occurred_at: at,
            date_precision: t.occurredAtPrecision ?? "INSTANT",
          },
        },
      };
    }

    for (const x of pauses) {
      yield {
        collection: "case_events",
        record: {
          case_event_id: ids.pause(x.id),
          process_id: ids.nepa,
          event_name: "Review paused",
          event_date: isoInZone(x.startedAt, zone).slice(0, 10),
          event_type: "pause",
          status: x.liftedAt ? "completed" : "in progress",
          description: x.summary,
          public_access: "public",
          ...provenance(x.liftedAt ?? x.startedAt),
          other: {
            kind: "pause",
            reason: x.reason,
            reason_label: DATE_CHANGE_REASON_LABELS[x.reason],
            started_at: x.startedAt.toISOString(),
            expected_lift_date: x.expectedLiftDate ? isoDay(x.expectedLiftDate) : null,
            lifted_at: x.liftedAt?.toISOString() ?? null,
          },
        },
      };
    }

    if (hasLocation) {
      const lat = Number(p.latitude);
      const lon = Number(p.longitude);
      yield {
        collection: "gis_data",
        record: {
          gis_id: ids.location,
          description: `Location of ${p.name} (${p.county} County, ${p.state})`,
          creator: SOURCE_SYSTEM,
          container_inventory: {
            format: "GeoJSON",
            access_method: "API",
            coordinate_system: "WGS 84 (EPSG:4326)",
            purpose: "bespoke",
          },
          centroid_latitude: lat,
          centroid_longitude: lon,
          ...provenance(p.updatedAt, p.version),
          other: {
            project_id: ids.project,
            geojson: {
              type: "Feature",
              geometry: { type: "Point", coordinates: [lon, lat] },
              properties: { project_id: ids.project, name: p.name },
            },
          },
        },
      };
    }
  }
}

type Provenance = (lastUpdated: Date, version?: number | string) => Record<string, string>;
type LoadedPeriod = Awaited<ReturnType<typeof loadProjectParts>>[3][number];

const COMMENT_COLUMNS = exportColumns({ full: false });

async function* periodComments(
  period: LoadedPeriod,
  options: { related: string; engagement: string; base: string; provenance: Provenance },
): AsyncGenerator<CeqItem> {
  // Responses by the receipt of each comment they answer; they are few next to the comments.
  const links = await prisma.officialResponseComment.findMany({
    where: { response: { periodId: period.id } },
    select: {
      comment: { select: { receiptNumber: true } },
      response: { select: { id: true, issue: true, text: true, createdAt: true } },
    },
    orderBy: [{ response: { createdAt: "asc" } }, { responseId: "asc" }],
  });
  const answers = new Map<string, (typeof links)[number]["response"][]>();
  for (const link of links) {
    const list = answers.get(link.comment.receiptNumber) ?? [];
    list.push(link.response);
    answers.set(link.comment.receiptNumber, list);
  }
  for await (const row of exportComments(period.id, { full: false })) {
    const value = (name: string) => row[COMMENT_COLUMNS.indexOf(name)];
    const receipt = String(value("receipt"));
    const status = String(value("status"));
    const withheld = status !== "PUBLISHED";
    const submittedAt = String(value("submitted_at"));
    const responses = answers.get(receipt) ?? [];
    yield {
      collection: "public_comments",
      record: {
        comment_id: receipt,
        commenter_name: String(value("display_name")),
        content: String(value("text")),
        date_submitted: submittedAt.slice(0, 10),
        related_document_id: options.related,
        method_of_submission: "online",
        public_access: withheld ? "withheld" : "public",
        ...(responses.length > 0 && {
          agency_response: responses.map((r) => r.text).join("\n\n"),
          response_json: {
            responses: responses.map((r) => ({
              response_id: r.id,
              issue: r.issue,
              text: r.text,
              responded_at: r.createdAt.toISOString(),
              url: `${options.base}/comment-periods/${period.id}/responses#response-${r.id}`,
            })),
          },
        }),
        ...options.provenance(new Date(submittedAt)),
        other: {
          receipt,
          status,
          withheld,
          comment_period_id: period.id,
          public_engagement_event_id: options.engagement,
          submitted_at: submittedAt,
          time_zone: value("time_zone"),
          submitter_type: value("submitter_type"),
          organization: value("organization") || null,
          campaign_id: value("campaign_id") || null,
          added_text: value("added_text") || null,
          attachment_count: value("attachment_count"),
        },
      },
    };
  }
}

function loadProjectParts(projectId: string) {
  return Promise.all([
    prisma.milestone.findMany({
      where: { projectId },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        ...PUBLIC_MILESTONE_SELECT,
        updatedAt: true,
        dateChanges: {
          orderBy: [{ changedAt: "asc" }, { id: "asc" }],
          select: PUBLIC_DATE_CHANGE_FIELDS,
        },
      },
    }),
    prisma.stageTransition.findMany({ where: { projectId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] }),
    prisma.projectPause.findMany({ where: { projectId }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
    prisma.commentPeriod.findMany({
      where: { projectId },
      orderBy: [{ opensAt: "asc" }, { id: "asc" }],
      select: {
        ...PUBLIC_PERIOD_FIELDS,
        createdAt: true,
        lockVersion: true,
        changes: {
          orderBy: [{ changedAt: "asc" }, { id: "asc" }],
          select: { kind: true, previousClosesAt: true, newClosesAt: true, reason: true, changedAt: true },
        },
        documents: {
          where: { document: { visibility: "PUBLIC", ...OUTSIDE_DRAFTS } },
          orderBy: { document: { originalName: "asc" } },
          select: {
            document: { select: { id: true, originalName: true, contentType: true, sizeBytes: true, sha256: true } },
          },
        },
      },
    }),
    // Public as on the packages page: an unsubmitted draft is the company's working paper.
    prisma.permitPackage.findMany({
      where: { projectId, kind: "PERMIT_APPLICATION", OR: [{ status: { not: "DRAFT" } }, { versionCount: { gt: 0 } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        permitName: true,
        status: true,
        versionCount: true,
        updatedAt: true,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { submittedAt: true, determination: true, determinedAt: true },
        },
      },
    }),
  ] as const);
}

/** One project's record in the standard, for /api/v1/projects/{slug}/ceq. Asked for by name, so
 * the training project is included (marked fictional). Null when there is no such project. */
export async function ceqDocumentForProject(slug: string, retrievedAt = new Date()): Promise<CeqDocument | null> {
  const [project] = await loadProjectsBySlug([slug]);
  if (!project) return null;
  const document = emptyCeqDocument(ceqMetadata(retrievedAt, project.isTraining));
  for await (const item of ceqRecords([project], retrievedAt)) document[item.collection].push(item.record);
  return document;
}

export function emptyCeqDocument(metadata: CeqMetadata): CeqDocument {
  return {
    metadata,
    projects: [],
    processes: [],
    documents: [],
    public_comments: [],
    public_engagement_events: [],
    case_events: [],
    gis_data: [],
  };
}
