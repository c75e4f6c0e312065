// A project's information requests. Everyone sees that each request exists, its dates and its
// status, and the review clock they drive; the company and the reviewing agencies also get a link
// to each request's confidential page, and agency staff a form to send a new request.
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
import { PublicRequests } from "~/components/PublicRequests";
import { ReviewClock, ReviewClockTable } from "~/components/ReviewClock";
import {
  getClockAndRequestsForProjectPage,
  issueRequest,
  requestLinkOptions,
} from "~/models/information-requests/information-request.server";
import { PACKAGE_STATUS_LABELS } from "~/models/package.labels";
import { can } from "~/policy/decide.server";
import { issueRequestSchema } from "~/schemas/information-request";
import { parseSubmission } from "~/utils/submission.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor, requireProjectFor } from "~/utils/project-route.server";
import { projectTimeZone } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Information requests: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource } = await loadProjectFor(request, params.slug);
  const allowed = {
    readConfidential: can(actor, "project.readConfidential", resource),
    issue: can(actor, "informationRequest.issue", resource),
  };
  const [page, options] = await Promise.all([
    getClockAndRequestsForProjectPage(project.id, new Date()),
    allowed.issue ? requestLinkOptions(project.id) : null,
  ]);
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    clock: page.clock,
    reviews: page.reviews,
    requests: page.requests,
    options,
    can: allowed,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project } = await requireProjectFor(request, params.slug, "informationRequest.issue");
  const parsed = await parseSubmission(request, issueRequestSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  let created: { id: string };
  try {
    created = await issueRequest(project.id, parsed.data, auditContext(context, actor.userId));
  } catch (error) {
    return domainFailure(error, {
      title: parsed.data.title,
      publicSummary: parsed.data.publicSummary,
      items: parsed.data.items.join("\n"),
      reviewId: parsed.data.reviewId ?? "",
      packageId: parsed.data.packageId ?? "",
    });
  }
  return redirectWithFlash(request, `/projects/${project.slug}/requests/${created.id}`, {
    kind: "success",
    message: "The request is sent. Its title, summary and due date are now public; the items are not.",
  });
}

function IssueRequestForm({ options }: { options: Awaited<ReturnType<typeof requestLinkOptions>> }) {
  const result = useActionData<typeof action>();
  const form = useValidatedForm(issueRequestSchema, {
    server: result,
    defaultValues: { reviewId: "", packageId: "" },
  });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="issue">
      <FormError message={form.formError} />
      <TextField {...form.field("title")} label="Title" required />
      <TextAreaField
        {...form.field("publicSummary")}
        label="Public summary"
        hint="Shown to everyone on the project page. Do not include confidential business information."
        required
        rows={3}
      />
      <TextAreaField
        {...form.field("items")}
        label="Items the company must provide"
        hint="One item per line. Only the company and the reviewing agencies see these."
        required
        rows={6}
      />
      <TextField
        {...form.field("dueDate")}
        type="date"
        label="Due date"
        hint="Today or later. The review clock stops from today until the company answers."
        required
      />
      {options.reviews.length > 0 ? (
        <SelectField
          {...form.field("reviewId")}
          label="Environmental review"
          hint="Linking a review marks it as waiting for information and stops its own clock too."
          options={[
            { value: "", label: "None" },
            ...options.reviews.map((r) => ({ value: r.id, label: `${r.title} (${r.agency.name})` })),
          ]}
        />
      ) : null}
      {options.packages.length > 0 ? (
        <SelectField
          {...form.field("packageId")}
          label="Permit package"
          options={[
            { value: "", label: "None" },
            ...options.packages.map((p) => ({ value: p.id, label: `${p.title} (${PACKAGE_STATUS_LABELS[p.status]})` })),
          ]}
        />
      ) : null}
      <SubmitButton pendingLabel="Sending…">Send the request</SubmitButton>
    </ValidatedForm>
  );
}

export default function ProjectRequests() {
  const { project, clock, reviews, requests, options, can: allowed } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}`}>← {project.name}</Link>
      </p>
      <h1>Information requests: {project.name}</h1>
      <p className="muted">
        When an agency needs more from the company, it sends an information request. The public sees that the request
        exists, its dates and its status; the items asked for and the answers stay with the company and the reviewing
        agencies.
      </p>
      <section aria-labelledby="clock" className="card">
        <h2 id="clock">Review clock</h2>
        <ReviewClock {...clock} timeZone={project.timeZone} label={`Review clock of ${project.name}`} />
        {reviews.length > 0 ? <ReviewClockTable reviews={reviews} /> : null}
      </section>
      <section aria-labelledby="requests">
        <h2 id="requests">Requests</h2>
        <PublicRequests
          requests={requests}
          timeZone={project.timeZone}
          detailsPath={allowed.readConfidential ? `/projects/${project.slug}/requests` : undefined}
        />
      </section>
      {allowed.issue && options ? (
        <section aria-labelledby="issue" className="card narrow">
          <h2 id="issue">Issue a request</h2>
          <IssueRequestForm options={options} />
        </section>
      ) : null}
    </div>
  );
}
