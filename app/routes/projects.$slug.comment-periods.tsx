// A project's public comment periods, and the lead agency's form to open one. Deadlines are shown
// and entered in the lead agency's time zone, the one the model enforces them in.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "~/components/forms";
import {
  leadAgencyTimeZone,
  listProjectPeriods,
  openPeriod,
  periodWindow,
} from "~/models/comments/comment-period.server";
import { PERIOD_STATE_LABELS, formatDeadline, periodState } from "~/models/comments/comment-window";

import { listProjectDocuments } from "~/models/package.server";
import { stageLabel, stagesOf } from "~/models/workflow";
import { can } from "~/policy/decide.server";
import { openPeriodSchema } from "~/schemas/comment-period";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatBytes } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Comment periods: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const canManage = can(actor, "commentPeriod.manage", resource);
  const now = new Date();
  const periods = await listProjectPeriods(project.id);
  const timeZone = canManage ? await leadAgencyTimeZone(project.id) : null;
  // Only public documents can be put under public review; the model refuses the others too.
  const documents = canManage ? (await listProjectDocuments(project.id)).filter((d) => d.visibility === "PUBLIC") : [];
  return {
    project: { slug: project.slug, name: project.name, currentStage: project.currentStage },
    periods: periods.map((p) => ({
      id: p.id,
      title: p.title,
      stageLabel: stageLabel(project.reviewTrack, p.stage),
      state: periodState(periodWindow(p), now),
      opens: formatDeadline(p.opensAt, p.timeZone),
      closes: formatDeadline(p.closesAt, p.timeZone),
      comments: p.publishedCommentCount,
    })),
    manage: canManage
      ? {
          timeZone,
          leadAgencyName: project.leadAgency?.name ?? "The lead agency",
          stages: stagesOf(project.reviewTrack).map((s) => ({ value: s.key, label: s.label })),
          documents: documents.map((d) => ({ id: d.id, label: `${d.originalName} (${formatBytes(d.sizeBytes)})` })),
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "commentPeriod.manage");
  const submission = await readSubmission(request);
  // Ticked checkboxes travel back as one comma-separated value, so the form can tick them again.
  const documentIds = submission.getAll("documentIds");
  const parsed = submission.parse(openPeriodSchema);
  if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, documentIds: documentIds.join(",") });
  const { opensAt, closesAt, ...rest } = parsed.data;
  try {
    const period = await openPeriod(
      project.id,
      { ...rest, opensAtLocal: opensAt, closesAtLocal: closesAt },
      auditContext(context, actor.userId),
    );
    return redirectWithFlash(request, `/comment-periods/${period.id}`, {
      kind: "success",
      message: "The comment period is open for the record; followers of the project will be told.",
    });
  } catch (error) {
    const values = Object.fromEntries(submission);
    return domainFailure(error, { ...values, documentIds: documentIds.join(",") });
  }
}

/** `datetime-local` is not among the shared TextField types; same label, hint and error wiring. */
function DateTimeLocalField({
  name,
  label,
  hint,
  error,
  defaultValue,
  register,
  autoFocus,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  register: UseFormRegister<FieldValues>;
  autoFocus?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="datetime-local"
        // Seconds allowed: a notice may close at 11:59:59 PM.
        step={1}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        autoFocus={autoFocus}
        defaultValue={defaultValue}
        {...register(name as Path<FieldValues>)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Manage = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["manage"]>;

function OpenPeriodForm({ manage, currentStage }: { manage: Manage; currentStage: string }) {
  const result = useActionData<typeof action>();
  const form = useValidatedForm(openPeriodSchema, { server: result, defaultValues: { stage: currentStage } });
  const checked = new Set((result?.values.documentIds ?? "").split(",").filter(Boolean));
  const documentsError = form.errorFor("documentIds");
  if (!manage.timeZone) {
    return (
      <p className="card">
        {manage.leadAgencyName} has no time zone on record, so a deadline could not be stated in its local time. Ask an
        administrator to set the agency&apos;s time zone, then open the period here.
      </p>
    );
  }
  const zone = manage.timeZone;
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="open-period">
      <FormError message={form.formError} />
      <SelectField {...form.field("stage")} label="Stage" required options={manage.stages} />
      <TextField {...form.field("title")} label="Title" required />
      <TextAreaField {...form.field("description")} label="What the agency asks the public" rows={4} />
      <DateTimeLocalField {...form.field("opensAt")} label={`Opens (${zone} time)`} />
      <DateTimeLocalField
        {...form.field("closesAt")}
        label={`Closes (${zone} time)`}
        hint="Comments are accepted until this instant, to the second, in the agency's time zone."
      />
      <fieldset>
        <legend>Documents under review</legend>
        {manage.documents.length === 0 ? (
          <p className="muted">This project has no public documents yet.</p>
        ) : (
          manage.documents.map((d) => (
            <div key={d.id} className="checkbox">
              <input
                type="checkbox"
                id={`doc-${d.id}`}
                name="documentIds"
                value={d.id}
                defaultChecked={checked.has(d.id)}
                aria-invalid={documentsError ? true : undefined}
                aria-describedby={documentsError ? "documents-error" : undefined}
              />
              <label htmlFor={`doc-${d.id}`}>{d.label}</label>
            </div>
          ))
        )}
        {documentsError ? (
          <p id="documents-error" className="field-error">
            {documentsError}
          </p>
        ) : null}
      </fieldset>
      <div className="checkbox">
        <input
          type="checkbox"
          id="allow-anonymous"
          name="allowAnonymous"
          defaultChecked={result?.values.allowAnonymous === "on"}
        />
        <label htmlFor="allow-anonymous">Accept anonymous comments</label>
      </div>
      <SubmitButton pendingLabel="Opening…">Open the comment period</SubmitButton>
    </ValidatedForm>
  );
}

export default function ProjectCommentPeriods() {
  const { project, periods, manage } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Comment periods of {project.name}</h1>
      {periods.length === 0 ? (
        <p className="card">No public comment period has been opened for this project.</p>
      ) : (
        <CardTable>
          <CardHead>
            <ColumnHeader>Comment period</ColumnHeader>
            <ColumnHeader>Stage</ColumnHeader>
            <ColumnHeader>State</ColumnHeader>
            <ColumnHeader>Opens</ColumnHeader>
            <ColumnHeader>Closes</ColumnHeader>
            <ColumnHeader>Comments</ColumnHeader>
          </CardHead>
          <CardBody>
            {periods.map((p) => (
              <CardRow key={p.id}>
                <RowHeader>
                  <Link to={`/comment-periods/${p.id}`}>{p.title}</Link>
                </RowHeader>
                <Cell label="Stage">{p.stageLabel}</Cell>
                <Cell label="State">
                  <span className="badge">{PERIOD_STATE_LABELS[p.state]}</span>
                </Cell>
                <Cell label="Opens">{p.opens}</Cell>
                <Cell label="Closes">{p.closes}</Cell>
                <Cell label="Comments">{p.comments.toLocaleString("en-US")}</Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      {manage ? (
        <section className="card narrow" aria-labelledby="open-period">
          <h2 id="open-period">Open a comment period</h2>
          <OpenPeriodForm manage={manage} currentStage={project.currentStage} />
        </section>
      ) : null}
    </div>
  );
}
