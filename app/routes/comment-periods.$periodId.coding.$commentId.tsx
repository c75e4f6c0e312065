// Coding one published comment (decision 0030): its text, the passages coded so far, suggested topics
// with the reason for each (keyword rules, similarity to passages already coded), and a form to quote
// a passage and give it a topic. A campaign's representative letter can be coded for every copy; a
// copy shows what its letter carries and is coded only for the text it added.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { UserText } from "~/components/UserText";
import { codePassage, commentForCoding, removePassage } from "~/models/comments/comment-coding.server";
import { codeCommentSchema } from "~/schemas/comment-coding";
import { requireCodingPeriod } from "~/utils/coding-route.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { parseSubmission } from "~/utils/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Code ${data?.comment.receiptNumber ?? "comment"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { period } = await requireCodingPeriod(request, params.periodId);
  const found = await commentForCoding(period.id, params.commentId ?? "");
  if (!found) throw notFound("There is no published comment at this address in this comment period.");
  return { period: { id: period.id, title: period.title }, ...found };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, period } = await requireCodingPeriod(request, params.periodId);
  const commentId = params.commentId ?? "";
  const parsed = await parseSubmission(request, codeCommentSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const audit = auditContext(context, actor.userId);
  const here = `/comment-periods/${period.id}/coding/${commentId}`;
  const input = parsed.data;
  try {
    if (input.intent === "uncode") {
      await removePassage(period.id, input.passageId, audit);
      return redirectWithFlash(request, here, { kind: "success", message: "The passage is no longer coded." });
    }
    const coded = await codePassage(period.id, commentId, input, audit);
    return redirectWithFlash(request, here, {
      kind: "success",
      message: `Passage coded ${coded.topic}${coded.wholeCampaign ? " for every copy of the campaign" : ""}.`,
    });
  } catch (error) {
    return domainFailure(error, input.intent === "code" ? { quote: input.quote, topicId: input.topicId } : {});
  }
}

export default function CodeComment() {
  const { period, comment, campaign, topics, passages, letterPassages, suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={`${base}/coding`}>← Coding: {period.title}</Link>
      </p>
      <h1>
        Code comment {comment.receiptNumber} (<UserText>{comment.displayName}</UserText>)
      </h1>
      {errors.form ? <FormError message={errors.form} /> : null}
      {campaign?.isRepresentative ? (
        <p role="note" className="card">
          This is the representative letter of a campaign of {campaign.copies} published copies. A passage coded “for
          the whole campaign” is coded for every copy; text a copy added is coded on that copy.
        </p>
      ) : null}
      {campaign && !campaign.isRepresentative ? (
        <p role="note" className="card">
          This comment is a copy in a campaign of {campaign.copies}.{" "}
          <Link to={`${base}/coding/${campaign.representativeId}`}>Code the campaign letter</Link>; here, code what this
          copy added.
        </p>
      ) : null}

      <section aria-labelledby="text">
        <h2 id="text">The comment</h2>
        <blockquote className="card pre-wrap">
          <UserText>{comment.text}</UserText>
        </blockquote>
        {comment.addedText ? (
          <>
            <h3>Text this copy added to the campaign letter</h3>
            <blockquote className="card pre-wrap">
              <UserText>{comment.addedText}</UserText>
            </blockquote>
          </>
        ) : null}
      </section>

      <section aria-labelledby="coded">
        <h2 id="coded">Coded passages</h2>
        {passages.length === 0 && letterPassages.length === 0 ? <p className="card">Nothing coded yet.</p> : null}
        <ul className="stack">
          {passages.map((passage) => (
            <li key={passage.id} className="card">
              <strong>{passage.topic.name}</strong>
              {passage.campaignId ? " (for the whole campaign)" : ""}: “<UserText>{passage.quote}</UserText>”
              {passage.concern ? <span className="muted"> · in the concern “{passage.concern.statement}”</span> : null}
              {passage.concern?.status !== "PUBLISHED" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="uncode" />
                  <input type="hidden" name="passageId" value={passage.id} />
                  <button type="submit" className="secondary">
                    Uncode this {passage.topic.name} passage
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
          {letterPassages.map((passage) => (
            <li key={passage.id} className="card">
              <strong>{passage.topic.name}</strong> (coded on the campaign letter {passage.comment.receiptNumber}): “
              <UserText>{passage.quote}</UserText>”
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="suggested">
        <h2 id="suggested">Suggested topics</h2>
        <p className="muted">
          From each topic&apos;s keywords and from passages already coded in this period. A suggestion is a starting
          point: read the sentence, then code it or leave it.
        </p>
        {suggestions.length === 0 ? <p className="card">No suggestion for the sentences not yet coded.</p> : null}
        <ul className="stack">
          {suggestions.map((suggestion, index) => (
            <li key={`${suggestion.topicId}-${suggestion.sentence.start}-${index}`} className="card">
              <p>
                “<UserText>{suggestion.sentence.text}</UserText>”
              </p>
              <p className="muted">
                Suggested: <strong>{suggestion.topicName}</strong>, because it {suggestion.reason}.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="code" />
                <input type="hidden" name="topicId" value={suggestion.topicId} />
                <input type="hidden" name="quote" value={suggestion.sentence.text} />
                {campaign?.isRepresentative ? <input type="hidden" name="wholeCampaign" value="on" /> : null}
                <button type="submit">
                  Code as {suggestion.topicName}
                  <span className="visually-hidden">: {suggestion.sentence.text.slice(0, 80)}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="mark">
        <h2 id="mark">Mark a passage</h2>
        {topics.length === 0 ? (
          <p className="card">
            The period has no topics yet. <Link to={`${base}/coding#topics`}>Add topics first</Link>.
          </p>
        ) : (
          <Form method="post" className="card" aria-labelledby="mark">
            <input type="hidden" name="intent" value="code" />
            <div className="field">
              <label htmlFor="quote">Passage (copy it from the comment as written)</label>
              <textarea
                id="quote"
                name="quote"
                rows={4}
                required
                defaultValue={values.quote ?? ""}
                aria-invalid={errors.quote ? true : undefined}
                aria-describedby={errors.quote ? "quote-error" : undefined}
              />
              {errors.quote ? (
                <p id="quote-error" className="field-error">
                  {errors.quote}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="topicId">Topic</label>
              <select
                id="topicId"
                name="topicId"
                required
                defaultValue={values.topicId ?? ""}
                aria-invalid={errors.topicId ? true : undefined}
                aria-describedby={errors.topicId ? "topic-error" : undefined}
              >
                <option value="">Choose…</option>
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topic.name}
                  </option>
                ))}
              </select>
              {errors.topicId ? (
                <p id="topic-error" className="field-error">
                  {errors.topicId}
                </p>
              ) : null}
            </div>
            {campaign?.isRepresentative ? (
              <div className="field">
                <input type="checkbox" id="wholeCampaign" name="wholeCampaign" defaultChecked />{" "}
                <label htmlFor="wholeCampaign">Code it for the whole campaign ({campaign.copies} copies)</label>
              </div>
            ) : null}
            <button type="submit">Code the passage</button>
          </Form>
        )}
      </section>
    </div>
  );
}
