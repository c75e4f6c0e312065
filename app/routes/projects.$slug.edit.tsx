// The company edits its project's own details (not its stage, schedule or agencies).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { ProjectDetailsFields } from "~/components/ProjectDetailsFields";
import { updateProjectDetails } from "~/models/project.server";
import { editProjectSchema } from "~/schemas/project";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireProjectFor(request, params.slug, "project.edit");
  return {
    project: {
      slug: project.slug,
      name: project.name,
      values: {
        version: String(project.version),
        name: project.name,
        county: project.county,
        latitude: project.latitude?.toString() ?? "",
        longitude: project.longitude?.toString() ?? "",
        commodities: project.commodities.join(", "),
        landStatus: project.landStatus,
        description: project.description,
        website: project.website ?? "",
      },
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "project.edit");
  const parsed = await parseSubmission(request, editProjectSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { version, ...details } = parsed.data;
  try {
    await updateProjectDetails(project.id, version, details, auditContext(context, actor.userId));
  } catch (error) {
    return domainFailure(error);
  }
  return redirectWithFlash(request, `/projects/${project.slug}`, {
    kind: "success",
    message: "The project details are saved.",
  });
}

export default function EditProject() {
  const { project } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(editProjectSchema, { server: result, defaultValues: project.values });
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Edit {project.name}</h1>
      <p className="muted">The address of the project page stays the same when the name changes.</p>
      <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-label="Edit project details">
        <FormError message={form.formError} />
        <input type="hidden" {...form.register("version")} defaultValue={project.values.version} />
        <TextField {...form.field("name")} label="Project name" required />
        <ProjectDetailsFields field={form.field} />
        <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
