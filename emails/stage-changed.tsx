import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, quoteStyle, type EmailFooter } from "./components/EmailLayout";

export type StageChangedProps = {
  projectName: string;
  fromStageLabel: string;
  toStageLabel: string;
  /** Sentence fragment that reads between the project and the new stage: "advanced to", "paused in", "withdrawn in". */
  change: string;
  reason: string | null;
  /** Already formatted, with the time zone. */
  occurredAt: string;
  projectUrl: string;
  footer: EmailFooter;
};

export default function StageChanged({
  projectName,
  fromStageLabel,
  toStageLabel,
  change,
  reason,
  occurredAt,
  projectUrl,
  footer,
}: StageChangedProps) {
  return (
    <EmailLayout preview={`${projectName} ${change} ${toStageLabel}`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {projectName}: now in {toStageLabel}
      </Heading>
      <Text>
        {projectName} {change} {toStageLabel}.
      </Text>
      <Text>
        Previous stage: {fromStageLabel}
        <br />
        New stage: {toStageLabel}
        <br />
        When: {occurredAt}
      </Text>
      {reason ? (
        <>
          <Text>Reason given:</Text>
          <Text style={quoteStyle}>&ldquo;{reason}&rdquo;</Text>
        </>
      ) : null}
      <ButtonWithLink href={projectUrl}>See the project</ButtonWithLink>
    </EmailLayout>
  );
}

StageChanged.PreviewProps = {
  projectName: "Thacker Pass Lithium Mine",
  fromStageLabel: "Draft EIS",
  toStageLabel: "Final EIS and draft decision",
  change: "advanced to",
  reason: "The Bureau of Land Management published the final environmental impact statement in the Federal Register.",
  occurredAt: "Mar 3, 2026, 9:00 AM PST (America/Los_Angeles)",
  projectUrl: "http://localhost:3000/projects/thacker-pass",
  footer: {
    reason: "You receive this because you follow Thacker Pass Lithium Mine on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies StageChangedProps;
