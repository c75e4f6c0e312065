import { describe, expect, it } from "vitest";
import {
  AT_RISK_WINDOW_DAYS,
  daysOverdue,
  isOverdue,
  formatSlip,
  milestoneStatus,
  periodEnd,
  projectScheduleStatus,
  slipDays,
  summarizeSchedule,
  type MilestoneDates,
} from "~/models/schedule";
import { formatCalendarDate } from "~/utils/dates";

const TODAY = day("2026-03-10");
const running = { today: TODAY, projectPaused: false };
const paused = { today: TODAY, projectPaused: true };

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function daysFromToday(days: number): Date {
  return new Date(TODAY.getTime() + days * 86_400_000);
}

function milestone(dates: Partial<MilestoneDates>): MilestoneDates {
  return { baselineDate: null, targetDate: null, actualDate: null, datePrecision: "DAY", ...dates };
}

describe("periodEnd", () => {
  it("is the day itself for DAY precision", () => {
    expect(periodEnd(day("2026-02-10"), "DAY")).toEqual(day("2026-02-10"));
  });

  it("is the last day of the month for MONTH precision, leap years included", () => {
    expect(periodEnd(day("2026-02-01"), "MONTH")).toEqual(day("2026-02-28"));
    expect(periodEnd(day("2024-02-01"), "MONTH")).toEqual(day("2024-02-29"));
    expect(periodEnd(day("2025-12-15"), "MONTH")).toEqual(day("2025-12-31"));
  });

  it("is December 31 for YEAR precision", () => {
    expect(periodEnd(day("2026-01-01"), "YEAR")).toEqual(day("2026-12-31"));
  });
});

describe("milestoneStatus", () => {
  it("is complete once an actual date is recorded", () => {
    expect(milestoneStatus(milestone({ targetDate: day("2026-01-01"), actualDate: day("2026-01-05") }), running)).toBe(
      "complete",
    );
  });

  it("is on track when the target is more than the at-risk window away and not later than baseline", () => {
    const target = daysFromToday(AT_RISK_WINDOW_DAYS + 1);
    expect(milestoneStatus(milestone({ baselineDate: target, targetDate: target }), running)).toBe("on_track");
  });

  it("is at risk when the target is exactly 30 days ahead, and not at 31", () => {
    expect(AT_RISK_WINDOW_DAYS).toBe(30);
    expect(milestoneStatus(milestone({ targetDate: daysFromToday(30) }), running)).toBe("at_risk");
    expect(milestoneStatus(milestone({ targetDate: daysFromToday(31) }), running)).toBe("on_track");
  });

  it("is at risk, not missed, when the target is today", () => {
    expect(milestoneStatus(milestone({ targetDate: TODAY }), running)).toBe("at_risk");
  });

  it("is missed when the target was yesterday and nothing is recorded as done", () => {
    expect(milestoneStatus(milestone({ targetDate: daysFromToday(-1) }), running)).toBe("missed");
  });

  it("is delayed when the target is later than the baseline and outside the at-risk window", () => {
    const m = milestone({ baselineDate: daysFromToday(60), targetDate: daysFromToday(61) });
    expect(milestoneStatus(m, running)).toBe("delayed");
  });

  it("is on track when the target moved earlier than the baseline", () => {
    const m = milestone({ baselineDate: daysFromToday(90), targetDate: daysFromToday(60) });
    expect(milestoneStatus(m, running)).toBe("on_track");
  });

  it("is paused while the project is paused", () => {
    expect(milestoneStatus(milestone({ targetDate: daysFromToday(100) }), paused)).toBe("paused");
  });

  it("is on track with no target and no actual date, and paused if the project is", () => {
    expect(milestoneStatus(milestone({ baselineDate: daysFromToday(-400) }), running)).toBe("on_track");
    expect(milestoneStatus(milestone({}), running)).toBe("on_track");
    expect(milestoneStatus(milestone({}), paused)).toBe("paused");
  });

  describe("precedence", () => {
    it("complete beats missed", () => {
      const m = milestone({ targetDate: daysFromToday(-90), actualDate: daysFromToday(-10) });
      expect(milestoneStatus(m, running)).toBe("complete");
    });

    it("complete beats paused", () => {
      expect(milestoneStatus(milestone({ actualDate: daysFromToday(-10) }), paused)).toBe("complete");
    });

    it("paused beats missed", () => {
      expect(milestoneStatus(milestone({ targetDate: daysFromToday(-90) }), paused)).toBe("paused");
    });

    it("missed beats delayed", () => {
      const m = milestone({ baselineDate: daysFromToday(-200), targetDate: daysFromToday(-5) });
      expect(milestoneStatus(m, running)).toBe("missed");
    });

    it("at risk beats delayed", () => {
      const m = milestone({ baselineDate: daysFromToday(-200), targetDate: daysFromToday(5) });
      expect(milestoneStatus(m, running)).toBe("at_risk");
    });
  });

  describe("approximate dates", () => {
    it("does not call a MONTH target missed until its month has ended", () => {
      const m = milestone({ targetDate: day("2026-02-01"), datePrecision: "MONTH" });
      expect(milestoneStatus(m, { today: day("2026-02-28"), projectPaused: false })).toBe("at_risk");
      expect(milestoneStatus(m, { today: day("2026-03-01"), projectPaused: false })).toBe("missed");
    });

    it("does not call a YEAR target missed until the year has ended", () => {
      const m = milestone({ targetDate: day("2025-01-01"), datePrecision: "YEAR" });
      expect(milestoneStatus(m, { today: day("2025-12-31"), projectPaused: false })).toBe("at_risk");
      expect(milestoneStatus(m, { today: day("2026-01-01"), projectPaused: false })).toBe("missed");
    });

    it("counts the at-risk window from the end of a MONTH target's month", () => {
      const m = milestone({ targetDate: day("2026-05-01"), datePrecision: "MONTH" });
      expect(milestoneStatus(m, { today: day("2026-05-01"), projectPaused: false })).toBe("at_risk");
      expect(milestoneStatus(m, { today: day("2026-04-30"), projectPaused: false })).toBe("on_track");
    });

    it("does not call a MONTH target delayed when it falls in the same month as a day-exact baseline", () => {
      const m = milestone({ baselineDate: day("2026-09-10"), targetDate: day("2026-09-01"), datePrecision: "MONTH" });
      expect(milestoneStatus(m, running)).toBe("on_track");
    });

    it("calls a MONTH target delayed once it is in a later month than the baseline", () => {
      const m = milestone({ baselineDate: day("2026-09-10"), targetDate: day("2026-10-01"), datePrecision: "MONTH" });
      expect(milestoneStatus(m, running)).toBe("delayed");
    });
  });
});

describe("slipDays", () => {
  it("counts days from baseline to target, positive when later", () => {
    expect(slipDays(milestone({ baselineDate: day("2026-01-01"), targetDate: day("2026-03-03") }))).toBe(61);
  });

  it("is negative when the target is earlier than the baseline", () => {
    expect(slipDays(milestone({ baselineDate: day("2026-01-04"), targetDate: day("2026-01-01") }))).toBe(-3);
  });

  it("measures to the actual date once the milestone is complete", () => {
    const m = milestone({
      baselineDate: day("2026-01-01"),
      targetDate: day("2026-01-10"),
      actualDate: day("2026-01-20"),
    });
    expect(slipDays(m)).toBe(19);
  });

  it("is null when the baseline or both target and actual are missing", () => {
    expect(slipDays(milestone({ targetDate: day("2026-01-01") }))).toBeNull();
    expect(slipDays(milestone({ baselineDate: day("2026-01-01") }))).toBeNull();
  });

  it("is zero for a MONTH target in the baseline's month", () => {
    const m = milestone({ baselineDate: day("2026-09-10"), targetDate: day("2026-09-01"), datePrecision: "MONTH" });
    expect(slipDays(m)).toBe(0);
  });
});

describe("formatSlip", () => {
  it("says days for day-exact dates, with a sign", () => {
    expect(formatSlip(milestone({ baselineDate: day("2026-01-01"), targetDate: day("2026-03-03") }))).toBe("+61 days");
    expect(formatSlip(milestone({ baselineDate: day("2026-01-02"), targetDate: day("2026-01-01") }))).toBe("−1 day");
  });

  it("says on baseline when there is no slip, and a dash when it cannot be known", () => {
    expect(formatSlip(milestone({ baselineDate: day("2026-01-01"), targetDate: day("2026-01-01") }))).toBe(
      "on baseline",
    );
    expect(formatSlip(milestone({ targetDate: day("2026-01-01") }))).toBe("—");
  });

  it("says whole months or years for approximate dates", () => {
    const month = milestone({ baselineDate: day("2025-11-01"), targetDate: day("2026-02-01"), datePrecision: "MONTH" });
    expect(formatSlip(month)).toBe("+3 months");
    const year = milestone({ baselineDate: day("2024-01-01"), targetDate: day("2025-01-01"), datePrecision: "YEAR" });
    expect(formatSlip(year)).toBe("+1 year");
  });
});

describe("projectScheduleStatus", () => {
  const inProgress = { today: TODAY, projectStatus: "IN_PROGRESS" } as const;
  const done = milestone({ actualDate: daysFromToday(-100) });
  const onTrack = milestone({ targetDate: daysFromToday(200) });
  const delayed = milestone({ baselineDate: daysFromToday(100), targetDate: daysFromToday(200) });
  const atRisk = milestone({ targetDate: daysFromToday(10) });
  const missed = milestone({ targetDate: daysFromToday(-10) });

  it("is on track for a project with no milestones, never complete", () => {
    expect(projectScheduleStatus([], inProgress)).toBe("on_track");
  });

  it("is complete when every milestone is complete and the record is closed", () => {
    for (const projectStatus of ["APPROVED", "DENIED", "WITHDRAWN"] as const) {
      expect(projectScheduleStatus([done, done], { ...inProgress, projectStatus })).toBe("complete");
    }
  });

  it("reads on track, not complete, for an open review whose recorded milestones are all done", () => {
    expect(projectScheduleStatus([done, done], inProgress)).toBe("on_track");
  });

  it("takes the worst incomplete milestone: missed > at risk > delayed > on track", () => {
    expect(projectScheduleStatus([done, onTrack], inProgress)).toBe("on_track");
    expect(projectScheduleStatus([done, onTrack, delayed], inProgress)).toBe("delayed");
    expect(projectScheduleStatus([delayed, atRisk, onTrack], inProgress)).toBe("at_risk");
    expect(projectScheduleStatus([atRisk, missed, delayed, done], inProgress)).toBe("missed");
  });

  it("is paused while the project is paused, even with missed milestones", () => {
    expect(projectScheduleStatus([missed, done], { today: TODAY, projectStatus: "PAUSED" })).toBe("paused");
  });

  it("still counts incomplete milestones after a terminal decision", () => {
    expect(projectScheduleStatus([done, missed], { today: TODAY, projectStatus: "APPROVED" })).toBe("missed");
    expect(projectScheduleStatus([done, onTrack], { today: TODAY, projectStatus: "DENIED" })).toBe("on_track");
  });
});

describe("summarizeSchedule", () => {
  it("counts milestones per status with honest totals", () => {
    const summary = summarizeSchedule(
      [
        milestone({ actualDate: daysFromToday(-100) }),
        milestone({ actualDate: daysFromToday(-50) }),
        milestone({ targetDate: daysFromToday(-10) }),
        milestone({}),
      ],
      { today: TODAY, projectStatus: "IN_PROGRESS" },
    );
    expect(summary).toEqual({
      status: "missed",
      counts: { complete: 2, on_track: 1, at_risk: 0, missed: 1, delayed: 0, paused: 0 },
      total: 4,
      complete: 2,
    });
  });

  it("counts incomplete milestones as paused while the project is paused", () => {
    const summary = summarizeSchedule(
      [milestone({ actualDate: daysFromToday(-100) }), milestone({ targetDate: daysFromToday(-10) })],
      { today: TODAY, projectStatus: "PAUSED" },
    );
    expect(summary.counts).toMatchObject({ complete: 1, paused: 1, missed: 0 });
    expect(summary.status).toBe("paused");
  });

  it("is zero of zero for a project with no milestones", () => {
    expect(summarizeSchedule([], { today: TODAY, projectStatus: "IN_PROGRESS" })).toMatchObject({
      total: 0,
      complete: 0,
    });
  });
});

describe("formatCalendarDate", () => {
  it("shows only as much of the date as is known", () => {
    expect(formatCalendarDate(day("2020-01-21"), "DAY")).toBe("Jan 21, 2020");
    expect(formatCalendarDate("2020-01-01T00:00:00.000Z", "MONTH")).toBe("Jan 2020");
    expect(formatCalendarDate("2020-01-01", "YEAR")).toBe("2020");
  });
});

describe("isOverdue / daysOverdue (the overdue rule at each precision)", () => {
  const m = (target: string, precision: "DAY" | "MONTH" | "YEAR", actual: string | null = null) => ({
    baselineDate: null,
    targetDate: new Date(`${target}T00:00:00.000Z`),
    actualDate: actual ? new Date(`${actual}T00:00:00.000Z`) : null,
    datePrecision: precision,
  });
  const on = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

  it("DAY: not overdue on the target day, overdue the day after", () => {
    expect(isOverdue(m("2026-03-10", "DAY"), on("2026-03-10"))).toBe(false);
    expect(daysOverdue(m("2026-03-10", "DAY"), on("2026-03-11"))).toBe(1);
  });
  it("MONTH: not overdue before the month ends, overdue on the 1st of the next", () => {
    expect(isOverdue(m("2026-02-01", "MONTH"), on("2026-02-28"))).toBe(false);
    expect(daysOverdue(m("2026-02-01", "MONTH"), on("2026-03-01"))).toBe(1);
  });
  it("YEAR: not overdue before Dec 31 has passed", () => {
    expect(isOverdue(m("2026-01-01", "YEAR"), on("2026-12-31"))).toBe(false);
    expect(daysOverdue(m("2026-01-01", "YEAR"), on("2027-01-02"))).toBe(2);
  });
  it("never overdue once an actual date is recorded, or with no target", () => {
    expect(isOverdue(m("2020-01-01", "DAY", "2021-01-01"), on("2026-01-01"))).toBe(false);
    expect(isOverdue({ ...m("2020-01-01", "DAY"), targetDate: null }, on("2026-01-01"))).toBe(false);
  });
});
