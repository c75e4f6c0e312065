// The response-to-comments appendix for the final EIS (decision 0030): every published concern
// statement by topic, the agency's answer, and who raised it (each comment, each campaign once with its
// count), with a table of contents. Printable to PDF from the browser (the print stylesheet hides the
// site around it); the same content as CSV at appendix.csv. Published comments and concerns only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConcernAnswer } from "~/components/ConcernAnswer";
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { publishedConcerns } from "~/models/concern-reading.server";
import { formatEventTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Response to comments appendix: ${data?.project.name ?? ""} ${data?.period.title ?? ""} · Lodestone` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const concerns = await publishedConcerns(period.id);
  const topics: { topic: string; concerns: typeof concerns }[] = [];
  for (const concern of concerns) {
    const last = topics.at(-1);
    if (last?.topic === concern.topic) last.concerns.push(concern);
    else topics.push({ topic: concern.topic, concerns: [concern] });
  }
  return { period: { id: period.id, title: period.title, timeZone: period.timeZone }, project: period.project, topics };
}

export default function Appendix() {
  const { period, project, topics } = useLoaderData<typeof loader>();
  const base = `/comment-periods/${period.id}`;
  const count = topics.reduce((sum, topic) => sum + topic.concerns.length, 0);
  return (
    <article className="stack appendix" aria-labelledby="appendix-title">
      <p className="screen-only">
        <Link to={`${base}/responses`}>← Responses to comments</Link> ·{" "}
        <a href={`${base}/appendix.csv`}>Download as CSV</a> · Print this page (or save it as PDF) from the
        browser&apos;s print menu.
      </p>
      <h1 id="appendix-title">
        Response to comments: {project.name}, {period.title}
      </h1>
      <p>
        The lead agency&apos;s answers to the public concerns raised in this comment period, by topic. Each concern
        lists the comments that raised it, with the passages quoted; a form-letter campaign is listed once with its
        number of letters. Comments hidden by moderators are not listed. Times are in {period.timeZone}.
      </p>
      {count === 0 ? (
        <p className="card">The agency has not published an answer to any concern yet.</p>
      ) : (
        <nav aria-labelledby="contents">
          <h2 id="contents">Contents</h2>
          <ol>
            {topics.map((topic, t) => (
              <li key={topic.topic}>
                <a href={`#topic-${t}`}>{topic.topic}</a> ({topic.concerns.length}{" "}
                {topic.concerns.length === 1 ? "concern" : "concerns"})
              </li>
            ))}
          </ol>
        </nav>
      )}
      {topics.map((topic, t) => (
        <section key={topic.topic} id={`topic-${t}`} aria-labelledby={`topic-${t}-title`} className="appendix-topic">
          <h2 id={`topic-${t}-title`}>
            {t + 1}. {topic.topic}
          </h2>
          {topic.concerns.map((concern) => (
            <section key={concern.id} className="appendix-concern" aria-labelledby={`c-${concern.id}`}>
              <ConcernAnswer concern={concern} base={base} headingId={`c-${concern.id}`} />
              <p className="muted">Answer published {formatEventTime(concern.publishedAt, period.timeZone)}.</p>
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
