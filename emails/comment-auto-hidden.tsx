import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type CommentAutoHiddenProps = {
  projectName: string;
  periodTitle: string;
  receiptNumber: string;
  reportCount: number;
  moderationUrl: string;
  footer: EmailFooter;
};

/** To the lead agency's moderators, the moment reports hide a comment: it stays hidden until one decides. */
export default function CommentAutoHidden({
  projectName,
  periodTitle,
  receiptNumber,
  reportCount,
  moderationUrl,
  footer,
}: CommentAutoHiddenProps) {
  return (
    <EmailLayout preview={`Comment ${receiptNumber} was hidden by reports and waits for review`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        Comment {receiptNumber} was hidden automatically
      </Heading>
      <Text>
        {reportCount} reports hid comment {receiptNumber} on {periodTitle} ({projectName}). It stays hidden from the
        public until a moderator publishes it again or hides it with a reason.
      </Text>
      <Text>During an open comment period, please decide soon: a comment hidden by mistake silences its author.</Text>
      <ButtonWithLink href={moderationUrl}>Open the moderation queue</ButtonWithLink>
    </EmailLayout>
  );
}

CommentAutoHidden.PreviewProps = {
  projectName: "Resolution Copper",
  periodTitle: "Draft EIS comment period",
  receiptNumber: "LDS-7K3M-9QF2",
  reportCount: 3,
  moderationUrl: "http://localhost:3000/comment-periods/preview/moderation",
  footer: {
    reason: "You receive this because you moderate comments for Resolution Copper on Lodestone.",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies CommentAutoHiddenProps;
