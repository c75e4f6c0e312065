// The public reading room of a comment period: search, filter, honest form-letter counts with one
// representative text per campaign, every comment with its attachments and the agency's responses,
// and a small report form per comment for signed-in readers (works without JavaScript).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { concernsForComments } from "~/models/concern-reading.server";
import { hiddenCommentsOf, reportComment } from "~/models/comments/comment-moderation.server";
import { findPeriodForComments, listPublishedComments, periodCounts } from "~/models/comments/comment-reading.server";

import { assertCan, can } from "~/policy/decide.server";
import { getOptionalActor, requireActor } from "~/services/actor.server";
import { formatEventTime } from "~/utils/dates";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { readSubmission } from "~/utils/submission.server";
import { UserText } from "~/components/UserText";
import {
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  SUBMITTER_TYPES,
  SUBMITTER_TYPE_LABELS,
} from "~/models/comments/comment.labels";
import { commentListQuery, reportCommentSchema } from "~/schemas/public-pages.server";
import { pluralize } from "~/utils/format";

const PAGE_SIZE = 25;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Comments: ${data?.period.title ?? "comment period"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const actor = await getOptionalActor(request);
  const search = commentListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, counts, myHidden] = await Promise.all([
    listPublishedComments(period.id, {
      q: search.q || undefined,
      submitterType: search.type,
      campaignId: search.campaign || undefined,
      page: search.page,
      pageSize: PAGE_SIZE,
    }),
    periodCounts(period.id),
    actor ? hiddenCommentsOf(period.id, actor.userId) : [],
  ]);
  const traces = await concernsForComments(
    period.id,
    list.comments.filter((comment) => comment.responses.length > 0).map((comment) => comment.id),
  );
  return {
    period: { id: period.id, title: period.title, timeZone: period.timeZone },
    project: period.project,
    search,
    list,
    concerns: Object.fromEntries(
      [...traces].map(([commentId, list]) => [commentId, Object.fromEntries(list.map((t) => [t.responseId, t]))]),
    ),
    counts,
    myHidden,
    can: {
      report: can(actor, "comment.report", period.resource),
      moderate: can(actor, "comment.moderate", period.resource),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  assertCan(actor, "comment.report", period.resource);
  const parsed = reportCommentSchema.safeParse(Object.fromEntries(await readSubmission(request)));
  if (!parsed.success) {
    return invalid({ reason: parsed.error.issues[0]?.message ?? "Choose a reason." });
  }
  const { commentId, reason, note } = parsed.data;
  try {
    const result = await reportComment(
      commentId,
      actor.userId,
      { reason, note, periodId: period.id },
      auditContext(context, actor.userId),
    );
    return redirectWithFlash(request, `/comment-periods/${period.id}/comments`, {
      kind: "success",
      message: result.autoHidden
        ? "Thank you. The comment is hidden until a moderator reviews it."
        : "Thank you. A moderator will review your report.",
    });
  } catch (error) {
    return domainFailure(error, { commentId });
  }
}

function pageLink(search: { q?: string; type?: string; campaign?: string }, page: number) {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.type) params.set("type", search.type);
  if (search.campaign) params.set("campaign", search.campaign);
  params.set("page", String(page));
  return `?${params.toString()}`;
}

export default function PeriodComments() {
  const { period, project, search, list, counts, myHidden, concerns, can: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {period.title}</Link>
      </p>
      <h1>Public comments on {project.name}</h1>
      <p>
        <Link to={`${base}/responses`}>Agency responses to comments</Link> ·{" "}
        <Link to={`${base}/moderation-log`}>Moderation log</Link> ·{" "}
        <a href={`${base}/export.csv`}>Download all comments (CSV)</a>
        {allowed.moderate ? (
          <>
            {" "}
            · <Link to={`${base}/moderation`}>Moderation queue</Link>
          </>
        ) : null}
      </p>
      {myHidden.length > 0 ? (
        <section className="card" aria-labelledby="my-hidden">
          <h2 id="my-hidden">
            {myHidden.length === 1 ? "Your comment is hidden" : "Some of your comments are hidden"}
          </h2>
          <ul>
            {myHidden.map((comment) => (
              <li key={comment.receiptNumber}>
                {comment.receiptNumber}:{" "}
                {comment.status === "PENDING_REVIEW" ? "hidden pending review" : "hidden by a moderator"}.{" "}
                <Link to={`${base}/receipt/${comment.receiptNumber}`}>See why, or ask for a review</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && !result.ok ? <FormError message={Object.values(result.errors)[0]} /> : null}

      <section className="card" aria-labelledby="counts">
        <h2 id="counts">How many people commented</h2>
        <dl>
          <dt>{pluralize(counts.totalComments, "published comment")}</dt>
          <dd>Every comment on the public record; hidden comments are not counted.</dd>
          <dt>{pluralize(counts.uniqueComments, "unique comment")}</dt>
          <dd>Comments that are not copies of a form letter.</dd>
          <dt>{pluralize(counts.campaigns, "form-letter campaign")}</dt>
          <dd>Groups of at least two identical or nearly identical comments.</dd>
          <dt>{pluralize(counts.copiesInCampaigns, "copy in campaigns", "copies in campaigns")}</dt>
          <dd>
            {pluralize(counts.identicalCopies, "identical copy", "identical copies")},{" "}
            {pluralize(counts.formLettersWithAddedText, "form letter")} with added text and{" "}
            {pluralize(counts.editedCopies, "copy that only changes", "copies that only change")} a name or a few words.
          </dd>
        </dl>
      </section>

      {counts.byCampaign.length > 0 ? (
        <section aria-labelledby="campaigns">
          <h2 id="campaigns">Form-letter campaigns</h2>
          <p className="muted">One representative text per campaign; every copy stays on the record.</p>
          {counts.byCampaign.map((campaign) => (
            <article key={campaign.campaignId} className="card">
              <h3>
                {pluralize(campaign.comments, "copy", "copies")} ({campaign.formLettersWithAddedText} with added text)
              </h3>
              <blockquote>{campaign.representativeText}</blockquote>
              <Link to={`?campaign=${encodeURIComponent(campaign.campaignId)}`}>
                See all {pluralize(campaign.comments, "copy", "copies")}
              </Link>
            </article>
          ))}
        </section>
      ) : null}

      <Form method="get" className="card" role="search" aria-label="Search the comments">
        <div className="field">
          <label htmlFor="q">Search the comments</label>
          <input id="q" name="q" type="search" defaultValue={search.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="type">Who commented</label>
          <select id="type" name="type" defaultValue={search.type ?? ""}>
            <option value="">Everyone</option>
            {SUBMITTER_TYPES.map((type) => (
              <option key={type} value={type}>
                {SUBMITTER_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        {search.campaign ? <input type="hidden" name="campaign" value={search.campaign} /> : null}
        <button type="submit">Search</button>
      </Form>

      <h2 aria-live="polite">
        {pluralize(list.total, "comment")}
        {search.campaign ? " in this campaign" : ""}
      </h2>
      {search.campaign ? <Link to="?">Show all comments</Link> : null}
      {list.comments.length === 0 ? (
        <p className="card">No published comment matches. Try other words or clear the filters.</p>
      ) : null}
      {list.comments.map((comment) => (
        <article key={comment.id} id={comment.receiptNumber} className="card" aria-labelledby={`h-${comment.id}`}>
          <h3 id={`h-${comment.id}`}>
            <UserText>{comment.displayName}</UserText>
            {comment.organizationName ? (
              <>
                {" for "}
                <UserText>{comment.organizationName}</UserText>
              </>
            ) : null}
          </h3>
          <p className="muted">
            {comment.receiptNumber} · {formatEventTime(comment.submittedAt, period.timeZone)}
            {comment.isFormLetter && comment.campaignId ? (
              <>
                {" "}
                · <Link to={`?campaign=${encodeURIComponent(comment.campaignId)}`}>form letter</Link>
              </>
            ) : null}
          </p>
          {comment.isFormLetter && comment.addedText ? (
            <div className="callout">
              <strong>Added by the commenter:</strong>
              <p>
                <mark>
                  <UserText>{comment.addedText}</UserText>
                </mark>
              </p>
            </div>
          ) : null}
          <p className="pre-wrap">
            <UserText>{comment.text}</UserText>
          </p>
          {comment.attachments.length > 0 ? (
            <ul aria-label="Attachments">
              {comment.attachments.map((file) => (
                <li key={file.id}>
                  <a href={`${base}/attachments/${file.id}`}>{file.originalName}</a> (
                  {Math.max(1, Math.round(file.sizeBytes / 1024))} KB)
                </li>
              ))}
            </ul>
          ) : null}
          {comment.responses.map((response) => (
            <section key={response.id} className="callout" aria-label={`Agency response on ${response.issue}`}>
              <h4>Agency response: {response.issue}</h4>
              {concerns[comment.id]?.[response.id] ? (
                <p>
                  Coded to the concern “{concerns[comment.id]?.[response.id]?.statement}”
                  {concerns[comment.id]?.[response.id]?.viaCampaign ? " through the campaign letter it copies" : ""}.
                </p>
              ) : null}
              <p className="pre-wrap">{response.text}</p>
              <p className="muted">
                {response.authorName}, {formatEventTime(response.createdAt, period.timeZone)} ·{" "}
                <Link to={`${base}/responses#response-${response.id}`}>all comments it answers</Link>
              </p>
            </section>
          ))}
          {allowed.report ? (
            <details>
              <summary>Report this comment</summary>
              <Form method="post" aria-label={`Report comment ${comment.receiptNumber}`}>
                <input type="hidden" name="intent" value="report" />
                <input type="hidden" name="commentId" value={comment.id} />
                <div className="field">
                  <label htmlFor={`reason-${comment.id}`}>Why</label>
                  <select id={`reason-${comment.id}`} name="reason" required defaultValue="">
                    <option value="">Choose…</option>
                    {REPORT_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {REPORT_REASON_LABELS[reason]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`note-${comment.id}`}>
                    Note for the moderators <span className="optional">(optional)</span>
                  </label>
                  <textarea id={`note-${comment.id}`} name="note" rows={2} maxLength={1000} />
                </div>
                <button type="submit">Send report</button>
              </Form>
            </details>
          ) : null}
        </article>
      ))}
      {list.pageCount > 1 ? (
        <nav aria-label="Pages of comments">
          {list.page > 1 ? <Link to={pageLink(search, list.page - 1)}>← Previous</Link> : null}{" "}
          <span>
            Page {list.page} of {list.pageCount}
          </span>{" "}
          {list.page < list.pageCount ? <Link to={pageLink(search, list.page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
