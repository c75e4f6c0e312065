// The receipt after a comment is accepted: the tracking number first, then what happens next.
// Public by address, like the comment itself; it never shows the commenter's email. When the comment
// is hidden (by reports or by a moderator) it says so, why, and lets the author ask for a review.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/form-fields";
import { getReceipt } from "~/models/comments/comment-intake.server";
import { concernsForComments } from "~/models/concern-reading.server";
import { hiddenCommentStanding, requestCommentReview } from "~/models/comments/comment-moderation.server";
import { formatDeadline } from "~/models/comments/comment-window";
import { assertCan, can } from "~/policy/decide.server";
import { getOptionalActor } from "~/services/actor.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission.server";
import { domainFailure } from "~/utils/project-route.server";

async function findReceipt(params: LoaderFunctionArgs["params"]) {
  const receipt = await getReceipt(params.periodId ?? "", (params.receipt ?? "").toUpperCase());
  if (!receipt) throw notFound("There is no comment with this receipt number in this comment period.");
  return receipt;
}
import { UserText } from "~/components/UserText";
import { reviewRequestSchema } from "~/schemas/public-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Receipt ${data?.receiptNumber ?? ""} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receipt = await findReceipt(params);
  const hidden = receipt.status !== "PUBLISHED";
  const standing = hidden ? await hiddenCommentStanding(receipt.id) : null;
  const actor = await getOptionalActor(request);
  // The commenter's trace to the agency's answers: published concerns this comment was coded to.
  const traces = hidden ? [] : ((await concernsForComments(receipt.period.id, [receipt.id])).get(receipt.id) ?? []);
  return {
    answers: traces,
    hidden: standing
      ? {
          pendingReview: receipt.status === "PENDING_REVIEW",
          reason: standing.lastAction?.reason ?? null,
          reviewRequestedAt: standing.openRequest
            ? formatDeadline(standing.openRequest.createdAt, receipt.period.timeZone)
            : null,
          canRequestReview: can(actor, "comment.requestReview", { authorId: receipt.userId }),
        }
      : null,
    receiptNumber: receipt.receiptNumber,
    displayName: receipt.displayName,
    anonymous: receipt.submitterType === "ANONYMOUS",
    submittedAt: formatDeadline(receipt.submittedAt, receipt.period.timeZone),
    deadline: formatDeadline(receipt.period.closesAt, receipt.period.timeZone),
    emailed: receipt.emailed,
    attachmentCount: receipt.attachmentCount,
    period: { id: receipt.period.id, title: receipt.period.title },
    project: receipt.period.project,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const receipt = await findReceipt(params);
  const actor = await getOptionalActor(request);
  assertCan(actor, "comment.requestReview", { authorId: receipt.userId });
  const parsed = await parseSubmission(request, reviewRequestSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await requestCommentReview(
      receipt.id,
      { note: parsed.data.note, requesterId: actor?.userId || null },
      auditContext(context, actor?.userId || null),
    );
  } catch (error) {
    return domainFailure(error, { note: parsed.data.note });
  }
  return redirectWithFlash(request, new URL(request.url).pathname, {
    kind: "success",
    message: "Your request is with the moderators. This page shows their decision once they make it.",
  });
}

export default function CommentReceiptPage() {
  const receipt = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const commentUrl = `/comment-periods/${receipt.period.id}/comments#${receipt.receiptNumber}`;
  return (
    <div className="narrow">
      <h1>Your comment was received</h1>
      {receipt.hidden ? (
        <section className="card" aria-labelledby="hidden-label">
          <h2 id="hidden-label">
            {receipt.hidden.pendingReview ? "Your comment is hidden pending review" : "Your comment was hidden"}
          </h2>
          <p>
            {receipt.hidden.pendingReview
              ? "Enough people reported it that it is hidden from the public until a moderator of the lead agency looks at it. It is still part of the record the agency reads."
              : `A moderator hid it${receipt.hidden.reason ? `: “${receipt.hidden.reason}”` : ""}. It is still part of the record the agency reads.`}
          </p>
          {receipt.hidden.reviewRequestedAt ? (
            <p>You asked for a review on {receipt.hidden.reviewRequestedAt}; the moderators have it in their queue.</p>
          ) : receipt.hidden.canRequestReview ? (
            <Form method="post" aria-labelledby="review-label">
              <h3 id="review-label">Ask for a review</h3>
              {result && !result.ok ? <FormError message={Object.values(result.errors)[0]} /> : null}
              <input type="hidden" name="intent" value="requestReview" />
              <div className="field">
                <label htmlFor="review-note">Why it should be shown (optional, seen by moderators only)</label>
                <textarea id="review-note" name="note" rows={4} maxLength={2000} />
              </div>
              <button type="submit">Ask the moderators to review it</button>
            </Form>
          ) : (
            <p>Sign in with the account that sent this comment to ask the moderators for a review.</p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="receipt-label">
        <h2 id="receipt-label">Receipt number</h2>
        <p className="receipt-number">{receipt.receiptNumber}</p>
        <p>Keep this number: it finds your comment and is what to quote if you ask the agency about it.</p>
      </section>
      <dl>
        <dt>Comment period</dt>
        <dd>{receipt.period.title}</dd>
        <dt>Project</dt>
        <dd>
          <Link to={`/projects/${receipt.project.slug}`}>{receipt.project.name}</Link>
        </dd>
        <dt>Received</dt>
        <dd>{receipt.submittedAt}</dd>
        <dt>Shown as</dt>
        <dd>{receipt.anonymous ? "Anonymous" : <UserText>{receipt.displayName}</UserText>}</dd>
        {receipt.attachmentCount > 0 ? (
          <>
            <dt>Attachments</dt>
            <dd>{receipt.attachmentCount === 1 ? "1 file" : `${receipt.attachmentCount} files`}</dd>
          </>
        ) : null}
      </dl>
      {receipt.hidden ? null : (
        <section aria-labelledby="answers-label">
          <h2 id="answers-label">What the agency said</h2>
          {receipt.answers.length === 0 ? (
            <p>
              The agency has not published an answer to a concern in your comment yet. When it does, it is listed here
              and on the <Link to={`/comment-periods/${receipt.period.id}/responses`}>responses page</Link>.
            </p>
          ) : (
            <>
              <p>The agency coded your comment to these concerns and answered each one:</p>
              <ul>
                {receipt.answers.map((answer) => (
                  <li key={answer.concernId}>
                    {answer.topic}: “{answer.statement}”
                    {answer.viaCampaign ? " (raised by the form letter your comment copies)" : ""} ·{" "}
                    <Link to={`/comment-periods/${receipt.period.id}/responses#response-${answer.responseId}`}>
                      Read the agency&apos;s answer
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <h2>What happens next</h2>
      <ul>
        <li>
          {receipt.emailed
            ? "A copy of this receipt is on its way to the address you gave."
            : "You gave no email address, so no receipt was emailed: write the number down or bookmark this page."}
        </li>
        {receipt.hidden ? null : (
          <li>
            Your comment is public. <Link to={commentUrl}>See it with the other comments</Link>.
          </li>
        )}
        <li>
          The agency reads every comment received before the deadline, {receipt.deadline}, and answers the issues raised
          when it publishes its decision.
        </li>
        <li>
          Moderators may hide a comment that breaks the posted comment rules; the moderation log says why. If yours is
          ever hidden, this page says so and lets you ask for a review.
        </li>
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
