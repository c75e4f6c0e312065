import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/EmailLayout";

export type VerifyEmailProps = { name: string; verifyUrl: string; expiresInHours: number };

export default function VerifyEmail({ name, verifyUrl, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address for Lodestone">
      <Heading as="h1" style={{ fontSize: "20px" }}>
        Confirm your email address
      </Heading>
      <Text>Hello {name},</Text>
      <Text>Please confirm that this is your email address so Lodestone can send you receipts and updates.</Text>
      <Button href={verifyUrl} style={buttonStyle}>
        Confirm my email address
      </Button>
      <Text>
        Or open this link: <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
      <Text>
        The link works for {expiresInHours} hours. If you did not create a Lodestone account, ignore this email.
      </Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  name: "Ada Lovelace",
  verifyUrl: "http://localhost:3000/auth/verify?token=preview-token",
  expiresInHours: 48,
} satisfies VerifyEmailProps;
