import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import {
  OrganizationError,
  findOrganizationBySlug,
  getOrganizationMembers,
  inviteToOrganization,
  removeMember,
  revokeInvitation,
} from "~/models/organization.server";
import { assertCan, can } from "~/policy/decide.server";
import { inviteSchema, membersPageSchema } from "~/schemas/organization";
import { requireActor } from "~/services/actor.server";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { ORGANIZATION_KIND_LABELS } from "~/models/organization.labels";
import { formatEventDay, formatEventTime } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? "Organization"} · Lodestone` },
];

async function loadOrganization(request: Request, slug: string | undefined) {
  const { user, actor } = await requireActor(request);
  const organization = await findOrganizationBySlug(slug ?? "");
  if (!organization) throw notFound("There is no organization at this address.");
  return { user, actor, organization };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organization } = await loadOrganization(request, params.slug);
  const resource = { organizationId: organization.id };
  assertCan(actor, "organization.view", resource);
  const { members, invitations } = await getOrganizationMembers(organization.id);
  return {
    organization,
    members,
    invitations,
    can: {
      invite: can(actor, "organization.invite", resource),
      manageMembers: can(actor, "organization.manageMembers", resource),
    },
    currentUserId: actor.userId,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor, organization } = await loadOrganization(request, params.slug);
  const resource = { organizationId: organization.id };
  const submission = await readSubmission(request);
  const intent = membersPageSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "Unknown request." });
  const audit = auditContext(context, user.id);
  const here = `/organizations/${organization.slug}`;
  try {
    switch (intent.data.intent) {
      case "invite": {
        assertCan(actor, "organization.invite", resource);
        const parsed = submission.parse(inviteSchema);
        if (!parsed.ok) return invalid(parsed.errors, parsed.values);
        await inviteToOrganization(organization.id, parsed.data, { id: user.id, name: user.name }, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: `Invitation sent to ${parsed.data.email}.`,
        });
      }
      case "revoke":
        assertCan(actor, "organization.manageMembers", resource);
        await revokeInvitation(organization.id, intent.data.invitationId, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: "The invitation is withdrawn; its link no longer works.",
        });
      case "remove":
        assertCan(actor, "organization.manageMembers", resource);
        await removeMember(organization.id, intent.data.membershipId, audit);
        return redirectWithFlash(request, here, { kind: "success", message: "The member is removed." });
    }
  } catch (error) {
    if (error instanceof OrganizationError) {
      return invalid({ [error.field]: error.message }, { email: String(submission.get("email") ?? "") });
    }
    throw error;
  }
}

export default function OrganizationPage() {
  const { organization, members, invitations, can: allowed, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const invite = useValidatedForm(inviteSchema, { server: result, defaultValues: { role: "MEMBER" } });
  return (
    <div className="stack">
      <h1>{organization.name}</h1>
      <p className="muted">
        {ORGANIZATION_KIND_LABELS[organization.kind]}
        {organization.jurisdiction ? `, ${organization.jurisdiction.toLowerCase()}` : ""}
        {organization.timeZone ? ` · time zone ${organization.timeZone}` : ""}
      </p>
      {result?.errors.form ? (
        <div role="alert" className="form-error">
          {result.errors.form}
        </div>
      ) : null}

      <section aria-labelledby="members">
        <h2 id="members">Members ({members.length})</h2>
        {members.length === 0 ? (
          <p>No members yet.{allowed.invite ? " Invite the first one below." : ""}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Since (UTC)</th>
                  {allowed.manageMembers ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <td>{member.user.name}</td>
                    <td>{member.user.email}</td>
                    <td>{member.role === "OWNER" ? "Owner" : "Member"}</td>
                    <td>{formatEventDay(member.createdAt, "UTC")}</td>
                    {allowed.manageMembers ? (
                      <td>
                        {member.user.id !== currentUserId ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="membershipId" value={member.id} />
                            <button
                              type="submit"
                              name="intent"
                              value="remove"
                              className="danger"
                              aria-label={`Remove ${member.user.name}`}
                            >
                              Remove
                            </button>
                          </Form>
                        ) : (
                          <span className="muted">You</span>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="pending">
        <h2 id="pending">Pending invitations ({invitations.length})</h2>
        {invitations.length === 0 ? (
          <p>No invitations are waiting for an answer.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Invited by</th>
                  <th scope="col">Expires</th>
                  {allowed.manageMembers ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{invitation.role === "OWNER" ? "Owner" : "Member"}</td>
                    <td>{invitation.invitedBy.name}</td>
                    <td>{formatEventTime(invitation.expiresAt, "UTC")}</td>
                    {allowed.manageMembers ? (
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="revoke"
                            className="secondary"
                            aria-label={`Withdraw the invitation to ${invitation.email}`}
                          >
                            Withdraw
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {allowed.invite ? (
        <section className="card narrow" aria-labelledby="invite">
          <h2 id="invite">Invite someone</h2>
          <ValidatedForm onSubmit={invite.onSubmit} errors={result?.errors} aria-labelledby="invite">
            <FormError message={invite.formError} />
            <input type="hidden" name="intent" value="invite" />
            <TextField label="Email address" type="email" {...invite.field("email")} required />
            <SelectField
              label="Role"
              hint="Owners can invite and remove members."
              {...invite.field("role")}
              options={[
                { value: "MEMBER", label: "Member" },
                { value: "OWNER", label: "Owner" },
              ]}
            />
            <SubmitButton name="intent" value="invite" pendingLabel="Sending invitation…">
              Send invitation
            </SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
