// The lead agency's schedule desk: change a milestone's target (with a reason code and a
// public narrative), record when one happened, or add one.
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
  resultFor,
} from "~/components/forms";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { DATE_CHANGE_REASON_LABELS, JURISDICTION_LABELS } from "~/models/milestone.labels";
import { addMilestone, changeTargetDate, listMilestones, recordActualDate } from "~/models/milestone.server";
import { milestoneStatus } from "~/models/schedule";
import {
  DATE_CHANGE_REASONS,
  addMilestoneSchema,
  changeTargetSchema,
  recordActualSchema,
  milestonePageSchema,
} from "~/schemas/project";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";
import { formatCalendarDate, todayUtc } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Schedule: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireProjectFor(request, params.slug, "milestone.changeDate");
  const today = todayUtc();
  const milestones = await listMilestones(project.id);
  return {
    project: { slug: project.slug, name: project.name },
    milestones: milestones.map((m) => ({
      id: m.id,
      name: m.name,
      jurisdiction: m.jurisdiction,
      baseline: m.baselineDate ? formatCalendarDate(m.baselineDate.toISOString(), m.datePrecision) : "—",
      target: m.targetDate ? formatCalendarDate(m.targetDate.toISOString(), m.datePrecision) : "—",
      actual: m.actualDate ? formatCalendarDate(m.actualDate.toISOString(), m.datePrecision) : null,
      status: milestoneStatus(m, { today, projectPaused: project.status === "PAUSED" }),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "milestone.changeDate");
  const submission = await readSubmission(request);
  const intent = milestonePageSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "Unknown request." });
  const audit = auditContext(context, actor.userId);
  const here = `/projects/${project.slug}/milestones`;
  try {
    if (intent.data.intent === "changeTarget") {
      const parsed = submission.parse(changeTargetSchema);
      if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "changeTarget" });
      await changeTargetDate({ projectId: project.id, ...parsed.data }, audit);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: "The new target date is recorded and shown in the public schedule history.",
      });
    }
    if (intent.data.intent === "recordActual") {
      const parsed = submission.parse(recordActualSchema);
      if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "recordActual" });
      await recordActualDate({ projectId: project.id, ...parsed.data }, audit);
      return redirectWithFlash(request, here, { kind: "success", message: "The milestone is marked as done." });
    }
    const parsed = submission.parse(addMilestoneSchema);
    if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "add" });
    await addMilestone(project.id, parsed.data, audit);
    return redirectWithFlash(request, here, { kind: "success", message: `Milestone "${parsed.data.name}" added.` });
  } catch (error) {
    return domainFailure(error, {
      intent: intent.data.intent,
      milestoneId: String(submission.get("milestoneId") ?? ""),
    });
  }
}

const REASON_OPTIONS = [
  { value: "", label: "Choose…" },
  ...DATE_CHANGE_REASONS.map((r) => ({ value: r, label: DATE_CHANGE_REASON_LABELS[r] })),
];

function ChangeTargetForm({
  milestoneId,
  name,
  result,
}: {
  milestoneId: string;
  name: string;
  result?: { errors: Record<string, string>; values: Record<string, string> };
}) {
  const mine = resultFor(result, "changeTarget", { milestoneId });
  const form = useValidatedForm(changeTargetSchema, { server: mine, defaultValues: { milestoneId, reason: "" } });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label={`Change the target date of ${name}`}>
      <FormError message={form.formError} />
      <input type="hidden" name="intent" value="changeTarget" />
      <input type="hidden" {...form.register("milestoneId")} defaultValue={milestoneId} />
      <TextField {...form.field("newDate")} type="date" label="New target date" required />
      <SelectField {...form.field("reason")} label="Reason" required options={REASON_OPTIONS} />
      <TextAreaField {...form.field("narrative")} label="Explanation (public)" required rows={3} />
      <SubmitButton name="intent" value="changeTarget" pendingLabel="Saving…">
        Change target date
      </SubmitButton>
    </ValidatedForm>
  );
}

function RecordActualForm({
  milestoneId,
  name,
  result,
}: {
  milestoneId: string;
  name: string;
  result?: { errors: Record<string, string>; values: Record<string, string> };
}) {
  const mine = resultFor(result, "recordActual", { milestoneId });
  const form = useValidatedForm(recordActualSchema, { server: mine, defaultValues: { milestoneId } });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label={`Record when ${name} happened`}>
      <input type="hidden" name="intent" value="recordActual" />
      <input type="hidden" {...form.register("milestoneId")} defaultValue={milestoneId} />
      <TextField {...form.field("actualDate")} type="date" label="Date it happened" required />
      <SubmitButton name="intent" value="recordActual" pendingLabel="Saving…">
        Mark as done
      </SubmitButton>
    </ValidatedForm>
  );
}

export default function Milestones() {
  const { project, milestones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const addResult = resultFor(result, "add");
  const add = useValidatedForm(addMilestoneSchema, {
    server: addResult,
    defaultValues: { jurisdiction: "FEDERAL", datePrecision: "DAY" },
  });
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Schedule of {project.name}</h1>
      <p className="muted">
        The baseline never changes: the gap between it and the current target is the public measure of slip.
      </p>
      {milestones.length === 0 ? <p className="card">No milestones yet. Add the first one below.</p> : null}
      {milestones.map((m) => (
        <section key={m.id} className="card" aria-labelledby={`m-${m.id}`}>
          <h2 id={`m-${m.id}`}>
            {m.name} <ScheduleStatusBadge status={m.status} />
          </h2>
          <p>
            {JURISDICTION_LABELS[m.jurisdiction]} · baseline {m.baseline} · target {m.target}
            {m.actual ? ` · happened ${m.actual}` : ""}
          </p>
          {m.actual ? null : (
            <details>
              <summary>Change the target date or mark as done</summary>
              <div className="two-columns">
                <ChangeTargetForm milestoneId={m.id} name={m.name} result={result} />
                <RecordActualForm milestoneId={m.id} name={m.name} result={result} />
              </div>
            </details>
          )}
        </section>
      ))}
      <section className="card narrow" aria-labelledby="add">
        <h2 id="add">Add a milestone</h2>
        <ValidatedForm onSubmit={add.onSubmit} errors={addResult?.errors} aria-labelledby="add">
          <FormError message={add.formError} />
          <input type="hidden" name="intent" value="add" />
          <TextField {...add.field("name")} label="Name" required />
          <SelectField
            {...add.field("jurisdiction")}
            label="Action"
            hint="Federal, state, tribal and court actions share one timeline."
            required
            options={Object.entries(JURISDICTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField
            {...add.field("authority")}
            label="Responsible body"
            hint="The agency or court, if not your agency."
          />
          <TextField
            {...add.field("baselineDate")}
            type="date"
            label="Baseline date"
            hint="The first planned date. Leave empty to use the target."
          />
          <TextField {...add.field("targetDate")} type="date" label="Target date" />
          <SelectField
            {...add.field("datePrecision")}
            label="Date precision"
            required
            options={[
              { value: "DAY", label: "Exact day" },
              { value: "MONTH", label: "Month only" },
              { value: "YEAR", label: "Year only" },
            ]}
          />
          <TextField
            {...add.field("sourceUrl")}
            type="url"
            label="Source"
            hint="Link to the notice or page the date comes from."
          />
          <SubmitButton name="intent" value="add" pendingLabel="Adding…">
            Add milestone
          </SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
