// Each company's documents, across all its projects, stay within COMPANY_STORAGE_QUOTA_MB (5120 MB
// by default); an upload that would pass it is refused with the space used and the limit, and
// writes nothing.
import { describe, expect, it } from "vitest";
import { issueRequest, respondToRequest } from "~/models/information-requests/information-request.server";
import { addDocumentsToPackage, createPackage } from "~/models/package.server";
import { companyStorageQuotaBytes } from "~/models/storage-quota.server";
import { prisma } from "~/services/db.server";
import { insertProjectRow } from "../support/factories";
import { day, storedUpload } from "../support/request-factories";
import { createProjectWorld } from "../support/world";

const MB = 1024 * 1024;
const sized = (megabytes: number) => ({ ...storedUpload(`${megabytes}mb.pdf`), sizeBytes: megabytes * MB });

async function setting() {
  const s = await createProjectWorld();
  const company = s.as(s.companyMember);
  const pkg = await createPackage(s.project.id, { kind: "BASELINE_STUDIES", title: "Baseline studies" }, company);
  const rows = async () => ({
    documents: await prisma.document.count({ where: { project: { companyId: s.company.id } } }),
    audit: await prisma.auditEvent.count({ where: { action: "document.upload" } }),
  });
  return { ...s, asCompany: company, pkg, rows };
}

describe("company storage quota", () => {
  it("defaults to 5120 MB", () => {
    expect(companyStorageQuotaBytes()).toBe(5120 * MB);
  });

  it("counts every project of the company, and refuses the upload that would pass it, naming used and limit", async () => {
    const s = await setting();
    const second = await insertProjectRow({ companyId: s.company.id, leadAgencyId: s.leadAgency.id });
    const other = await createPackage(second.id, { kind: "OTHER", title: "Other project's package" }, s.asCompany);
    await addDocumentsToPackage(s.project.id, s.pkg.id, [sized(2000), sized(2000)], "PUBLIC", s.asCompany);
    await addDocumentsToPackage(second.id, other.id, [sized(1000)], "PUBLIC", s.asCompany);
    const before = await s.rows();

    await expect(
      addDocumentsToPackage(second.id, other.id, [sized(100), sized(100)], "PUBLIC", s.asCompany),
    ).rejects.toThrow("has used 5000 MB of its 5120 MB document storage; these files (200 MB) would go over the limit");
    expect(await s.rows()).toEqual(before);
    await addDocumentsToPackage(second.id, other.id, [sized(120)], "PUBLIC", s.asCompany);
  });

  it("counts answers to information requests, and refuses an answer with files that would pass it, writing nothing", async () => {
    const s = await setting();
    await addDocumentsToPackage(s.project.id, s.pkg.id, [sized(2000), sized(2000), sized(1100)], "PUBLIC", s.asCompany);
    const issued = await issueRequest(
      s.project.id,
      { title: "Groundwater model", publicSummary: "The model runs.", items: ["Runs"], dueDate: day("2099-01-31") },
      s.as(s.leadRegulator),
    );
    const before = await s.rows();
    await expect(
      respondToRequest(s.project.id, issued.id, { text: "Attached.", documents: [sized(30)] }, s.asCompany),
    ).rejects.toThrow(/has used 5100 MB of its 5120 MB/);
    expect(await s.rows()).toEqual(before);
    expect((await prisma.informationRequest.findUniqueOrThrow({ where: { id: issued.id } })).status).toBe("OPEN");
    expect(await prisma.informationResponse.count({ where: { requestId: issued.id } })).toBe(0);
  });

  it("lets only as many concurrent uploads through as fit", async () => {
    const s = await setting();
    await addDocumentsToPackage(s.project.id, s.pkg.id, [sized(2000), sized(2000)], "PUBLIC", s.asCompany);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        addDocumentsToPackage(s.project.id, s.pkg.id, [sized(500)], "PUBLIC", s.asCompany),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const used = await prisma.document.aggregate({
      where: { project: { companyId: s.company.id } },
      _sum: { sizeBytes: true },
    });
    expect(used._sum.sizeBytes).toBe(5000 * MB);
  });
});
