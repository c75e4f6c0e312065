// Test rows written straight through the app's Prisma client (not through model rules): people,
// organizations and the like that tests need as a starting point.
import type { OrganizationKind, OrgRole } from "@prisma/client";
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

export async function createProjectRecord(options: {
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
