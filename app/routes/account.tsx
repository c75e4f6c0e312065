import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
  resultFor,
} from "~/components/forms";
import { AccountError, changePassword, getAccountDetails, updateProfile } from "~/models/account.server";
import { changePasswordSchema, profileSchema } from "~/schemas/auth";
import { loadActor } from "~/services/actor.server";
import { replaceAllSessions, requireUser } from "~/services/auth.server";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { roleLabels } from "~/models/organization.labels";
import { usTimeZoneOptions } from "~/utils/time-zones";

export const meta: MetaFunction = () => [{ title: "Your account · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = await loadActor(user);
  const details = await getAccountDetails(user.id);
  return { ...details, roles: roleLabels(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request);
  const intent = submission.get("intent");
  const audit = auditContext(context, user.id);
  if (intent === "profile") {
    const parsed = submission.parse(profileSchema);
    if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "profile" });
    await updateProfile(user.id, parsed.data, audit);
    return redirectWithFlash(request, "/account", { kind: "success", message: "Your details are saved." });
  }
  if (intent === "password") {
    const parsed = submission.parse(changePasswordSchema);
    if (!parsed.ok) return invalid(parsed.errors, { intent: "password" });
    try {
      await changePassword(user.id, parsed.data.currentPassword, parsed.data.password, audit);
    } catch (error) {
      if (error instanceof AccountError) return invalid({ [error.field]: error.message }, { intent: "password" });
      throw error;
    }
    // Sign out every other session; this browser gets a fresh one.
    const cookie = await replaceAllSessions(user.id, true);
    return redirectWithFlash(
      request,
      "/account",
      { kind: "success", message: "Your password is changed. Other devices have been signed out." },
      [cookie],
    );
  }
  return invalid({ form: "Unknown request." });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const profileResult = resultFor(result, "profile");
  const passwordResult = resultFor(result, "password");
  const profile = useValidatedForm(profileSchema, {
    server: profileResult,
    defaultValues: { name: account.name, timeZone: account.timeZone },
  });
  const password = useValidatedForm(changePasswordSchema, { server: passwordResult });
  return (
    <div className="stack">
      <h1>Your account</h1>
      <section className="card narrow" aria-labelledby="who">
        <h2 id="who">Who you are on Lodestone</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd>
            {account.email}{" "}
            {account.emailVerifiedAt ? (
              <span className="badge">confirmed</span>
            ) : (
              <span className="badge">not confirmed yet</span>
            )}
          </dd>
          <dt>Role</dt>
          <dd>{account.roles.join(", ")}</dd>
          <dt>Organizations</dt>
          <dd>
            {account.memberships.length === 0
              ? "None: you take part as a member of the public."
              : account.memberships
                  .map((m) => `${m.organization.name} (${m.role === "OWNER" ? "owner" : "member"})`)
                  .join("; ")}
          </dd>
        </dl>
      </section>

      <section className="card narrow" aria-labelledby="notifications">
        <h2 id="notifications">Notifications and email</h2>
        <p>
          <Link to="/account/notifications">Choose which emails you get, and see the projects you follow</Link>
        </p>
        <p>
          <Link to="/account/calendar">Your private calendar of the projects you follow</Link> (make or revoke its
          address)
        </p>
      </section>

      <section className="card narrow" aria-labelledby="profile">
        <h2 id="profile">Your details</h2>
        <ValidatedForm onSubmit={profile.onSubmit} errors={profileResult?.errors} aria-labelledby="profile">
          <FormError message={profile.formError} />
          <input type="hidden" name="intent" value="profile" />
          <TextField label="Name" {...profile.field("name")} autoComplete="name" required />
          <SelectField
            label="Time zone"
            hint="Dates and digests are shown in this zone."
            {...profile.field("timeZone")}
            options={usTimeZoneOptions(account.timeZone)}
          />
          <SubmitButton name="intent" value="profile" pendingLabel="Saving…">
            Save details
          </SubmitButton>
        </ValidatedForm>
      </section>

      <section className="card narrow" aria-labelledby="password">
        <h2 id="password">Change your password</h2>
        <p className="muted">Changing it signs you out on every other device.</p>
        <ValidatedForm onSubmit={password.onSubmit} errors={passwordResult?.errors} aria-labelledby="password">
          <FormError message={password.formError} />
          <input type="hidden" name="intent" value="password" />
          <TextField
            label="Current password"
            type="password"
            {...password.field("currentPassword")}
            autoComplete="current-password"
            required
          />
          <TextField
            label="New password"
            type="password"
            {...password.field("password")}
            hint="At least 10 characters."
            autoComplete="new-password"
            required
          />
          <TextField
            label="New password again"
            type="password"
            {...password.field("confirmPassword")}
            autoComplete="new-password"
            required
          />
          <SubmitButton name="intent" value="password" pendingLabel="Changing…">
            Change password
          </SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
