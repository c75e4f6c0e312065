import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/EmailLayout";

export type SignUpAttemptProps = { name: string; signInUrl: string; resetUrl: string };

/** Sent instead of an error when someone signs up with an address that already has an account. */
export default function SignUpAttemptEmail({ name, signInUrl, resetUrl }: SignUpAttemptProps) {
  return (
    <EmailLayout preview="Someone tried to create a Lodestone account with your address">
      <Heading as="h1" style={{ fontSize: "20px" }}>
        You already have an account
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        Someone tried to create a Lodestone account with this email address, which already has one. If it was you, sign
        in with your password:
      </Text>
      <Button href={signInUrl} style={buttonStyle}>
        Sign in
      </Button>
      <Text>
        If you forgot your password, choose a new one here: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text>If it was not you, ignore this email: nothing has changed and no second account was created.</Text>
    </EmailLayout>
  );
}

SignUpAttemptEmail.PreviewProps = {
  name: "Ada Lovelace",
  signInUrl: "http://localhost:3000/auth/login",
  resetUrl: "http://localhost:3000/auth/forgot",
} satisfies SignUpAttemptProps;
