// One answered public concern (decision 0030): the statement, the agency's answer, and everyone who
// raised it, with the passages quoted. Used by the responses page and the appendix. The data holds
// published comments only (concern-reading.server.ts).
import { Link } from "@remix-run/react";
import { UserText } from "~/components/UserText";

type Concern = {
  statement: string;
  answer: string;
  topic: string;
  raisedBy: {
    comments: { receiptNumber: string; displayName: string; quotes: string[] }[];
    campaigns: { campaignId: string; representativeReceipt: string; copies: number; quotes: string[] }[];
    total: number;
  };
};

function Quotes({ quotes }: { quotes: string[] }) {
  return (
    <ul className="concern-quotes">
      {quotes.map((quote, i) => (
        <li key={i}>
          <q>
            <UserText>{quote}</UserText>
          </q>
        </li>
      ))}
    </ul>
  );
}

export function ConcernAnswer({ concern, base, headingId }: { concern: Concern; base: string; headingId: string }) {
  const { comments, campaigns, total } = concern.raisedBy;
  return (
    <>
      <h3 id={headingId}>Concern: {concern.statement}</h3>
      <h4>The agency&apos;s answer</h4>
      <p className="pre-wrap">{concern.answer}</p>
      <h4>
        Raised in {total.toLocaleString("en-US")} {total === 1 ? "comment" : "comments"}
      </h4>
      <ul className="stack">
        {campaigns.map((campaign) => (
          <li key={campaign.campaignId}>
            A form-letter campaign of {campaign.copies.toLocaleString("en-US")}{" "}
            {campaign.copies === 1 ? "letter" : "letters"} (
            <Link to={`${base}/comments?campaign=${campaign.campaignId}`}>read the letters</Link>, representative{" "}
            <Link to={`${base}/comments#${campaign.representativeReceipt}`}>{campaign.representativeReceipt}</Link>):
            <Quotes quotes={campaign.quotes} />
          </li>
        ))}
        {comments.map((comment) => (
          <li key={comment.receiptNumber}>
            <Link to={`${base}/comments#${comment.receiptNumber}`}>{comment.receiptNumber}</Link> (
            <UserText>{comment.displayName}</UserText>):
            <Quotes quotes={comment.quotes} />
          </li>
        ))}
      </ul>
    </>
  );
}
