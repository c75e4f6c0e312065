// The lead agency edits who leads, who cooperates, and the review track.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, ValidatedForm, useValidatedForm } from "~/components/forms";
import { listAgencies, updateRegulatoryDetails } from "~/models/project.server";
import { REVIEW_TRACKS } from "~/models/workflow";
import { regulatorySchema } from "~/schemas/project";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Agencies: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireProjectFor(request, params.slug, "project.editRegulatory");
  return {
    project: {
      slug: project.slug,
      name: project.name,
      version: String(project.version),
      leadAgencyId: project.leadAgencyId ?? "",
      reviewTrack: project.reviewTrack,
      cooperating: project.cooperatingAgencies.map((c) => c.agency.id),
    },
    agencies: await listAgencies(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "project.editRegulatory");
  const parsed = await parseSubmission(request, regulatorySchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { version, ...input } = parsed.data;
  try {
    await updateRegulatoryDetails(project.id, version, input, auditContext(context, actor.userId));
  } catch (error) {
    return domainFailure(error);
  }
  const handedOver = input.leadAgencyId !== project.leadAgencyId;
  return redirectWithFlash(request, `/projects/${project.slug}`, {
    kind: "success",
    message: handedOver
      ? "Saved. The new lead agency now manages this project."
      : "The agencies and review track are saved.",
  });
}

export default function RegulatoryDetails() {
  const { project, agencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(regulatorySchema, {
    server: result,
    defaultValues: { version: project.version, leadAgencyId: project.leadAgencyId, reviewTrack: project.reviewTrack },
  });
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Agencies and review track</h1>
      <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-label="Agencies and review track">
        <FormError message={form.formError} />
        <input type="hidden" {...form.register("version")} defaultValue={project.version} />
        <SelectField
          {...form.field("leadAgencyId")}
          label="Lead agency"
          hint="Handing the lead to another agency gives its staff the controls of this project."
          required
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          {...form.field("reviewTrack")}
          label="Review track"
          required
          options={Object.entries(REVIEW_TRACKS).map(([value, t]) => ({ value, label: t.label }))}
        />
        <fieldset>
          <legend>Cooperating agencies</legend>
          {agencies
            .filter((a) => a.id !== project.leadAgencyId)
            .map((a) => (
              <div key={a.id} className="checkbox">
                <input
                  type="checkbox"
                  id={`coop-${a.id}`}
                  name="cooperatingAgencyIds"
                  value={a.id}
                  defaultChecked={project.cooperating.includes(a.id)}
                />
                <label htmlFor={`coop-${a.id}`}>{a.name}</label>
              </div>
            ))}
        </fieldset>
        <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
