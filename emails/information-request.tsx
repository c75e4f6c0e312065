import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type InformationRequestProps = {
  projectName: string;
  companyName: string;
  agencyName: string;
  requestTitle: string;
  /** Already formatted; null when the agency set no due date. */
  dueDate: string | null;
  requestUrl: string;
  footer: EmailFooter;
};

export default function InformationRequest({
  projectName,
  companyName,
  agencyName,
  requestTitle,
  dueDate,
  requestUrl,
  footer,
}: InformationRequestProps) {
  return (
    <EmailLayout preview={`${agencyName} asked ${companyName} for more information on ${projectName}`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {agencyName} asked {companyName} for more information
      </Heading>
      <Text>
        Project: {projectName}
        <br />
        Request: {requestTitle}
        <br />
        Due: {dueDate ?? "no due date set"}
      </Text>
      <Text>The request page shows what was asked, and the company&rsquo;s answer once it is filed.</Text>
      <ButtonWithLink href={requestUrl}>See the request</ButtonWithLink>
    </EmailLayout>
  );
}

InformationRequest.PreviewProps = {
  projectName: "Thacker Pass Lithium Mine",
  companyName: "Lithium Nevada Corp.",
  agencyName: "Bureau of Land Management, Winnemucca District",
  requestTitle: "Updated groundwater model for the Quinn River valley",
  dueDate: "Apr 17, 2026",
  requestUrl: "http://localhost:3000/projects/thacker-pass/requests/preview",
  footer: {
    reason: "You receive this because you follow Thacker Pass Lithium Mine on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies InformationRequestProps;
