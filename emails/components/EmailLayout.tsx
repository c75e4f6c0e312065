import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** Why the recipient gets this email and how to stop it; notification emails pass it, account emails do not. */
export type EmailFooter = {
  reason: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
};

const footerTextStyle = { fontSize: "12px", color: "#5f5a52" } as const;

// Shared frame for every Lodestone email: plain, readable, and fine as plain text.
export function EmailLayout({
  preview,
  children,
  footer,
}: {
  preview: string;
  children: ReactNode;
  footer?: EmailFooter;
}) {
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
          <Text style={footerTextStyle}>
            Lodestone keeps the public permitting record of proposed mines.{" "}
            {footer ? footer.reason : "You received this email because of an action on your Lodestone account."}
          </Text>
          {footer?.unsubscribeUrl || footer?.preferencesUrl ? (
            <Text style={footerTextStyle}>
              {footer.unsubscribeUrl ? (
                <>
                  Unsubscribe: <Link href={footer.unsubscribeUrl}>{footer.unsubscribeUrl}</Link>
                </>
              ) : null}
              {footer.unsubscribeUrl && footer.preferencesUrl ? <br /> : null}
              {footer.preferencesUrl ? (
                <>
                  Notification settings: <Link href={footer.preferencesUrl}>{footer.preferencesUrl}</Link>
                </>
              ) : null}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** A button followed by its raw link, so the action survives plain-text rendering and clients that drop buttons. */
export function ButtonWithLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Button href={href} style={buttonStyle}>
        {children}
      </Button>
      <Text>
        Or open this link: <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}

/** A quoted passage (a reason, an explanation, an agency's answer), kept apart from Lodestone's own words. */
export const quoteStyle = {
  borderLeft: "3px solid #e4e0d8",
  paddingLeft: "12px",
  color: "#3d3a35",
  fontStyle: "italic",
} as const;

export const headingStyle = { fontSize: "20px" } as const;

export const buttonStyle = {
  backgroundColor: "#5b4636",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "4px",
  textDecoration: "none",
  display: "inline-block",
} as const;
