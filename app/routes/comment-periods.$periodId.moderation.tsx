// The lead agency's moderation desk for one comment period: the queue (pending review, reported,
// hidden) with bulk publish / hide / restore, a form to hide any comment by its receipt number
// (reported or not), and the official-response form that answers one or many comments on one issue.
// Every form is a plain POST with one `intent`.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { hideCommentByReceipt, moderate, moderationQueue } from "~/models/comments/comment-moderation.server";
import { findPeriodForComments, listPublishedComments } from "~/models/comments/comment-reading.server";
import { respondToComments } from "~/models/comments/official-response.server";
import { assertCan, can } from "~/policy/decide.server";
import { requireActor } from "~/services/actor.server";
import { ZoneNote } from "~/components/ZoneNote";
import { formatEventTime } from "~/utils/dates";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { readSubmission } from "~/utils/submission.server";
import { UserText } from "~/components/UserText";
import { moderationSchema } from "~/schemas/comment";
import { COMMENT_STATUS_LABELS, REPORT_REASON_WORDS } from "~/models/comments/comment.labels";
import type { ReportReason } from "@prisma/client";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Moderation: ${data?.period.title ?? "comment period"} · Lodestone` },
];

async function requirePeriodFor(request: Request, periodId: string | undefined) {
  const { actor } = await requireActor(request);
  const period = await findPeriodForComments(periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  if (
    !can(actor, "comment.moderate", period.resource) &&
    !can(actor, "comment.hide", period.resource) &&
    !can(actor, "comment.respond", period.resource)
  ) {
    assertCan(actor, "comment.moderate", period.resource);
  }
  return { actor, period };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, period } = await requirePeriodFor(request, params.periodId);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 200) || undefined;
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const [queue, candidates] = await Promise.all([
    moderationQueue(period.id),
    listPublishedComments(period.id, { q, page, pageSize: 50 }),
  ]);
  return {
    period: { id: period.id, title: period.title, timeZone: period.timeZone },
    project: period.project,
    queue,
    candidates: { ...candidates, q: q ?? "" },
    can: {
      moderate: can(actor, "comment.moderate", period.resource),
      hide: can(actor, "comment.hide", period.resource),
      respond: can(actor, "comment.respond", period.resource),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, period } = await requirePeriodFor(request, params.periodId);
  const form = await readSubmission(request);
  const parsed = moderationSchema.safeParse({ ...Object.fromEntries(form), commentIds: form.getAll("commentIds") });
  if (!parsed.success) {
    return invalid({ form: parsed.error.issues[0]?.message ?? "Unknown request." });
  }
  const audit = auditContext(context, actor.userId);
  const here = `/comment-periods/${period.id}/moderation`;
  try {
    if (parsed.data.intent === "moderate") {
      assertCan(actor, "comment.moderate", period.resource);
      const { commentIds, kind, reason } = parsed.data;
      const done = await moderate(period.id, commentIds, { kind, reason }, audit);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${done.count} ${done.count === 1 ? "comment is" : "comments are"} now ${COMMENT_STATUS_LABELS[done.status].toLowerCase()}. The public log lists the change.`,
      });
    }
    if (parsed.data.intent === "hide") {
      assertCan(actor, "comment.hide", period.resource);
      const { receiptNumber, reason } = parsed.data;
      await hideCommentByReceipt(period.id, receiptNumber, reason, audit);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${receiptNumber.toUpperCase()} is now hidden. The public log lists the change and its reason.`,
      });
    }
    assertCan(actor, "comment.respond", period.resource);
    const { commentIds, issue, text } = parsed.data;
    const response = await respondToComments(period.id, { issue, text, commentIds }, audit);
    return redirectWithFlash(request, here, {
      kind: "success",
      message: `The response is published under ${response.answered} ${response.answered === 1 ? "comment" : "comments"}.`,
    });
  } catch (error) {
    return domainFailure(error, { intent: parsed.data.intent });
  }
}

export default function Moderation() {
  const { period, project, queue, candidates, can: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {period.title}</Link>
      </p>
      <h1>Moderate comments on {project.name}</h1>
      <p>
        <Link to={`${base}/moderation-log`}>Public moderation log</Link> ·{" "}
        <a href={`${base}/export.csv?full=1`}>Full export (CSV, with hidden text and emails)</a>
      </p>
      <ZoneNote timeZone={period.timeZone} />
      {result && !result.ok ? <FormError message={Object.values(result.errors)[0]} /> : null}

      {allowed.moderate ? (
        <section aria-labelledby="queue">
          <h2 id="queue">Queue</h2>
          {queue.length === 0 ? (
            <p className="card">Nothing to review: no comment is reported, pending review or hidden.</p>
          ) : (
            <Form method="post" aria-labelledby="queue">
              <input type="hidden" name="intent" value="moderate" />
              {queue.map((item) => (
                <article key={item.id} className="card" aria-labelledby={`q-${item.id}`}>
                  <h3 id={`q-${item.id}`}>
                    <input type="checkbox" name="commentIds" value={item.id} id={`pick-${item.id}`} />{" "}
                    <label htmlFor={`pick-${item.id}`}>
                      {item.receiptNumber}: <UserText>{item.displayName}</UserText>
                    </label>
                  </h3>
                  {item.notMine ? (
                    <p role="note" className="form-error">
                      Reported as filed in someone else&apos;s name. Check with the person before publishing.
                    </p>
                  ) : null}
                  <p className="muted">
                    {COMMENT_STATUS_LABELS[item.status]} · received {formatEventTime(item.submittedAt, period.timeZone)}
                    {Object.keys(item.reasons).length > 0
                      ? ` · reports: ${Object.entries(item.reasons)
                          .map(([reason, n]) => `${REPORT_REASON_WORDS[reason as ReportReason] ?? reason} ${n}`)
                          .join(", ")}`
                      : ""}
                    {item.uncountedReports > 0
                      ? ` · ${item.uncountedReports} of these from new, unverified or bulk-made accounts (they do not hide the comment)`
                      : ""}
                    {item.lastAction ? ` · last action: ${item.lastAction.kind} (${item.lastAction.reason})` : ""}
                  </p>
                  {item.reviewRequest ? (
                    <p role="note">
                      <strong>The author asked for a review</strong> on{" "}
                      {formatEventTime(item.reviewRequest.createdAt, period.timeZone)}
                      {item.reviewRequest.note ? `: “${item.reviewRequest.note}”` : "."}
                    </p>
                  ) : null}
                  <p className="pre-wrap">
                    <UserText>{item.text}</UserText>
                  </p>
                  {item.notes.length > 0 ? (
                    <ul aria-label="Notes from reporters">
                      {item.notes.map((note, i) => (
                        <li key={i}>
                          {REPORT_REASON_WORDS[note.reason as ReportReason] ?? note.reason}: {note.note}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              ))}
              <div className="card">
                <div className="field">
                  <label htmlFor="kind">Do this to the selected comments</label>
                  <select id="kind" name="kind" required defaultValue="">
                    <option value="">Choose…</option>
                    <option value="PUBLISH">Publish (pending review → published)</option>
                    <option value="HIDE">Hide (needs a reason)</option>
                    <option value="RESTORE">Restore (hidden → published)</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="reason">Reason (shown in the public log; never repeat the hidden text)</label>
                  <input id="reason" name="reason" type="text" maxLength={500} />
                </div>
                <button type="submit">Apply to selected</button>
              </div>
            </Form>
          )}
        </section>
      ) : null}

      {allowed.hide ? (
        <section aria-labelledby="hide-any">
          <h2 id="hide-any">Hide a comment nobody reported</h2>
          <Form method="post" aria-labelledby="hide-any" className="card">
            <input type="hidden" name="intent" value="hide" />
            <div className="field">
              <label htmlFor="hide-receipt">Receipt number</label>
              <input id="hide-receipt" name="receiptNumber" type="text" required maxLength={40} />
            </div>
            <div className="field">
              <label htmlFor="hide-reason">Why it is hidden (shown in the public log; never repeat its text)</label>
              <input id="hide-reason" name="reason" type="text" required maxLength={500} />
            </div>
            <button type="submit">Hide the comment</button>
          </Form>
        </section>
      ) : null}

      {allowed.respond ? (
        <section aria-labelledby="respond">
          <h2 id="respond">Write an official response</h2>
          <Form method="get" role="search" aria-label="Find comments to answer">
            <label htmlFor="find">Find comments on an issue</label>{" "}
            <input id="find" name="q" type="search" defaultValue={candidates.q} /> <button type="submit">Find</button>
          </Form>
          <Form method="post" aria-labelledby="respond">
            <input type="hidden" name="intent" value="respond" />
            {candidates.comments.length === 0 ? <p className="card">No published comment matches.</p> : null}
            <fieldset>
              <legend>
                Comments it answers ({candidates.total} found
                {candidates.pageCount > 1 ? `, showing the first ${candidates.comments.length}` : ""})
              </legend>
              {candidates.comments.map((comment) => (
                <div key={comment.id}>
                  <input type="checkbox" name="commentIds" value={comment.id} id={`answer-${comment.id}`} />{" "}
                  <label htmlFor={`answer-${comment.id}`}>
                    {comment.receiptNumber} (<UserText>{comment.displayName}</UserText>):{" "}
                    <UserText>{comment.text.slice(0, 160)}</UserText>
                    {comment.text.length > 160 ? "…" : ""}
                  </label>
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="issue">Issue</label>
              <input id="issue" name="issue" type="text" required maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="text">Response (public)</label>
              <textarea id="text" name="text" rows={6} required />
            </div>
            <button type="submit">Publish the response</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
