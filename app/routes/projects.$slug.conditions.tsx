// Every condition of approval of a project, public: what it requires, how severe it is (holds and
// permit requirements block the stage workflow), and how it was met or why it was waived. The lead
// agency (condition.manage) adds conditions and resolves them here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ResolveConditionForm } from "~/components/ResolveConditionForm";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  ValidatedForm,
  useValidatedForm,
  resultFor,
} from "~/components/forms";
import { addCondition, listConditions, resolveCondition } from "~/models/condition.server";
import { RESOURCE_AREA_LABELS } from "~/models/review.labels";
import {
  CONDITION_SEVERITY_HINT,
  CONDITION_SEVERITY_LABELS,
  CONDITION_SEVERITY_OPTIONS,
  CONDITION_STATUS_LABELS,
} from "~/models/condition.labels";
import { listReviews } from "~/models/review.server";
import { can } from "~/policy/decide.server";
import { addConditionSchema, conditionsPageSchema } from "~/schemas/review";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatEventDay, projectTimeZone } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Conditions of approval: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const manage = can(actor, "condition.manage", resource);
  const [conditions, reviews] = await Promise.all([listConditions(project.id), manage ? listReviews(project.id) : []]);
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    conditions: conditions.map((c) => ({
      id: c.id,
      text: c.text,
      severity: c.severity,
      status: c.status,
      resolution: c.resolution,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      review: c.review
        ? { id: c.review.id, label: `${RESOURCE_AREA_LABELS[c.review.resourceArea]}: ${c.review.title}` }
        : null,
    })),
    reviewOptions: reviews.map((r) => ({ value: r.id, label: `${RESOURCE_AREA_LABELS[r.resourceArea]}: ${r.title}` })),
    can: { manage },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "condition.manage");
  const submission = await readSubmission(request);
  const parsed = submission.parse(conditionsPageSchema);
  if (!parsed.ok)
    return parsed.errors.intent ? invalid({ form: "Unknown request." }) : invalid(parsed.errors, parsed.values);
  const input = parsed.data;
  const audit = auditContext(context, actor.userId);
  try {
    if (input.intent === "add") await addCondition(project.id, input, audit);
    else await resolveCondition(project.id, input.conditionId, input, audit);
  } catch (error) {
    const values = [...submission];
    return domainFailure(error, Object.fromEntries(values));
  }
  return redirectWithFlash(request, `/projects/${project.slug}/conditions`, {
    kind: "success",
    message: input.intent === "add" ? "The condition of approval is recorded." : "The condition is resolved.",
  });
}

type Result = { errors: Record<string, string>; values: Record<string, string> } | undefined;

function AddConditionForm({ reviews, result }: { reviews: { value: string; label: string }[]; result: Result }) {
  const mine = resultFor(result, "add");
  const form = useValidatedForm(addConditionSchema, {
    server: mine,
    defaultValues: { reviewId: "", severity: "HOLD" },
  });
  return (
    <section className="card narrow" aria-labelledby="add-condition">
      <h2 id="add-condition">Add a condition</h2>
      <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-labelledby="add-condition">
        <FormError message={form.formError} />
        <TextAreaField {...form.field("text")} label="Condition (public)" required rows={3} />
        <SelectField
          {...form.field("severity")}
          label="Severity"
          hint={CONDITION_SEVERITY_HINT}
          required
          options={CONDITION_SEVERITY_OPTIONS}
        />
        <SelectField
          {...form.field("reviewId")}
          label="Set by the review"
          hint="Leave as the decision when the condition comes from the decision itself."
          options={[{ value: "", label: "The decision (no single review)" }, ...reviews]}
        />
        <SubmitButton name="intent" value="add" pendingLabel="Adding…">
          Add the condition
        </SubmitButton>
      </ValidatedForm>
    </section>
  );
}

export default function Conditions() {
  const { project, conditions, reviewOptions, can: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = conditions.filter((c) => c.status === "PENDING").length;
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link> ·{" "}
        <Link to={`/projects/${project.slug}/reviews`}>Environmental reviews</Link>
      </p>
      <h1>Conditions of approval for {project.name}</h1>
      <p className="muted">
        A hold blocks the next stage until it is met or waived; a condition required before permits blocks only the
        issuing of permits. A waiver always says why.
      </p>
      <FormError message={result?.values.intent ? undefined : result?.errors.form} />
      {conditions.length === 0 ? (
        <p className="card">No conditions of approval have been set for this project.</p>
      ) : (
        <p>
          {pending} of {conditions.length} pending.
        </p>
      )}
      {conditions.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`} className="visually-hidden">
            Condition set {formatEventDay(c.createdAt, project.timeZone)}
          </h2>
          <p>
            <span className="badge">{CONDITION_SEVERITY_LABELS[c.severity]}</span>{" "}
            <span className="badge">{CONDITION_STATUS_LABELS[c.status]}</span> {c.text}
          </p>
          <p className="muted">
            Set {formatEventDay(c.createdAt, project.timeZone)}
            {c.review ? (
              <>
                {" "}
                by the review <Link to={`/projects/${project.slug}/reviews/${c.review.id}`}>{c.review.label}</Link>
              </>
            ) : (
              " with the decision"
            )}
            .
          </p>
          {c.resolution ? (
            <p>
              {CONDITION_STATUS_LABELS[c.status]}
              {c.resolvedAt ? ` ${formatEventDay(c.resolvedAt, project.timeZone)}` : ""}: {c.resolution}
            </p>
          ) : null}
          {allowed.manage && c.status === "PENDING" ? (
            <ResolveConditionForm conditionId={c.id} result={result} />
          ) : null}
        </section>
      ))}
      {allowed.manage ? <AddConditionForm reviews={reviewOptions} result={result} /> : null}
    </div>
  );
}
