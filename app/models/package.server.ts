// Permit packages: a company's working copy, frozen into a numbered version on each submission,
// and the lead agency's completeness determination on each version.
import type { DocumentVisibility, PackageKind, Prisma } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import type { StoredUpload } from "~/services/uploads.server";
import { ConflictError, DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";
import { reserveCompanyStorage } from "./storage-quota.server";

const EDITABLE = new Set(["DRAFT", "DEFICIENT"]);

// A file on a package's working copy that no submitted version has frozen is part of an
// unsubmitted draft: the policy ("document.read", "package.readDraft") keeps it from anyone who
// may not see the draft, whatever its visibility, and it cannot be put under public review.
// Taking such a file off the draft makes it confidential (same audience), so it never becomes
// public without a submission.

/** Select this with a document to tell whether it is still only in a draft (`inDraft`). */
export const DOCUMENT_PUBLICATION_SELECT = { packageId: true, _count: { select: { versions: true } } } as const;

export function inDraft(document: { packageId: string | null; _count: { versions: number } }): boolean {
  return document.packageId !== null && document._count.versions === 0;
}

/** Documents that are not in an unsubmitted draft (see above), for SQL filters. */
export const OUTSIDE_DRAFTS: Prisma.DocumentWhereInput = { OR: [{ packageId: null }, { versions: { some: {} } }] };

export function listPackages(projectId: string) {
  return prisma.permitPackage.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      title: true,
      permitName: true,
      status: true,
      versionCount: true,
      updatedAt: true,
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, submittedAt: true, determination: true, determinedAt: true },
      },
    },
  });
}

export async function getPackage(projectId: string, packageId: string) {
  return prisma.permitPackage.findFirst({
    where: { id: packageId, projectId },
    select: {
      id: true,
      projectId: true,
      kind: true,
      title: true,
      permitName: true,
      description: true,
      status: true,
      versionCount: true,
      lockVersion: true,
      createdAt: true,
      documents: {
        orderBy: { uploadedAt: "asc" },
        select: {
          id: true,
          originalName: true,
          contentType: true,
          sizeBytes: true,
          sha256: true,
          visibility: true,
          uploadedAt: true,
        },
      },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          title: true,
          description: true,
          submittedAt: true,
          submittedBy: { select: { name: true } },
          determination: true,
          determinedAt: true,
          determinationNote: true,
          determinedBy: { select: { name: true } },
          deficiencies: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true } },
          documents: {
            select: {
              document: { select: { id: true, originalName: true, sizeBytes: true, sha256: true, visibility: true } },
            },
          },
        },
      },
    },
  });
}

export async function createPackage(
  projectId: string,
  input: { kind: PackageKind; title: string; permitName?: string; description?: string },
  context: AuditContext & { actorId: string },
) {
  return prisma.$transaction(async (tx) => {
    const created = await tx.permitPackage.create({
      data: {
        projectId,
        kind: input.kind,
        title: input.title,
        permitName: input.kind === "PERMIT_APPLICATION" ? (input.permitName ?? null) : null,
        description: input.description ?? "",
        createdById: context.actorId,
      },
    });
    await recordAudit(tx, context, {
      action: "package.create",
      entityType: "PermitPackage",
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

async function editablePackage(projectId: string, packageId: string) {
  const found = await prisma.permitPackage.findFirst({
    where: { id: packageId, projectId },
    select: { id: true, status: true },
  });
  if (!found) throw new DomainError("That package is not part of this project.", "form", 404);
  if (!EDITABLE.has(found.status)) {
    throw new DomainError(
      "This package is with the agency. It can be changed again if the agency finds it deficient.",
      "form",
      409,
    );
  }
  return found;
}

export async function updatePackageDraft(
  projectId: string,
  packageId: string,
  input: { title: string; permitName?: string; description: string },
  context: AuditContext,
) {
  await editablePackage(projectId, packageId);
  await prisma.$transaction(async (tx) => {
    await tx.permitPackage.update({
      where: { id: packageId },
      data: { title: input.title, permitName: input.permitName ?? null, description: input.description },
    });
    await recordAudit(tx, context, {
      action: "package.update",
      entityType: "PermitPackage",
      entityId: packageId,
      after: input,
    });
  });
}

/** Records stored uploads as documents of the package's working copy. */
export async function addDocumentsToPackage(
  projectId: string,
  packageId: string,
  files: StoredUpload[],
  visibility: DocumentVisibility,
  context: AuditContext & { actorId: string },
) {
  await editablePackage(projectId, packageId);
  return prisma.$transaction(async (tx) => {
    await reserveCompanyStorage(
      tx,
      projectId,
      files.reduce((sum, file) => sum + file.sizeBytes, 0),
    );
    const created = [];
    for (const file of files) {
      const document = await tx.document.create({
        data: {
          projectId,
          packageId,
          storageKey: file.storageKey,
          originalName: file.originalName,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          visibility,
          uploadedById: context.actorId,
        },
      });
      created.push(document);
      await recordAudit(tx, context, {
        action: "document.upload",
        entityType: "Document",
        entityId: document.id,
        after: { packageId, name: file.originalName, sizeBytes: file.sizeBytes, sha256: file.sha256, visibility },
      });
    }
    return created;
  });
}

/**
 * Takes a document off the working copy. The file itself stays: submitted versions that
 * froze it must remain readable. One that no version froze was never submitted, so it becomes
 * confidential: it stays with the company and the reviewing agencies, as while it was a draft.
 */
export async function removeDocumentFromPackage(
  projectId: string,
  packageId: string,
  documentId: string,
  context: AuditContext,
) {
  await editablePackage(projectId, packageId);
  await prisma.$transaction(async (tx) => {
    const removed = await tx.document.updateMany({
      where: { id: documentId, packageId, projectId },
      data: { packageId: null },
    });
    if (removed.count === 0) throw new DomainError("That document is not in this package.", "form", 404);
    await tx.document.updateMany({
      where: { id: documentId, versions: { none: {} } },
      data: { visibility: "CONFIDENTIAL" },
    });
    await recordAudit(tx, context, {
      action: "document.detach",
      entityType: "Document",
      entityId: documentId,
      before: { packageId },
    });
  });
}

/** Freezes the working copy as the next version and hands the package to the agency. */
export async function submitPackage(
  projectId: string,
  packageId: string,
  expectedLockVersion: number,
  context: AuditContext & { actorId: string },
) {
  return prisma.$transaction(async (tx) => {
    const pkg = await tx.permitPackage.findFirst({
      where: { id: packageId, projectId },
      select: {
        id: true,
        title: true,
        description: true,
        status: true,
        versionCount: true,
        documents: { select: { id: true, originalName: true, sha256: true, visibility: true } },
        project: { select: { slug: true, name: true } },
      },
    });
    if (!pkg) throw new DomainError("That package is not part of this project.", "form", 404);
    if (!EDITABLE.has(pkg.status)) throw new DomainError("This package is already with the agency.", "form", 409);
    if (pkg.documents.length === 0)
      throw new DomainError("Attach at least one document before submitting.", "form", 422);
    const claimed = await tx.permitPackage.updateMany({
      where: { id: packageId, lockVersion: expectedLockVersion },
      data: { status: "SUBMITTED", versionCount: { increment: 1 }, lockVersion: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new ConflictError("This package changed since you opened the page. Reload it, check it, and submit again.");
    const version = await tx.packageVersion.create({
      data: {
        packageId,
        number: pkg.versionCount + 1,
        title: pkg.title,
        description: pkg.description,
        submittedById: context.actorId,
        documents: { create: pkg.documents.map((d) => ({ documentId: d.id })) },
      },
    });
    await recordAudit(tx, context, {
      action: "package.submit",
      entityType: "PermitPackage",
      entityId: packageId,
      before: { status: pkg.status },
      after: { status: "SUBMITTED", version: version.number, documentIds: pkg.documents.map((d) => d.id) },
    });
    await recordEvent(tx, "package.submitted", {
      projectId,
      slug: pkg.project.slug,
      name: pkg.project.name,
      packageId,
      title: pkg.title,
      version: version.number,
      publicDocuments: pkg.documents
        .filter((d) => d.visibility === "PUBLIC")
        .map((d) => ({ documentId: d.id, name: d.originalName, sha256: d.sha256 })),
    });
    return version;
  });
}

/**
 * The lead agency's completeness determination on the latest submitted version. Deficient
 * lists what is missing and reopens the working copy for the company.
 */
export async function determineCompleteness(
  projectId: string,
  packageId: string,
  input: {
    expectedLockVersion: number;
    determination: "COMPLETE" | "DEFICIENT";
    note?: string;
    deficiencies: string[];
  },
  context: AuditContext & { actorId: string },
) {
  if (input.determination === "DEFICIENT" && input.deficiencies.length === 0) {
    throw new DomainError("List at least one missing or deficient item.", "deficiencies");
  }
  return prisma.$transaction(async (tx) => {
    const pkg = await tx.permitPackage.findFirst({
      where: { id: packageId, projectId },
      select: {
        id: true,
        title: true,
        status: true,
        lockVersion: true,
        project: { select: { slug: true, name: true } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
      },
    });
    if (!pkg) throw new DomainError("That package is not part of this project.", "form", 404);
    // Someone else's decision, committed before this one read the package, is a conflict (reload to
    // see it), not a package that was never submitted: check the version the person saw first.
    if (pkg.lockVersion !== input.expectedLockVersion)
      throw new ConflictError("Someone decided on this package since you opened the page. Reload to see the decision.");
    const latest = pkg.versions[0];
    if (pkg.status !== "SUBMITTED" || !latest)
      throw new DomainError("Only a submitted package awaits a completeness determination.", "form", 409);
    const claimed = await tx.permitPackage.updateMany({
      where: { id: packageId, lockVersion: input.expectedLockVersion, status: "SUBMITTED" },
      data: { status: input.determination, lockVersion: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new ConflictError("Someone decided on this package since you opened the page. Reload to see the decision.");
    await tx.packageVersion.update({
      where: { id: latest.id },
      data: {
        determination: input.determination,
        determinedAt: new Date(),
        determinedById: context.actorId,
        determinationNote: input.note ?? null,
        deficiencies: { create: input.deficiencies.map((text, i) => ({ text, sortOrder: i })) },
      },
    });
    await recordAudit(tx, context, {
      action: "package.determine",
      entityType: "PermitPackage",
      entityId: packageId,
      before: { status: "SUBMITTED" },
      after: {
        status: input.determination,
        version: latest.number,
        deficiencies: input.deficiencies,
        note: input.note ?? null,
      },
    });
    // The deficiency notice travels to the company through the notification worker.
    await recordEvent(tx, "package.determined", {
      projectId,
      slug: pkg.project.slug,
      name: pkg.project.name,
      packageId,
      title: pkg.title,
      version: latest.number,
      determination: input.determination,
      deficiencies: input.deficiencies,
    });
  });
}

export async function getDocument(documentId: string) {
  const found = await prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      projectId: true,
      storageKey: true,
      originalName: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      visibility: true,
      ...DOCUMENT_PUBLICATION_SELECT,
    },
  });
  if (!found) return null;
  const { _count: counts, ...document } = found;
  return { ...document, inDraft: inDraft({ packageId: found.packageId, _count: counts }) };
}

/** The project's documents outside unsubmitted drafts (a draft's files are not offered for reuse). */
export function listProjectDocuments(projectId: string) {
  return prisma.document.findMany({
    where: { projectId, ...OUTSIDE_DRAFTS },
    orderBy: { uploadedAt: "desc" },
    select: { id: true, originalName: true, sizeBytes: true, visibility: true, uploadedAt: true },
  });
}
