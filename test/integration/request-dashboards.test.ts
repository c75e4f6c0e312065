// The regulator's queue and the company's dashboard, over rows with fixed dates.
import { describe, expect, it } from "vitest";
import { companyDashboard, regulatorQueue } from "~/models/dashboard.server";
import { insertPackageRow, insertRequestRow, insertReviewRow, day } from "../support/request-factories";
import { createProjectWorld } from "../support/world";

const AS_OF = day("2026-04-01");

describe("dashboards", () => {
  it("queues answers and packages oldest first for the lead agency, answers only for a cooperating one, nothing for others", async () => {
    const s = await createProjectWorld();
    const base = { projectId: s.project.id, issuedById: s.leadRegulator.id, answeredById: s.companyMember.id };
    const newer = await insertRequestRow({ ...base, issued: "2026-02-01", answers: [{ at: "2026-03-10" }] });
    const older = await insertRequestRow({ ...base, issued: "2026-02-15", answers: [{ at: "2026-03-01" }] });
    await insertRequestRow({ ...base, issued: "2026-02-15" });
    const later = await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-02-15" }],
    });
    const earlier = await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-02-01" }],
    });
    await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-01-01", determination: "COMPLETE", determined: "2026-01-20" }],
    });
    const assigned = [s.leadRegulator.id];
    const second = await insertReviewRow({
      ...base,
      agencyId: s.leadAgency.id,
      opened: "2026-01-05",
      assignedUserIds: assigned,
    });
    const first = await insertReviewRow({
      ...base,
      agencyId: s.leadAgency.id,
      opened: "2026-01-02",
      assignedUserIds: assigned,
    });
    await insertReviewRow({
      ...base,
      agencyId: s.leadAgency.id,
      opened: "2026-01-01",
      completed: "2026-01-09",
      assignedUserIds: assigned,
    });

    const lead = await regulatorQueue(s.leadRegulator.id, AS_OF);
    expect(lead.requests.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(lead.requests[0]).toMatchObject({ daysWaiting: 31, project: { slug: s.project.slug } });
    expect(lead.packages.map((p) => p.id)).toEqual([earlier.id, later.id]);
    expect(lead.packages[0].daysWaiting).toBe(59);
    expect(lead.reviews.map((r) => r.id)).toEqual([first.id, second.id]);

    const cooperating = await regulatorQueue(s.cooperatingRegulator.id, AS_OF);
    expect(cooperating.requests.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(cooperating.packages).toEqual([]);
    expect(cooperating.reviews).toEqual([]);

    expect(await regulatorQueue(s.unrelatedRegulator.id, AS_OF)).toEqual({ reviews: [], requests: [], packages: [] });
  });

  it("shows the company its open requests by due date, its deficiencies and where its packages stand", async () => {
    const s = await createProjectWorld();
    const base = { projectId: s.project.id, issuedById: s.leadRegulator.id, answeredById: s.companyMember.id };
    const soon = await insertRequestRow({ ...base, issued: "2026-03-01", due: "2026-03-25" });
    const later = await insertRequestRow({
      ...base,
      issued: "2026-02-01",
      due: "2026-04-10",
      answers: [{ at: "2026-02-20", decision: "RETURNED", decidedAt: "2026-02-25" }],
    });
    await insertRequestRow({ ...base, issued: "2026-02-01", answers: [{ at: "2026-02-20" }] });
    const deficient = await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [
        { submitted: "2026-01-01", determination: "DEFICIENT", determined: "2026-01-10", deficiencies: ["Old item"] },
        {
          submitted: "2026-02-01",
          determination: "DEFICIENT",
          determined: "2026-02-20",
          deficiencies: ["Missing groundwater model", "Bond estimate out of date"],
        },
      ],
    });
    const submitted = await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-03-01" }],
    });
    const complete = await insertPackageRow({
      ...base,
      createdById: s.companyMember.id,
      versions: [{ submitted: "2026-01-15", determination: "COMPLETE", determined: "2026-02-01" }],
    });
    await insertPackageRow({ ...base, createdById: s.companyMember.id, versions: [] });

    const dashboard = await companyDashboard(s.companyMember.id, AS_OF);
    expect(dashboard.openRequests.map((r) => r.id)).toEqual([soon.id, later.id]);
    expect(dashboard.openRequests[0]).toMatchObject({
      dueDate: "2026-03-25",
      daysLeft: -7,
      overdue: true,
      returned: false,
    });
    expect(dashboard.openRequests[1]).toMatchObject({ daysLeft: 9, overdue: false, returned: true });
    expect(dashboard.deficientPackages).toHaveLength(1);
    expect(dashboard.deficientPackages[0]).toMatchObject({ id: deficient.id, versionNumber: 2, daysWaiting: 40 });
    expect(dashboard.deficientPackages[0].deficiencies.map((d) => d.text)).toEqual([
      "Missing groundwater model",
      "Bond estimate out of date",
    ]);
    expect(dashboard.submittedPackages.map((p) => [p.id, p.status])).toEqual([
      [complete.id, "COMPLETE"],
      [submitted.id, "SUBMITTED"],
    ]);

    expect(await companyDashboard(s.leadRegulator.id, AS_OF)).toEqual({
      openRequests: [],
      deficientPackages: [],
      submittedPackages: [],
    });
  });
});
