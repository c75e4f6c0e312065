// The read side of information requests: the review clock of a project and of each of its
// reviews, derived from the request history; the list of requests as the public may see it; and
// the confidential detail for the request page. The clock arithmetic lives in the pure
// review-clock module; this file only turns rows into intervals.
import type { InformationRequestStatus, Prisma, ProjectStatus, ResourceArea, ResponseDecision } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { isoDay, utcDayNumber } from "~/utils/dates";
import { computeClock, whoseDesk, type ClockInterval, type ClockResult, type Desk } from "~/models/review-clock";

export type RequestHistory = {
  issuedAt: Date;
  closedAt: Date | null;
  responses: { submittedAt: Date; decision: ResponseDecision | null; decidedAt: Date | null }[];
};

/**
 * The spans during which the applicant owed this request an answer: from issue to the first
 * answer, then from each return ("not sufficient") to the next answer, or still open. A request
 * closed while the applicant held it (withdrawn) ends at closedAt: the days before the withdrawal
 * really were the applicant's, and a past reading of the clock must not change afterwards.
 */
export function clockIntervals(request: RequestHistory): ClockInterval[] {
  const responses = [...request.responses].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const intervals: ClockInterval[] = [];
  let owedSince: Date | null = request.issuedAt;
  for (const response of responses) {
    if (owedSince) intervals.push({ start: owedSince, end: response.submittedAt });
    owedSince = response.decision === "RETURNED" && response.decidedAt ? response.decidedAt : null;
  }
  if (owedSince) intervals.push({ start: owedSince, end: request.closedAt });
  return intervals;
}

const FINAL_STATUSES: ProjectStatus[] = ["APPROVED", "DENIED", "WITHDRAWN"];

const HISTORY_SELECT = {
  issuedAt: true,
  closedAt: true,
  responses: { select: { submittedAt: true, decision: true, decidedAt: true } },
} as const;

export type ProjectClock = ClockResult & { desk: Desk; startedAt: Date | null; stoppedAt: Date | null };

const NOT_STARTED: ClockResult = {
  totalDays: 0,
  agencyDays: 0,
  applicantDays: 0,
  onApplicantDesk: false,
  openRequests: 0,
  stopped: false,
};

/**
 * The project's clock. It starts when the company first submits a package (the agency then holds
 * the file) or, for a project with no package on record (most imported from the public record),
 * when the first information request was issued, since that is the earliest date we know the
 * agency was working on it. It stops at the latest stage transition into the project's final
 * status (approved, denied or withdrawn). Every request of the project counts, overlapping ones
 * once: the applicant holds the file while it owes the agency anything.
 */
export async function projectClock(projectId: string, asOf: Date): Promise<ProjectClock> {
  const clock = (await projectClocks([projectId], asOf)).get(projectId);
  if (!clock) throw new Error(`No project ${projectId}.`);
  return clock;
}

/** What a project's review clock is computed from (absent fields: the clock has not started). */
export type ProjectClockInput = {
  startedAt: Date | null;
  stoppedAt: Date | null;
  applicantIntervals: ClockInterval[];
};

/**
 * The clock inputs of many projects in three queries however many there are; projects that do not
 * exist are absent from the map. The agency track records store clocks from these (track-facts).
 */
export async function projectClockInputs(projectIds: readonly string[]): Promise<Map<string, ProjectClockInput>> {
  const inputs = new Map<string, ProjectClockInput>();
  if (projectIds.length === 0) return inputs;
  const ids = [...projectIds];
  const [projects, finals, submissions] = await Promise.all([
    prisma.project.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, informationRequests: { select: HISTORY_SELECT } },
    }),
    prisma.stageTransition.groupBy({
      by: ["projectId"],
      where: { projectId: { in: ids }, toStatus: { in: FINAL_STATUSES } },
      _max: { occurredAt: true },
    }),
    prisma.$queryRaw<{ projectId: string; first: Date }[]>`
      SELECT k."projectId", min(v."submittedAt") AS first
      FROM "PackageVersion" v JOIN "PermitPackage" k ON k.id = v."packageId"
      WHERE k."projectId" = ANY(${ids}::text[])
      GROUP BY k."projectId"`,
  ]);
  const finalAt = new Map(finals.map((f) => [f.projectId, f._max.occurredAt]));
  const firstSubmission = new Map(submissions.map((s) => [s.projectId, s.first]));
  for (const project of projects) {
    const firstIssued = project.informationRequests.reduce<Date | null>(
      (first, r) => (first === null || r.issuedAt < first ? r.issuedAt : first),
      null,
    );
    inputs.set(project.id, {
      startedAt: firstSubmission.get(project.id) ?? firstIssued,
      stoppedAt: FINAL_STATUSES.includes(project.status) ? (finalAt.get(project.id) ?? null) : null,
      applicantIntervals: project.informationRequests.flatMap(clockIntervals),
    });
  }
  return inputs;
}

/** One project's clock as of `asOf`, from its inputs. */
export function clockFromInput(input: ProjectClockInput, asOf: Date): ProjectClock {
  const { startedAt, stoppedAt, applicantIntervals } = input;
  if (!startedAt) return { ...NOT_STARTED, desk: "agency", startedAt: null, stoppedAt };
  const result = computeClock({ startedAt, stoppedAt, applicantIntervals, asOf });
  return { ...result, desk: whoseDesk(result), startedAt, stoppedAt };
}

/**
 * The clocks of many projects in three queries however many there are (the agency statistics
 * read hundreds at once); projects that do not exist are absent from the map.
 */
export async function projectClocks(projectIds: readonly string[], asOf: Date): Promise<Map<string, ProjectClock>> {
  const clocks = new Map<string, ProjectClock>();
  for (const [id, input] of await projectClockInputs(projectIds)) clocks.set(id, clockFromInput(input, asOf));
  return clocks;
}

/** Each review's own clock: from its opening to its completion, counting only its own requests. */
export async function reviewClocks(projectId: string, asOf: Date) {
  const reviews = await prisma.environmentalReview.findMany({
    where: { projectId },
    orderBy: { openedAt: "asc" },
    select: {
      id: true,
      title: true,
      resourceArea: true,
      status: true,
      openedAt: true,
      completedAt: true,
      agency: { select: { name: true } },
      requests: { select: HISTORY_SELECT },
    },
  });
  return reviews.map((review) => {
    const result = computeClock({
      startedAt: review.openedAt,
      stoppedAt: review.completedAt,
      applicantIntervals: review.requests.flatMap(clockIntervals),
      asOf,
    });
    return {
      reviewId: review.id,
      title: review.title,
      resourceArea: review.resourceArea,
      status: review.status,
      agencyName: review.agency.name,
      openedAt: review.openedAt,
      completedAt: review.completedAt,
      ...result,
      desk: whoseDesk(result),
    };
  });
}

export type PublicRequest = {
  id: string;
  title: string;
  publicSummary: string;
  issuedAt: string;
  dueDate: string;
  closedAt: string | null;
  status: InformationRequestStatus;
  overdue: boolean;
  answerCount: number;
};

/**
 * What anyone may know about a project's requests: that they exist, their dates and status. The
 * select names every column on purpose: items, answers and documents may hold confidential
 * business information and must never be read here. Newest first.
 */
export async function publicRequestList(projectId: string, asOf: Date = new Date()): Promise<PublicRequest[]> {
  const requests = await prisma.informationRequest.findMany({
    where: { projectId },
    orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      publicSummary: true,
      issuedAt: true,
      dueDate: true,
      closedAt: true,
      status: true,
      _count: { select: { responses: true } },
    },
  });
  return requests.map((r) => ({
    id: r.id,
    title: r.title,
    publicSummary: r.publicSummary,
    issuedAt: r.issuedAt.toISOString(),
    dueDate: isoDay(r.dueDate),
    closedAt: r.closedAt?.toISOString() ?? null,
    status: r.status,
    // The due date is a whole day: the company has until its end, so overdue starts the day after.
    overdue: r.status === "OPEN" && utcDayNumber(asOf) > utcDayNumber(r.dueDate),
    answerCount: r._count.responses,
  }));
}

export type ClockSummary = {
  agencyDays: number;
  applicantDays: number;
  totalDays: number;
  desk: Desk;
  openRequests: number;
  startedAt: string | null;
  stoppedAt: string | null;
};

export type ReviewClockSummary = ClockSummary & {
  reviewId: string;
  title: string;
  agencyName: string;
  resourceArea: ResourceArea;
};

function summary(clock: ClockResult & { desk: Desk }, startedAt: Date | null, stoppedAt: Date | null): ClockSummary {
  return {
    agencyDays: clock.agencyDays,
    applicantDays: clock.applicantDays,
    totalDays: clock.totalDays,
    desk: clock.desk,
    openRequests: clock.openRequests,
    startedAt: startedAt?.toISOString() ?? null,
    stoppedAt: stoppedAt?.toISOString() ?? null,
  };
}

/** Everything the ReviewClock and PublicRequests components need on the project page, serialisable. */
export async function getClockAndRequestsForProjectPage(projectId: string, asOf: Date) {
  const [project, reviews, requests] = await Promise.all([
    projectClock(projectId, asOf),
    reviewClocks(projectId, asOf),
    publicRequestList(projectId, asOf),
  ]);
  return {
    clock: summary(project, project.startedAt, project.stoppedAt),
    reviews: reviews.map((r): ReviewClockSummary => ({
      ...summary(r, r.openedAt, r.completedAt),
      reviewId: r.reviewId,
      title: r.title,
      agencyName: r.agencyName,
      resourceArea: r.resourceArea,
    })),
    requests,
  };
}

// ───────────── Reads for the request pages (confidential: callers check the policy) ─────────────

/** Items are stored as JSON; anything that is not a list of strings reads as no items. */
export function itemsOf(value: Prisma.JsonValue): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export async function getRequestDetail(projectId: string, requestId: string) {
  const request = await prisma.informationRequest.findFirst({
    where: { id: requestId, projectId },
    select: {
      id: true,
      title: true,
      publicSummary: true,
      items: true,
      dueDate: true,
      status: true,
      issuedAt: true,
      closedAt: true,
      lockVersion: true,
      issuedBy: { select: { name: true } },
      review: { select: { title: true, resourceArea: true, agency: { select: { name: true } } } },
      package: { select: { title: true, kind: true } },
      responses: {
        orderBy: { submittedAt: "asc" },
        select: {
          id: true,
          text: true,
          submittedAt: true,
          author: { select: { name: true } },
          decision: true,
          decisionNote: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          documents: {
            select: {
              document: {
                select: { id: true, originalName: true, contentType: true, sizeBytes: true, visibility: true },
              },
            },
          },
        },
      },
    },
  });
  return request ? { ...request, items: itemsOf(request.items) } : null;
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;

/** What an issuer may link a new request to: the project's unfinished reviews and sent packages. */
export async function requestLinkOptions(projectId: string) {
  const [reviews, packages] = await Promise.all([
    prisma.environmentalReview.findMany({
      where: { projectId, status: { not: "COMPLETE" } },
      orderBy: { openedAt: "asc" },
      select: { id: true, title: true, agency: { select: { name: true } } },
    }),
    // Drafts are the company's working copies; the agency has nothing to ask about yet.
    prisma.permitPackage.findMany({
      where: { projectId, status: { not: "DRAFT" } },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, status: true },
    }),
  ]);
  return { reviews, packages };
}
