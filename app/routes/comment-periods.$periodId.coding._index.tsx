// The lead agency's coding workspace for one comment period (decision 0030): the progress figure,
// the coding structure (topics with their keywords), the comments still to code, and the public
// concern statements with their draft or published answers. Every form is a plain POST with one intent.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { UserText } from "~/components/UserText";
import {
  codingProgress,
  codingQueue,
  listTopics,
  removeTopic,
  saveTopic,
  seedDefaultTopics,
} from "~/models/comments/comment-coding.server";
import { createConcern, listConcerns } from "~/models/concern-response.server";
import { codingWorkspaceSchema } from "~/schemas/comment-coding";
import { requireCodingPeriod } from "~/utils/coding-route.server";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { parseSubmission } from "~/utils/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Coding comments: ${data?.period.title ?? "comment period"} · Lodestone` },
];

const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { period } = await requireCodingPeriod(request, params.periodId);
  const url = new URL(request.url);
  const page = Math.min(10_000, Math.max(1, Number(url.searchParams.get("page")) || 1));
  const uncodedOnly = url.searchParams.get("show") !== "all";
  const [progress, topics, queue, concerns] = await Promise.all([
    codingProgress(period.id),
    listTopics(period.id),
    codingQueue(period.id, { uncodedOnly, page, pageSize: PAGE_SIZE }),
    listConcerns(period.id),
  ]);
  return {
    period: { id: period.id, title: period.title },
    project: period.project,
    progress,
    topics,
    queue: { ...queue, uncodedOnly, pageCount: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)) },
    concerns,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, period } = await requireCodingPeriod(request, params.periodId);
  const parsed = await parseSubmission(request, codingWorkspaceSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const audit = auditContext(context, actor.userId);
  const here = `/comment-periods/${period.id}/coding`;
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "seedTopics": {
        const seeded = await seedDefaultTopics(period.id, audit);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: `${seeded.count} topics added${seeded.fromReviews ? " from the project's environmental reviews" : ""}. Edit or add topics as the comments need.`,
        });
      }
      case "saveTopic": {
        const topic = await saveTopic(period.id, input.topicId || null, input, audit);
        return redirectWithFlash(request, `${here}#topics`, {
          kind: "success",
          message: `Topic “${topic.name}” saved.`,
        });
      }
      case "removeTopic": {
        const topic = await removeTopic(period.id, input.topicId, audit);
        return redirectWithFlash(request, `${here}#topics`, {
          kind: "success",
          message: `Topic “${topic.name}” removed.`,
        });
      }
      case "createConcern": {
        const concern = await createConcern(period.id, input, audit);
        return redirectWithFlash(request, `${here}/concerns/${concern.id}`, {
          kind: "success",
          message: "Concern statement started. Add the passages that raise it, then write the answer.",
        });
      }
    }
  } catch (error) {
    return domainFailure(error, { intent: input.intent });
  }
}

export default function CodingWorkspace() {
  const { period, project, progress, topics, queue, concerns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/comment-periods/${period.id}`;
  const percent = progress.substantive === 0 ? 0 : Math.floor((progress.coded / progress.substantive) * 100);
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {period.title}</Link>
      </p>
      <h1>Code comments on {project.name}</h1>
      {result && !result.ok ? <FormError message={Object.values(result.errors)[0]} /> : null}

      <section aria-labelledby="progress" className="card">
        <h2 id="progress">Progress</h2>
        <p>
          <strong>
            {progress.coded.toLocaleString("en-US")} of {progress.substantive.toLocaleString("en-US")} substantive
            comments coded
          </strong>{" "}
          ({percent}%).
        </p>
        <progress max={Math.max(progress.substantive, 1)} value={progress.coded} aria-label="Comments coded">
          {percent}%
        </progress>
        <p className="muted">
          Every published comment counts, and each copy of a form-letter campaign counts as one comment: coding a
          campaign&apos;s letter codes all its copies. Of the copies whose campaign letter is coded,{" "}
          {progress.copiesWithAddedTextCoded} of {progress.copiesWithAddedText} that added text of their own have that
          text coded too. Hidden comments are not counted.
        </p>
        <p>
          <Link to={`${base}/responses`}>Public responses page</Link> ·{" "}
          <Link to={`${base}/appendix`}>Appendix (printable)</Link> ·{" "}
          <a href={`${base}/appendix.csv`}>Appendix (CSV)</a>
        </p>
      </section>

      <section aria-labelledby="topics">
        <h2 id="topics">Topics</h2>
        {topics.length === 0 ? (
          <Form method="post" className="card">
            <input type="hidden" name="intent" value="seedTopics" />
            <p>
              No topics yet. Start from the resource areas of the project&apos;s environmental reviews (or the standard
              list when it has none), then edit them.
            </p>
            <button type="submit">Add the standard topics</button>
          </Form>
        ) : (
          <table>
            <caption className="muted">
              Keywords suggest a topic for sentences that contain them; a person decides.
            </caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Keywords</th>
                <th scope="col">Passages</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic.id}>
                  <th scope="row">{topic.name}</th>
                  <td>{topic.keywords.join(", ") || "none"}</td>
                  <td>{topic.passages}</td>
                  <td>
                    <details>
                      <summary>Edit {topic.name}</summary>
                      <Form method="post">
                        <input type="hidden" name="intent" value="saveTopic" />
                        <input type="hidden" name="topicId" value={topic.id} />
                        <div className="field">
                          <label htmlFor={`name-${topic.id}`}>Name</label>
                          <input
                            id={`name-${topic.id}`}
                            name="name"
                            defaultValue={topic.name}
                            required
                            maxLength={120}
                          />
                        </div>
                        <div className="field">
                          <label htmlFor={`kw-${topic.id}`}>Keywords (comma or one per line)</label>
                          <textarea
                            id={`kw-${topic.id}`}
                            name="keywords"
                            rows={3}
                            defaultValue={topic.keywords.join(", ")}
                          />
                        </div>
                        <button type="submit">Save topic</button>
                      </Form>
                      {topic.passages === 0 ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="removeTopic" />
                          <input type="hidden" name="topicId" value={topic.id} />
                          <button type="submit" className="secondary">
                            Remove {topic.name}
                          </button>
                        </Form>
                      ) : null}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Form method="post" className="card" aria-labelledby="add-topic">
          <h3 id="add-topic">Add a topic</h3>
          <input type="hidden" name="intent" value="saveTopic" />
          <div className="field">
            <label htmlFor="new-topic-name">Name</label>
            <input id="new-topic-name" name="name" required maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="new-topic-keywords">Keywords (comma or one per line)</label>
            <textarea id="new-topic-keywords" name="keywords" rows={2} />
          </div>
          <button type="submit">Add topic</button>
        </Form>
      </section>

      <section aria-labelledby="queue">
        <h2 id="queue">Comments to code</h2>
        <p>
          {queue.uncodedOnly ? (
            <>
              Showing comments not coded yet ({queue.total}). <Link to="?show=all#queue">Show all</Link>
            </>
          ) : (
            <>
              Showing all ({queue.total}). <Link to="?#queue">Show only comments not coded yet</Link>
            </>
          )}
        </p>
        <p className="muted">
          A campaign appears once, as its representative letter, plus each copy that added text of its own; identical
          copies are coded with the letter.
        </p>
        {queue.comments.length === 0 ? <p className="card">Nothing here: every comment listed is coded.</p> : null}
        <ul className="stack">
          {queue.comments.map((comment) => (
            <li key={comment.id} className="card">
              <Link to={`${base}/coding/${comment.id}`}>
                Code {comment.receiptNumber}
                {comment.isRepresentative ? `: campaign letter (${comment.copies} copies)` : ""}
                {!comment.isRepresentative && comment.campaignId ? ": campaign copy with added text" : ""}
              </Link>{" "}
              <span className="muted">
                <UserText>{comment.displayName}</UserText> · {comment.coded ? "coded" : "not coded yet"}
              </span>
              <p>
                <UserText>{comment.excerpt}</UserText>
                {comment.excerpt.length >= 240 ? "…" : ""}
              </p>
            </li>
          ))}
        </ul>
        {queue.pageCount > 1 ? (
          <nav aria-label="Pages of comments to code">
            {queue.page > 1 ? (
              <Link to={`?page=${queue.page - 1}${queue.uncodedOnly ? "" : "&show=all"}#queue`}>Previous</Link>
            ) : null}{" "}
            Page {queue.page} of {queue.pageCount}{" "}
            {queue.page < queue.pageCount ? (
              <Link to={`?page=${queue.page + 1}${queue.uncodedOnly ? "" : "&show=all"}#queue`}>Next</Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="concerns">
        <h2 id="concerns">Public concern statements</h2>
        {concerns.length === 0 ? <p className="card">No concern statement yet.</p> : null}
        <ul className="stack">
          {concerns.map((concern) => (
            <li key={concern.id}>
              <Link to={`${base}/coding/concerns/${concern.id}`}>{concern.statement}</Link>{" "}
              <span className="muted">
                {concern.topic.name} · {concern.passages} {concern.passages === 1 ? "passage" : "passages"} ·{" "}
                {concern.status === "PUBLISHED"
                  ? "answer published"
                  : concern.answer
                    ? "answer drafted"
                    : "no answer yet"}
              </span>
            </li>
          ))}
        </ul>
        {topics.length > 0 ? (
          <Form method="post" className="card" aria-labelledby="new-concern">
            <h3 id="new-concern">Start a concern statement</h3>
            <input type="hidden" name="intent" value="createConcern" />
            <div className="field">
              <label htmlFor="concern-topic">Topic</label>
              <select id="concern-topic" name="topicId" required defaultValue="">
                <option value="">Choose…</option>
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="concern-statement">Concern statement (public)</label>
              <textarea id="concern-statement" name="statement" rows={3} required maxLength={1000} />
            </div>
            <button type="submit">Start the concern</button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
