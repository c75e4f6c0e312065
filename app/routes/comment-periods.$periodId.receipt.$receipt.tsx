// The receipt after a comment is accepted: the tracking number first, then what happens next.
// Public by address, like the comment itself; it never shows the commenter's email.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { getReceipt } from "~/models/comment-intake.server";
import { formatDeadline } from "~/models/comment-window";
import { notFound } from "~/utils/http.server";
import { UserText } from "~/components/UserText";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Receipt ${data?.receiptNumber ?? ""} · Lodestone` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const receipt = await getReceipt(params.periodId ?? "", (params.receipt ?? "").toUpperCase());
  if (!receipt) throw notFound("There is no comment with this receipt number in this comment period.");
  return {
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

export default function CommentReceiptPage() {
  const receipt = useLoaderData<typeof loader>();
  const commentUrl = `/comment-periods/${receipt.period.id}/comments#${receipt.receiptNumber}`;
  return (
    <div className="narrow">
      <h1>Your comment was received</h1>
      <section className="card" aria-labelledby="receipt-label">
        <h2 id="receipt-label">Receipt number</h2>
        <p style={{ fontSize: "1.75rem", fontWeight: 700, letterSpacing: "0.08em", fontFamily: "monospace" }}>
          {receipt.receiptNumber}
        </p>
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
      <h2>What happens next</h2>
      <ul>
        <li>
          {receipt.emailed
            ? "We emailed this receipt to the address you gave."
            : "You gave no email address, so no receipt was emailed: write the number down or bookmark this page."}
        </li>
        <li>
          Your comment is public. <Link to={commentUrl}>See it with the other comments</Link>.
        </li>
        <li>
          The agency reads every comment received before the deadline, {receipt.deadline}, and answers the issues raised
          when it publishes its decision.
        </li>
        <li>Moderators may hide a comment that breaks the posted comment rules; the moderation log says why.</li>
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
