import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MilestoneTimeline, wrapWords, type TimelineMilestone } from "~/components/MilestoneTimeline";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";

const TODAY = "2026-03-10T00:00:00.000Z";

function milestone(overrides: Partial<TimelineMilestone> & Pick<TimelineMilestone, "id" | "name">): TimelineMilestone {
  return {
    jurisdiction: "FEDERAL",
    responsible: null,
    baselineDate: null,
    targetDate: null,
    actualDate: null,
    datePrecision: "DAY",
    status: "on_track",
    note: null,
    sourceUrl: null,
    ...overrides,
  };
}

const MILESTONES: TimelineMilestone[] = [
  milestone({
    id: "noi",
    name: "Notice of intent",
    responsible: "Bureau of Land Management",
    baselineDate: "2020-01-21T00:00:00.000Z",
    targetDate: "2020-01-21T00:00:00.000Z",
    actualDate: "2020-01-21T00:00:00.000Z",
    status: "complete",
    sourceUrl: "https://www.federalregister.gov/example",
  }),
  milestone({
    id: "deis",
    name: "Draft environmental impact statement",
    baselineDate: "2025-11-01T00:00:00.000Z",
    targetDate: "2026-01-01T00:00:00.000Z",
    status: "missed",
  }),
  milestone({
    id: "water",
    name: "Water pollution control permit",
    jurisdiction: "STATE",
    responsible: "Nevada Division of Environmental Protection",
    baselineDate: "2026-02-01T00:00:00.000Z",
    targetDate: "2026-02-01T00:00:00.000Z",
    datePrecision: "MONTH",
    status: "at_risk",
  }),
  milestone({ id: "appeal", name: "Ninth Circuit appeal", jurisdiction: "COURT", status: "on_track" }),
];

function render(milestones: TimelineMilestone[] = MILESTONES): string {
  return renderToStaticMarkup(<MilestoneTimeline milestones={milestones} today={TODAY} title="Project schedule" />);
}

/** One of the two drawings of the chart (CSS shows the wide one, or on a phone the narrow one). */
function chart(html: string, variant: "wide" | "narrow"): string {
  return html.match(new RegExp(`<svg class="timeline__svg timeline__svg--${variant}"[\\s\\S]*?</svg>`))?.[0] ?? "";
}

/** The milestone table's body rows. */
function tableRows(html: string): string[] {
  const body = html.match(/<tbody role="rowgroup">([\s\S]*)<\/tbody>/)?.[1] ?? "";
  return body.split(/<tr role="row"[^>]*>/).slice(1);
}

describe("MilestoneTimeline", () => {
  it("renders nothing when there are no milestones", () => {
    expect(render([])).toBe("");
  });

  it.each(["wide", "narrow"] as const)(
    "labels the %s chart as an image with a title and a description in words",
    (variant) => {
      const html = render();
      const svg = chart(html, variant).match(/<svg[^>]*>/)?.[0] ?? "";
      expect(svg).toContain('role="img"');
      const [titleId, descId] = (svg.match(/aria-labelledby="([^"]+)"/)?.[1] ?? "").split(" ");
      expect(html).toContain(`<title id="${titleId}">Project schedule</title>`);
      expect(html).toContain(
        `<desc id="${descId}">4 milestones from Jan 2020 to Feb 2026; 1 complete, 1 on track, 1 at risk, 1 missed. Today is Mar 10, 2026.</desc>`,
      );
    },
  );

  it.each(["wide", "narrow"] as const)("draws one %s row per milestone in the given order", (variant) => {
    const rows = [...chart(render(), variant).matchAll(/data-milestone-id="([^"]+)"/g)].map((match) => match[1]);
    expect(rows).toEqual(["noi", "deis", "water", "appeal"]);
  });

  it.each(["wide", "narrow"] as const)(
    "draws baseline, target and actual as different shapes, and the slip as a line (%s)",
    (variant) => {
      const svg = chart(render(), variant);
      expect(svg.match(/class="timeline__baseline"/g)).toHaveLength(3);
      expect(svg.match(/class="timeline__target timeline__target--(?!legend)/g)).toHaveLength(3);
      expect(svg.match(/class="timeline__actual"/g)).toHaveLength(1);
      // Only the draft EIS moved away from its baseline.
      expect(svg.match(/<line class="timeline__slip" x1="[\d.]+"/g)).toHaveLength(1);
    },
  );

  it("gives each name whole lines of its own on the narrow chart", () => {
    const long = "Record of decision on the plan of operations and the land exchange, after the objection period";
    const svg = chart(render([milestone({ id: "rod", name: long, targetDate: "2027-06-01T00:00:00.000Z" })]), "narrow");
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(svg).not.toContain("…");
  });

  it("wraps words greedily and cuts a word longer than a line", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapWords("abcdefghijkl", 5)).toEqual(["abcde", "fghij", "kl"]);
    expect(wrapWords("", 5)).toEqual([""]);
  });

  it("marks today and labels the year axis", () => {
    const html = render();
    expect(html).toMatch(/<text[^>]*>Today<\/text>/);
    for (const year of ["2020", "2023", "2026", "2027"]) expect(html).toMatch(new RegExp(`<text[^>]*>${year}</text>`));
  });

  it("says no date recorded for a milestone without dates", () => {
    expect(render()).toContain("no date recorded");
  });

  it("pads an axis whose dates all fall in one year", () => {
    const html = render([
      milestone({ id: "a", name: "A", actualDate: "2021-03-01T00:00:00.000Z", status: "complete" }),
      milestone({ id: "b", name: "B", actualDate: "2021-09-01T00:00:00.000Z", status: "complete" }),
    ]);
    expect(html).toMatch(/<text[^>]*>2021<\/text>/);
    expect(html).toMatch(/<text[^>]*>2022<\/text>/);
    expect(html).not.toContain(">Today<");
  });

  it("is deterministic", () => {
    expect(render()).toBe(render());
  });
});

describe("MilestoneTimeline table", () => {
  it("has a caption and one row per milestone with dates, status and slip", () => {
    const html = render();
    expect(html).toContain("<caption>Project schedule: dates and status of each milestone</caption>");
    const rows = tableRows(html);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain("Notice of intent");
    expect(rows[0]).toContain("Jan 21, 2020");
    expect(rows[0]).toContain('<span class="schedule schedule--complete">Complete</span>');
    expect(rows[0]).toContain("on baseline");
    expect(rows[1]).toContain("+61 days");
    expect(rows[1]).toContain(">Missed</span>");
    expect(rows[2]).toContain("Nevada Division of Environmental Protection");
    expect(rows[2]).toContain(">At risk</span>");
    expect(rows[3]).toContain("Court");
    expect(rows[3]).toContain(">On track</span>");
  });

  it("shows a MONTH-precision date as month and year", () => {
    const water = tableRows(render())[2];
    expect(water).toContain(">Feb 2026<");
    expect(water).not.toContain("Feb 1, 2026");
  });

  it("keeps its table roles and names each cell's column for the card layout", () => {
    const html = render();
    expect(html).toContain('<table role="table" class="cards timeline__table">');
    const first = tableRows(html)[0];
    expect(first).toMatch(/^<th scope="row" role="rowheader">Notice of intent/);
    for (const label of ["Action", "Responsible", "Baseline", "Target", "Actual", "Status", "Slip", "Source"]) {
      expect(first).toMatch(new RegExp(`<td role="cell" data-label="${label}"`));
    }
  });

  it("links the source with a name that says which milestone it is for", () => {
    expect(render()).toContain(
      '<a href="https://www.federalregister.gov/example" aria-label="Source for Notice of intent" rel="noopener noreferrer">source</a>',
    );
  });
});

describe("ScheduleStatusBadge", () => {
  it("renders the label with a class per status", () => {
    expect(renderToStaticMarkup(<ScheduleStatusBadge status="at_risk" />)).toBe(
      '<span class="schedule schedule--at_risk">At risk</span>',
    );
  });
});
