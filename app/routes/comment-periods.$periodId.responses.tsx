// The period's response to comments, grouped by issue: the page that replaces the FEIS appendix PDF.
// Each answered receipt links to the comment on the comments page; hidden ones are named, not linked.
// An answer to a public concern statement (decision 0030) shows the concern, the quoted passages and
// who raised it: each comment, and each campaign once with its count of published copies.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { listResponses } from "~/models/comments/official-response.server";
import { publishedConcerns } from "~/models/concern-reading.server";
import { ConcernAnswer } from "~/components/ConcernAnswer";
import { ZoneNote } from "~/components/ZoneNote";
import { formatEventTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Responses to comments: ${data?.period.title ?? "comment period"} · Lodestone` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const [groups, concerns] = await Promise.all([listResponses(period.id), publishedConcerns(period.id)]);
  return {
    period: { id: period.id, title: period.title, timeZone: period.timeZone },
    project: period.project,
    groups,
    concerns: Object.fromEntries(concerns.map((concern) => [concern.responseId, concern])),
  };
}

export default function Responses() {
  const { period, project, groups, concerns } = useLoaderData<typeof loader>();
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {period.title}</Link>
      </p>
      <h1>Responses to comments on {project.name}</h1>
      <p className="muted">
        The lead agency&apos;s answers, by issue. Find your receipt number to see how your comment was answered.
      </p>
      <p>
        <Link to={`${base}/appendix`}>Response-to-comments appendix (printable)</Link> ·{" "}
        <a href={`${base}/appendix.csv`}>Appendix as CSV</a>
      </p>
      <ZoneNote timeZone={period.timeZone} />
      {groups.length === 0 ? <p className="card">The agency has not responded to any comment yet.</p> : null}
      {groups.map((group, index) => (
        <section key={group.issue} aria-labelledby={`issue-${index}`}>
          <h2 id={`issue-${index}`}>{group.issue}</h2>
          {group.responses.map((response) => {
            const concern = concerns[response.id];
            if (concern) {
              return (
                <article
                  key={response.id}
                  id={`response-${response.id}`}
                  className="card"
                  aria-labelledby={`concern-${response.id}`}
                >
                  <ConcernAnswer concern={concern} base={base} headingId={`concern-${response.id}`} />
                  <p className="muted">
                    {response.authorName}, {formatEventTime(response.createdAt, period.timeZone)}
                  </p>
                </article>
              );
            }
            return (
              <article key={response.id} id={`response-${response.id}`} className="card">
                <p className="pre-wrap">{response.text}</p>
                <p className="muted">
                  {response.authorName}, {formatEventTime(response.createdAt, period.timeZone)}
                </p>
                <p>
                  Answers {response.answered.length} {response.answered.length === 1 ? "comment" : "comments"}:{" "}
                  {response.answered.map((comment, i) => (
                    <span key={comment.receiptNumber}>
                      {i > 0 ? ", " : ""}
                      {comment.published ? (
                        <Link to={`${base}/comments#${comment.receiptNumber}`}>{comment.receiptNumber}</Link>
                      ) : (
                        `${comment.receiptNumber} (hidden)`
                      )}
                    </span>
                  ))}
                </p>
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
