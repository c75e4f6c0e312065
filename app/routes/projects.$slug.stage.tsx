// Moving a project between stages (lead agency) or withdrawing it (its company).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "~/components/forms";
import { ProjectStatusBadge } from "~/components/ProjectStatus";
import { DATE_CHANGE_REASON_LABELS } from "~/models/milestone.labels";
import { pendingBlockers } from "~/models/condition.server";
import { CONDITION_SEVERITY_LABELS } from "~/models/condition.labels";
import { changeStage } from "~/models/stage.server";
import {
  TRANSITIONS,
  TRANSITION_KINDS,
  earlierStages,
  endsProject,
  planTransition,
  stageLabel,
} from "~/models/workflow";
import { assertCan, can } from "~/policy/decide.server";
import { DATE_CHANGE_REASONS, stageChangeSchema } from "~/schemas/project";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change stage: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await requireProjectFor(
    request,
    params.slug,
    "project.advanceStage",
    "project.withdraw",
  );
  const state = { track: project.reviewTrack, stage: project.currentStage, status: project.status };
  // Offer only the moves this person may make and the workflow allows from here.
  const allowedKinds = TRANSITION_KINDS.filter((kind) => can(actor, TRANSITIONS[kind].permission, resource));
  const options = await Promise.all(
    allowedKinds.map(async (kind) => {
      const plan = planTransition(state, {
        kind,
        toStage: kind === "RESCIND" ? earlierStages(project.reviewTrack, project.currentStage)[0]?.key : undefined,
      });
      const label =
        kind === "ADVANCE" && plan.ok
          ? `Advance to ${stageLabel(project.reviewTrack, plan.transition.toStage)}`
          : TRANSITIONS[kind].label;
      if (!plan.ok) return { kind, label, available: false, why: plan.reason };
      // Say up front which condition of approval holds the move, rather than after submitting.
      const [blocker] = await pendingBlockers(project.id, plan.transition);
      return blocker
        ? {
            kind,
            label,
            available: false,
            why: `blocked by the pending condition "${blocker.text}" (${CONDITION_SEVERITY_LABELS[blocker.severity]}).`,
          }
        : { kind, label, available: true, why: null };
    }),
  );
  return {
    project: {
      slug: project.slug,
      name: project.name,
      version: project.version,
      status: project.status,
      stageLabel: stageLabel(project.reviewTrack, project.currentStage),
    },
    options,
    earlierStages: earlierStages(project.reviewTrack, project.currentStage),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project, resource } = await requireProjectFor(
    request,
    params.slug,
    "project.advanceStage",
    "project.withdraw",
  );
  const parsed = await parseSubmission(request, stageChangeSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const input = parsed.data;
  assertCan(actor, TRANSITIONS[input.kind].permission, resource);
  if (endsProject(input.kind) && input.confirmed !== "yes") {
    // Nothing is written yet: the page asks once more, carrying the submitted values.
    return {
      ok: false as const,
      errors: {} as Record<string, string>,
      values: {},
      confirm: {
        kind: input.kind,
        label: TRANSITIONS[input.kind].label,
        reason: input.reason,
        version: String(input.version),
      },
    };
  }
  try {
    await changeStage(
      {
        projectId: project.id,
        expectedVersion: input.version,
        kind: input.kind,
        toStage: input.toStage,
        reason: input.reason,
        pause:
          input.kind === "PAUSE" && input.pauseReason
            ? { reason: input.pauseReason, expectedLiftDate: input.expectedLiftDate ?? null }
            : undefined,
      },
      auditContext(context, actor.userId),
    );
  } catch (error) {
    return domainFailure(error, { kind: input.kind, reason: input.reason, toStage: input.toStage ?? "" });
  }
  return redirectWithFlash(request, `/projects/${project.slug}`, {
    kind: "success",
    message: `${TRANSITIONS[input.kind].label}: done. Followers of ${project.name} will be notified.`,
  });
}

export default function StageChange() {
  const { project, options, earlierStages: earlier } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const available = options.filter((o) => o.available);
  const form = useValidatedForm(stageChangeSchema, {
    server: result,
    defaultValues: {
      version: String(project.version),
      kind: available[0]?.kind ?? "",
      toStage: earlier.at(-1)?.key ?? "",
      pauseReason: "",
    },
  });
  const confirm = result && "confirm" in result ? result.confirm : null;
  if (confirm) {
    return (
      <div className="stack narrow">
        <p>
          <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
        </p>
        <h1>
          Confirm: {confirm.label.toLowerCase()} for {project.name}?
        </h1>
        <p role="alert">
          This ends the project&apos;s review. No stage change can follow it, and it is published in the stage history
          and sent to everyone who follows {project.name}.
        </p>
        <p>
          Reason, as it will be published: <q>{confirm.reason}</q>
        </p>
        <Form method="post" aria-label={`Confirm: ${confirm.label.toLowerCase()}`}>
          <input type="hidden" name="version" value={confirm.version} />
          <input type="hidden" name="kind" value={confirm.kind} />
          <input type="hidden" name="reason" value={confirm.reason} />
          <input type="hidden" name="confirmed" value="yes" />
          <p className="action-list">
            <button type="submit">Yes, {confirm.label.toLowerCase()}</button>{" "}
            <Link to={`/projects/${project.slug}/stage`}>No, go back</Link>
          </p>
        </Form>
      </div>
    );
  }
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Change the stage of {project.name}</h1>
      <p>
        Now: <strong>{project.stageLabel}</strong> <ProjectStatusBadge status={project.status} />
      </p>
      {available.length === 0 ? (
        <p className="card">No stage change is possible from here. {options.map((o) => o.why).filter(Boolean)[0]}</p>
      ) : (
        <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-label="Change the stage">
          <FormError message={form.formError} />
          <input type="hidden" {...form.register("version")} defaultValue={String(project.version)} />
          <SelectField
            {...form.field("kind")}
            label="What happens"
            required
            options={available.map((o) => ({ value: o.kind, label: o.label }))}
          />
          {earlier.length > 0 && available.some((o) => o.kind === "RESCIND") ? (
            <SelectField
              {...form.field("toStage")}
              label="Earlier stage (when rescinding)"
              options={earlier.map((s) => ({ value: s.key, label: s.label }))}
            />
          ) : null}
          <TextAreaField
            {...form.field("reason")}
            label="Reason"
            hint="Shown publicly in the stage history. Cite the notice or decision where you can."
            required
          />
          {available.some((o) => o.kind === "PAUSE") ? (
            <fieldset className="card">
              <legend>When pausing</legend>
              <SelectField
                {...form.field("pauseReason")}
                label="Reason for the pause"
                options={[
                  { value: "", label: "Choose…" },
                  ...DATE_CHANGE_REASONS.map((r) => ({ value: r, label: DATE_CHANGE_REASON_LABELS[r] })),
                ]}
              />
              <TextField {...form.field("expectedLiftDate")} type="date" label="Expected date the pause lifts" />
            </fieldset>
          ) : null}
          <SubmitButton pendingLabel="Saving…">Record the change</SubmitButton>
        </ValidatedForm>
      )}
      {options.some((o) => !o.available) ? (
        <section aria-labelledby="unavailable">
          <h2 id="unavailable">Not possible from here</h2>
          <ul>
            {options
              .filter((o) => !o.available)
              .map((o) => (
                <li key={o.kind}>
                  {o.label}: {o.why}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
