import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, quoteStyle, type EmailFooter } from "./components/EmailLayout";

export type CommentResponseProps = {
  receiptNumber: string;
  periodTitle: string;
  projectName: string;
  agencyName: string;
  /** The start of the agency's response; the full text is on the response page. */
  responseExcerpt: string;
  responseUrl: string;
  footer: EmailFooter;
};

export default function CommentResponse({
  receiptNumber,
  periodTitle,
  projectName,
  agencyName,
  responseExcerpt,
  responseUrl,
  footer,
}: CommentResponseProps) {
  return (
    <EmailLayout preview={`${agencyName} responded to your comment ${receiptNumber}`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {agencyName} responded to your comment
      </Heading>
      <Text>
        Your comment
        <br />
        Receipt: {receiptNumber}
        <br />
        Comment period: {periodTitle}
        <br />
        Project: {projectName}
      </Text>
      <Text>The response begins:</Text>
      <Text style={quoteStyle}>&ldquo;{responseExcerpt}&rdquo;</Text>
      <ButtonWithLink href={responseUrl}>Read the full response</ButtonWithLink>
    </EmailLayout>
  );
}

CommentResponse.PreviewProps = {
  receiptNumber: "LDS-7K3M-9QF2",
  periodTitle: "Draft environmental impact statement",
  projectName: "Thacker Pass Lithium Mine",
  agencyName: "Bureau of Land Management, Winnemucca District",
  responseExcerpt:
    "Groundwater drawdown in the Quinn River valley is analyzed in section 4.5 of the final EIS, which adds two monitoring wells near the Orovada subdivision…",
  responseUrl: "http://localhost:3000/comment-periods/thacker-pass-deis/responses#LDS-7K3M-9QF2",
  footer: {
    reason: "You receive this because you commented on Thacker Pass Lithium Mine on Lodestone.",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies CommentResponseProps;
