import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

// The monitoring desk's alerts: a milestone whose target passed with nothing recorded, and a
// statutory NEPA deadline 90 or 30 days away or missed. Every fact is already formatted (dates at
// their own precision) by app/models/notifications/content.server.ts.
export type MonitoringAlertProps = {
  projectName: string;
  headline: string;
  /** Short lines of fact: "Target: Feb 2026", "Deadline: May 10, 2026 (2 years from the notice of intent)". */
  facts: string[];
  /** What the alert does and does not say, in one sentence. */
  explanation: string;
  linkLabel: string;
  url: string;
  footer: EmailFooter;
};

export default function MonitoringAlert({
  projectName,
  headline,
  facts,
  explanation,
  linkLabel,
  url,
  footer,
}: MonitoringAlertProps) {
  return (
    <EmailLayout preview={`${projectName}: ${headline}`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {projectName}: {headline}
      </Heading>
      <Text>
        {facts.map((fact, index) => (
          <span key={fact}>
            {index > 0 ? <br /> : null}
            {fact}
          </span>
        ))}
      </Text>
      <Text>{explanation}</Text>
      <ButtonWithLink href={url}>{linkLabel}</ButtonWithLink>
    </EmailLayout>
  );
}

MonitoringAlert.PreviewProps = {
  projectName: "Silver Peak Lithium Mine Amendment",
  headline: "statutory deadline in 90 days",
  facts: [
    "Deadline: Feb 28, 2027",
    "Started by: Notice of intent, Feb 28, 2025",
    "Environmental impact statement: 2 years",
  ],
  explanation:
    "42 U.S.C. 4336a(g) gives the lead agency 2 years for an EIS. It may extend the deadline in consultation with the applicant, and must say why.",
  linkLabel: "See the statutory clock",
  url: "http://localhost:3000/projects/silver-peak-lithium-amendment#statutory",
  footer: {
    reason: "You receive this because you follow Silver Peak Lithium Mine Amendment on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies MonitoringAlertProps;
