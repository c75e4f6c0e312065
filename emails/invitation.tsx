import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/EmailLayout";

export type InvitationProps = {
  inviterName: string;
  organizationName: string;
  organizationKind: string;
  role: string;
  acceptUrl: string;
  expiresInDays: number;
};

export default function InvitationEmail(props: InvitationProps) {
  return (
    <EmailLayout preview={`${props.inviterName} invited you to ${props.organizationName} on Lodestone`}>
      <Heading as="h1" style={{ fontSize: "20px" }}>
        Join {props.organizationName} on Lodestone
      </Heading>
      <Text>
        {props.inviterName} invited you to join {props.organizationName} ({props.organizationKind}) as{" "}
        {props.role === "OWNER" ? "an owner" : "a member"}.
      </Text>
      <Button href={props.acceptUrl} style={buttonStyle}>
        Accept the invitation
      </Button>
      <Text>
        Or open this link: <Link href={props.acceptUrl}>{props.acceptUrl}</Link>
      </Text>
      <Text>
        The invitation is valid for {props.expiresInDays} days. You will be asked to sign in or create an account with
        this email address.
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  inviterName: "Demo Admin",
  organizationName: "Bureau of Land Management, Nevada",
  organizationKind: "agency",
  role: "MEMBER",
  acceptUrl: "http://localhost:3000/invitations/preview-token",
  expiresInDays: 7,
} satisfies InvitationProps;
