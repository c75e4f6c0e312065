// A company user adds a project for their own company.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { ProjectDetailsFields } from "~/components/ProjectDetailsFields";
import { createProject, listAgencies, listCompaniesOf } from "~/models/project.server";
import { assertCan, can } from "~/policy/decide.server";
import { US_STATES, createProjectSchema } from "~/schemas/project";
import { requireActor } from "~/services/actor.server";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";

export const meta: MetaFunction = () => [{ title: "Add a project · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The policy decides which of the person's companies they may add projects for.
  const companies = (await listCompaniesOf(actor.userId)).filter((c) =>
    can(actor, "project.create", { companyId: c.id }),
  );
  if (companies.length === 0) {
    throw new Response("Only company staff can add projects: an owner of your company can invite you.", {
      status: 403,
    });
  }
  return { companies, agencies: await listAgencies() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const parsed = await parseSubmission(request, createProjectSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  // Scoped: the company comes from the form, so the policy checks the person belongs to it.
  assertCan(actor, "project.create", { companyId: parsed.data.companyId });
  try {
    const project = await createProject(parsed.data, auditContext(context, actor.userId));
    return redirectWithFlash(request, `/projects/${project.slug}`, {
      kind: "success",
      message: `${project.name} is added to the public record.`,
    });
  } catch (error) {
    return domainFailure(error);
  }
}

export default function NewProject() {
  const { companies, agencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(createProjectSchema, {
    server: result,
    defaultValues: { companyId: companies[0]?.id ?? "", state: "", leadAgencyId: "", landStatus: "" },
  });
  return (
    <div className="stack narrow">
      <p>
        <Link to="/projects">← Projects</Link>
      </p>
      <h1>Add a project</h1>
      <p>The project starts at the pre-application stage. The lead agency moves it on from there.</p>
      <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-label="Add a project">
        <FormError message={form.formError} />
        <TextField {...form.field("name")} label="Project name" required />
        <SelectField
          {...form.field("companyId")}
          label="Company"
          required
          options={companies.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          {...form.field("state")}
          label="State"
          required
          options={[{ value: "", label: "Choose…" }, ...US_STATES.map((s) => ({ value: s, label: s }))]}
        />
        <ProjectDetailsFields field={form.field} />
        <SelectField
          {...form.field("leadAgencyId")}
          label="Lead agency"
          hint="The agency your plan of operations is filed with. It can hand the lead to another agency later."
          required
          options={[{ value: "", label: "Choose…" }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <SubmitButton pendingLabel="Adding…">Add project</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
