// A project's schedule and record as the public may read it: milestones, date changes, pauses, stage
// transitions, public documents, the public facts of information requests and the review clock.
// Each select names its columns: nobody's name, email or address is read, and a document is listed
// only when the policy lets anyone read it (public, outside an unsubmitted draft).
import { PUBLIC_DATE_CHANGE_FIELDS, PUBLIC_MILESTONE_SELECT } from "~/models/milestone.server";
import { prisma } from "~/services/db.server";
import { can } from "~/policy";
import { isoCalendarDate } from "~/utils/dates";
import {
  getClockAndRequestsForProjectPage,
  publicRequestList,
} from "../information-requests/information-request-reads.server";
import { DATE_CHANGE_REASON_LABELS } from "../milestone.labels";
import { OUTSIDE_DRAFTS } from "../package.server";
import { milestoneStatus } from "../schedule";
import { stageLabel } from "../workflow";
import { afterKey, paged, type KeysetPage } from "./page.server";
import type { PublicProjectRef } from "./projects.server";
import { publicUrl } from "./urls.server";

export type InstantKey = { value: Date; id: string };
const instantKey = (value: Date, id: string): InstantKey => ({ value, id });
const day = (value: Date | null, precision: "DAY" | "MONTH" | "YEAR") =>
  value ? isoCalendarDate(value, precision) : null;

export async function listPublicMilestones(
  project: PublicProjectRef,
  page: KeysetPage<{ value: number; id: string }>,
  today: Date,
) {
  const rows = await prisma.milestone.findMany({
    where: { projectId: project.id, ...afterKey("sortOrder", page.after) },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: { ...PUBLIC_MILESTONE_SELECT, sortOrder: true },
  });
  const { items, nextKey } = paged(rows, page.limit, (m) => ({ value: m.sortOrder, id: m.id }));
  const projectPaused = project.status === "PAUSED";
  return {
    nextKey,
    items: items.map((m) => ({
      key: m.key,
      name: m.name,
      jurisdiction: m.jurisdiction,
      agency: m.agency?.name ?? null,
      authority: m.authority,
      datePrecision: m.datePrecision,
      baselineDate: day(m.baselineDate, m.datePrecision),
      targetDate: day(m.targetDate, m.datePrecision),
      actualDate: day(m.actualDate, m.datePrecision),
      schedule: milestoneStatus(m, { today, projectPaused }),
      note: m.note,
      sourceUrl: m.sourceUrl,
    })),
  };
}

export async function listPublicDateChanges(project: PublicProjectRef, page: KeysetPage<InstantKey>) {
  const rows = await prisma.milestoneDateChange.findMany({
    where: { milestone: { projectId: project.id }, ...afterKey("changedAt", page.after) },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      ...PUBLIC_DATE_CHANGE_FIELDS,
      milestone: { select: { key: true, name: true, datePrecision: true } },
    },
  });
  const { items, nextKey } = paged(rows, page.limit, (c) => instantKey(c.changedAt, c.id));
  return {
    nextKey,
    items: items.map((c) => ({
      id: c.id,
      milestone: { key: c.milestone.key, name: c.milestone.name },
      datePrecision: c.milestone.datePrecision,
      previousDate: day(c.previousDate, c.milestone.datePrecision),
      newDate: day(c.newDate, c.milestone.datePrecision),
      reason: c.reason,
      reasonLabel: DATE_CHANGE_REASON_LABELS[c.reason],
      narrative: c.narrative,
      sourceUrl: c.sourceUrl,
      changedAt: c.changedAt.toISOString(),
    })),
  };
}

export async function listPublicPauses(project: PublicProjectRef, page: KeysetPage<InstantKey>) {
  const rows = await prisma.projectPause.findMany({
    where: { projectId: project.id, ...afterKey("startedAt", page.after) },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: { id: true, reason: true, summary: true, expectedLiftDate: true, startedAt: true, liftedAt: true },
  });
  const { items, nextKey } = paged(rows, page.limit, (p) => instantKey(p.startedAt, p.id));
  return {
    nextKey,
    items: items.map((p) => ({
      id: p.id,
      reason: p.reason,
      reasonLabel: DATE_CHANGE_REASON_LABELS[p.reason],
      summary: p.summary,
      expectedLiftDate: day(p.expectedLiftDate, "DAY"),
      startedAt: p.startedAt.toISOString(),
      liftedAt: p.liftedAt?.toISOString() ?? null,
    })),
  };
}

export async function listPublicStageTransitions(project: PublicProjectRef, page: KeysetPage<InstantKey>) {
  const rows = await prisma.stageTransition.findMany({
    where: { projectId: project.id, ...afterKey("occurredAt", page.after) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
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
  const { items, nextKey } = paged(rows, page.limit, (t) => instantKey(t.occurredAt, t.id));
  return {
    nextKey,
    items: items.map((t) => ({
      ...t,
      toStageLabel: stageLabel(project.reviewTrack, t.toStage),
      occurredAt: t.occurredAt.toISOString(),
    })),
  };
}

/**
 * Documents anyone may open: public and outside unsubmitted drafts, filtered in SQL, and each row
 * asked of the policy as an anonymous reader too, so a rule added there holds here.
 */
export async function listPublicDocuments(project: PublicProjectRef, page: KeysetPage<InstantKey>) {
  const [rows, resource] = await Promise.all([
    prisma.document.findMany({
      where: {
        projectId: project.id,
        visibility: "PUBLIC",
        AND: [OUTSIDE_DRAFTS, afterKey("uploadedAt", page.after)],
      },
      orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
      take: page.limit + 1,
      select: {
        id: true,
        originalName: true,
        contentType: true,
        sizeBytes: true,
        sha256: true,
        uploadedAt: true,
        visibility: true,
        packageId: true,
        _count: { select: { versions: true } },
      },
    }),
    prisma.project.findUniqueOrThrow({
      where: { id: project.id },
      select: {
        companyId: true,
        leadAgencyId: true,
        status: true,
        cooperatingAgencies: { select: { agencyId: true } },
      },
    }),
  ]);
  const { items, nextKey } = paged(rows, page.limit, (d) => instantKey(d.uploadedAt, d.id));
  const projectResource = {
    companyId: resource.companyId,
    leadAgencyId: resource.leadAgencyId,
    status: resource.status,
    cooperatingAgencyIds: resource.cooperatingAgencies.map((c) => c.agencyId),
  };
  return {
    nextKey,
    items: items
      .filter((d) =>
        can(null, "document.read", {
          ...projectResource,
          visibility: d.visibility,
          inDraft: d.packageId !== null && d._count.versions === 0,
        }),
      )
      .map((d) => ({
        id: d.id,
        name: d.originalName,
        contentType: d.contentType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        url: publicUrl(`/documents/${d.id}`),
      })),
  };
}

/**
 * Requests for information: their public facts only (publicRequestList reads no item, answer or
 * document). Oldest first; a project has tens of them, so the page is cut here, by key.
 */
export async function listPublicInformationRequests(
  project: PublicProjectRef,
  page: KeysetPage<InstantKey>,
  asOf: Date,
) {
  const all = (await publicRequestList(project.id, asOf)).sort(
    (a, b) => a.issuedAt.localeCompare(b.issuedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const after = page.after;
  const rest = after
    ? all.filter((r) => {
        const issued = r.issuedAt;
        const key = after.value.toISOString();
        return issued > key || (issued === key && r.id > after.id);
      })
    : all;
  const { items, nextKey } = paged(rest.slice(0, page.limit + 1), page.limit, (r) =>
    instantKey(new Date(r.issuedAt), r.id),
  );
  return { items, nextKey };
}

export async function publicReviewClock(project: PublicProjectRef, asOf: Date) {
  const { clock, reviews } = await getClockAndRequestsForProjectPage(project.id, asOf);
  return {
    asOf: asOf.toISOString(),
    project: clock,
    reviews: reviews.map(({ agencyName, ...review }) => ({ ...review, agency: agencyName })),
  };
}
