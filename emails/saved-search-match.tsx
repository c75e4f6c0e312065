import { Heading, Text } from "@react-email/components";
import { ButtonWithLink, EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type SavedSearchMatchProps = {
  projectName: string;
  searchName: string;
  watchlistName: string;
  /** Where the project stands now, e.g. "Draft EIS · In progress". */
  standing: string;
  projectUrl: string;
  watchlistUrl: string;
  footer: EmailFooter;
};

export default function SavedSearchMatch({
  projectName,
  searchName,
  watchlistName,
  standing,
  projectUrl,
  watchlistUrl,
  footer,
}: SavedSearchMatchProps) {
  return (
    <EmailLayout preview={`${projectName} now matches your saved search "${searchName}"`} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        {projectName} entered your saved search “{searchName}”
      </Heading>
      <Text>
        {projectName} now matches the saved search “{searchName}” on the watchlist {watchlistName}, so it appears on
        that watchlist from now on.
      </Text>
      <Text>Where it stands: {standing}</Text>
      <ButtonWithLink href={projectUrl}>Open the project</ButtonWithLink>
      <Text>
        Watchlist: <a href={watchlistUrl}>{watchlistUrl}</a>
      </Text>
    </EmailLayout>
  );
}

SavedSearchMatch.PreviewProps = {
  projectName: "Rhyolite Ridge",
  searchName: "Lithium in Nevada",
  watchlistName: "Great Basin lithium",
  standing: "Record of decision · In progress",
  projectUrl: "http://localhost:3000/projects/rhyolite-ridge",
  watchlistUrl: "http://localhost:3000/watchlists/preview",
  footer: {
    reason: "You receive this because you keep the watchlist Great Basin lithium on Lodestone.",
    preferencesUrl: "http://localhost:3000/account/notifications",
  },
} satisfies SavedSearchMatchProps;
