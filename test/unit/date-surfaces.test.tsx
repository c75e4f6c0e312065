// Every surface that shows a date, fed the three dates that went wrong: one known only to the month,
// one known only to the year, and an event a few hours after midnight UTC (the evening before in the
// lead agency's zone). Each must keep the precision and name the zone.
import { render } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// Route modules import the database client; nothing here queries it.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
});

import CommentPeriodEmail from "../../emails/comment-period";
import StageChangedEmail from "../../emails/stage-changed";
import { renderRoute } from "../support/render-route";
import { MilestoneTimeline, type TimelineMilestone } from "~/components/MilestoneTimeline";
import { StageHistory, type StageHistoryRow } from "~/components/StageHistory";
import { exportColumns, exportRow } from "~/models/comments/comment-export.server";
import ModerationLog from "~/routes/comment-periods.$periodId.moderation-log";
import Responses from "~/routes/comment-periods.$periodId.responses";
import Notifications from "~/routes/notifications";
import { describeEvent } from "~/models/notifications/content.server";
import {
  formatCalendarDate,
  formatDeadline,
  formatEventTime,
  isoCalendarDate,
  isoInZone,
  utcDaysBetween,
  utcOffsetLabel,
} from "~/utils/dates";
import { exportedComment } from "../support/exported-comment";

const MONTH_ONLY = "2021-01-01T00:00:00.000Z"; // "Jan 2021" in the record
const YEAR_ONLY = "2013-01-01T00:00:00.000Z"; // "2013" in the record
const NEAR_MIDNIGHT = "2026-12-02T03:30:00.000Z"; // Dec 1, 7:30 PM in Nevada (PST)
const ZONE = "America/Los_Angeles";
const INVENTED_DAYS = ["Jan 1, 2021", "Jan 1, 2013"];

const strip = (html: string) => html.replaceAll("<!-- -->", "");

function expectNoInventedDay(text: string) {
  for (const day of INVENTED_DAYS) expect(text).not.toContain(day);
}

describe("the date module", () => {
  it("shows a calendar date at its precision and no finer", () => {
    expect(formatCalendarDate(MONTH_ONLY, "MONTH")).toBe("Jan 2021");
    expect(formatCalendarDate(YEAR_ONLY, "YEAR")).toBe("2013");
    expect(isoCalendarDate(MONTH_ONLY, "MONTH")).toBe("2021-01");
    expect(isoCalendarDate(YEAR_ONLY, "YEAR")).toBe("2013");
  });

  it("dates an event near midnight UTC by the agency's day, zone named, and a deadline with its offset", () => {
    expect(formatEventTime(NEAR_MIDNIGHT, ZONE)).toBe("Dec 1, 2026, 7:30 PM PST");
    expect(utcOffsetLabel("2026-07-31T06:59:00Z", ZONE)).toBe("UTC-7");
    expect(formatDeadline("2026-08-01T06:59:00Z", ZONE)).toBe(
      "Jul 31, 2026, 11:59 PM PDT, UTC-7 (America/Los_Angeles)",
    );
    expect(utcOffsetLabel(NEAR_MIDNIGHT, "Asia/Kolkata")).toBe("UTC+5:30");
    expect(isoInZone(NEAR_MIDNIGHT, ZONE)).toBe("2026-12-01T19:30:00-08:00");
  });

  it("counts UTC calendar days, for dates and instants alike", () => {
    expect(utcDaysBetween(new Date("2026-12-01T23:59:00Z"), new Date("2026-12-02T00:01:00Z"))).toBe(1);
    expect(utcDaysBetween(new Date("2026-12-02T00:00:00Z"), new Date("2026-12-02T23:59:00Z"))).toBe(0);
    expect(utcDaysBetween(new Date("2026-12-05T00:00:00Z"), new Date("2026-12-02T12:00:00Z"))).toBe(-3);
  });
});

describe("pages", () => {
  it("stage history: record events at their precision, a change made in the app in the agency's zone", () => {
    const rows: StageHistoryRow[] = [
      row("live", NEAR_MIDNIGHT, null),
      row("month", "2021-01-01T12:00:00.000Z", "MONTH"),
      row("year", "2013-01-01T12:00:00.000Z", "YEAR"),
    ];
    const html = strip(renderToStaticMarkup(<StageHistory transitions={rows} timeZone={ZONE} />));
    expect(html).toContain(">Dec 1, 2026, 7:30 PM PST<");
    expect(html).toContain(">Jan 2021<");
    expect(html).toContain(">2013<");
    expect(html).toContain("Pacific Time (America/Los_Angeles)");
    expect(html).not.toContain("Dec 2, 2026");
    expectNoInventedDay(html);
  });

  it("milestone timeline and table: month and year milestones are never given a day", () => {
    const milestones: TimelineMilestone[] = [
      milestone("feis", MONTH_ONLY, "MONTH"),
      milestone("plan", YEAR_ONLY, "YEAR"),
    ];
    const html = strip(
      renderToStaticMarkup(<MilestoneTimeline milestones={milestones} today={NEAR_MIDNIGHT} title="Milestones" />),
    );
    expect(html).toContain("Jan 2021");
    expect(html).toContain("2013");
    expectNoInventedDay(html);
  });

  it("public moderation log: the agency's day and time, zone named", async () => {
    const html = strip(
      await renderRoute(ModerationLog, {
        loader: {
          period: { id: "p1", title: "Draft EIS comment period", timeZone: ZONE },
          project: { id: "x", slug: "x", name: "Rhyolite Ridge" },
          log: {
            entries: [
              {
                id: "e1",
                kind: "HIDE",
                receiptNumber: "LDS-1",
                reason: "Personal information",
                createdAt: NEAR_MIDNIGHT,
              },
            ],
            page: 1,
            pageCount: 1,
          },
        },
      }),
    );
    expect(html).toContain("Dec 1, 2026, 7:30 PM PST");
    expect(html).toContain("Pacific Time (America/Los_Angeles)");
    expect(html).not.toContain("Dec 2, 2026");
  });

  it("responses to comments: the agency's day and time, zone named", async () => {
    const html = strip(
      await renderRoute(Responses, {
        loader: {
          period: { id: "p1", title: "Draft EIS comment period", timeZone: ZONE },
          project: { id: "x", slug: "x", name: "Rhyolite Ridge" },
          groups: [
            {
              issue: "Water",
              responses: [
                { id: "r1", text: "We will monitor.", createdAt: NEAR_MIDNIGHT, authorName: "BLM", answered: [] },
              ],
            },
          ],
          // No concern statement answered through this response.
          concerns: {},
        },
      }),
    );
    expect(html).toContain("BLM, Dec 1, 2026, 7:30 PM PST");
    expect(html).toContain("Pacific Time (America/Los_Angeles)");
  });

  it("notifications: the person's own zone, named", async () => {
    const html = strip(
      await renderRoute(Notifications, {
        loader: {
          query: { page: 1, unread: false },
          timeZone: ZONE,
          total: 1,
          unread: 1,
          pages: 1,
          items: [
            {
              id: "n1",
              title: "Rhyolite Ridge advanced",
              detail: null,
              project: null,
              unread: true,
              createdAt: NEAR_MIDNIGHT,
              relative: "2 hours ago",
              absolute: formatEventTime(NEAR_MIDNIGHT, ZONE),
            },
          ],
        },
      }),
    );
    expect(html).toContain("Dec 1, 2026, 7:30 PM PST");
    expect(html).toContain("your time zone");
    expect(html).toContain("Pacific Time (America/Los_Angeles)");
  });
});

describe("emails", () => {
  it("milestone moved: month and year dates stay month and year in the subject, the list and the email", async () => {
    for (const [precision, from, to, expected] of [
      ["MONTH", "2021-01-01", "2021-03-01", ["Jan 2021", "Mar 2021"]],
      ["YEAR", "2013-01-01", "2014-01-01", ["2013", "2014"]],
    ] as const) {
      const notice = await describeEvent({
        id: "ev",
        aggregateId: "p",
        type: "milestone.dateChanged",
        occurredAt: new Date(NEAR_MIDNIGHT),
        payload: {
          projectId: "p",
          slug: "x",
          name: "NorthMet",
          milestoneName: "Final EIS",
          previousDate: from,
          newDate: to,
          datePrecision: precision,
          milestoneId: "m",
          dateChangeId: "dc",
          actorId: null,
          reason: "CONSULTATION",
          narrative: "More time for consultation.",
        },
      });
      if (!notice || !notice.email) throw new Error("no email");
      expect(notice.title).toContain(`${expected[0]} → ${expected[1]}`);
      expect(notice.email.subject).toContain(`moved to ${expected[1]}`);
      const text = await render(notice.email.render({ reason: "You follow NorthMet." }, "https://lodestone.test"), {
        plainText: true,
      });
      for (const date of expected) expect(text).toContain(date);
      expectNoInventedDay(`${notice.title} ${notice.email.subject} ${text}`);
      expect(text).not.toMatch(/\w{3} 1, (2021|2013|2014)/);
    }
  });

  it("stage changed and comment period: the agency's time, zone and offset, as the pages show them", async () => {
    const stage = await render(
      <StageChangedEmail
        {...StageChangedEmail.PreviewProps}
        occurredAt={`${formatEventTime(NEAR_MIDNIGHT, ZONE)} (${ZONE})`}
      />,
      { plainText: true },
    );
    expect(stage).toContain("Dec 1, 2026, 7:30 PM PST (America/Los_Angeles)");
    const deadline = formatDeadline("2026-08-01T06:59:00Z", ZONE);
    const period = await render(
      <CommentPeriodEmail {...CommentPeriodEmail.PreviewProps} kind="closing24h" closesAt={deadline} />,
      { plainText: true },
    );
    expect(period).toContain("11:59 PM PDT, UTC-7 (America/Los_Angeles)");
  });
});

describe("CSV export", () => {
  it("writes the receipt time in the agency's zone with its offset, and names the zone", () => {
    const columns = exportColumns({ full: false });
    const cells = exportRow(exportedComment({ submittedAt: new Date(NEAR_MIDNIGHT) }), {
      full: false,
      base: "https://lodestone.test",
      periodId: "p1",
      timeZone: ZONE,
      campaigns: new Set(),
    });
    const byColumn = Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
    expect(byColumn.submitted_at).toBe("2026-12-01T19:30:00-08:00");
    expect(byColumn.time_zone).toBe(ZONE);
    expect(new Date(String(byColumn.submitted_at)).toISOString()).toBe(NEAR_MIDNIGHT);
  });
});

function row(id: string, occurredAt: string, precision: StageHistoryRow["occurredAtPrecision"]): StageHistoryRow {
  return {
    id,
    kind: "RECORD",
    sourceUrl: null,
    fromLabel: null,
    toLabel: `Stage ${id}`,
    reason: "From the record.",
    occurredAt,
    occurredAtPrecision: precision,
    actor: null,
  };
}

function milestone(id: string, date: string, precision: TimelineMilestone["datePrecision"]): TimelineMilestone {
  return {
    id,
    name: `Milestone ${id}`,
    jurisdiction: "FEDERAL",
    responsible: null,
    baselineDate: date,
    targetDate: date,
    actualDate: date,
    datePrecision: precision,
    status: "complete",
    note: null,
    sourceUrl: null,
  };
}
