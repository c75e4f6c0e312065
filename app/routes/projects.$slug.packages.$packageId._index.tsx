// One permit package: the company's working copy (documents, submit), every submitted version
// (frozen, always readable), and the lead agency's completeness determination.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  ValidatedForm,
  useValidatedForm,
  resultFor,
} from "~/components/forms";
import { UploadForm } from "~/components/UploadForm";
import { PACKAGE_KIND_LABELS, PACKAGE_STATUS_LABELS, DOCUMENT_VISIBILITY_LABELS } from "~/models/package.labels";
import { determineCompleteness, getPackage, removeDocumentFromPackage, submitPackage } from "~/models/package.server";
import { assertCan, can } from "~/policy/decide.server";
import { determinationSchema, submitPackageSchema, packagePageSchema } from "~/schemas/package";
import { DOCUMENT_LIMITS, formatMegabytes } from "~/services/uploads.server";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatEventDay, formatEventTime, projectTimeZone } from "~/utils/dates";
import { formatBytes } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.pkg.title ?? "Package"} · Lodestone` },
];

async function findPackage(projectId: string, packageId: string | undefined) {
  const pkg = await getPackage(projectId, packageId ?? "");
  if (!pkg) throw notFound("There is no such package in this project.");
  return pkg;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const pkg = await findPackage(project.id, params.packageId);
  const manage = can(actor, "package.manage", resource);
  const confidential = can(actor, "project.readConfidential", resource);
  if (pkg.versionCount === 0 && !can(actor, "package.readDraft", resource)) {
    throw notFound("There is no such package in this project.");
  }
  // Confidential documents are listed only to those who may open them; others see a count.
  const visible = <T extends { visibility: "PUBLIC" | "CONFIDENTIAL" }>(docs: T[]) =>
    confidential ? docs : docs.filter((d) => d.visibility === "PUBLIC");
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    pkg: {
      id: pkg.id,
      title: pkg.title,
      kind: pkg.kind,
      permitName: pkg.permitName,
      description: pkg.description,
      status: pkg.status,
      lockVersion: pkg.lockVersion,
      workingDocuments: manage ? pkg.documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })) : [],
      versions: pkg.versions.map((v) => {
        const docs = v.documents.map((d) => d.document);
        return {
          ...v,
          submittedAt: v.submittedAt.toISOString(),
          determinedAt: v.determinedAt?.toISOString() ?? null,
          documents: visible(docs),
          withheld: docs.length - visible(docs).length,
        };
      }),
    },
    can: {
      manage: manage && (pkg.status === "DRAFT" || pkg.status === "DEFICIENT"),
      determine: can(actor, "package.determineCompleteness", resource) && pkg.status === "SUBMITTED",
    },
    limits: { perFile: formatMegabytes(DOCUMENT_LIMITS.maxFileBytes), files: DOCUMENT_LIMITS.maxFiles },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Signed in is enough to get this far: each intent asks the policy for its own action below.
  const { actor, project, resource } = await requireProjectFor(request, params.slug);
  const pkg = await findPackage(project.id, params.packageId);
  const submission = await readSubmission(request);
  const intent = packagePageSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "Unknown request." });
  const audit = { ...auditContext(context, actor.userId), actorId: actor.userId };
  const here = `/projects/${project.slug}/packages/${pkg.id}`;
  try {
    switch (intent.data.intent) {
      case "submit": {
        assertCan(actor, "package.manage", resource);
        const parsed = submission.parse(submitPackageSchema);
        if (!parsed.ok) return invalid({ form: "Reload the page and submit again." });
        const version = await submitPackage(project.id, pkg.id, parsed.data.lockVersion, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: `Version ${version.number} is submitted to the lead agency for its completeness review.`,
        });
      }
      case "remove":
        assertCan(actor, "package.manage", resource);
        await removeDocumentFromPackage(project.id, pkg.id, intent.data.documentId, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: "The document is taken off the working copy.",
        });
      case "determine": {
        assertCan(actor, "package.determineCompleteness", resource);
        const parsed = submission.parse(determinationSchema);
        if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "determine" });
        await determineCompleteness(
          project.id,
          pkg.id,
          { ...parsed.data, expectedLockVersion: parsed.data.lockVersion },
          audit,
        );
        return redirectWithFlash(request, here, {
          kind: "success",
          message:
            parsed.data.determination === "COMPLETE"
              ? "The package is recorded as complete."
              : "The deficiency notice is recorded and goes back to the company.",
        });
      }
    }
  } catch (error) {
    return domainFailure(error, { intent: intent.data.intent });
  }
}

export default function PackagePage() {
  const { project, pkg, can: allowed, limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const determineResult = resultFor(result, "determine");
  const determine = useValidatedForm(determinationSchema, {
    server: determineResult,
    defaultValues: { determination: "", lockVersion: String(pkg.lockVersion) },
  });
  const latest = pkg.versions[0];
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}/packages`}>← Permit packages of {project.name}</Link>
      </p>
      <h1>{pkg.title}</h1>
      <p>
        {PACKAGE_KIND_LABELS[pkg.kind]}
        {pkg.permitName ? ` · ${pkg.permitName}` : ""} · <strong>{PACKAGE_STATUS_LABELS[pkg.status]}</strong>
      </p>
      {pkg.description ? <p>{pkg.description}</p> : null}
      {result?.errors?.form && !determineResult ? (
        <div role="alert" className="form-error">
          {result.errors.form}
        </div>
      ) : null}

      {pkg.status === "DEFICIENT" && latest ? (
        <section className="card" aria-labelledby="deficiency">
          <h2 id="deficiency">Deficiency notice on version {latest.number}</h2>
          <ul>
            {latest.deficiencies.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
          {latest.determinationNote ? <p>{latest.determinationNote}</p> : null}
        </section>
      ) : null}

      {allowed.manage ? (
        <section className="card" aria-labelledby="working">
          <h2 id="working">Working copy (version {pkg.versions.length + 1}, not yet submitted)</h2>
          {pkg.workingDocuments.length === 0 ? (
            <p>No documents yet. Upload the package&apos;s documents below.</p>
          ) : (
            <ul className="document-list">
              {pkg.workingDocuments.map((d) => (
                <li key={d.id}>
                  <a href={`/documents/${d.id}`}>{d.originalName}</a> ({formatBytes(d.sizeBytes)},{" "}
                  {DOCUMENT_VISIBILITY_LABELS[d.visibility]}){" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="documentId" value={d.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className="link-button"
                      aria-label={`Take ${d.originalName} off the package`}
                    >
                      Remove
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <UploadForm
            action={`/projects/${project.slug}/packages/${pkg.id}/upload`}
            submitLabel="Upload"
            label="Upload documents"
          >
            <div className="field">
              <label htmlFor="files">Documents</label>
              <p className="hint" id="files-hint">
                PDF, images, Word, Excel, PowerPoint, OpenDocument, CSV, text, GeoJSON, KML or a zipped shapefile; up to{" "}
                {limits.files} files of {limits.perFile} each.
              </p>
              <input id="files" name="files" type="file" multiple required aria-describedby="files-hint" />
            </div>
            <div className="field">
              <label htmlFor="visibility">Who may read them</label>
              <select id="visibility" name="visibility" defaultValue="CONFIDENTIAL">
                <option value="CONFIDENTIAL">
                  Confidential business information: the agencies reviewing the project only
                </option>
                <option value="PUBLIC">Public</option>
              </select>
            </div>
          </UploadForm>
          <Form method="post">
            <input type="hidden" name="lockVersion" value={pkg.lockVersion} />
            <p>
              Submitting freezes these documents as version {pkg.versions.length + 1}; later changes make a new version.
            </p>
            <SubmitButton name="intent" value="submit" pendingLabel="Submitting…">
              Submit to the lead agency
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {allowed.determine && latest ? (
        <section className="card narrow" aria-labelledby="determination">
          <h2 id="determination">Completeness determination on version {latest.number}</h2>
          <ValidatedForm onSubmit={determine.onSubmit} errors={determineResult?.errors} aria-labelledby="determination">
            <FormError message={determine.formError} />
            <input type="hidden" name="intent" value="determine" />
            <input type="hidden" {...determine.register("lockVersion")} defaultValue={String(pkg.lockVersion)} />
            <SelectField
              {...determine.field("determination")}
              label="Determination"
              required
              options={[
                { value: "", label: "Choose…" },
                { value: "COMPLETE", label: "Complete" },
                { value: "DEFICIENT", label: "Deficient" },
              ]}
            />
            <TextAreaField
              {...determine.field("deficiencies")}
              label="Deficient items (one per line)"
              hint="Required when deficient. The company sees each item."
              rows={5}
            />
            <TextAreaField {...determine.field("note")} label="Note to the company" />
            <SubmitButton name="intent" value="determine" pendingLabel="Recording…">
              Record determination
            </SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}

      <section aria-labelledby="versions">
        <h2 id="versions">Submitted versions</h2>
        {pkg.versions.length === 0 ? (
          <p>Not submitted yet.</p>
        ) : (
          pkg.versions.map((v) => (
            <article key={v.id} className="card" aria-labelledby={`v-${v.number}`}>
              <h3 id={`v-${v.number}`}>
                Version {v.number}: submitted {formatEventTime(v.submittedAt, project.timeZone)} by {v.submittedBy.name}
              </h3>
              <p>
                {v.determination
                  ? `Found ${v.determination === "COMPLETE" ? "complete" : "deficient"} on ${formatEventDay(v.determinedAt!, project.timeZone)}${v.determinedBy ? ` by ${v.determinedBy.name}` : ""}.`
                  : "Awaiting the completeness determination."}
              </p>
              {v.deficiencies.length > 0 ? (
                <>
                  <p>Deficient items:</p>
                  <ul>
                    {v.deficiencies.map((d) => (
                      <li key={d.id}>{d.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {v.documents.length > 0 ? (
                <ul className="document-list">
                  {v.documents.map((d) => (
                    <li key={d.id}>
                      <a href={`/documents/${d.id}`}>{d.originalName}</a> ({formatBytes(d.sizeBytes)},{" "}
                      {DOCUMENT_VISIBILITY_LABELS[d.visibility]}){" "}
                      <span className="muted">SHA-256 {d.sha256.slice(0, 12)}…</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.withheld > 0 ? (
                <p className="muted">{v.withheld} confidential document(s) are not listed publicly.</p>
              ) : null}
            </article>
          ))
        )}
      </section>
    </div>
  );
}
