import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, headingStyle, type EmailFooter } from "./components/EmailLayout";

export type DigestItem = { title: string; detail: string | null; occurredAt: string; url: string };
export type DigestProject = { projectName: string; projectUrl: string; items: DigestItem[] };

export type DigestProps = {
  frequency: "daily" | "weekly";
  /** "Tuesday, March 3, 2026" for a daily digest, "week of March 2, 2026" for a weekly one. */
  periodLabel: string;
  recipientName: string;
  itemCount: number;
  projects: DigestProject[];
  footer: EmailFooter;
};

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export default function Digest({ frequency, periodLabel, recipientName, itemCount, projects, footer }: DigestProps) {
  const summary = `${count(itemCount, "update", "updates")} on ${count(projects.length, "project", "projects")} you follow`;
  return (
    <EmailLayout preview={summary} footer={footer}>
      <Heading as="h1" style={headingStyle}>
        Your {frequency} update: {periodLabel}
      </Heading>
      <Text>
        Hello {recipientName}, here {itemCount === 1 ? "is" : "are"} {summary}.
      </Text>
      {projects.map((project) => (
        <Section key={project.projectUrl}>
          <Heading as="h2" style={{ fontSize: "17px", marginTop: "24px" }}>
            {project.projectName}
          </Heading>
          {project.items.map((item, index) => (
            // Two events can share a title, link and minute; their order is what tells them apart.
            <Text key={index}>
              <Link href={item.url} style={{ fontWeight: 700 }}>
                {item.title}
              </Link>
              {item.detail ? (
                <>
                  <br />
                  {item.detail}
                </>
              ) : null}
              <br />
              <span style={{ color: "#5f5a52" }}>{item.occurredAt}</span>
            </Text>
          ))}
          <Text>
            All of {project.projectName}: <Link href={project.projectUrl}>{project.projectUrl}</Link>
          </Text>
        </Section>
      ))}
    </EmailLayout>
  );
}

Digest.PreviewProps = {
  frequency: "daily",
  periodLabel: "Tuesday, March 3, 2026",
  recipientName: "Ada Lovelace",
  itemCount: 3,
  projects: [
    {
      projectName: "Thacker Pass Lithium Mine",
      projectUrl: "http://localhost:3000/projects/thacker-pass",
      items: [
        {
          title: "Advanced to Final EIS and draft decision",
          detail: "“The Bureau of Land Management published the final EIS in the Federal Register.”",
          occurredAt: "Mar 3, 2026, 9:00 AM PST",
          url: "http://localhost:3000/projects/thacker-pass",
        },
        {
          title: "Comment period closed: Draft environmental impact statement",
          detail: "1,024 comments received.",
          occurredAt: "Mar 3, 2026, 11:59 PM PST",
          url: "http://localhost:3000/comment-periods/thacker-pass-deis",
        },
      ],
    },
    {
      projectName: "Stibnite Gold Project",
      projectUrl: "http://localhost:3000/projects/stibnite-gold",
      items: [
        {
          title: "Record of decision: target date moved from Dec 15, 2024 to Jan 3, 2025",
          detail: "Reason: Additional analysis.",
          occurredAt: "Mar 3, 2026, 2:30 PM MST",
          url: "http://localhost:3000/projects/stibnite-gold",
        },
      ],
    },
  ],
  footer: {
    reason: "You receive this daily digest because you follow projects on Lodestone.",
    unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-token",
    preferencesUrl: "http://localhost:3000/settings/notifications",
  },
} satisfies DigestProps;
