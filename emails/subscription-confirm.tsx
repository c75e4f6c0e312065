import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle } from "./components/EmailLayout";

export type SubscriptionConfirmProps = {
  projectName: string;
  confirmUrl: string;
};

// Double opt-in: an address typed into a public form gets this one email and nothing more until it confirms.
export default function SubscriptionConfirm({ projectName, confirmUrl }: SubscriptionConfirmProps) {
  return (
    <EmailLayout
      preview={`Confirm that you want email updates about ${projectName}`}
      footer={{
        reason: `You receive this because someone entered this address to get email updates about ${projectName} on Lodestone.`,
      }}
    >
      <Heading as="h1" style={headingStyle}>
        Confirm that you want email updates about {projectName}
      </Heading>
      <Text>
        Someone asked Lodestone to send this address email updates about {projectName}: when it moves to a new stage,
        and when a public comment period opens, is extended, is about to close and closes. (Schedule changes and other
        choices need a free account.)
      </Text>
      <Text>Nothing is sent until you confirm.</Text>
      <ButtonWithLink href={confirmUrl}>Confirm my subscription</ButtonWithLink>
      <Text>
        If you did not ask for this, you can ignore this email. Without confirmation this address gets no updates.
      </Text>
    </EmailLayout>
  );
}

SubscriptionConfirm.PreviewProps = {
  projectName: "Resolution Copper",
  confirmUrl: "http://localhost:3000/subscriptions/confirm/preview-token",
} satisfies SubscriptionConfirmProps;
