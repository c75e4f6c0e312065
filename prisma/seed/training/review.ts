// The training project's permit package, documents, environmental reviews, hold condition and
// information requests. Written as rows because their history is backdated (a version found
// deficient six weeks ago, a request issued sixteen days ago); the statuses are the ones the
// model functions would have left (app/models/package.server.ts, review.server.ts,
// information-request.server.ts), so the pages, dashboard and queue read them as live work.
import type { DocumentVisibility, Prisma } from "@prisma/client";
import { documentStorage } from "../../../app/services/storage.server";
import type { DemoClock } from "./clock";

type People = { companyUserId: string; regulatorId: string };
type Tx = Prisma.TransactionClient;

const DOCUMENTS: { key: string; name: string; visibility: DocumentVisibility; text: string }[] = [
  {
    key: "plan-r1",
    name: "Plan of operations, revision 1 (fictional).txt",
    visibility: "PUBLIC",
    text: "FICTIONAL TRAINING DOCUMENT. Juniper Flat Lithium: plan of operations, revision 1. Open pit, 640 acres of disturbance, clay leach plant, dry-stack tailings.",
  },
  {
    key: "reserves",
    name: "Ore reserve estimate (confidential business information, fictional).txt",
    visibility: "CONFIDENTIAL",
    text: "FICTIONAL TRAINING DOCUMENT. Confidential business information: grade and tonnage tables. Visible to the company and the agencies on the project only.",
  },
  {
    key: "plan-r2",
    name: "Plan of operations, revision 2 (fictional).txt",
    visibility: "PUBLIC",
    text: "FICTIONAL TRAINING DOCUMENT. Juniper Flat Lithium: plan of operations, revision 2, answering the deficiency items of revision 1.",
  },
  {
    key: "pumping-test",
    name: "Groundwater pumping test report (fictional).txt",
    visibility: "PUBLIC",
    text: "FICTIONAL TRAINING DOCUMENT. 30-day pumping test at well JF-3: drawdown observed at Cottonwood Spring and Badger Spring.",
  },
  {
    key: "deis",
    name: "Draft EIS, Juniper Flat Lithium (fictional).txt",
    visibility: "PUBLIC",
    text: "FICTIONAL TRAINING DOCUMENT. Draft environmental impact statement for the Juniper Flat Lithium project, open for public comment.",
  },
];

export type TrainingDocuments = Record<(typeof DOCUMENTS)[number]["key"], string>;

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

/** Stores each document's file and writes its row; returns document ids by key. */
export async function writeTrainingDocuments(
  tx: Tx,
  projectId: string,
  people: People,
  clock: DemoClock,
): Promise<TrainingDocuments> {
  const ids: Record<string, string> = {};
  for (const [index, document] of DOCUMENTS.entries()) {
    const storageKey = `training/${projectId}/${document.key}`;
    const stored = await documentStorage().put(storageKey, bytes(document.text), { maxBytes: 1_000_000 });
    const row = await tx.document.create({
      data: {
        projectId,
        storageKey,
        originalName: document.name,
        contentType: "text/plain",
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        visibility: document.visibility,
        uploadedById: people.companyUserId,
        uploadedAt: clock.at(-70 + index * 12),
      },
      select: { id: true },
    });
    ids[document.key] = row.id;
  }
  return ids as TrainingDocuments;
}

/** A plan of operations whose first version was found deficient and whose second awaits determination. */
export async function writeTrainingPackage(
  tx: Tx,
  projectId: string,
  documents: TrainingDocuments,
  people: People,
  clock: DemoClock,
): Promise<string> {
  const title = "Plan of operations (training project)";
  const description = "The mine and reclamation plan for the fictional Juniper Flat project.";
  const pkg = await tx.permitPackage.create({
    data: {
      projectId,
      kind: "PLAN_OF_OPERATIONS",
      title,
      description,
      status: "SUBMITTED",
      versionCount: 2,
      lockVersion: 4,
      createdById: people.companyUserId,
      createdAt: clock.at(-72),
      documents: {
        connect: [{ id: documents["plan-r2"] }, { id: documents.reserves }, { id: documents["pumping-test"] }],
      },
    },
    select: { id: true },
  });
  await tx.packageVersion.create({
    data: {
      packageId: pkg.id,
      number: 1,
      title,
      description,
      submittedAt: clock.at(-60),
      submittedById: people.companyUserId,
      determination: "DEFICIENT",
      determinedAt: clock.at(-45),
      determinedById: people.regulatorId,
      determinationNote: "Revision 1 cannot be reviewed yet: three items are missing.",
      documents: { create: [{ documentId: documents["plan-r1"] }, { documentId: documents.reserves }] },
      deficiencies: {
        create: [
          { text: "No groundwater pumping test long enough to show effects on the springs.", sortOrder: 0 },
          { text: "The reclamation cost estimate omits the clay leach plant.", sortOrder: 1 },
          { text: "The haul route crosses an allotment without the grazing permittee's notice.", sortOrder: 2 },
        ],
      },
    },
  });
  await tx.packageVersion.create({
    data: {
      packageId: pkg.id,
      number: 2,
      title,
      description,
      submittedAt: clock.at(-6),
      submittedById: people.companyUserId,
      documents: {
        create: [
          { documentId: documents["plan-r2"] },
          { documentId: documents.reserves },
          { documentId: documents["pumping-test"] },
        ],
      },
    },
  });
  return pkg.id;
}

/**
 * Reviews per resource area, assigned to the demo regulator; water waits on the company (an open
 * request), wildlife has a finding in progress and a hold condition, air has an answered request
 * waiting for the agency's decision.
 */
export async function writeTrainingReviews(
  tx: Tx,
  projectId: string,
  ids: { leadAgencyId: string; cooperatingAgencyId: string; packageId: string },
  documents: TrainingDocuments,
  people: People,
  clock: DemoClock,
): Promise<void> {
  const review = (data: Omit<Prisma.EnvironmentalReviewUncheckedCreateInput, "projectId">, assigned: boolean) =>
    tx.environmentalReview.create({
      data: {
        projectId,
        ...data,
        assignments: assigned ? { create: [{ userId: people.regulatorId, assignedAt: data.openedAt }] } : undefined,
        documents: { create: [{ documentId: documents["pumping-test"] }] },
      },
      select: { id: true },
    });

  const water = await review(
    {
      agencyId: ids.leadAgencyId,
      resourceArea: "WATER",
      title: "Groundwater and springs",
      status: "INFORMATION_REQUESTED",
      openedAt: clock.at(-40),
    },
    true,
  );
  const wildlife = await review(
    {
      agencyId: ids.leadAgencyId,
      resourceArea: "WILDLIFE_ESA",
      title: "Greater sage-grouse habitat",
      status: "IN_PROGRESS",
      findings:
        "Finding in progress: two leks lie within 3 miles of the pit. Draft mitigation: no blasting from March 1 to May 15; compensatory habitat at 3:1.",
      openedAt: clock.at(-38),
    },
    true,
  );
  const air = await review(
    {
      agencyId: ids.cooperatingAgencyId,
      resourceArea: "AIR",
      title: "Haul road dust and plant emissions",
      status: "IN_PROGRESS",
      openedAt: clock.at(-35),
    },
    true,
  );
  await review(
    {
      agencyId: ids.leadAgencyId,
      resourceArea: "CULTURAL_NHPA",
      title: "Cultural resources survey",
      status: "NOT_STARTED",
      openedAt: clock.at(-8),
    },
    false,
  );

  await tx.condition.create({
    data: {
      projectId,
      reviewId: wildlife.id,
      text: "Complete a lek survey over a full breeding season before the final EIS (training project).",
      severity: "HOLD",
      createdById: people.regulatorId,
      createdAt: clock.at(-20),
    },
  });

  await tx.informationRequest.create({
    data: {
      projectId,
      reviewId: water.id,
      packageId: ids.packageId,
      title: "Spring flow below the pit",
      publicSummary:
        "The agency asked for spring flow records and a monitoring plan for Cottonwood and Badger Springs.",
      items: [
        "Monthly flow records for Cottonwood Spring and Badger Spring since 2020.",
        "A monitoring plan with trigger levels and the response to each.",
        "The pumping-test model files in their native format.",
      ],
      dueDate: clock.day(12),
      status: "OPEN",
      issuedAt: clock.at(-16),
      issuedById: people.regulatorId,
    },
  });

  await tx.informationRequest.create({
    data: {
      projectId,
      reviewId: air.id,
      title: "Haul road dust control plan",
      publicSummary: "The agency asked how dust from the 14-mile haul road will be controlled and measured.",
      items: ["Dust control measures per road segment.", "Monitoring stations and reporting frequency."],
      dueDate: clock.day(-3),
      status: "ANSWERED",
      issuedAt: clock.at(-30),
      issuedById: people.regulatorId,
      lockVersion: 2,
      responses: {
        create: [
          {
            text: "Water trucks on unpaved segments at least twice a day, chip seal on the 3 miles nearest the highway, and two PM10 monitors reporting monthly.",
            submittedAt: clock.at(-4),
            submittedById: people.companyUserId,
          },
        ],
      },
    },
  });
}
