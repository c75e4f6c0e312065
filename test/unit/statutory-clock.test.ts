import { describe, expect, it } from "vitest";
import type { DatePrecision, ReviewTrack } from "@prisma/client";
import {
  addYears,
  statutoryClock,
  STATUTORY_RULES,
  type ClockEvent,
  type ClockExtension,
  type ClockPause,
  type StatutoryRole,
} from "~/models/statutory-clock";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const ev = (role: StatutoryRole, date: string | null, precision: DatePrecision = "DAY"): ClockEvent => ({
  milestoneId: `${role}-${date}`,
  name: role,
  role,
  date: date ? d(date) : null,
  precision,
});
const ext = (newDeadline: string, recordedAt: string, reason = "More time for consultation"): ClockExtension => ({
  id: `${newDeadline}`,
  newDeadline: d(newDeadline),
  reason,
  recordedAt: d(recordedAt),
  sourceUrl: null,
});

type Row = {
  name: string;
  track: ReviewTrack;
  events: ClockEvent[];
  extensions?: ClockExtension[];
  pauses?: ClockPause[];
  today: string;
  expect: {
    state: string;
    basis?: "statutory" | "reference";
    startRole?: StatutoryRole;
    deadline?: string;
    deadlinePrecision?: DatePrecision;
    daysLeft?: number | null;
    elapsedDays?: number;
    pausedDays?: number;
    alert?: string;
    extendedDays?: number;
  };
};

// The rules table: each row is one project's record and what the clock must say about it.
const TABLE: Row[] = [
  {
    name: "EIS: 2 years from the notice of intent, running",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-05-10")],
    today: "2025-05-10",
    expect: {
      state: "running",
      basis: "statutory",
      deadline: "2026-05-10",
      daysLeft: 365,
      elapsedDays: 365,
      alert: "none",
    },
  },
  {
    name: "EA: 1 year from the determination",
    track: "EA",
    events: [ev("DETERMINATION", "2024-01-15")],
    today: "2024-02-14",
    expect: { state: "running", deadline: "2025-01-15", daysLeft: 336, alert: "none" },
  },
  {
    name: "the sooner of the three events starts the clock",
    track: "EIS",
    events: [
      ev("NOTICE_OF_INTENT", "2024-03-01"),
      ev("APPLICATION_COMPLETE", "2024-01-10"),
      ev("DETERMINATION", "2024-02-01"),
    ],
    today: "2024-06-01",
    expect: { state: "running", startRole: "APPLICATION_COMPLETE", deadline: "2026-01-10" },
  },
  {
    name: "an event with no actual date yet does not start it",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", null)],
    today: "2024-06-01",
    expect: { state: "not_started" },
  },
  {
    name: "met: decision on the deadline day",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2023-07-01"), ev("DECISION", "2025-07-01")],
    today: "2026-01-01",
    expect: { state: "met", daysLeft: null, elapsedDays: 731, alert: "none" },
  },
  {
    name: "missed: decision the day after the deadline",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2023-07-01"), ev("DECISION", "2025-07-02")],
    today: "2026-01-01",
    expect: { state: "missed", alert: "none" },
  },
  {
    name: "missed: no decision and the deadline passed yesterday",
    track: "EA",
    events: [ev("NOTICE_OF_INTENT", "2024-09-01")],
    today: "2025-09-02",
    expect: { state: "missed", daysLeft: -1, alert: "missed" },
  },
  {
    name: "alert 90 days out, not at 91",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2025-02-28")],
    today: "2026-11-30",
    expect: { state: "running", daysLeft: 90, alert: "90d" },
  },
  {
    name: "no alert at 91 days",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2025-02-28")],
    today: "2026-11-29",
    expect: { daysLeft: 91, alert: "none", state: "running" },
  },
  {
    name: "alert 30 days out, and on the deadline day itself",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2025-02-28")],
    today: "2027-01-29",
    expect: { daysLeft: 30, alert: "30d", state: "running" },
  },
  {
    name: "deadline day: 0 days left, still running",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2025-02-28")],
    today: "2027-02-28",
    expect: { daysLeft: 0, alert: "30d", state: "running" },
  },
  {
    name: "an extension moves the deadline and says by how much",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-01-01")],
    extensions: [ext("2026-07-01", "2025-11-01")],
    today: "2026-02-01",
    expect: { state: "running", deadline: "2026-07-01", deadlinePrecision: "DAY", extendedDays: 181, alert: "none" },
  },
  {
    name: "two extensions: the later one holds",
    track: "EA",
    events: [ev("DETERMINATION", "2024-01-01")],
    extensions: [ext("2025-03-01", "2024-10-01"), ext("2025-06-01", "2025-02-01")],
    today: "2025-05-01",
    expect: { state: "running", deadline: "2025-06-01", daysLeft: 31, alert: "90d" },
  },
  {
    name: "an 'extension' to an earlier date extends nothing",
    track: "EA",
    events: [ev("DETERMINATION", "2024-01-01")],
    extensions: [ext("2024-12-01", "2024-10-01")],
    today: "2024-10-02",
    expect: { state: "running", deadline: "2025-01-01", extendedDays: 0 },
  },
  {
    name: "a pause does not stop the clock; its days are counted beside it",
    track: "EA",
    events: [ev("NOTICE_OF_INTENT", "2024-01-01")],
    pauses: [{ startedAt: d("2024-03-01"), liftedAt: d("2024-04-01") }],
    today: "2025-01-02",
    expect: { state: "missed", deadline: "2025-01-01", pausedDays: 31, alert: "missed" },
  },
  {
    name: "an open pause counts to today",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-01-01")],
    pauses: [{ startedAt: d("2024-06-01"), liftedAt: null }],
    today: "2024-06-11",
    expect: { state: "running", pausedDays: 10 },
  },
  {
    name: "before June 3, 2023: the same arithmetic, as a reference, with no alert",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2023-06-02")],
    today: "2025-06-03",
    expect: { state: "missed", basis: "reference", deadline: "2025-06-02", alert: "none" },
  },
  {
    name: "June 3, 2023 itself is under the law",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2023-06-03")],
    today: "2024-06-03",
    expect: { basis: "statutory", state: "running" },
  },
  {
    name: "a month-precision start gives a month-precision deadline, not missed before the month ends",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-03-01", "MONTH")],
    today: "2026-03-31",
    expect: { state: "running", deadline: "2026-03-01", deadlinePrecision: "MONTH", daysLeft: 0, elapsedDays: 760 },
  },
  {
    name: "... and missed on the first day of the next month",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-03-01", "MONTH")],
    today: "2026-04-01",
    expect: { state: "missed", daysLeft: -1, alert: "missed" },
  },
  {
    name: "a decision inside a month-precision deadline's month cannot be judged",
    track: "EIS",
    events: [ev("NOTICE_OF_INTENT", "2024-03-01", "MONTH"), ev("DECISION", "2026-03-15")],
    today: "2026-06-01",
    expect: { state: "undetermined" },
  },
  {
    name: "a year-precision start whose year straddles June 3, 2023 is a reference",
    track: "EA",
    events: [ev("NOTICE_OF_INTENT", "2023-01-01", "YEAR")],
    today: "2025-06-01",
    expect: { basis: "reference", deadline: "2024-01-01", deadlinePrecision: "YEAR", state: "missed" },
  },
  {
    name: "a decision before the clock started belongs to another review",
    track: "EIS",
    events: [ev("DECISION", "2019-03-21"), ev("NOTICE_OF_INTENT", "2024-01-01")],
    today: "2024-02-01",
    expect: { state: "running" },
  },
];

describe("statutoryClock (the rules table)", () => {
  it.each(TABLE)("$name", (row) => {
    const clock = statutoryClock({
      track: row.track,
      events: row.events,
      extensions: row.extensions ?? [],
      pauses: row.pauses ?? [],
      today: d(row.today),
    });
    expect(clock.state).toBe(row.expect.state);
    if (clock.state === "not_started") return;
    const e = row.expect;
    if (e.basis) expect(clock.basis).toBe(e.basis);
    if (e.startRole) expect(clock.start.role).toBe(e.startRole);
    if (e.deadline) expect(clock.deadline.toISOString().slice(0, 10)).toBe(e.deadline);
    if (e.deadlinePrecision) expect(clock.deadlinePrecision).toBe(e.deadlinePrecision);
    if (e.daysLeft !== undefined) expect(clock.daysLeft).toBe(e.daysLeft);
    if (e.elapsedDays !== undefined) expect(clock.elapsedDays).toBe(e.elapsedDays);
    if (e.pausedDays !== undefined) expect(clock.pausedDays).toBe(e.pausedDays);
    if (e.alert) expect(clock.alert).toBe(e.alert);
    if (e.extendedDays !== undefined) expect(clock.extendedDays).toBe(e.extendedDays);
  });

  it("reads its limits from the rules: 2 years for an EIS, 1 for an EA, from June 3, 2023", () => {
    expect(STATUTORY_RULES.limitYears).toEqual({ EIS: 2, EA: 1 });
    expect(STATUTORY_RULES.effectiveDate.toISOString().slice(0, 10)).toBe("2023-06-03");
  });

  it("adds years to Feb 29 without running into March", () => {
    expect(addYears(d("2024-02-29"), 1).toISOString().slice(0, 10)).toBe("2025-02-28");
    expect(addYears(d("2024-02-29"), 4).toISOString().slice(0, 10)).toBe("2028-02-29");
  });
});

describe("agency statistics helpers", () => {
  it("quartiles interpolate between ranks (type 7) and small n gives no median", async () => {
    const { summarize, quantile, metFirstTarget } = await import("~/models/agency-stats");
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ n: 5, median: 3, q1: 2, q3: 4, min: 1, max: 5 });
    expect(summarize([10, 20])).toEqual({ n: 2, median: null, q1: null, q3: null, min: 10, max: 20 });
    const base = { targetDate: d("2026-01-31"), datePrecision: "MONTH" as const, moves: 0, firstRecordedTarget: null };
    expect(metFirstTarget({ ...base, baselineDate: d("2026-01-01"), actualDate: d("2026-01-31") })).toBe(true);
    expect(metFirstTarget({ ...base, baselineDate: null, actualDate: d("2026-01-31") })).toBe(null);
  });
});
