// A project's environmental reviews. Their existence, resource area, conducting agency and status
// are public; reviewers' names are shown to the company and the reviewing agencies only (staff on
// a contested mine should not become public targets), everyone else sees how many there are.
// The lead agency opens reviews here.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { RESOURCE_AREAS, RESOURCE_AREA_LABELS, REVIEW_STATUS_LABELS } from "~/models/review.labels";
import { listReviews, openReview } from "~/models/review.server";
import { can } from "~/policy/decide.server";
import { openReviewSchema } from "~/schemas/review";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { formatEventDay, projectTimeZone } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Environmental reviews: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const reviews = await listReviews(project.id);
  const seesReviewers = can(actor, "review.readReviewerNames", resource);
  const canOpen = can(actor, "review.open", resource);
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    reviews: reviews.map((r) => ({
      id: r.id,
      resourceArea: r.resourceArea,
      title: r.title,
      status: r.status,
      agency: r.agency.name,
      openedAt: r.openedAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
      reviewers: seesReviewers ? r.assignments.map((a) => a.user.name) : null,
      reviewerCount: r.assignments.length,
      conditions: r._count.conditions,
    })),
    agencies: canOpen
      ? [
          ...(project.leadAgencyId && project.leadAgency
            ? [{ value: project.leadAgencyId, label: `${project.leadAgency.name} (lead agency)` }]
            : []),
          ...project.cooperatingAgencies.map((c) => ({ value: c.agency.id, label: c.agency.name })),
        ]
      : [],
    can: { open: canOpen },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "review.open");
  const parsed = await parseSubmission(request, openReviewSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  let reviewId: string;
  try {
    reviewId = (await openReview(project.id, parsed.data, auditContext(context, actor.userId))).id;
  } catch (error) {
    return domainFailure(error, parsed.data);
  }
  return redirectWithFlash(request, `/projects/${project.slug}/reviews/${reviewId}`, {
    kind: "success",
    message: `The review “${parsed.data.title}” is open. Assign its reviewers next.`,
  });
}

const AREA_OPTIONS = [
  { value: "", label: "Choose…" },
  ...RESOURCE_AREAS.map((area) => ({ value: area, label: RESOURCE_AREA_LABELS[area] })),
];

function OpenReviewForm({ agencies }: { agencies: { value: string; label: string }[] }) {
  const result = useActionData<typeof action>();
  const form = useValidatedForm(openReviewSchema, {
    server: result,
    defaultValues: { agencyId: agencies[0]?.value ?? "", resourceArea: "" },
  });
  return (
    <section className="card narrow" aria-labelledby="open-review">
      <h2 id="open-review">Open a review</h2>
      <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="open-review">
        <FormError message={form.formError} />
        <SelectField {...form.field("resourceArea")} label="Resource area" required options={AREA_OPTIONS} />
        <TextField {...form.field("title")} label="Title" required />
        <SelectField
          {...form.field("agencyId")}
          label="Conducted by"
          hint="The lead agency or a cooperating agency. Add cooperating agencies on the project's agencies page."
          required
          options={agencies}
        />
        <SubmitButton pendingLabel="Opening…">Open the review</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

export default function Reviews() {
  const { project, reviews, agencies, can: allowed } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Environmental reviews of {project.name}</h1>
      <p className="muted">
        Each review covers one resource area. Findings are published when a review is complete; until then they are the
        reviewers&apos; working notes. <Link to={`/projects/${project.slug}/conditions`}>Conditions of approval</Link>
      </p>
      {reviews.length === 0 ? (
        <p className="card">No environmental review has been opened for this project yet.</p>
      ) : (
        <CardTable>
          <caption className="visually-hidden">Environmental reviews by resource area</caption>
          <CardHead>
            <ColumnHeader>Resource area</ColumnHeader>
            <ColumnHeader>Review</ColumnHeader>
            <ColumnHeader>Conducted by</ColumnHeader>
            <ColumnHeader>Status</ColumnHeader>
            <ColumnHeader>Reviewers</ColumnHeader>
            <ColumnHeader>Conditions</ColumnHeader>
          </CardHead>
          <CardBody>
            {reviews.map((r) => (
              <CardRow key={r.id}>
                <Cell label="Resource area">{RESOURCE_AREA_LABELS[r.resourceArea]}</Cell>
                <RowHeader>
                  <Link to={`/projects/${project.slug}/reviews/${r.id}`}>{r.title}</Link>
                  <br />
                  <span className="muted">Opened {formatEventDay(r.openedAt, project.timeZone)}</span>
                </RowHeader>
                <Cell label="Conducted by">{r.agency}</Cell>
                <Cell label="Status">
                  <span className="badge">{REVIEW_STATUS_LABELS[r.status]}</span>
                  {r.completedAt ? (
                    <span className="muted"> {formatEventDay(r.completedAt, project.timeZone)}</span>
                  ) : null}
                </Cell>
                <Cell label="Reviewers">
                  {r.reviewerCount === 0 ? "None assigned" : (r.reviewers?.join(", ") ?? `${r.reviewerCount} assigned`)}
                </Cell>
                <Cell label="Conditions">{r.conditions}</Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      {allowed.open ? (
        agencies.length === 0 ? (
          <p className="card">Assign a lead agency before opening reviews.</p>
        ) : (
          <OpenReviewForm agencies={agencies} />
        )
      ) : null}
    </div>
  );
}
