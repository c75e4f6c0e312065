import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// Shared frame for every Lodestone email: plain, readable, and fine as plain text.
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f6f5f1",
          fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif",
          color: "#1c1b19",
        }}
      >
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px", backgroundColor: "#ffffff" }}>
          <Text style={{ fontSize: "14px", fontWeight: 700, letterSpacing: "0.04em", color: "#5b4636" }}>
            LODESTONE
          </Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e4e0d8", margin: "24px 0" }} />
          <Text style={{ fontSize: "12px", color: "#5f5a52" }}>
            Lodestone keeps the public permitting record of proposed mines. You received this email because of an action
            on your Lodestone account.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#5b4636",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "4px",
  textDecoration: "none",
  display: "inline-block",
} as const;
