// Work lists: the regulator's queue and the company's dashboard. Each list is one query, scoped
// through the signed-in person's memberships in the WHERE clause itself, so a row outside their
// reach is never loaded. Days are whole UTC calendar days, the same grid as the review clock.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { isoDay, utcDaysBetween } from "~/utils/dates";

const iso = (date: Date) => date.toISOString();
const oldestFirst = <T extends { waitingSince: string }>(rows: T[]) =>
  rows.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));

function memberOf(userId: string, kind: "AGENCY" | "COMPANY"): Prisma.OrganizationWhereInput {
  return { kind, memberships: { some: { userId } } };
}

/** Projects on which one of my agencies is the lead or a cooperating agency. */
function projectsOfMyAgencies(userId: string): Prisma.ProjectWhereInput {
  return {
    OR: [
      { leadAgency: memberOf(userId, "AGENCY") },
      { cooperatingAgencies: { some: { agency: memberOf(userId, "AGENCY") } } },
    ],
  };
}

const PROJECT_REF = { select: { slug: true, name: true } } as const;

export async function regulatorQueue(userId: string, today: Date) {
  const [assignments, requests, packages] = await Promise.all([
    // Assignment alone is not enough: the reviewer must still be staff of an agency on the project
    // (the same rule as the policy's "review.work"), so a reviewer who changed agency drops off.
    prisma.reviewAssignment.findMany({
      where: { userId, review: { status: { not: "COMPLETE" }, project: projectsOfMyAgencies(userId) } },
      select: {
        assignedAt: true,
        review: {
          select: {
            id: true,
            title: true,
            status: true,
            openedAt: true,
            agency: { select: { name: true } },
            project: PROJECT_REF,
          },
        },
      },
    }),
    prisma.informationRequest.findMany({
      where: { status: "ANSWERED", project: projectsOfMyAgencies(userId) },
      select: {
        id: true,
        title: true,
        dueDate: true,
        project: PROJECT_REF,
        responses: { orderBy: { submittedAt: "desc" }, take: 1, select: { submittedAt: true } },
      },
    }),
    // Completeness is the lead agency's call alone.
    prisma.permitPackage.findMany({
      where: { status: "SUBMITTED", project: { leadAgency: memberOf(userId, "AGENCY") } },
      select: {
        id: true,
        title: true,
        kind: true,
        project: PROJECT_REF,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, submittedAt: true } },
      },
    }),
  ]);

  return {
    reviews: oldestFirst(
      assignments.map(({ review, assignedAt }) => ({
        id: review.id,
        title: review.title,
        status: review.status,
        agencyName: review.agency.name,
        project: review.project,
        assignedAt: iso(assignedAt),
        waitingSince: iso(review.openedAt),
        daysWaiting: utcDaysBetween(review.openedAt, today),
      })),
    ),
    requests: oldestFirst(
      requests.flatMap((request) => {
        // ANSWERED always has an answer; a row without one would be damaged data, not work to do.
        const answeredAt = request.responses[0]?.submittedAt;
        if (!answeredAt) return [];
        return [
          {
            id: request.id,
            title: request.title,
            project: request.project,
            dueDate: isoDay(request.dueDate),
            waitingSince: iso(answeredAt),
            daysWaiting: utcDaysBetween(answeredAt, today),
          },
        ];
      }),
    ),
    packages: oldestFirst(
      packages.flatMap((pkg) => {
        const version = pkg.versions[0];
        if (!version) return [];
        return [
          {
            id: pkg.id,
            title: pkg.title,
            kind: pkg.kind,
            project: pkg.project,
            versionNumber: version.number,
            waitingSince: iso(version.submittedAt),
            daysWaiting: utcDaysBetween(version.submittedAt, today),
          },
        ];
      }),
    ),
  };
}

export type RegulatorQueue = Awaited<ReturnType<typeof regulatorQueue>>;

export async function companyDashboard(userId: string, today: Date) {
  const myProjects: Prisma.ProjectWhereInput = { company: memberOf(userId, "COMPANY") };
  const [openRequests, deficient, submitted] = await Promise.all([
    prisma.informationRequest.findMany({
      where: { status: "OPEN", project: myProjects },
      orderBy: [{ dueDate: "asc" }, { issuedAt: "asc" }],
      select: {
        id: true,
        title: true,
        issuedAt: true,
        dueDate: true,
        project: PROJECT_REF,
        _count: { select: { responses: true } },
      },
    }),
    prisma.permitPackage.findMany({
      where: { status: "DEFICIENT", project: myProjects },
      select: {
        id: true,
        title: true,
        kind: true,
        project: PROJECT_REF,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: {
            number: true,
            submittedAt: true,
            determinedAt: true,
            determinationNote: true,
            deficiencies: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true } },
          },
        },
      },
    }),
    prisma.permitPackage.findMany({
      where: { status: { in: ["SUBMITTED", "COMPLETE"] }, project: myProjects },
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        project: PROJECT_REF,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, submittedAt: true, determinedAt: true },
        },
      },
    }),
  ]);

  return {
    // Ordered by due date: the one due soonest (or most overdue) is the one to answer first.
    openRequests: openRequests.map((r) => {
      const daysLeft = utcDaysBetween(today, r.dueDate);
      return {
        id: r.id,
        title: r.title,
        project: r.project,
        issuedAt: iso(r.issuedAt),
        dueDate: isoDay(r.dueDate),
        daysLeft,
        overdue: daysLeft < 0,
        // An OPEN request with answers on file had its last answer returned.
        returned: r._count.responses > 0,
      };
    }),
    deficientPackages: oldestFirst(
      deficient.flatMap((pkg) => {
        const version = pkg.versions[0];
        if (!version) return [];
        const since = version.determinedAt ?? version.submittedAt;
        return [
          {
            id: pkg.id,
            title: pkg.title,
            kind: pkg.kind,
            project: pkg.project,
            versionNumber: version.number,
            note: version.determinationNote,
            deficiencies: version.deficiencies,
            waitingSince: iso(since),
            daysWaiting: utcDaysBetween(since, today),
          },
        ];
      }),
    ),
    submittedPackages: oldestFirst(
      submitted.flatMap((pkg) => {
        const version = pkg.versions[0];
        if (!version) return [];
        return [
          {
            id: pkg.id,
            title: pkg.title,
            kind: pkg.kind,
            status: pkg.status,
            project: pkg.project,
            versionNumber: version.number,
            submittedAt: iso(version.submittedAt),
            determinedAt: version.determinedAt ? iso(version.determinedAt) : null,
            waitingSince: iso(version.submittedAt),
            daysWaiting: utcDaysBetween(version.submittedAt, today),
          },
        ];
      }),
    ),
  };
}

export type CompanyDashboard = Awaited<ReturnType<typeof companyDashboard>>;
