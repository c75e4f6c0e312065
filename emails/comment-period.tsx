import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type CommentPeriodKind = "opened" | "reopened" | "extended" | "closing7d" | "closing24h" | "closed";

export type CommentPeriodProps = {
  kind: CommentPeriodKind;
  projectName: string;
  periodTitle: string;
  /** Already formatted in the agency's time zone, with the zone. */
  opensAt: string;
  closesAt: string;
  /** The deadline before an extension; shown for "extended". */
  previousClosesAt: string | null;
  anonymousAllowed: boolean;
  periodUrl: string;
  commentUrl: string;
  footer: EmailFooter;
};

// Every kind has its own words, so a new kind fails to compile until it is written.
const WORDING: Record<CommentPeriodKind, { heading: (title: string) => string; lead: string }> = {
  opened: { heading: (t) => `Comment period open: ${t}`, lead: "A public comment period is now open." },
  reopened: { heading: (t) => `Comment period reopened: ${t}`, lead: "This public comment period is open again." },
  extended: { heading: (t) => `Deadline extended: ${t}`, lead: "The agency extended the deadline for comments." },
  closing7d: { heading: (t) => `7 days left to comment on ${t}`, lead: "This comment period closes in 7 days." },
  closing24h: { heading: (t) => `24 hours left to comment on ${t}`, lead: "This comment period closes in 24 hours." },
  closed: {
    heading: (t) => `Comment period closed: ${t}`,
    lead: "This comment period is closed. No more comments are accepted.",
  },
};

export default function CommentPeriod({
  kind,
  projectName,
  periodTitle,
  opensAt,
  closesAt,
  previousClosesAt,
  anonymousAllowed,
  periodUrl,
  commentUrl,
  footer,
}: CommentPeriodProps) {
  const { heading, lead } = WORDING[kind];
  const closed = kind === "closed";
  return (
    <EmailLayout preview={`${heading(periodTitle)} (${projectName})`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {heading(periodTitle)}
      </Heading>
      <Text>{lead}</Text>
      <Text>
        Project: {projectName}
        <br />
        Comment period: {periodTitle}
        <br />
        Opened: {opensAt}
        <br />
        {kind === "extended" && previousClosesAt ? (
          <>
            Previous deadline: {previousClosesAt}
            <br />
            New deadline: {closesAt}
          </>
        ) : (
          <>
            {closed ? "Closed" : "Deadline"}: {closesAt}
          </>
        )}
      </Text>
      {closed ? (
        <>
          <Text>The agency reads every comment received before the deadline. The comments stay public.</Text>
          <ButtonWithLink href={periodUrl}>Read the comments</ButtonWithLink>
        </>
      ) : (
        <>
          <Text>
            {anonymousAllowed
              ? "You can comment without an account: this period accepts anonymous comments."
              : "This period does not accept anonymous comments: sign in or create an account to comment under your name."}
          </Text>
          <ButtonWithLink href={commentUrl}>Comment now</ButtonWithLink>
        </>
      )}
    </EmailLayout>
  );
}

CommentPeriod.PreviewProps = {
  kind: "extended",
  projectName: "Thacker Pass Lithium Mine",
  periodTitle: "Draft environmental impact statement",
  opensAt: "Jan 15, 2026, 8:00 AM PST, UTC-8 (America/Los_Angeles)",
  closesAt: "Mar 16, 2026, 11:59 PM PDT, UTC-7 (America/Los_Angeles)",
  previousClosesAt: "Feb 28, 2026, 11:59 PM PST, UTC-8 (America/Los_Angeles)",
  anonymousAllowed: true,
  periodUrl: "http://localhost:3000/comment-periods/thacker-pass-deis",
  commentUrl: "http://localhost:3000/comment-periods/thacker-pass-deis/comment",
  footer: {
    reason: "You receive this because you follow Thacker Pass Lithium Mine on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies CommentPeriodProps;
