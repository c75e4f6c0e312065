// Words for the organization's enums and how a person's standing reads in the interface, next to
// organization.server.ts. Display only: permissions live in app/policy. Safe in any page's bundle.
import type { OrganizationKind } from "@prisma/client";

export type RoleLabel = "Administrator" | "Regulator" | "Company" | "NGO" | "Community member";

const KIND_ROLE: Record<OrganizationKind, RoleLabel> = {
  AGENCY: "Regulator",
  COMPANY: "Company",
  NGO: "NGO",
};

export function roleLabels(user: { isAdmin: boolean; memberships: { kind: OrganizationKind }[] }): RoleLabel[] {
  const labels = new Set<RoleLabel>();
  if (user.isAdmin) labels.add("Administrator");
  for (const membership of user.memberships) labels.add(KIND_ROLE[membership.kind]);
  if (labels.size === 0) labels.add("Community member");
  return [...labels];
}

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  COMPANY: "Company",
  AGENCY: "Agency",
  NGO: "NGO",
};
