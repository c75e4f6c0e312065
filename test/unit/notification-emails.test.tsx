import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import CommentAutoHidden from "../../emails/comment-auto-hidden";
import CommentPeriod, { type CommentPeriodProps } from "../../emails/comment-period";
import CommentReceipt from "../../emails/comment-receipt";
import CommentResponse from "../../emails/comment-response";
import Digest from "../../emails/digest";
import InformationRequest from "../../emails/information-request";
import MilestoneMoved from "../../emails/milestone-moved";
import ReviewAssigned from "../../emails/review-assigned";
import StageChanged from "../../emails/stage-changed";
import SubscriptionConfirm from "../../emails/subscription-confirm";

// The sender renders every email twice; both forms must carry the message. React separates adjacent
// text nodes with empty comments in HTML; they are dropped so assertions read as the recipient reads.
async function both(element: ReactElement) {
  const html = (await render(element)).replaceAll("<!-- -->", "");
  return { html, text: await render(element, { plainText: true }) };
}

const DEFAULT_SENTENCE = "You received this email because of an action on your Lodestone account.";

describe("notification email footer", () => {
  it("names why the email was sent and links unsubscribe and settings in HTML and plain text", async () => {
    const { footer } = StageChanged.PreviewProps;
    const { html, text } = await both(<StageChanged {...StageChanged.PreviewProps} />);
    expect(text).toContain(footer.reason);
    expect(html).toContain(`href="${footer.unsubscribeUrl}"`);
    expect(html).toContain(`href="${footer.preferencesUrl}"`);
    expect(text).toContain(`Unsubscribe: ${footer.unsubscribeUrl}`);
    expect(text).toContain(`Notification settings: ${footer.preferencesUrl}`);
    expect(text).not.toContain(DEFAULT_SENTENCE);
  });

  it("leaves out the links the caller did not give", async () => {
    const props = { ...StageChanged.PreviewProps, footer: { reason: "You follow Resolution Copper." } };
    const { text } = await both(<StageChanged {...props} />);
    expect(text).toContain("You follow Resolution Copper.");
    expect(text).not.toContain("Unsubscribe");
    expect(text).not.toContain("Notification settings");
  });

  it("keeps the account sentence when no footer is passed", async () => {
    for (const element of [<CommentReceipt key="receipt" {...CommentReceipt.PreviewProps} />]) {
      const { text } = await both(element);
      expect(text).toContain(DEFAULT_SENTENCE);
      expect(text).not.toContain("Unsubscribe");
    }
  });
});

describe("stage changed email", () => {
  it("gives the previous and new stage, the quoted reason, the time and the raw project link", async () => {
    const props = StageChanged.PreviewProps;
    const { html, text } = await both(<StageChanged {...props} />);
    expect(html).toContain("Thacker Pass Lithium Mine: now in Final EIS and draft decision</h1>");
    expect(text).toContain("Thacker Pass Lithium Mine advanced to Final EIS and draft decision.");
    expect(text).toContain("Previous stage: Draft EIS");
    expect(text).toContain("New stage: Final EIS and draft decision");
    expect(text).toContain(`“${props.reason}”`);
    expect(text).toContain(`When: ${props.occurredAt}`);
    expect(text).toContain(`Or open this link: ${props.projectUrl}`);
    expect(html).toContain("Thacker Pass Lithium Mine advanced to Final EIS and draft decision");
  });

  it("says nothing about a reason when none was given", async () => {
    const { text } = await both(<StageChanged {...StageChanged.PreviewProps} reason={null} />);
    expect(text).not.toContain("Reason given");
  });
});

describe("milestone moved email", () => {
  it("shows the old and new date, the reason and the explanation", async () => {
    const props = MilestoneMoved.PreviewProps;
    const { text } = await both(<MilestoneMoved {...props} />);
    expect(text).toContain("Previous target date: Dec 15, 2024");
    expect(text).toContain("New target date: Jan 3, 2025");
    expect(text).toContain("Reason: Additional analysis");
    expect(text).toContain(`“${props.explanation}”`);
    expect(text).toContain(props.projectUrl);
  });

  it('writes "not set" for a missing date', async () => {
    const { text } = await both(
      <MilestoneMoved {...MilestoneMoved.PreviewProps} previousDate={null} dateKind="actual date" />,
    );
    expect(text).toContain("Previous actual date: not set");
    expect(text).toContain("New actual date: Jan 3, 2025");
  });
});

describe("comment period email", () => {
  const base = CommentPeriod.PreviewProps;
  const headings: Record<CommentPeriodProps["kind"], string> = {
    opened: "Comment period open: Draft environmental impact statement",
    reopened: "Comment period reopened: Draft environmental impact statement",
    extended: "Deadline extended: Draft environmental impact statement",
    closing7d: "7 days left to comment on Draft environmental impact statement",
    closing24h: "24 hours left to comment on Draft environmental impact statement",
    closed: "Comment period closed: Draft environmental impact statement",
  };

  for (const [kind, heading] of Object.entries(headings) as [CommentPeriodProps["kind"], string][]) {
    it(`gives the ${kind} email its own heading and preview`, async () => {
      const { html } = await both(<CommentPeriod {...base} kind={kind} />);
      expect(html).toContain(`${heading}</h1>`);
      expect(html).toContain(`${heading} (Thacker Pass Lithium Mine)`);
    });
  }

  it("asks for comments while the period is open and says whether an account is needed", async () => {
    const open = await both(<CommentPeriod {...base} kind="closing24h" anonymousAllowed={false} />);
    expect(open.text).toContain(`Comment now ${base.commentUrl}`);
    expect(open.text).toContain("does not accept anonymous comments");
    expect(open.text).toContain(`Deadline: ${base.closesAt}`);
    const anonymous = await both(<CommentPeriod {...base} kind="opened" anonymousAllowed />);
    expect(anonymous.text).toContain("You can comment without an account");
  });

  it("shows the previous and the new deadline of an extension", async () => {
    const { text } = await both(<CommentPeriod {...base} />);
    expect(text).toContain(`Previous deadline: ${base.previousClosesAt}`);
    expect(text).toContain(`New deadline: ${base.closesAt}`);
  });

  it("points to the comments, not the form, once closed", async () => {
    const { html, text } = await both(<CommentPeriod {...base} kind="closed" />);
    expect(text).toContain(`Read the comments ${base.periodUrl}`);
    expect(html).not.toContain(base.commentUrl);
    expect(text).not.toContain("Comment now");
  });
});

describe("comment response email", () => {
  it("names the receipt, quotes the response and links the full text", async () => {
    const props = CommentResponse.PreviewProps;
    const { html, text } = await both(<CommentResponse {...props} />);
    expect(html).toContain("Bureau of Land Management, Winnemucca District responded to your comment</h1>");
    expect(text).toContain(`Receipt: ${props.receiptNumber}`);
    expect(text).toContain(`“${props.responseExcerpt}”`);
    expect(text).toContain(`Or open this link: ${props.responseUrl}`);
  });
});

describe("information request email", () => {
  it("says which agency asked which company, and by when", async () => {
    const props = InformationRequest.PreviewProps;
    const { html, text } = await both(<InformationRequest {...props} />);
    expect(html).toContain(
      "Bureau of Land Management, Winnemucca District asked Lithium Nevada Corp. for more information</h1>",
    );
    expect(text).toContain(`Request: ${props.requestTitle}`);
    expect(text).toContain("Due: Apr 17, 2026");
    expect(text).toContain(props.requestUrl);
    const undated = await both(<InformationRequest {...props} dueDate={null} />);
    expect(undated.text).toContain("Due: no due date set");
  });
});

describe("review assigned email", () => {
  it("names who assigned the review, or none when nobody did", async () => {
    const props = ReviewAssigned.PreviewProps;
    const { text } = await both(<ReviewAssigned {...props} />);
    expect(text).toContain(`Maria Ortega, Tonto National Forest assigned you to review ${props.reviewTitle}`);
    expect(text).toContain(`Open the review ${props.reviewUrl}`);
    const unattributed = await both(<ReviewAssigned {...props} assignedBy={null} />);
    expect(unattributed.text).toContain(`You were assigned to review ${props.reviewTitle} for Resolution Copper.`);
  });
});

describe("digest email", () => {
  it("groups every item under its project with its detail, time and link", async () => {
    const props = Digest.PreviewProps;
    const { html, text } = await both(<Digest {...props} />);
    expect(html).toContain("Your daily update: Tuesday, March 3, 2026</h1>");
    expect(html).toContain("3 updates on 2 projects you follow");
    expect(html.match(/<h2/g)).toHaveLength(2);
    for (const project of props.projects) {
      expect(html).toMatch(new RegExp(`<h2[^>]*>${project.projectName}</h2>`));
      expect(text).toContain(project.projectUrl);
      for (const item of project.items) {
        expect(text).toContain(item.title);
        expect(text).toContain(item.occurredAt);
        if (item.detail) expect(text).toContain(item.detail);
        expect(html).toContain(`href="${item.url}"`);
      }
    }
    expect(text.indexOf("1,024 comments received.")).toBeLessThan(text.indexOf("Reason: Additional analysis."));
  });

  it("counts in the singular for one update", async () => {
    const [first] = Digest.PreviewProps.projects;
    const props = { ...Digest.PreviewProps, itemCount: 1, projects: [{ ...first, items: first.items.slice(0, 1) }] };
    const { html } = await both(<Digest {...props} />);
    expect(html).toContain("1 update on 1 project you follow");
  });
});

describe("subscription confirmation email", () => {
  it("asks to confirm, promises silence until then, and links the raw confirmation URL", async () => {
    const props = SubscriptionConfirm.PreviewProps;
    const { html, text } = await both(<SubscriptionConfirm {...props} />);
    expect(html).toContain("Confirm that you want email updates about Resolution Copper</h1>");
    expect(text).toContain("Nothing is sent until you confirm.");
    expect(text).toContain("If you did not ask for this, you can ignore this email.");
    // Not "an action on your Lodestone account": the person may have no account.
    expect(text).toContain("someone entered this address to get email updates about Resolution Copper");
    expect(text).not.toContain(DEFAULT_SENTENCE);
    expect(text).toContain(`Or open this link: ${props.confirmUrl}`);
    expect(html).toContain(`href="${props.confirmUrl}"`);
  });
});

describe("comment hidden by reports email", () => {
  it("tells the moderator which comment, how many reports, and links the queue", async () => {
    const props = CommentAutoHidden.PreviewProps;
    const { html, text } = await both(<CommentAutoHidden {...props} />);
    expect(html).toContain(`Comment ${props.receiptNumber} was hidden automatically</h1>`);
    expect(text).toContain(`${props.reportCount} reports hid comment ${props.receiptNumber} on ${props.periodTitle}`);
    expect(text).toContain("until a moderator publishes it again or hides it with a reason");
    expect(html).toContain(`href="${props.moderationUrl}"`);
  });
});

describe("comment receipt email", () => {
  it("links the receipt page, where a hidden comment says why and takes a review request", async () => {
    const props = CommentReceipt.PreviewProps;
    const { text } = await both(<CommentReceipt {...props} />);
    expect(text).toContain("If your comment is ever hidden, your receipt page says why and lets you ask");
    expect(text).toContain(props.receiptUrl);
  });
});
