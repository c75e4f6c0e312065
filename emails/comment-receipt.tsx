import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/EmailLayout";

export type CommentReceiptProps = {
  receiptNumber: string;
  displayName: string;
  periodTitle: string;
  projectName: string;
  /** Already formatted in the agency's time zone, with the zone. */
  submittedAt: string;
  commentUrl: string;
  /** The receipt page: says whether the comment is hidden, why, and takes a review request. */
  receiptUrl: string;
};

export default function CommentReceipt({
  receiptNumber,
  displayName,
  periodTitle,
  projectName,
  submittedAt,
  commentUrl,
  receiptUrl,
}: CommentReceiptProps) {
  return (
    <EmailLayout preview={`Receipt ${receiptNumber} for your comment on ${periodTitle}`}>
      <Heading as="h1" style={{ fontSize: "20px" }}>
        We received your comment
      </Heading>
      <Text>Hello {displayName},</Text>
      <Text>Your comment is part of the public record. Keep this receipt number to find it or to ask about it:</Text>
      <Text style={{ fontSize: "22px", fontWeight: 700, letterSpacing: "0.08em", fontFamily: "monospace" }}>
        {receiptNumber}
      </Text>
      <Text>
        Comment period: {periodTitle}
        <br />
        Project: {projectName}
        <br />
        Received: {submittedAt}
      </Text>
      <Button href={commentUrl} style={buttonStyle}>
        See your comment
      </Button>
      <Text>
        Or open this link: <Link href={commentUrl}>{commentUrl}</Link>
      </Text>
      <Text>
        Moderators may hide a comment that breaks the posted comment rules; the moderation log says when and why. The
        agency reads every comment received before the deadline.
      </Text>
      <Text>
        If your comment is ever hidden, your receipt page says why and lets you ask the moderators for a review:{" "}
        <Link href={receiptUrl}>{receiptUrl}</Link>
      </Text>
      <Text>
        If you did not send this comment, report it from the comment page (&ldquo;this comment was filed in my
        name&rdquo;).
      </Text>
    </EmailLayout>
  );
}

CommentReceipt.PreviewProps = {
  receiptNumber: "LDS-7K3M-9QF2",
  displayName: "Ada Lovelace",
  periodTitle: "Draft environmental impact statement",
  projectName: "Thacker Pass Lithium Mine",
  submittedAt: "Mar 3, 2026, 4:12 PM MST, UTC-7 (America/Denver)",
  commentUrl: "http://localhost:3000/comment-periods/preview/comments#LDS-7K3M-9QF2",
  receiptUrl: "http://localhost:3000/comment-periods/preview/receipt/LDS-7K3M-9QF2",
} satisfies CommentReceiptProps;
