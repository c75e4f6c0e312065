import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/EmailLayout";

export type ResetPasswordProps = { name: string; resetUrl: string; expiresInMinutes: number };

export default function ResetPasswordEmail({ name, resetUrl, expiresInMinutes }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Reset your Lodestone password">
      <Heading as="h1" style={{ fontSize: "20px" }}>
        Reset your password
      </Heading>
      <Text>Hello {name},</Text>
      <Text>Someone asked to reset the password of your Lodestone account. If it was you, choose a new password:</Text>
      <Button href={resetUrl} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text>
        Or open this link: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text>
        The link works once, for {expiresInMinutes} minutes. If you did not ask for this, ignore this email: your
        password stays the same.
      </Text>
    </EmailLayout>
  );
}

ResetPasswordEmail.PreviewProps = {
  name: "Ada Lovelace",
  resetUrl: "http://localhost:3000/auth/reset?token=preview-token",
  expiresInMinutes: 60,
} satisfies ResetPasswordProps;
