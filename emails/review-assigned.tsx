import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type ReviewAssignedProps = {
  projectName: string;
  reviewTitle: string;
  /** Null when the assignment was made by the system rather than a person. */
  assignedBy: string | null;
  reviewUrl: string;
  footer: EmailFooter;
};

export default function ReviewAssigned({
  projectName,
  reviewTitle,
  assignedBy,
  reviewUrl,
  footer,
}: ReviewAssignedProps) {
  return (
    <EmailLayout preview={`You are assigned to review ${reviewTitle} (${projectName})`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        Review assigned to you: {reviewTitle}
      </Heading>
      <Text>
        {assignedBy ? `${assignedBy} assigned you` : "You were assigned"} to review {reviewTitle} for {projectName}.
      </Text>
      <Text>
        Project: {projectName}
        <br />
        Review: {reviewTitle}
      </Text>
      <ButtonWithLink href={reviewUrl}>Open the review</ButtonWithLink>
    </EmailLayout>
  );
}

ReviewAssigned.PreviewProps = {
  projectName: "Resolution Copper",
  reviewTitle: "Completeness review of the mine plan of operations",
  assignedBy: "Maria Ortega, Tonto National Forest",
  reviewUrl: "http://localhost:3000/projects/resolution-copper/reviews/preview",
  footer: {
    reason: "You receive this because you are a reviewer for Resolution Copper on Lodestone.",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies ReviewAssignedProps;
