// Test rows written straight through the app's Prisma client (not through model rules): people,
// organizations and the like that tests need as a starting point. A helper that writes a domain row
// the models would have checked (a project, a document, a period) is named insert...Row, so a reader
// knows no rule ran; `createProjectWorld` (world.ts) builds the usual cast on top of these.
import { randomBytes } from "node:crypto";
import type { DocumentVisibility, OrganizationKind, OrgRole } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { hashPassword } from "~/services/password.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "a long test password";
let cachedHash: string | undefined;

export async function createUser(
  overrides: {
    email?: string;
    name?: string;
    isAdmin?: boolean;
    verified?: boolean;
    createdAt?: Date;
    signupNetwork?: string;
  } = {},
) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${unique()}@example.org`,
      name: overrides.name ?? "Test Person",
      passwordHash: cachedHash,
      isAdmin: overrides.isAdmin ?? false,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      createdAt: overrides.createdAt,
      signupNetwork: overrides.signupNetwork,
    },
  });
}

export async function createOrganization(kind: OrganizationKind, name = `${kind} ${unique()}`) {
  return prisma.organization.create({
    data: {
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      kind,
      jurisdiction: kind === "AGENCY" ? "FEDERAL" : null,
      timeZone: kind === "AGENCY" ? "America/Los_Angeles" : null,
    },
  });
}

export async function addMember(userId: string, organizationId: string, role: OrgRole = "MEMBER") {
  return prisma.membership.create({ data: { userId, organizationId, role } });
}

export async function insertProjectRow(options: {
  companyId: string;
  leadAgencyId: string | null;
  stage?: string;
  status?: "IN_PROGRESS" | "PAUSED" | "APPROVED" | "DENIED" | "WITHDRAWN";
  track?: "EIS" | "EA";
  name?: string;
}) {
  const name = options.name ?? `Test Mine ${unique()}`;
  return prisma.project.create({
    data: {
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      name,
      companyId: options.companyId,
      leadAgencyId: options.leadAgencyId,
      commodities: ["lithium"],
      state: "NV",
      county: "Esmeralda",
      landStatus: "BLM",
      description: "A test project used by the integration tests.",
      reviewTrack: options.track ?? "EIS",
      currentStage: options.stage ?? "draft_eis",
      status: options.status ?? "IN_PROGRESS",
    },
  });
}

/** A stored document's row (no bytes on disk: tests that read files upload through the models). */
export async function insertDocumentRow(
  projectId: string,
  uploadedById: string,
  options: { name?: string; visibility?: DocumentVisibility } = {},
) {
  const token = randomBytes(8).toString("hex");
  return prisma.document.create({
    data: {
      projectId,
      storageKey: `test/${token}`,
      originalName: options.name ?? `document-${token}.pdf`,
      contentType: "application/pdf",
      sizeBytes: 4096,
      sha256: randomBytes(32).toString("hex"),
      visibility: options.visibility ?? "PUBLIC",
      uploadedById,
    },
  });
}
