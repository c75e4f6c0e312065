// Each company's storage quota: the documents uploaded for its projects (permit packages and
// answers to information requests, files taken off a draft included, since they stay stored)
// may not add up to more than COMPANY_STORAGE_QUOTA_MB.
import { env } from "~/env.server";
import type { DbClient } from "~/services/db.server";
import { formatMegabytes } from "~/services/uploads.server";
import { DomainError } from "./errors.server";

const MEGABYTE = 1024 * 1024;

export function companyStorageQuotaBytes(): number {
  return Math.floor(env().COMPANY_STORAGE_QUOTA_MB * MEGABYTE);
}

/**
 * Call inside the transaction that records the new documents, before creating them. Locks the
 * company's row so that concurrent uploads for any of its projects are counted one after the other
 * and cannot together pass the quota; refuses (writing nothing) when the new files would.
 */
export async function reserveCompanyStorage(tx: DbClient, projectId: string, addingBytes: number): Promise<void> {
  const [company] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT o."id", o."name" FROM "Organization" o JOIN "Project" p ON p."companyId" = o."id"
    WHERE p."id" = ${projectId}
    FOR UPDATE OF o`;
  if (!company) throw new DomainError("This project no longer exists.", "form", 404);
  const usage = await tx.document.aggregate({
    where: { project: { companyId: company.id } },
    _sum: { sizeBytes: true },
  });
  const used = usage._sum.sizeBytes ?? 0;
  const limit = companyStorageQuotaBytes();
  if (used + addingBytes > limit) {
    throw new DomainError(
      `${company.name} has used ${formatMegabytes(used)} of its ${formatMegabytes(limit)} document storage; ` +
        `these files (${formatMegabytes(addingBytes)}) would go over the limit, so nothing was uploaded. ` +
        "Ask the Lodestone administrators for more space.",
      "files",
      413,
    );
  }
}
