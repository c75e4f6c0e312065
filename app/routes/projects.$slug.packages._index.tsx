// A project's permit packages: public list; the company starts new ones here.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "~/components/forms";
import { PACKAGE_KIND_LABELS, PACKAGE_STATUS_LABELS } from "~/models/package.labels";
import { createPackage, listPackages } from "~/models/package.server";
import { can } from "~/policy/decide.server";
import { PACKAGE_KINDS, createPackageSchema } from "~/schemas/package";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatEventDay, projectTimeZone } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Permit packages: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const packages = await listPackages(project.id);
  // Drafts are the company's working papers until submitted.
  const seesDrafts = can(actor, "package.readDraft", resource);
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    packages: packages
      .filter((p) => seesDrafts || p.status !== "DRAFT" || p.versionCount > 0)
      .map((p) => ({ ...p, latest: p.versions[0] ?? null, updatedAt: p.updatedAt.toISOString() })),
    canCreate: can(actor, "package.manage", resource),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "package.manage");
  const parsed = await parseSubmission(request, createPackageSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const created = await createPackage(project.id, parsed.data, {
      ...auditContext(context, actor.userId),
      actorId: actor.userId,
    });
    return redirectWithFlash(request, `/projects/${project.slug}/packages/${created.id}`, {
      kind: "success",
      message: "The draft package is created. Add its documents, then submit it.",
    });
  } catch (error) {
    return domainFailure(error);
  }
}

export default function Packages() {
  const { project, packages, canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(createPackageSchema, { server: result, defaultValues: { kind: "" } });
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Permit packages of {project.name}</h1>
      {packages.length === 0 ? (
        <p className="card">No permit package has been submitted through Lodestone for this project.</p>
      ) : (
        <CardTable>
          <CardHead>
            <ColumnHeader>Package</ColumnHeader>
            <ColumnHeader>Kind</ColumnHeader>
            <ColumnHeader>Status</ColumnHeader>
            <ColumnHeader>Latest version</ColumnHeader>
          </CardHead>
          <CardBody>
            {packages.map((p) => (
              <CardRow key={p.id}>
                <RowHeader>
                  <Link to={p.id}>{p.title}</Link>
                  {p.permitName ? <div className="muted">{p.permitName}</div> : null}
                </RowHeader>
                <Cell label="Kind">{PACKAGE_KIND_LABELS[p.kind]}</Cell>
                <Cell label="Status">{PACKAGE_STATUS_LABELS[p.status]}</Cell>
                <Cell label="Latest version">
                  {p.latest
                    ? `Version ${p.latest.number}, submitted ${formatEventDay(p.latest.submittedAt, project.timeZone)}`
                    : "Not submitted yet"}
                </Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      {canCreate ? (
        <section className="card narrow" aria-labelledby="new-package">
          <h2 id="new-package">Start a package</h2>
          <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="new-package">
            <FormError message={form.formError} />
            <SelectField
              {...form.field("kind")}
              label="What it is"
              required
              options={[
                { value: "", label: "Choose…" },
                ...PACKAGE_KINDS.map((k) => ({ value: k, label: PACKAGE_KIND_LABELS[k] })),
              ]}
            />
            <TextField {...form.field("title")} label="Title" required />
            <TextField
              {...form.field("permitName")}
              label="Permit applied for"
              hint="For permit applications, e.g. CWA section 404."
            />
            <TextAreaField {...form.field("description")} label="Description" />
            <SubmitButton pendingLabel="Creating…">Create draft</SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
