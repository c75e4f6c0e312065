import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { OrganizationError, createOrganization, listOrganizations, listUsers } from "~/models/organization.server";
import { assertCan, can } from "~/policy/decide.server";
import { createOrganizationSchema } from "~/schemas/organization";
import { requireActor } from "~/services/actor.server";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { ORGANIZATION_KIND_LABELS } from "~/models/organization.labels";
import { US_TIME_ZONES } from "~/utils/time-zones";
import { formatEventDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Administration · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  assertCan(actor, "admin.access", null);
  const [organizations, users] = await Promise.all([listOrganizations(), listUsers()]);
  return { organizations, users, can: { viewDeliveryFailures: can(actor, "notification.viewDeliveryFailures", null) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  assertCan(actor, "organization.create", null);
  const parsed = await parseSubmission(request, createOrganizationSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const organization = await createOrganization(parsed.data, auditContext(context, actor.userId));
    return redirectWithFlash(request, `/organizations/${organization.slug}`, {
      kind: "success",
      message: `${organization.name} is created. Invite its first members below.`,
    });
  } catch (error) {
    if (error instanceof OrganizationError)
      return invalid({ [error.field]: error.message }, { name: parsed.data.name, kind: parsed.data.kind });
    throw error;
  }
}

const KIND_OPTIONS = [
  { value: "", label: "Choose…" },
  { value: "COMPANY", label: "Company (project sponsor)" },
  { value: "AGENCY", label: "Agency (regulator)" },
  { value: "NGO", label: "NGO" },
];
const JURISDICTION_OPTIONS = [
  { value: "", label: "Not an agency" },
  { value: "FEDERAL", label: "Federal" },
  { value: "STATE", label: "State" },
  { value: "TRIBAL", label: "Tribal" },
  { value: "LOCAL", label: "Local" },
];

export default function Admin() {
  const { organizations, users, can: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(createOrganizationSchema, { server: result, defaultValues: { timeZone: "" } });
  return (
    <div className="stack">
      <h1>Administration</h1>
      {allowed.viewDeliveryFailures ? (
        <nav aria-label="Administration pages">
          <ul className="action-list">
            <li>
              <Link to="/admin/email-failures">Undeliverable emails</Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="orgs">
        <h2 id="orgs">Organizations ({organizations.length})</h2>
        {organizations.length === 0 ? (
          <p>No organizations yet. Create the first one below.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Members</th>
                  <th scope="col">Projects</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((org) => (
                  <tr key={org.id}>
                    <td>
                      <Link to={`/organizations/${org.slug}`}>{org.name}</Link>
                    </td>
                    <td>
                      {ORGANIZATION_KIND_LABELS[org.kind]}
                      {org.jurisdiction ? ` (${org.jurisdiction.toLowerCase()})` : ""}
                    </td>
                    <td>{org._count.memberships}</td>
                    <td>
                      {org.kind === "COMPANY"
                        ? org._count.companyProjects
                        : org.kind === "AGENCY"
                          ? `${org._count.leadProjects} as lead`
                          : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card narrow" aria-labelledby="new-org">
        <h2 id="new-org">Create an organization</h2>
        <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="new-org">
          <FormError message={form.formError} />
          <TextField label="Name" {...form.field("name")} required />
          <SelectField label="Kind" {...form.field("kind")} options={KIND_OPTIONS} required />
          <SelectField
            label="Level of government"
            hint="Agencies only."
            {...form.field("jurisdiction")}
            options={JURISDICTION_OPTIONS}
          />
          <SelectField
            label="Agency time zone"
            hint="Agencies only: comment deadlines are stated in this zone."
            {...form.field("timeZone")}
            options={[{ value: "", label: "Not an agency" }, ...US_TIME_ZONES]}
          />
          <TextField label="Website" type="url" {...form.field("website")} hint="Optional." />
          <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="users">
        <h2 id="users">People ({users.length})</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Organizations</th>
                <th scope="col">Joined (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name} {user.isAdmin ? <span className="badge">admin</span> : null}
                  </td>
                  <td>
                    {user.email} {user.emailVerifiedAt ? null : <span className="badge">unconfirmed</span>}
                  </td>
                  <td>
                    {user.memberships.length === 0
                      ? "Community member"
                      : user.memberships.map((m) => `${m.organization.name} (${m.role.toLowerCase()})`).join("; ")}
                  </td>
                  <td>{formatEventDay(user.createdAt, "UTC")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
