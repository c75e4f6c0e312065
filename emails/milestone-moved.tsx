import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, quoteStyle, type EmailFooter } from "./components/EmailLayout";

export type MilestoneMovedProps = {
  projectName: string;
  milestoneTitle: string;
  /** Already formatted; null when the date was not set. */
  previousDate: string | null;
  newDate: string | null;
  /** "target date" or "actual date". */
  dateKind: string;
  reasonLabel: string;
  explanation: string | null;
  projectUrl: string;
  footer: EmailFooter;
};

export default function MilestoneMoved({
  projectName,
  milestoneTitle,
  previousDate,
  newDate,
  dateKind,
  reasonLabel,
  explanation,
  projectUrl,
  footer,
}: MilestoneMovedProps) {
  const from = previousDate ?? "not set";
  const to = newDate ?? "not set";
  return (
    <EmailLayout preview={`${projectName}: ${milestoneTitle} ${dateKind} moved from ${from} to ${to}`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {projectName}: {milestoneTitle} {dateKind} changed
      </Heading>
      <Text>
        The {dateKind} of the milestone &ldquo;{milestoneTitle}&rdquo; changed.
      </Text>
      <Text>
        Previous {dateKind}: {from}
        <br />
        New {dateKind}: {to}
        <br />
        Reason: {reasonLabel}
      </Text>
      {explanation ? (
        <>
          <Text>Explanation given:</Text>
          <Text style={quoteStyle}>&ldquo;{explanation}&rdquo;</Text>
        </>
      ) : null}
      <ButtonWithLink href={projectUrl}>See the project</ButtonWithLink>
    </EmailLayout>
  );
}

MilestoneMoved.PreviewProps = {
  projectName: "Stibnite Gold Project",
  milestoneTitle: "Record of decision",
  previousDate: "Dec 15, 2024",
  newDate: "Jan 3, 2025",
  dateKind: "target date",
  reasonLabel: "Additional analysis",
  explanation: "The Forest Service needs more time to respond to comments on the supplemental draft EIS.",
  projectUrl: "http://localhost:3000/projects/stibnite-gold",
  footer: {
    reason: "You receive this because you follow Stibnite Gold Project on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies MilestoneMovedProps;
