import { describe, expect, it } from "vitest";
import {
  formatInZone,
  isValidTimeZone,
  parseLocalDateTime,
  toDateTimeLocalValue,
  utcToZonedParts,
  zonedLocalToUtc,
  type LocalDateTime,
} from "~/utils/zoned-time";

function local(value: string): LocalDateTime {
  const parsed = parseLocalDateTime(value);
  if (!parsed) throw new Error(`bad fixture ${value}`);
  return parsed;
}

function utc(value: string, timeZone: string, ambiguous?: "earlier" | "later"): string {
  return zonedLocalToUtc(local(value), timeZone, { ambiguous }).toISOString();
}

describe("zonedLocalToUtc: a 23:59 deadline in each zone", () => {
  it.each([
    ["America/Denver", "2026-01-15T23:59", "2026-01-16T06:59:00.000Z"], // MST, UTC−7
    ["America/Denver", "2026-07-15T23:59", "2026-07-16T05:59:00.000Z"], // MDT, UTC−6
    ["America/Boise", "2026-01-15T23:59", "2026-01-16T06:59:00.000Z"],
    ["America/Boise", "2026-07-15T23:59", "2026-07-16T05:59:00.000Z"],
    ["America/Phoenix", "2026-01-15T23:59", "2026-01-16T06:59:00.000Z"], // MST all year
    ["America/Phoenix", "2026-07-15T23:59", "2026-07-16T06:59:00.000Z"],
    ["America/Los_Angeles", "2026-01-15T23:59", "2026-01-16T07:59:00.000Z"],
    ["America/Los_Angeles", "2026-07-15T23:59", "2026-07-16T06:59:00.000Z"],
    ["Pacific/Honolulu", "2026-01-15T23:59", "2026-01-16T09:59:00.000Z"], // no DST
    ["Pacific/Honolulu", "2026-07-15T23:59", "2026-07-16T09:59:00.000Z"],
    ["America/New_York", "2026-01-15T23:59", "2026-01-16T04:59:00.000Z"],
    ["America/New_York", "2026-07-15T23:59", "2026-07-16T03:59:00.000Z"],
  ])("%s %s is %s", (timeZone, wall, expected) => {
    expect(utc(wall, timeZone)).toBe(expected);
  });

  it("puts the same wall-clock deadline in Phoenix an hour after Denver in summer, and together in winter", () => {
    const gap = (wall: string) =>
      zonedLocalToUtc(local(wall), "America/Phoenix").getTime() -
      zonedLocalToUtc(local(wall), "America/Denver").getTime();
    expect(gap("2026-07-31T23:59")).toBe(3_600_000);
    expect(gap("2026-01-31T23:59")).toBe(0);
  });

  it("uses the offset in force on a deadline that falls on a DST change day", () => {
    expect(utc("2026-03-08T23:59", "America/Denver")).toBe("2026-03-09T05:59:00.000Z"); // already MDT
    expect(utc("2026-11-01T23:59", "America/Denver")).toBe("2026-11-02T06:59:00.000Z"); // back to MST
  });

  it("keeps seconds", () => {
    expect(utc("2026-03-31T23:59:59", "America/Denver")).toBe("2026-04-01T05:59:59.000Z");
  });
});

describe("zonedLocalToUtc: spring-forward gap", () => {
  it("moves a time that does not exist to the instant after the gap (02:30 → 03:30 MDT)", () => {
    const instant = zonedLocalToUtc(local("2026-03-08T02:30"), "America/Denver");
    expect(instant.toISOString()).toBe("2026-03-08T09:30:00.000Z");
    expect(toDateTimeLocalValue(instant, "America/Denver")).toBe("2026-03-08T03:30");
  });

  it("does not depend on the ambiguous option", () => {
    expect(utc("2026-03-08T02:30", "America/Denver", "later")).toBe("2026-03-08T09:30:00.000Z");
    expect(utc("2026-03-08T02:30", "America/New_York", "earlier")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("is exact at the edges of the gap", () => {
    expect(utc("2026-03-08T01:59:59", "America/Denver")).toBe("2026-03-08T08:59:59.000Z");
    expect(utc("2026-03-08T02:00", "America/Denver")).toBe("2026-03-08T09:00:00.000Z");
    expect(utc("2026-03-08T03:00", "America/Denver")).toBe("2026-03-08T09:00:00.000Z");
  });

  it("handles the Los Angeles and Boise gaps", () => {
    expect(utc("2026-03-08T02:15", "America/Los_Angeles")).toBe("2026-03-08T10:15:00.000Z");
    expect(utc("2026-03-08T02:15", "America/Boise")).toBe("2026-03-08T09:15:00.000Z");
  });

  it("has no gap in Phoenix or Honolulu", () => {
    expect(utc("2026-03-08T02:30", "America/Phoenix")).toBe("2026-03-08T09:30:00.000Z");
    expect(utc("2026-03-08T02:30", "Pacific/Honolulu")).toBe("2026-03-08T12:30:00.000Z");
  });

  it("handles a half-hour DST shift (Lord Howe Island)", () => {
    // Clocks go from 02:00 (UTC+10:30) to 02:30 (UTC+11) on 2026-10-04.
    expect(utc("2026-10-04T02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00.000Z");
  });
});

describe("zonedLocalToUtc: fall-back overlap", () => {
  it("takes the first occurrence by default (01:30 MDT)", () => {
    expect(utc("2026-11-01T01:30", "America/Denver")).toBe("2026-11-01T07:30:00.000Z");
    expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });

  it("takes the second occurrence when asked (01:30 MST), an hour later", () => {
    expect(utc("2026-11-01T01:30", "America/Denver", "later")).toBe("2026-11-01T08:30:00.000Z");
    expect(utc("2026-11-01T01:30", "America/Los_Angeles", "later")).toBe("2026-11-01T09:30:00.000Z");
    expect(utc("2026-11-01T01:30", "America/New_York", "later")).toBe("2026-11-01T06:30:00.000Z");
  });

  it("is exact at the edges of the overlap", () => {
    expect(utc("2026-11-01T00:59:59", "America/Denver", "later")).toBe("2026-11-01T06:59:59.000Z");
    expect(utc("2026-11-01T01:00", "America/Denver", "earlier")).toBe("2026-11-01T07:00:00.000Z");
    expect(utc("2026-11-01T01:59:59", "America/Denver", "later")).toBe("2026-11-01T08:59:59.000Z");
    expect(utc("2026-11-01T02:00", "America/Denver", "earlier")).toBe("2026-11-01T09:00:00.000Z");
  });

  it("has no overlap in Phoenix", () => {
    expect(utc("2026-11-01T01:30", "America/Phoenix", "earlier")).toBe(
      utc("2026-11-01T01:30", "America/Phoenix", "later"),
    );
  });
});

describe("zonedLocalToUtc: bad input", () => {
  it("throws on impossible dates and unknown zones", () => {
    expect(() => zonedLocalToUtc({ year: 2026, month: 2, day: 30, hour: 0, minute: 0 }, "America/Denver")).toThrow(
      RangeError,
    );
    expect(() => zonedLocalToUtc({ year: 2026, month: 1, day: 1, hour: 24, minute: 0 }, "America/Denver")).toThrow(
      RangeError,
    );
    expect(() => zonedLocalToUtc({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, "Mars/Olympus")).toThrow(
      RangeError,
    );
  });
});

describe("utcToZonedParts", () => {
  it("reads the wall clock in the zone", () => {
    expect(utcToZonedParts(new Date("2026-04-01T05:59:30.500Z"), "America/Denver")).toEqual({
      year: 2026,
      month: 3,
      day: 31,
      hour: 23,
      minute: 59,
      second: 30,
    });
    expect(utcToZonedParts(new Date("2026-01-01T07:00:00Z"), "America/Denver").hour).toBe(0);
  });

  it("reads both passes of the overlap as 01:30", () => {
    for (const instant of ["2026-11-01T07:30:00Z", "2026-11-01T08:30:00Z"]) {
      expect(toDateTimeLocalValue(new Date(instant), "America/Denver")).toBe("2026-11-01T01:30");
    }
  });
});

describe("parseLocalDateTime", () => {
  it("reads what datetime-local submits", () => {
    expect(parseLocalDateTime("2026-03-31T23:59")).toEqual({
      year: 2026,
      month: 3,
      day: 31,
      hour: 23,
      minute: 59,
      second: 0,
    });
    expect(parseLocalDateTime("2026-03-31T23:59:59")?.second).toBe(59);
    expect(parseLocalDateTime("2024-02-29T12:00")?.day).toBe(29);
  });

  it.each(["", "2026-03-31", "2026-02-29T12:00", "2026-13-01T00:00", "2026-04-31T00:00", "2026-03-31T24:00", "soon"])(
    "refuses %j",
    (value) => {
      expect(parseLocalDateTime(value)).toBeNull();
    },
  );
});

describe("formatInZone and toDateTimeLocalValue", () => {
  const deadline = new Date("2026-04-01T05:59:00Z");

  it("shows the deadline with the zone abbreviation", () => {
    expect(formatInZone(deadline, "America/Denver")).toBe("Mar 31, 2026, 11:59 PM MDT");
    expect(formatInZone(deadline, "America/Denver", { withZoneName: true })).toBe("Mar 31, 2026, 11:59 PM MDT");
    expect(formatInZone(deadline, "America/Phoenix")).toBe("Mar 31, 2026, 10:59 PM MST");
    expect(formatInZone(deadline, "Pacific/Honolulu")).toBe("Mar 31, 2026, 7:59 PM HST");
    expect(formatInZone(deadline, "America/Denver", { withZoneName: false })).toBe("Mar 31, 2026, 11:59 PM");
  });

  it("shows seconds only when the instant has them", () => {
    expect(formatInZone(new Date("2026-04-01T05:59:59Z"), "America/Denver")).toBe("Mar 31, 2026, 11:59:59 PM MDT");
  });

  it("pre-fills datetime-local inputs and round-trips through the parser", () => {
    expect(toDateTimeLocalValue(deadline, "America/Denver")).toBe("2026-03-31T23:59");
    expect(toDateTimeLocalValue(new Date("2026-04-01T05:59:59Z"), "America/Denver")).toBe("2026-03-31T23:59:59");
    for (const timeZone of ["America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu"]) {
      const value = toDateTimeLocalValue(deadline, timeZone);
      expect(zonedLocalToUtc(local(value), timeZone)).toEqual(deadline);
    }
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("America/Denver")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mountain Time")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
