import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { OrganizationError, acceptInvitation, findInvitation, invitationState } from "~/models/organization.server";
import { getOptionalUser, requireUser } from "~/services/auth.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { ORGANIZATION_KIND_LABELS } from "~/models/organization.labels";

export const meta: MetaFunction = () => [{ title: "Invitation · Lodestone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) throw notFound("This invitation link is not valid. Ask the person who invited you for a new one.");
  const user = await getOptionalUser(request);
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organization: invitation.organization,
      invitedBy: invitation.invitedBy.name,
      state: invitationState(invitation),
    },
    user: user ? { email: user.email } : null,
    here: new URL(request.url).pathname,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    const organization = await acceptInvitation(params.token ?? "", user, auditContext(context, user.id));
    return redirectWithFlash(request, `/organizations/${organization.slug}`, {
      kind: "success",
      message: `You are now a member of ${organization.name}.`,
    });
  } catch (error) {
    if (error instanceof OrganizationError) return invalid({ form: error.message });
    throw error;
  }
}

export default function InvitationPage() {
  const { invitation, user, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const org = invitation.organization;
  return (
    <div className="narrow stack">
      <h1>Join {org.name}</h1>
      <p>
        {invitation.invitedBy} invited <strong>{invitation.email}</strong> to join {org.name} (
        {ORGANIZATION_KIND_LABELS[org.kind].toLowerCase()}) as {invitation.role === "OWNER" ? "an owner" : "a member"}.
      </p>
      {result?.errors.form ? (
        <div role="alert" className="form-error">
          {result.errors.form}
        </div>
      ) : null}
      {invitation.state !== "pending" ? (
        <p>This invitation has been {invitation.state}. Ask for a new one if you still need access.</p>
      ) : !user ? (
        <p>
          <Link to={`/auth/login?redirectTo=${encodeURIComponent(here)}`}>Sign in</Link> or{" "}
          <Link
            to={`/auth/signup?email=${encodeURIComponent(invitation.email)}&redirectTo=${encodeURIComponent(here)}`}
          >
            create an account
          </Link>{" "}
          with {invitation.email} to accept.
        </p>
      ) : user.email !== invitation.email ? (
        <p>
          You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out and sign in with
          that address to accept it.
        </p>
      ) : (
        <Form method="post">
          <SubmitButton pendingLabel="Joining…">Accept and join {org.name}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
