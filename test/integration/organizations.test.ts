import { beforeEach, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  createOrganization,
  getOrganizationMembers,
  inviteToOrganization,
  removeMember,
  revokeInvitation,
} from "~/models/organization.server";
import { prisma } from "~/services/db.server";
import { addMember, createUser } from "../support/factories";
import { mailbox } from "../support/database";
import { sendQueuedEmails } from "../support/email-queue";

beforeEach(() => mailbox().clear());

function tokenFrom(html: string): string {
  const match = html.match(/href="http:\/\/localhost:3000\/invitations\/([A-Za-z0-9_-]+)"/);
  if (!match) throw new Error("No invitation link in the email");
  return match[1];
}

describe("organizations and invitations", () => {
  it("lets an admin create an agency, audited, and refuses a duplicate name", async () => {
    const admin = await createUser({ isAdmin: true });
    const context = { actorId: admin.id, requestId: "r1" };
    const agency = await createOrganization(
      { name: "Bureau of Land Management, Utah", kind: "AGENCY", jurisdiction: "FEDERAL", timeZone: "America/Denver" },
      context,
    );
    expect(agency).toMatchObject({ slug: "bureau-of-land-management-utah", timeZone: "America/Denver" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: agency.id } });
    expect(audit).toMatchObject({ action: "organization.create", actorId: admin.id, requestId: "r1" });
    await expect(
      createOrganization({ name: "bureau of land management, utah", kind: "AGENCY" }, context),
    ).rejects.toThrow(/already exists/);
  });

  it("invites by email and joins the invitee with the invited role, once", async () => {
    const admin = await createUser({ isAdmin: true, name: "Ada Admin" });
    const agency = await createOrganization(
      { name: "USFS Tonto NF", kind: "AGENCY", jurisdiction: "FEDERAL", timeZone: "America/Phoenix" },
      { actorId: admin.id, requestId: null },
    );
    const invitation = await inviteToOrganization(
      agency.id,
      { email: "reg@example.org", role: "MEMBER" },
      { id: admin.id, name: admin.name },
      { actorId: admin.id, requestId: null },
    );
    // Queued with the invitation, one message per invitation.
    const queued = await prisma.emailDelivery.findUniqueOrThrow({
      where: { idempotencyKey: `invitation/${invitation.id}` },
    });
    expect(queued).toMatchObject({ template: "invitation", toEmail: "reg@example.org", status: "PENDING" });

    await sendQueuedEmails();
    const [email] = mailbox().emailsTo("reg@example.org");
    expect(email.subject).toBe("Ada Admin invited you to USFS Tonto NF on Lodestone");
    expect(email.idempotencyKey).toMatch(/^lodestone-/);
    const token = tokenFrom(email.html);

    const invitee = await createUser({ email: "reg@example.org" });
    const joined = await acceptInvitation(token, invitee, { actorId: invitee.id, requestId: null });
    expect(joined.id).toBe(agency.id);
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: invitee.id } });
    expect(membership).toMatchObject({ organizationId: agency.id, role: "MEMBER" });
    await expect(acceptInvitation(token, invitee, { actorId: invitee.id, requestId: null })).rejects.toThrow(
      /accepted/,
    );
  });

  it("refuses an invitation link used by someone signed in with another address", async () => {
    const owner = await createUser();
    const company = await createOrganization(
      { name: "Acme Lithium", kind: "COMPANY" },
      { actorId: null, requestId: null },
    );
    await addMember(owner.id, company.id, "OWNER");
    await inviteToOrganization(
      company.id,
      { email: "right@example.org", role: "OWNER" },
      { id: owner.id, name: owner.name },
      { actorId: owner.id, requestId: null },
    );
    await sendQueuedEmails();
    const token = tokenFrom(mailbox().emailsTo("right@example.org")[0].html);
    const stranger = await createUser({ email: "wrong@example.org" });
    await expect(acceptInvitation(token, stranger, { actorId: stranger.id, requestId: null })).rejects.toThrow(
      /sent to right@example.org/,
    );
  });

  it("shows pending invitations and makes a withdrawn one unusable", async () => {
    const owner = await createUser();
    const ngo = await createOrganization({ name: "River Watch", kind: "NGO" }, { actorId: null, requestId: null });
    await addMember(owner.id, ngo.id, "OWNER");
    const invitation = await inviteToOrganization(
      ngo.id,
      { email: "x@example.org", role: "MEMBER" },
      { id: owner.id, name: owner.name },
      { actorId: owner.id, requestId: null },
    );
    expect((await getOrganizationMembers(ngo.id)).invitations.map((i) => i.email)).toEqual(["x@example.org"]);

    await revokeInvitation(ngo.id, invitation.id, { actorId: owner.id, requestId: null });
    expect((await getOrganizationMembers(ngo.id)).invitations).toEqual([]);
    const invitee = await createUser({ email: "x@example.org" });
    await sendQueuedEmails();
    const token = tokenFrom(mailbox().emailsTo("x@example.org")[0].html);
    await expect(acceptInvitation(token, invitee, { actorId: invitee.id, requestId: null })).rejects.toThrow(/revoked/);
  });

  it("keeps at least one owner", async () => {
    const owner = await createUser();
    const company = await createOrganization(
      { name: "Solo Mining", kind: "COMPANY" },
      { actorId: null, requestId: null },
    );
    const membership = await addMember(owner.id, company.id, "OWNER");
    await expect(removeMember(company.id, membership.id, { actorId: owner.id, requestId: null })).rejects.toThrow(
      /at least one owner/,
    );
  });
});
