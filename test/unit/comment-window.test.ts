import { describe, expect, it } from "vitest";
import {
  allowedDeadlineChanges,
  assertAcceptingComments,
  closesAtFromLocal,
  countdown,
  deadlineHistory,
  opensAtFromLocal,
  periodState,
  validateExtension,
  validateWindow,
  type Extension,
  type PeriodWindow,
} from "~/models/comments/comment-window";
import { parseLocalDateTime, type LocalDateTime } from "~/utils/zoned-time";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function local(value: string): LocalDateTime {
  const parsed = parseLocalDateTime(value);
  if (!parsed) throw new Error(`bad fixture ${value}`);
  return parsed;
}

function windowIn(timeZone: string, opens: string, closes: string): PeriodWindow {
  return {
    opensAt: opensAtFromLocal(local(opens), timeZone),
    closesAt: closesAtFromLocal(local(closes), timeZone),
    timeZone,
  };
}

const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

// Opens in winter (MST), closes after spring-forward (MDT): "11:59 pm Mountain Time" on March 31.
const denver = windowIn("America/Denver", "2026-03-01T00:00", "2026-03-31T23:59");

describe("periodState", () => {
  it("is upcoming before opensAt, open from opensAt, closed from closesAt, to the millisecond", () => {
    expect(periodState(denver, plus(denver.opensAt, -1))).toBe("upcoming");
    expect(periodState(denver, denver.opensAt)).toBe("open");
    expect(periodState(denver, plus(denver.closesAt, -1))).toBe("open");
    expect(periodState(denver, denver.closesAt)).toBe("closed");
    expect(periodState(denver, plus(denver.closesAt, DAY))).toBe("closed");
  });

  it("enforces the deadline in MDT once daylight saving has started", () => {
    expect(denver.opensAt.toISOString()).toBe("2026-03-01T07:00:00.000Z");
    expect(denver.closesAt.toISOString()).toBe("2026-04-01T05:59:00.000Z");
  });

  it("enforces the same wall-clock deadline an hour later in Phoenix than in Denver in summer only", () => {
    const summer = (timeZone: string) => windowIn(timeZone, "2026-07-01T00:00", "2026-07-31T23:59");
    const winter = (timeZone: string) => windowIn(timeZone, "2026-01-01T00:00", "2026-01-31T23:59");
    const denverSummer = summer("America/Denver").closesAt;
    expect(periodState(summer("America/Denver"), plus(denverSummer, 30 * MINUTE))).toBe("closed");
    expect(periodState(summer("America/Phoenix"), plus(denverSummer, 30 * MINUTE))).toBe("open");
    expect(winter("America/Phoenix").closesAt).toEqual(winter("America/Denver").closesAt);
  });

  it("closes a fall-back deadline at the second 01:30, so nobody with a clock before it is refused", () => {
    const overlap = windowIn("America/Denver", "2026-10-01T00:00", "2026-11-01T01:30");
    expect(overlap.closesAt.toISOString()).toBe("2026-11-01T08:30:00.000Z");
    // 01:15 MST, the second pass: the wall clock is still before 01:30.
    expect(assertAcceptingComments(overlap, new Date("2026-11-01T08:15:00Z"))).toEqual({ ok: true });
  });

  it("closes a deadline in the spring-forward gap after the gap", () => {
    const gap = windowIn("America/New_York", "2026-02-01T00:00", "2026-03-08T02:30");
    expect(gap.closesAt.toISOString()).toBe("2026-03-08T07:30:00.000Z"); // 03:30 EDT
  });

  it.each([
    ["America/Los_Angeles", "2026-04-01T06:59:00.000Z"],
    ["America/Boise", "2026-04-01T05:59:00.000Z"],
    ["Pacific/Honolulu", "2026-04-01T09:59:00.000Z"],
    ["America/New_York", "2026-04-01T03:59:00.000Z"],
  ])("refuses exactly at a 23:59 deadline in %s and accepts 1 ms before", (timeZone, closesAt) => {
    const window = windowIn(timeZone, "2026-03-01T00:00", "2026-03-31T23:59");
    expect(window.closesAt.toISOString()).toBe(closesAt);
    expect(assertAcceptingComments(window, plus(window.closesAt, -1))).toEqual({ ok: true });
    expect(assertAcceptingComments(window, window.closesAt).ok).toBe(false);
  });
});

describe("assertAcceptingComments", () => {
  it("states the deadline in the agency's zone when closed", () => {
    expect(assertAcceptingComments(denver, denver.closesAt)).toEqual({
      ok: false,
      reason: "This comment period closed on Mar 31, 2026, 11:59 PM MDT, UTC-6 (America/Denver).",
    });
  });

  it("states the opening time when upcoming", () => {
    expect(assertAcceptingComments(denver, new Date("2026-02-01T00:00:00Z"))).toEqual({
      ok: false,
      reason: "This comment period opens on Mar 1, 2026, 12:00 AM MST, UTC-7 (America/Denver).",
    });
  });
});

describe("validateWindow", () => {
  it("requires the period to close after it opens", () => {
    expect(validateWindow(denver)).toEqual({ ok: true });
    expect(validateWindow({ ...denver, closesAt: denver.opensAt }).ok).toBe(false);
    expect(validateWindow({ ...denver, closesAt: new Date(Number.NaN) }).ok).toBe(false);
  });
});

describe("countdown", () => {
  const closes = denver.closesAt;

  it.each([
    [3 * DAY + 4 * HOUR + 10 * MINUTE, "3 days 4 hours left"],
    [1 * DAY, "1 day left"],
    [1 * DAY + 1 * HOUR, "1 day 1 hour left"],
    [2 * HOUR + 5 * MINUTE, "2 hours 5 minutes left"],
    [1 * HOUR, "1 hour left"],
    [45 * MINUTE + 59_999, "45 minutes left"],
    [1 * MINUTE, "1 minute left"],
    [59_999, "closes in less than a minute"],
    [1, "closes in less than a minute"],
  ])("with %i ms left reads %j", (left, label) => {
    expect(countdown(denver, plus(closes, -left))).toEqual({ state: "open", millisecondsLeft: left, label });
  });

  it("counts down to the opening while upcoming", () => {
    expect(countdown(denver, plus(denver.opensAt, -2 * DAY))).toEqual({
      state: "upcoming",
      millisecondsLeft: 2 * DAY,
      label: "opens in 2 days",
    });
    expect(countdown(denver, plus(denver.opensAt, -1)).label).toBe("opens in less than a minute");
  });

  it("is never negative once closed", () => {
    expect(countdown(denver, closes)).toEqual({ state: "closed", millisecondsLeft: 0, label: "closed" });
    expect(countdown(denver, plus(closes, 5 * DAY)).millisecondsLeft).toBe(0);
  });

  it("counts elapsed hours across the spring-forward night", () => {
    const window = windowIn("America/Denver", "2026-03-01T00:00", "2026-03-08T23:59");
    // From Saturday 23:59 MST to Sunday 23:59 MDT is 23 hours, not a day.
    const now = closesAtFromLocal(local("2026-03-07T23:59"), "America/Denver");
    expect(countdown(window, now).label).toBe("23 hours left");
  });
});

describe("validateExtension", () => {
  const duringPeriod = new Date("2026-03-15T12:00:00Z");
  const afterPeriod = new Date("2026-04-10T12:00:00Z");
  const later = closesAtFromLocal(local("2026-04-30T23:59"), "America/Denver");
  const reason = "Requests from the county commission for more time.";

  it("lets an open or upcoming period be extended to a later deadline", () => {
    expect(validateExtension(denver, { kind: "EXTEND", newClosesAt: later, reason }, duringPeriod)).toEqual({
      ok: true,
    });
    expect(validateExtension(denver, { kind: "EXTEND", newClosesAt: later, reason }, new Date("2026-02-01"))).toEqual({
      ok: true,
    });
  });

  it("refuses an extension that does not move the deadline later", () => {
    for (const newClosesAt of [denver.closesAt, plus(denver.closesAt, -DAY)]) {
      expect(validateExtension(denver, { kind: "EXTEND", newClosesAt, reason }, duringPeriod)).toEqual({
        ok: false,
        reason:
          "The new deadline must be later than the current one, Mar 31, 2026, 11:59 PM MDT, UTC-6 (America/Denver).",
      });
    }
  });

  it("refuses to extend a closed period and points to reopening", () => {
    const verdict = validateExtension(denver, { kind: "EXTEND", newClosesAt: later, reason }, denver.closesAt);
    expect(verdict).toEqual({
      ok: false,
      reason:
        "This comment period closed on Mar 31, 2026, 11:59 PM MDT, UTC-6 (America/Denver). Reopen it instead of extending it.",
    });
  });

  it("lets a closed period be reopened to a deadline in the future", () => {
    const reopenTo = closesAtFromLocal(local("2026-05-15T23:59"), "America/Denver");
    expect(validateExtension(denver, { kind: "REOPEN", newClosesAt: reopenTo, reason }, afterPeriod)).toEqual({
      ok: true,
    });
    expect(validateExtension(denver, { kind: "REOPEN", newClosesAt: later, reason }, plus(later, 1)).ok).toBe(false);
    expect(validateExtension(denver, { kind: "REOPEN", newClosesAt: afterPeriod, reason }, afterPeriod)).toEqual({
      ok: false,
      reason: "The new deadline must be in the future.",
    });
  });

  it("refuses to reopen a period that has not closed", () => {
    expect(validateExtension(denver, { kind: "REOPEN", newClosesAt: later, reason }, duringPeriod)).toEqual({
      ok: false,
      reason: "This comment period has not closed yet. Extend it instead of reopening it.",
    });
  });

  it("requires a reason", () => {
    for (const kind of ["EXTEND", "REOPEN"] as const) {
      const now = kind === "EXTEND" ? duringPeriod : afterPeriod;
      const verdict = validateExtension(denver, { kind, newClosesAt: later, reason: "   " }, now);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(/reason/);
    }
  });
});

describe("allowedDeadlineChanges", () => {
  it("offers extending before and during the period, reopening once it has closed (from the closing instant)", () => {
    expect(allowedDeadlineChanges(denver, new Date("2026-02-01"))).toEqual(["EXTEND"]);
    expect(allowedDeadlineChanges(denver, new Date("2026-03-15T12:00:00Z"))).toEqual(["EXTEND"]);
    expect(allowedDeadlineChanges(denver, denver.closesAt)).toEqual(["REOPEN"]);
    expect(allowedDeadlineChanges(denver, new Date("2026-04-10T12:00:00Z"))).toEqual(["REOPEN"]);
  });

  it("answers as validateExtension does for a valid deadline and reason", () => {
    const reason = "More time was asked for.";
    for (const now of [new Date("2026-02-01"), denver.closesAt, new Date("2026-04-10T12:00:00Z")]) {
      const newClosesAt = new Date(Math.max(now.getTime(), denver.closesAt.getTime()) + 30 * DAY);
      const valid = (["EXTEND", "REOPEN"] as const).filter(
        (kind) => validateExtension(denver, { kind, newClosesAt, reason }, now).ok,
      );
      expect(allowedDeadlineChanges(denver, now)).toEqual(valid);
    }
  });
});

describe("deadlineHistory", () => {
  it("lists the original deadline first, then changes in the order made, the last one current", () => {
    const extended = closesAtFromLocal(local("2026-04-30T23:59"), "America/Denver");
    const reopened = closesAtFromLocal(local("2026-06-15T23:59"), "America/Denver");
    const extensions: Extension[] = [
      {
        kind: "REOPEN",
        previousClosesAt: extended,
        newClosesAt: reopened,
        reason: "Inbox failure",
        at: new Date("2026-05-20"),
      },
      {
        kind: "EXTEND",
        previousClosesAt: denver.closesAt,
        newClosesAt: extended,
        reason: "County request",
        at: new Date("2026-03-20"),
      },
    ];
    expect(deadlineHistory(denver.closesAt, extensions)).toEqual([
      { kind: "ORIGINAL", closesAt: denver.closesAt, reason: null, at: null, current: false },
      { kind: "EXTEND", closesAt: extended, reason: "County request", at: new Date("2026-03-20"), current: false },
      { kind: "REOPEN", closesAt: reopened, reason: "Inbox failure", at: new Date("2026-05-20"), current: true },
    ]);
    expect(extensions[0].kind).toBe("REOPEN");
  });

  it("is just the original when never extended", () => {
    expect(deadlineHistory(denver.closesAt, [])).toEqual([
      { kind: "ORIGINAL", closesAt: denver.closesAt, reason: null, at: null, current: true },
    ]);
  });
});
