// One public concern statement (decision 0030): its wording and the agency's answer (a draft until
// published), the coded passages that raise it, and publishing. Publishing is final: the answer goes
// on the responses page and in the appendix, and every comment raising the concern (each copy of a
// coded campaign) is linked to it and its author told. Passages added later are linked the same way.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { UserText } from "~/components/UserText";
import {
  assignPassages,
  concernForEditing,
  publishConcern,
  unassignPassage,
  updateConcern,
} from "~/models/concern-response.server";
import { assertCan } from "~/policy";
import { concernSchema, MAX_ANSWER_CHARACTERS, MAX_STATEMENT_CHARACTERS } from "~/schemas/comment-coding";
import { requireCodingPeriod } from "~/utils/coding-route.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { parseSubmission } from "~/utils/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Concern: ${data?.concern.topic.name ?? "concern statement"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { period, canPublish } = await requireCodingPeriod(request, params.periodId);
  const found = await concernForEditing(period.id, params.concernId ?? "");
  if (!found) throw notFound("There is no concern statement at this address in this comment period.");
  return { period: { id: period.id, title: period.title }, canPublish, ...found };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, period } = await requireCodingPeriod(request, params.periodId);
  const concernId = params.concernId ?? "";
  const parsed = await parseSubmission(request, concernSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const audit = auditContext(context, actor.userId);
  const here = `/comment-periods/${period.id}/coding/concerns/${concernId}`;
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "save":
        await updateConcern(period.id, concernId, input, audit);
        return redirectWithFlash(request, here, { kind: "success", message: "Draft saved. It is not public yet." });
      case "assign": {
        const done = await assignPassages(period.id, concernId, input.passageIds, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: `${done.count} ${done.count === 1 ? "passage" : "passages"} added to the concern.`,
        });
      }
      case "unassign":
        await unassignPassage(period.id, concernId, input.passageId, audit);
        return redirectWithFlash(request, here, { kind: "success", message: "Passage taken out of the concern." });
      case "publish": {
        assertCan(actor, "concern.publishAnswer", period.resource);
        const done = await publishConcern(period.id, concernId, input.lockVersion, audit);
        return redirectWithFlash(request, `/comment-periods/${period.id}/responses#response-${done.responseId}`, {
          kind: "success",
          message: `The answer is published, linked to ${done.answered} ${done.answered === 1 ? "comment" : "comments"}.`,
        });
      }
    }
  } catch (error) {
    return domainFailure(error, input.intent === "save" ? { statement: input.statement, answer: input.answer } : {});
  }
}

type Passage = ReturnType<typeof useLoaderData<typeof loader>>["candidates"][number];

function PassageLabel({ passage }: { passage: Passage }) {
  return (
    <>
      {passage.campaignId ? (
        <>
          Campaign letter {passage.comment.receiptNumber} ({passage.campaign?._count.comments ?? 0} copies)
        </>
      ) : (
        <>
          {passage.comment.receiptNumber} (<UserText>{passage.comment.displayName}</UserText>)
        </>
      )}
      : “<UserText>{passage.quote}</UserText>”
    </>
  );
}

export default function ConcernPage() {
  const { period, concern, candidates, reach, canPublish } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  const draft = concern.status === "DRAFT";
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={`${base}/coding#concerns`}>← Coding: {period.title}</Link>
      </p>
      <h1>Concern statement: {concern.topic.name}</h1>
      <p>
        {draft ? "Draft: not public." : "Published: the answer is on the public record."} Raised in {reach} published{" "}
        {reach === 1 ? "comment" : "comments"} (campaign copies counted one by one).
        {!draft && concern.responseId ? (
          <>
            {" "}
            <Link to={`${base}/responses#response-${concern.responseId}`}>See it on the responses page</Link>.
          </>
        ) : null}
      </p>
      {errors.form ? <FormError message={errors.form} /> : null}

      {draft ? (
        <Form method="post" className="card" aria-labelledby="wording">
          <h2 id="wording">Statement and answer</h2>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="lockVersion" value={concern.lockVersion} />
          <div className="field">
            <label htmlFor="statement">Concern statement (public once published)</label>
            <textarea
              id="statement"
              name="statement"
              rows={3}
              required
              maxLength={MAX_STATEMENT_CHARACTERS}
              defaultValue={values.statement ?? concern.statement}
              aria-invalid={errors.statement ? true : undefined}
              aria-describedby={errors.statement ? "statement-error" : undefined}
            />
            {errors.statement ? (
              <p id="statement-error" className="field-error">
                {errors.statement}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="answer">The agency&apos;s answer</label>
            <textarea
              id="answer"
              name="answer"
              rows={10}
              maxLength={MAX_ANSWER_CHARACTERS}
              defaultValue={values.answer ?? concern.answer}
              aria-invalid={errors.answer ? true : undefined}
              aria-describedby={errors.answer ? "answer-error" : undefined}
            />
            {errors.answer ? (
              <p id="answer-error" className="field-error">
                {errors.answer}
              </p>
            ) : null}
          </div>
          <button type="submit">Save the draft</button>
        </Form>
      ) : (
        <section aria-labelledby="wording" className="card">
          <h2 id="wording">{concern.statement}</h2>
          <p className="pre-wrap">{concern.answer}</p>
        </section>
      )}

      <section aria-labelledby="raised">
        <h2 id="raised">Passages raising it</h2>
        {concern.passages.length === 0 ? <p className="card">No passage yet: add coded passages below.</p> : null}
        <ul className="stack">
          {concern.passages.map((passage) => (
            <li key={passage.id} className="card">
              <PassageLabel passage={passage} />
              {passage.comment.status !== "PUBLISHED" ? (
                <span className="muted"> (comment hidden: not shown publicly)</span>
              ) : null}
              {draft ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="unassign" />
                  <input type="hidden" name="passageId" value={passage.id} />
                  <button type="submit" className="secondary">
                    Take out the passage of {passage.comment.receiptNumber}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="add">
        <h2 id="add">Add coded passages of {concern.topic.name}</h2>
        {candidates.length === 0 ? (
          <p className="card">Every passage coded {concern.topic.name} belongs to a concern already.</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="assign" />
            <fieldset>
              <legend>Passages not in any concern yet</legend>
              {candidates.map((passage) => (
                <div key={passage.id}>
                  <input type="checkbox" name="passageIds" value={passage.id} id={`p-${passage.id}`} />{" "}
                  <label htmlFor={`p-${passage.id}`}>
                    <PassageLabel passage={passage} />
                  </label>
                </div>
              ))}
            </fieldset>
            {errors.passageIds ? <FormError message={errors.passageIds} /> : null}
            <button type="submit">Add the selected passages</button>
          </Form>
        )}
      </section>

      {draft && canPublish ? (
        <Form method="post" className="card" aria-labelledby="publish">
          <h2 id="publish">Publish the answer</h2>
          <p>
            The statement, the answer and the quoted passages of published comments become public, and each of the{" "}
            {reach} {reach === 1 ? "comment" : "comments"} raising it is linked to the answer. A published answer is not
            edited.
          </p>
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="lockVersion" value={concern.lockVersion} />
          <button type="submit">Publish the answer</button>
        </Form>
      ) : null}
    </div>
  );
}
