// One information request in full, for the company and the reviewing agencies only: the items,
// the due date, every answer with its files, the company's answer form while the request is
// open, the agency's decision on the latest answer, and withdrawing the request.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AnswerForm, DecideForm, WithdrawForm } from "~/components/RequestForms";
import {
  decideResponse,
  getRequestDetail,
  respondToRequest,
  withdrawRequest,
  type RequestDetail,
} from "~/models/information-requests/information-request.server";
import { DOCUMENT_VISIBILITY_LABELS } from "~/models/package.labels";
import {
  REQUEST_STATUS_LABELS,
  RESPONSE_DECISION_LABELS,
} from "~/models/information-requests/information-request.labels";
import { RESOURCE_AREA_LABELS } from "~/models/review.labels";
import { assertCan, can, type Actor, type ProjectResource } from "~/policy/decide.server";
import { decideSchema, respondSchema, withdrawSchema, requestPageSchema } from "~/schemas/information-request";
import type { AuditContext } from "~/services/audit.server";
import { documentStorage } from "~/services/storage.server";
import { ALLOWED_TYPES, DOCUMENT_LIMITS, UploadError } from "~/services/uploads.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { parseSubmission, readSubmission } from "~/utils/submission.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";
import { formatCalendarDate, formatEventDay, formatEventTime, projectTimeZone, todayUtc } from "~/utils/dates";
import { formatBytes } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.request.title ?? "Information request"} · Lodestone` },
];

// Confidential page: the policy check comes before the request is even looked up.
async function load(request: Request, slug: string | undefined, requestId: string | undefined) {
  const { actor, project, resource } = await requireProjectFor(request, slug, "project.readConfidential");
  const detail = await getRequestDetail(project.id, requestId ?? "");
  if (!detail) throw notFound("This project has no information request at this address.");
  return { actor, project, resource, detail };
}

function permissions(actor: Actor, resource: ProjectResource, detail: RequestDetail) {
  const latest = detail.responses.at(-1);
  return {
    respond: detail.status === "OPEN" && can(actor, "informationRequest.respond", resource),
    decide:
      detail.status === "ANSWERED" &&
      latest !== undefined &&
      latest.decision === null &&
      can(actor, "informationRequest.decide", resource),
    withdraw:
      (detail.status === "OPEN" || detail.status === "ANSWERED") && can(actor, "informationRequest.issue", resource),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, resource, detail } = await load(request, params.slug, params.requestId);
  const today = todayUtc();
  return {
    project: { slug: project.slug, name: project.name, timeZone: projectTimeZone(project) },
    request: {
      id: detail.id,
      title: detail.title,
      publicSummary: detail.publicSummary,
      items: detail.items,
      status: detail.status,
      dueDate: detail.dueDate.toISOString().slice(0, 10),
      overdue: detail.status === "OPEN" && detail.dueDate < today,
      issuedAt: detail.issuedAt.toISOString(),
      closedAt: detail.closedAt?.toISOString() ?? null,
      lockVersion: detail.lockVersion,
      issuedBy: detail.issuedBy.name,
      review: detail.review
        ? `${detail.review.title} (${RESOURCE_AREA_LABELS[detail.review.resourceArea]}, ${detail.review.agency.name})`
        : null,
      package: detail.package?.title ?? null,
    },
    responses: detail.responses.map((r) => ({
      id: r.id,
      text: r.text,
      submittedAt: r.submittedAt.toISOString(),
      author: r.author.name,
      decision: r.decision,
      decisionNote: r.decisionNote,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedBy?.name ?? null,
      documents: r.documents.map(({ document }) => document),
    })),
    can: permissions(actor, resource, detail),
    rules: {
      maxFiles: DOCUMENT_LIMITS.maxFiles,
      maxFileBytes: DOCUMENT_LIMITS.maxFileBytes,
      extensions: Object.keys(ALLOWED_TYPES),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project, resource, detail } = await load(request, params.slug, params.requestId);
  const audit = auditContext(context, actor.userId);
  const here = `/projects/${project.slug}/requests/${detail.id}`;
  // The answer form is the only multipart one; the decision forms post plain fields.
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    assertCan(actor, "informationRequest.respond", resource);
    return answer(request, { projectId: project.id, detail, audit, here });
  }
  const submission = await readSubmission(request);
  const intent = requestPageSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "Unknown request." });
  if (intent.data.intent === "decide") {
    assertCan(actor, "informationRequest.decide", resource);
    const parsed = submission.parse(decideSchema);
    if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "decide" });
    const { decision, note, lockVersion } = parsed.data;
    try {
      await decideResponse(project.id, detail.id, { decision, note, expectedLockVersion: lockVersion }, audit);
    } catch (error) {
      return domainFailure(error, { intent: "decide", decision, note: note ?? "" });
    }
    return redirectWithFlash(request, here, {
      kind: "success",
      message:
        decision === "ACCEPTED"
          ? "Answer accepted: the request is closed."
          : "Answer returned: the company has been asked again and the review clock has stopped.",
    });
  }
  assertCan(actor, "informationRequest.issue", resource);
  const parsed = submission.parse(withdrawSchema);
  if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "withdraw" });
  try {
    await withdrawRequest(
      project.id,
      detail.id,
      { reason: parsed.data.reason, expectedLockVersion: parsed.data.lockVersion },
      audit,
    );
  } catch (error) {
    return domainFailure(error, { intent: "withdraw", reason: parsed.data.reason });
  }
  return redirectWithFlash(request, here, { kind: "success", message: "The request is withdrawn." });
}

async function answer(
  request: Request,
  { projectId, detail, audit, here }: { projectId: string; detail: RequestDetail; audit: AuditContext; here: string },
) {
  // Checked before any byte is stored; the model checks again inside its transaction.
  if (detail.status !== "OPEN") {
    return invalid({ form: "This request is not waiting for an answer." }, { intent: "respond" }, 409);
  }
  let parsed;
  try {
    parsed = await parseSubmission(request, respondSchema, {
      uploads: {
        field: "files",
        limits: DOCUMENT_LIMITS,
        storage: documentStorage(),
        keyPrefix: `projects/${projectId}/requests/${detail.id}`,
      },
    });
  } catch (error) {
    if (error instanceof UploadError) return invalid({ files: error.message }, { intent: "respond" }, error.status);
    throw error;
  }
  if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "respond" });
  try {
    await respondToRequest(projectId, detail.id, { ...parsed.data, documents: parsed.files }, audit);
  } catch (error) {
    await parsed.submission.discard(error);
    return domainFailure(error, { intent: "respond", text: parsed.data.text, visibility: parsed.data.visibility });
  }
  const count = parsed.files.length;
  return redirectWithFlash(request, here, {
    kind: "success",
    message: `Your answer${count ? ` and ${count === 1 ? "1 file" : `${count} files`}` : ""} reached the agency.`,
  });
}

export default function InformationRequestPage() {
  const { project, request, responses, can: allowed, rules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [sent, setSent] = useState(false);
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}/requests`}>← Information requests of {project.name}</Link>
      </p>
      <h1>{request.title}</h1>
      {sent ? (
        <p role="status" className="flash flash--success">
          Your answer reached the agency.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {REQUEST_STATUS_LABELS[request.status]}
          {request.closedAt ? ` (${formatEventDay(request.closedAt, project.timeZone)})` : ""}
        </dd>
        <dt>Issued</dt>
        <dd>
          {formatEventDay(request.issuedAt, project.timeZone)} by {request.issuedBy}
        </dd>
        <dt>Due</dt>
        <dd>
          {formatCalendarDate(request.dueDate)}
          {request.overdue ? (
            <>
              {" "}
              <span className="status status--DENIED">Overdue</span>
            </>
          ) : null}
        </dd>
        {request.review ? (
          <>
            <dt>Review</dt>
            <dd>{request.review}</dd>
          </>
        ) : null}
        {request.package ? (
          <>
            <dt>Package</dt>
            <dd>{request.package}</dd>
          </>
        ) : null}
        <dt>Public summary</dt>
        <dd>{request.publicSummary}</dd>
      </dl>

      <section aria-labelledby="items" className="card">
        <h2 id="items">Items requested</h2>
        <p className="muted">Confidential: only the company and the reviewing agencies see these.</p>
        <ol>
          {request.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="history">
        <h2 id="history">Answers</h2>
        {responses.length === 0 ? <p>The company has not answered yet.</p> : null}
        {responses.map((r, i) => (
          <article key={r.id} className="card" aria-labelledby={`answer-${r.id}`}>
            <h3 id={`answer-${r.id}`}>
              Answer {i + 1}, {formatEventTime(r.submittedAt, project.timeZone)} by {r.author}
            </h3>
            <p className="pre-wrap">{r.text}</p>
            {r.documents.length > 0 ? (
              <ul>
                {r.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/documents/${d.id}`}>{d.originalName}</a>{" "}
                    <span className="muted">
                      ({formatBytes(d.sizeBytes)}, {DOCUMENT_VISIBILITY_LABELS[d.visibility].toLowerCase()})
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No files attached.</p>
            )}
            {r.decision ? (
              <p>
                <strong>{RESPONSE_DECISION_LABELS[r.decision]}</strong>
                {r.decidedAt ? ` on ${formatEventDay(r.decidedAt, project.timeZone)}` : ""}
                {r.decidedBy ? ` by ${r.decidedBy}` : ""}
                {r.decisionNote ? `: ${r.decisionNote}` : "."}
              </p>
            ) : (
              <p className="muted">Waiting for the agency&apos;s decision.</p>
            )}
          </article>
        ))}
      </section>

      {!allowed.respond && result?.values?.intent === "respond" && result.errors.form ? (
        // The answer arrived after the request stopped waiting for one: say so where the form was.
        <div role="alert" className="form-error" data-answer-error>
          {result.errors.form}
        </div>
      ) : null}
      {allowed.respond ? (
        <section aria-labelledby="answer" className="card narrow">
          <h2 id="answer">Answer the request</h2>
          <AnswerForm result={result} rules={rules} onSent={() => setSent(true)} />
        </section>
      ) : null}
      {allowed.decide ? (
        <section aria-labelledby="decide" className="card narrow">
          <h2 id="decide">Accept or return the latest answer</h2>
          <DecideForm lockVersion={request.lockVersion} result={result} />
        </section>
      ) : null}
      {allowed.withdraw ? (
        <details className="card narrow" open={result?.values?.intent === "withdraw"}>
          <summary>Withdraw this request</summary>
          <WithdrawForm lockVersion={request.lockVersion} result={result} />
        </details>
      ) : null}
    </div>
  );
}
