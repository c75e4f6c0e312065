// One environmental review. Public: area, agency, status, the documents it rests on (names of
// confidential ones only to those who may open them) and its conditions. Findings are public once
// the review is complete; before that they are working notes seen by the lead agency and the
// assigned reviewers. Forms: status and findings (review.work), reviewers (review.open),
// documents (review.work), conditions (condition.manage).
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
import { addCondition, resolveCondition } from "~/models/condition.server";
import { DOCUMENT_VISIBILITY_LABELS } from "~/models/package.labels";
import { inDraft } from "~/models/package.server";
import { RESOURCE_AREA_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS } from "~/models/review.labels";
import {
  CONDITION_SEVERITY_HINT,
  CONDITION_SEVERITY_LABELS,
  CONDITION_SEVERITY_OPTIONS,
  CONDITION_STATUS_LABELS,
} from "~/models/condition.labels";
import {
  assignReviewer,
  attachDocumentsToReview,
  getReview,
  listAssignableReviewers,
  listAttachableDocuments,
  reviewResource,
  unassignReviewer,
  updateReview,
} from "~/models/review.server";
import { assertCan, can } from "~/policy/decide.server";
import {
  addConditionSchema,
  assignSchema,
  attachDocumentsSchema,
  reviewPageSchema,
  updateReviewSchema,
} from "~/schemas/review";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatEventDay, projectTimeZone } from "~/utils/dates";
import { formatBytes } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.review.title ?? "Review"}: ${data?.project.name ?? "project"} · Lodestone` },
];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const review = await getReview(project.id, params.reviewId ?? "");
  if (!review) throw notFound("This project has no review at this address.");
  const reviewed = reviewResource(resource, review);
  const allowed = {
    work: can(actor, "review.work", reviewed),
    assign: can(actor, "review.open", resource),
    conditions: can(actor, "condition.manage", resource),
  };
  const [assignable, attachable] = await Promise.all([
    allowed.assign ? listAssignableReviewers(project.id) : [],
    allowed.work ? listAttachableDocuments(project.id, review.id) : [],
  ]);
  const assigned = new Set(review.assignments.map((a) => a.user.id));
  const seesReviewers = can(actor, "review.readReviewerNames", resource);
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    review: {
      id: review.id,
      title: review.title,
      area: RESOURCE_AREA_LABELS[review.resourceArea],
      status: review.status,
      agency: review.agency.name,
      openedAt: review.openedAt.toISOString(),
      completedAt: iso(review.completedAt),
      lockVersion: String(review.lockVersion),
      findings: can(actor, "review.readFindings", reviewed) ? review.findings : null,
    },
    reviewerCount: review.assignments.length,
    reviewers: seesReviewers ? review.assignments.map((a) => ({ id: a.user.id, name: a.user.name })) : [],
    documents: review.documents.map(({ document: d }) => ({
      id: d.id,
      // A file name can itself give away confidential business information.
      name: can(actor, "document.read", { ...resource, visibility: d.visibility, inDraft: inDraft(d) })
        ? d.originalName
        : null,
      size: formatBytes(d.sizeBytes),
      visibility: DOCUMENT_VISIBILITY_LABELS[d.visibility],
    })),
    conditions: review.conditions.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: iso(c.resolvedAt),
    })),
    candidates: assignable
      .filter((u) => !assigned.has(u.id))
      .map((u) => ({ value: u.id, label: `${u.name} (${u.agencies.join(", ")})` })),
    attachable: attachable.map((d) => ({
      id: d.id,
      label: `${d.originalName} (${formatBytes(d.sizeBytes)}, ${DOCUMENT_VISIBILITY_LABELS[d.visibility].toLowerCase()})`,
    })),
    can: allowed,
  };
}

const DONE = {
  update: "The review is saved.",
  assign: "The reviewer is assigned.",
  unassign: "The reviewer is no longer assigned.",
  attach: "The documents are attached to the review.",
  addCondition: "The condition of approval is recorded.",
  resolve: "The condition is resolved.",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Signed in is enough to get this far: each intent asks the policy for its own action below,
  // and review.work depends on the review, not only on the project.
  const { actor, project, resource } = await requireProjectFor(request, params.slug);
  const review = await getReview(project.id, params.reviewId ?? "");
  if (!review) throw notFound("This project has no review at this address.");
  const submission = await readSubmission(request);
  const parsed = submission.parse(reviewPageSchema);
  if (!parsed.ok)
    return parsed.errors.intent ? invalid({ form: "Unknown request." }) : invalid(parsed.errors, parsed.values);
  const input = parsed.data;
  const audit = auditContext(context, actor.userId);
  const work = reviewResource(resource, review);
  try {
    if (input.intent === "update") {
      assertCan(actor, "review.work", work);
      await updateReview(review.id, input.lockVersion, input, audit);
    } else if (input.intent === "assign" || input.intent === "unassign") {
      assertCan(actor, "review.open", resource);
      const change = input.intent === "assign" ? assignReviewer : unassignReviewer;
      await change(review.id, input.userId, audit);
    } else if (input.intent === "attach") {
      assertCan(actor, "review.work", work);
      await attachDocumentsToReview(review.id, input.documentIds, audit);
    } else if (input.intent === "addCondition") {
      assertCan(actor, "condition.manage", resource);
      await addCondition(project.id, { reviewId: review.id, text: input.text, severity: input.severity }, audit);
    } else {
      assertCan(actor, "condition.manage", resource);
      await resolveCondition(project.id, input.conditionId, input, audit);
    }
  } catch (error) {
    const values = [...submission];
    return domainFailure(error, Object.fromEntries(values));
  }
  return redirectWithFlash(request, `/projects/${project.slug}/reviews/${review.id}`, {
    kind: "success",
    message: DONE[input.intent],
  });
}

type Result = { errors: Record<string, string>; values: Record<string, string> } | undefined;

type ReviewData = ReturnType<typeof useLoaderData<typeof loader>>["review"];

function UpdateForm({ review, result }: { review: ReviewData; result: Result }) {
  const mine = resultFor(result, "update");
  const form = useValidatedForm(updateReviewSchema, {
    server: mine,
    defaultValues: { lockVersion: review.lockVersion, status: review.status, findings: review.findings ?? "" },
  });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Status and findings">
      <FormError message={form.formError} />
      <input type="hidden" {...form.register("lockVersion")} defaultValue={review.lockVersion} />
      <SelectField
        {...form.field("status")}
        label="Status"
        required
        options={REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s] }))}
      />
      <TextAreaField
        {...form.field("findings")}
        label="Findings"
        hint="Published with the review when it is complete."
        rows={8}
      />
      <SubmitButton name="intent" value="update" pendingLabel="Saving…">
        Save the review
      </SubmitButton>
    </ValidatedForm>
  );
}

function UnassignForm({ userId, name, result }: { userId: string; name: string; result: Result }) {
  const mine = resultFor(result, "unassign", { userId });
  const form = useValidatedForm(assignSchema, { server: mine, defaultValues: { userId } });
  return (
    <ValidatedForm onSubmit={form.onSubmit} className="inline-form" aria-label={`Unassign ${name}`}>
      <input type="hidden" {...form.register("userId")} defaultValue={userId} />
      <SubmitButton name="intent" value="unassign" pendingLabel="Removing…">
        Unassign
      </SubmitButton>
      <FormError message={mine?.errors.userId ?? form.formError} />
    </ValidatedForm>
  );
}

function AssignForm({ candidates, result }: { candidates: { value: string; label: string }[]; result: Result }) {
  const mine = resultFor(result, "assign");
  const form = useValidatedForm(assignSchema, { server: mine, defaultValues: { userId: "" } });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Assign a reviewer">
      <FormError message={form.formError} />
      <SelectField
        {...form.field("userId")}
        label="Assign a reviewer"
        hint="Staff of the lead agency and of the cooperating agencies."
        required
        options={[{ value: "", label: "Choose…" }, ...candidates]}
      />
      <SubmitButton name="intent" value="assign" pendingLabel="Assigning…">
        Assign
      </SubmitButton>
    </ValidatedForm>
  );
}

function AttachForm({ documents, result }: { documents: { id: string; label: string }[]; result: Result }) {
  const mine = resultFor(result, "attach");
  const form = useValidatedForm(attachDocumentsSchema, { server: mine });
  const error = form.errorFor("documentIds");
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Attach documents">
      {/* One message for the group: the checkboxes share a single rule (choose at least one). */}
      <FormError message={form.formError ?? error} />
      <fieldset>
        <legend>Attach documents of this project</legend>
        {documents.map((d) => (
          <div key={d.id} className="checkbox">
            <input
              type="checkbox"
              id={`doc-${d.id}`}
              value={d.id}
              aria-invalid={error ? true : undefined}
              {...form.register("documentIds")}
            />
            <label htmlFor={`doc-${d.id}`}>{d.label}</label>
          </div>
        ))}
      </fieldset>
      <SubmitButton name="intent" value="attach" pendingLabel="Attaching…">
        Attach
      </SubmitButton>
    </ValidatedForm>
  );
}

function AddConditionForm({ reviewId, result }: { reviewId: string; result: Result }) {
  const mine = resultFor(result, "addCondition");
  const form = useValidatedForm(addConditionSchema, { server: mine, defaultValues: { reviewId, severity: "HOLD" } });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Add a condition of approval">
      <FormError message={form.formError ?? mine?.errors.reviewId} />
      <input type="hidden" {...form.register("reviewId")} defaultValue={reviewId} />
      <TextAreaField {...form.field("text")} label="Condition (public)" required rows={3} />
      <SelectField
        {...form.field("severity")}
        label="Severity"
        hint={CONDITION_SEVERITY_HINT}
        required
        options={CONDITION_SEVERITY_OPTIONS}
      />
      <SubmitButton name="intent" value="addCondition" pendingLabel="Adding…">
        Add the condition
      </SubmitButton>
    </ValidatedForm>
  );
}

export default function Review() {
  const data = useLoaderData<typeof loader>();
  const { project, review, can: allowed } = data;
  const result = useActionData<typeof action>();
  return (
    <article className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link> ·{" "}
        <Link to={`/projects/${project.slug}/reviews`}>All reviews</Link>
      </p>
      <h1>
        {review.area}: {review.title}
      </h1>
      <p>
        <span className="badge">{REVIEW_STATUS_LABELS[review.status]}</span> Conducted by {review.agency}. Opened{" "}
        {formatEventDay(review.openedAt, project.timeZone)}
        {review.completedAt ? `, completed ${formatEventDay(review.completedAt, project.timeZone)}` : ""}.
      </p>
      <FormError message={result?.values.intent ? undefined : result?.errors.form} />

      <section aria-labelledby="findings">
        <h2 id="findings">Findings</h2>
        {review.findings === null ? (
          <p>Findings are published when the review is complete.</p>
        ) : (
          <p className="pre-wrap">{review.findings || "No findings recorded yet."}</p>
        )}
        {allowed.work ? <UpdateForm review={review} result={result} /> : null}
      </section>

      <section aria-labelledby="reviewers">
        <h2 id="reviewers">Reviewers</h2>
        {data.reviewerCount === 0 ? (
          <p>No reviewer is assigned yet.</p>
        ) : data.reviewers.length === 0 ? (
          <p>{data.reviewerCount} assigned.</p>
        ) : (
          <ul>
            {data.reviewers.map((r) => (
              <li key={r.id}>
                {r.name} {allowed.assign ? <UnassignForm userId={r.id} name={r.name} result={result} /> : null}
              </li>
            ))}
          </ul>
        )}
        {allowed.assign ? (
          data.candidates.length ? (
            <AssignForm candidates={data.candidates} result={result} />
          ) : (
            <p className="muted">Everyone on the staff of the reviewing agencies is already assigned.</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">Documents it rests on</h2>
        {data.documents.length === 0 ? (
          <p>No documents are attached yet.</p>
        ) : (
          <ul>
            {data.documents.map((d) => (
              <li key={d.id}>
                {d.name ? <Link to={`/documents/${d.id}`}>{d.name}</Link> : "A confidential document"} ({d.size},{" "}
                {d.visibility.toLowerCase()})
              </li>
            ))}
          </ul>
        )}
        {allowed.work && data.attachable.length ? <AttachForm documents={data.attachable} result={result} /> : null}
      </section>

      <section aria-labelledby="conditions">
        <h2 id="conditions">Conditions of approval</h2>
        {data.conditions.length === 0 ? <p>This review has set no conditions.</p> : null}
        {data.conditions.map((c) => (
          <div key={c.id} className="card">
            <p>
              <span className="badge">{CONDITION_SEVERITY_LABELS[c.severity]}</span>{" "}
              <span className="badge">{CONDITION_STATUS_LABELS[c.status]}</span> {c.text}
            </p>
            {c.resolution ? (
              <p className="muted">
                {c.resolvedAt ? `${formatEventDay(c.resolvedAt, project.timeZone)}: ` : ""}
                {c.resolution}
              </p>
            ) : null}
            {allowed.conditions && c.status === "PENDING" ? (
              <ResolveConditionForm conditionId={c.id} result={result} />
            ) : null}
          </div>
        ))}
        {allowed.conditions ? <AddConditionForm reviewId={review.id} result={result} /> : null}
      </section>
    </article>
  );
}
