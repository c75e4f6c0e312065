// Drafts are not public: a file of a permit package that has never been submitted is served only
// to those who may see the draft (the policy's "package.readDraft"), whatever its own visibility.
import { describe, expect, it } from "vitest";
import { openPeriod } from "~/models/comments/comment-period.server";
import {
  addDocumentsToPackage,
  createPackage,
  listProjectDocuments,
  removeDocumentFromPackage,
  submitPackage,
} from "~/models/package.server";
import { loader } from "~/routes/documents.$documentId";
import { lucia } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const file = (name: string) => ({
  storageKey: `test/${name.replace(/\W/g, "-")}-${Math.random().toString(36).slice(2)}`,
  originalName: name,
  contentType: "application/pdf",
  sizeBytes: 1234,
  sha256: "a".repeat(64),
});

async function world() {
  const company = await createOrganization("COMPANY");
  const lead = await createOrganization("AGENCY");
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: lead.id });
  const person = async (orgId?: string) => {
    const user = await createUser();
    if (orgId) await addMember(user.id, orgId);
    const session = await lucia.createSession(user.id, {});
    return { user, cookie: lucia.createSessionCookie(session.id).serialize().split(";")[0] };
  };
  return {
    lead,
    project,
    companyUser: await person(company.id),
    leadRegulator: await person(lead.id),
    community: await person(),
  };
}

/** The status the download route answers with; 404 "missing from storage" means the policy let it through. */
async function download(documentId: string, cookie?: string): Promise<{ status: number; text: string }> {
  const request = new Request(`http://localhost:3000/documents/${documentId}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  try {
    await loader({
      request,
      params: { documentId },
      context: { requestId: "test", clientIp: "127.0.0.1", cspNonce: "test" },
    });
    return { status: 200, text: "" };
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    return { status: error.status, text: await error.text() };
  }
}
const served = { status: 404, text: expect.stringMatching(/missing from storage/) };

describe("files of an unsubmitted draft package", () => {
  it("are refused to the public even when marked public, and served once the package is submitted", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const pkg = await createPackage(w.project.id, { kind: "PLAN_OF_OPERATIONS", title: "Plan of operations" }, context);
    const [document] = await addDocumentsToPackage(w.project.id, pkg.id, [file("plan.pdf")], "PUBLIC", context);

    expect(await download(document.id)).toEqual({ status: 401, text: expect.stringMatching(/not been submitted/) });
    expect(await download(document.id, w.community.cookie)).toEqual({
      status: 403,
      text: expect.stringMatching(/not been submitted/),
    });
    expect(await download(document.id, w.companyUser.cookie)).toEqual(served);
    expect(await download(document.id, w.leadRegulator.cookie)).toEqual(served);

    await submitPackage(w.project.id, pkg.id, 1, context);
    expect(await download(document.id)).toEqual(served);
    expect(await download(document.id, w.community.cookie)).toEqual(served);
  });

  it("stay out of the record even after the file is taken off the draft", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const pkg = await createPackage(w.project.id, { kind: "OTHER", title: "Baseline studies" }, context);
    const [document] = await addDocumentsToPackage(w.project.id, pkg.id, [file("draft.pdf")], "PUBLIC", context);
    await removeDocumentFromPackage(w.project.id, pkg.id, document.id, context);
    expect((await download(document.id)).status).toBe(401);
    expect((await download(document.id, w.community.cookie)).status).toBe(403);
    expect(await download(document.id, w.companyUser.cookie)).toEqual(served);
  });

  it("are not offered for, nor accepted by, a public comment period", async () => {
    const w = await world();
    const context = { actorId: w.companyUser.user.id, requestId: null };
    const draft = await createPackage(w.project.id, { kind: "OTHER", title: "Draft" }, context);
    const [unsubmitted] = await addDocumentsToPackage(w.project.id, draft.id, [file("draft.pdf")], "PUBLIC", context);
    const submitted = await createPackage(w.project.id, { kind: "OTHER", title: "Submitted" }, context);
    const [published] = await addDocumentsToPackage(w.project.id, submitted.id, [file("final.pdf")], "PUBLIC", context);
    await submitPackage(w.project.id, submitted.id, 1, context);

    expect((await listProjectDocuments(w.project.id)).map((d) => d.id)).toEqual([published.id]);
    const before = await prisma.commentPeriod.count();
    await expect(
      openPeriod(
        w.project.id,
        {
          stage: "draft_eis",
          title: "Draft EIS public comment",
          description: "",
          opensAtLocal: { year: 2099, month: 1, day: 5, hour: 8, minute: 0 },
          closesAtLocal: { year: 2099, month: 3, day: 5, hour: 23, minute: 59 },
          allowAnonymous: true,
          documentIds: [unsubmitted.id],
        },
        { actorId: w.leadRegulator.user.id, requestId: null },
      ),
    ).rejects.toThrow(/has not submitted/);
    expect(await prisma.commentPeriod.count()).toBe(before);
  });
});
