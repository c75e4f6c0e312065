// Organizations (companies, agencies, NGOs), their members and invitations.
import type { Jurisdiction, OrganizationKind, OrgRole } from "@prisma/client";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { DomainError } from "~/models/errors.server";
import { enqueueEmail } from "~/services/email-outbox.server";
import { ORGANIZATION_KIND_LABELS } from "~/models/organization.labels";
import { slugify } from "~/utils/slug";
import { hashToken, newToken } from "~/utils/tokens.server";

const INVITATION_DAYS = 7;

/** A refused organization change; one of the DomainError family, so any route can show it. */
export class OrganizationError extends DomainError {}

export async function createOrganization(
  input: { name: string; kind: OrganizationKind; jurisdiction?: Jurisdiction; timeZone?: string; website?: string },
  context: AuditContext,
) {
  const slug = slugify(input.name);
  const clash = await prisma.organization.findFirst({
    where: { OR: [{ name: { equals: input.name, mode: "insensitive" } }, { slug }] },
    select: { id: true },
  });
  if (clash) throw new OrganizationError("An organization with this name already exists.", "name");
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        name: input.name,
        slug,
        kind: input.kind,
        jurisdiction: input.kind === "AGENCY" ? input.jurisdiction : null,
        timeZone: input.kind === "AGENCY" ? input.timeZone : null,
        website: input.website,
      },
    });
    await recordAudit(tx, context, {
      action: "organization.create",
      entityType: "Organization",
      entityId: organization.id,
      after: {
        name: organization.name,
        kind: organization.kind,
        jurisdiction: organization.jurisdiction,
        timeZone: organization.timeZone,
      },
    });
    return organization;
  });
}

export function listOrganizations() {
  return prisma.organization.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      jurisdiction: true,
      _count: { select: { memberships: true, companyProjects: true, leadProjects: true } },
    },
  });
}

export function listUsers() {
  return prisma.user.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      emailVerifiedAt: true,
      createdAt: true,
      memberships: { select: { role: true, organization: { select: { name: true, slug: true, kind: true } } } },
    },
  });
}

export function findOrganizationBySlug(slug: string) {
  return prisma.organization.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, kind: true, jurisdiction: true, timeZone: true, website: true },
  });
}

export async function getOrganizationMembers(organizationId: string) {
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { organizationId },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.invitation.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        email: true,
        role: true,
        createdAt: true,
        expiresAt: true,
        invitedBy: { select: { name: true } },
      },
    }),
  ]);
  return { members, invitations };
}

export async function inviteToOrganization(
  organizationId: string,
  input: { email: string; role: OrgRole },
  inviter: { id: string; name: string },
  context: AuditContext,
) {
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const alreadyMember = await prisma.membership.findFirst({
    where: { organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember)
    throw new OrganizationError(`${input.email} is already a member of ${organization.name}.`, "email");

  const { token, tokenHash } = newToken();
  const invitation = await prisma.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, context, {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      after: { organizationId, email: input.email, role: input.role },
    });
    await enqueueEmail(tx, {
      template: "invitation",
      to: input.email,
      idempotencyKey: `invitation/${created.id}`,
      props: {
        inviterName: inviter.name,
        organizationName: organization.name,
        organizationKind: ORGANIZATION_KIND_LABELS[organization.kind].toLowerCase(),
        role: input.role,
        acceptUrl: new URL(`/invitations/${token}`, env().APP_URL).toString(),
        expiresInDays: INVITATION_DAYS,
      },
    });
    return created;
  });
  return invitation;
}

export async function findInvitation(token: string) {
  return prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, name: true, slug: true, kind: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(invitation: {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= new Date()) return "expired";
  return "pending";
}

/**
 * Joins the signed-in user to the organization. The invitation is bound to an email address:
 * a link forwarded to someone else does not work for them.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { organization: true },
    });
    if (!invitation) throw new OrganizationError("This invitation link is not valid.", "form", 404);
    const state = invitationState(invitation);
    if (state !== "pending") throw new OrganizationError(`This invitation has been ${state}.`, "form", 410);
    if (invitation.email !== user.email) {
      throw new OrganizationError(
        `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
        "form",
        403,
      );
    }
    // Conditional update: two clicks at once accept it once.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count === 0) throw new OrganizationError("This invitation has already been used.", "form", 410);
    const membership = await tx.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } },
      create: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, context, {
      action: "invitation.accept",
      entityType: "Membership",
      entityId: membership.id,
      after: { organizationId: invitation.organizationId, role: membership.role, invitationId: invitation.id },
    });
    return invitation.organization;
  });
}

export async function revokeInvitation(organizationId: string, invitationId: string, context: AuditContext) {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, organizationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new OrganizationError("That invitation is no longer pending.", "form", 409);
    await recordAudit(tx, context, { action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
  });
}

export async function removeMember(organizationId: string, membershipId: string, context: AuditContext) {
  await prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organizationId } });
    if (!membership) throw new OrganizationError("That person is not a member any more.", "form", 409);
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
      if (owners <= 1)
        throw new OrganizationError("An organization needs at least one owner: make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(tx, context, {
      action: "membership.remove",
      entityType: "Membership",
      entityId: membershipId,
      before: { userId: membership.userId, organizationId, role: membership.role },
    });
  });
}

export function listMembershipsOf(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { name: true, slug: true, kind: true } } },
  });
}
