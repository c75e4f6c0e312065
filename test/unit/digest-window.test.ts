// When a person's daily or weekly digest closes, in their own zone and across DST changes; how long
// a failed send waits before the next try; how a digest names its period.
import { afterAll, describe, expect, it, vi } from "vitest";

const previousEnv = vi.hoisted(() => {
  const previous = { DATABASE_URL: process.env.DATABASE_URL, DIGEST_HOUR: process.env.DIGEST_HOUR };
  // The modules under test import the Prisma client, which needs a URL to be built; no query is made.
  process.env.DATABASE_URL ??= "postgresql://unit-tests@127.0.0.1:1/not-used";
  delete process.env.DIGEST_HOUR;
  return previous;
});

// Later test files in the same process see the environment they started with.
afterAll(() => {
  for (const [name, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

import { digestWindow } from "~/models/notifications/digest.server";
import { digestPeriodLabel } from "~/models/notifications/render.server";
import { retryDelay } from "~/models/notifications/send.server";

type Frequency = "DAILY" | "WEEKLY";

function windowAt(now: string, timeZone: string, frequency: Frequency, hour = 7) {
  const { cutoff, periodKey } = digestWindow(new Date(now), timeZone, frequency, hour);
  return { periodKey, cutoff: cutoff.toISOString() };
}

describe("digestWindow: daily, before and after 07:00 local", () => {
  it.each([
    // America/Denver, the week clocks spring forward (Sunday 2026-03-08, 02:00 MST → 03:00 MDT).
    ["America/Denver", "2026-03-07T13:59:59.999Z", "2026-03-06", "2026-03-06T14:00:00.000Z"], // Sat 06:59 MST
    ["America/Denver", "2026-03-07T14:00:00.000Z", "2026-03-07", "2026-03-07T14:00:00.000Z"], // Sat 07:00 MST
    ["America/Denver", "2026-03-08T12:59:00.000Z", "2026-03-07", "2026-03-07T14:00:00.000Z"], // Sun 06:59 MDT
    ["America/Denver", "2026-03-08T13:00:00.000Z", "2026-03-08", "2026-03-08T13:00:00.000Z"], // Sun 07:00 MDT
    ["America/Denver", "2026-03-10T03:00:00.000Z", "2026-03-09", "2026-03-09T13:00:00.000Z"], // Mon 21:00 MDT
    // America/Denver, fall back (Sunday 2026-11-01, 02:00 MDT → 01:00 MST).
    ["America/Denver", "2026-11-01T13:00:00.000Z", "2026-10-31", "2026-10-31T13:00:00.000Z"], // Sun 06:00 MST
    ["America/Denver", "2026-11-01T13:59:00.000Z", "2026-10-31", "2026-10-31T13:00:00.000Z"], // Sun 06:59 MST
    ["America/Denver", "2026-11-01T14:00:00.000Z", "2026-11-01", "2026-11-01T14:00:00.000Z"], // Sun 07:00 MST
    // America/Los_Angeles, same DST days, one hour further west.
    ["America/Los_Angeles", "2026-03-08T13:59:00.000Z", "2026-03-07", "2026-03-07T15:00:00.000Z"], // 06:59 PDT
    ["America/Los_Angeles", "2026-03-08T14:00:00.000Z", "2026-03-08", "2026-03-08T14:00:00.000Z"], // 07:00 PDT
    ["America/Los_Angeles", "2026-11-01T14:59:00.000Z", "2026-10-31", "2026-10-31T14:00:00.000Z"], // 06:59 PST
    ["America/Los_Angeles", "2026-11-01T15:00:00.000Z", "2026-11-01", "2026-11-01T15:00:00.000Z"], // 07:00 PST
    // Pacific/Honolulu keeps UTC−10 all year: the US change days are ordinary days there.
    ["Pacific/Honolulu", "2026-03-08T16:59:00.000Z", "2026-03-07", "2026-03-07T17:00:00.000Z"],
    ["Pacific/Honolulu", "2026-03-08T17:00:00.000Z", "2026-03-08", "2026-03-08T17:00:00.000Z"],
    ["Pacific/Honolulu", "2026-11-01T16:59:00.000Z", "2026-10-31", "2026-10-31T17:00:00.000Z"],
    ["Pacific/Honolulu", "2026-11-01T17:00:00.000Z", "2026-11-01", "2026-11-01T17:00:00.000Z"],
    // Europe/Berlin changes on other Sundays (2026-03-29 and 2026-10-25) and lives ahead of UTC.
    ["Europe/Berlin", "2026-03-29T04:59:00.000Z", "2026-03-28", "2026-03-28T06:00:00.000Z"], // 06:59 CEST
    ["Europe/Berlin", "2026-03-29T05:00:00.000Z", "2026-03-29", "2026-03-29T05:00:00.000Z"], // 07:00 CEST
    ["Europe/Berlin", "2026-10-25T05:59:00.000Z", "2026-10-24", "2026-10-24T05:00:00.000Z"], // 06:59 CET
    ["Europe/Berlin", "2026-10-25T06:00:00.000Z", "2026-10-25", "2026-10-25T06:00:00.000Z"], // 07:00 CET
    ["Europe/Berlin", "2026-03-09T23:30:00.000Z", "2026-03-09", "2026-03-09T06:00:00.000Z"], // Tue 00:30 CET
  ])("%s at %s belongs to the digest of %s, closed at %s", (timeZone, now, periodKey, cutoff) => {
    expect(windowAt(now, timeZone, "DAILY")).toEqual({ periodKey, cutoff });
  });

  it("closes exactly at the hour: a millisecond earlier is still the previous day's digest", () => {
    const cutoff = "2026-03-09T13:00:00.000Z";
    expect(windowAt(cutoff, "America/Denver", "DAILY")).toEqual({ periodKey: "2026-03-09", cutoff });
    expect(windowAt("2026-03-09T12:59:59.999Z", "America/Denver", "DAILY")).toEqual({
      periodKey: "2026-03-08",
      cutoff: "2026-03-08T13:00:00.000Z",
    });
  });

  it("never puts the cutoff after now, and moves to the next day exactly once per local day", () => {
    const start = Date.parse("2026-10-30T00:00:00.000Z");
    const keys = new Set<string>();
    for (let ms = start; ms < start + 5 * 86_400_000; ms += 15 * 60_000) {
      const { cutoff, periodKey } = digestWindow(new Date(ms), "America/Denver", "DAILY", 7);
      expect(cutoff.getTime()).toBeLessThanOrEqual(ms);
      expect(ms - cutoff.getTime()).toBeLessThan(25 * 3_600_000);
      keys.add(periodKey);
    }
    expect([...keys]).toEqual(["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"]);
  });

  it("resolves an hour that the spring-forward gap skips to the instant after the gap", () => {
    // 02:00 does not exist in Denver on 2026-03-08: the digest closes at 03:00 MDT (09:00 UTC).
    expect(windowAt("2026-03-08T08:59:00.000Z", "America/Denver", "DAILY", 2)).toEqual({
      periodKey: "2026-03-07",
      cutoff: "2026-03-07T09:00:00.000Z",
    });
    expect(windowAt("2026-03-08T09:00:00.000Z", "America/Denver", "DAILY", 2)).toEqual({
      periodKey: "2026-03-08",
      cutoff: "2026-03-08T09:00:00.000Z",
    });
  });

  it("closes an hour the fall-back overlap repeats at its first occurrence", () => {
    // 01:00 happens twice in Denver on 2026-11-01: first at 07:00 UTC (MDT), again at 08:00 UTC (MST).
    expect(windowAt("2026-11-01T06:59:00.000Z", "America/Denver", "DAILY", 1).periodKey).toBe("2026-10-31");
    expect(windowAt("2026-11-01T07:00:00.000Z", "America/Denver", "DAILY", 1)).toEqual({
      periodKey: "2026-11-01",
      cutoff: "2026-11-01T07:00:00.000Z",
    });
  });

  it("uses DIGEST_HOUR (07:00 unless configured) when no hour is given", () => {
    const { cutoff, periodKey } = digestWindow(new Date("2026-03-09T13:00:00.000Z"), "America/Denver", "DAILY");
    expect({ periodKey, cutoff: cutoff.toISOString() }).toEqual({
      periodKey: "2026-03-09",
      cutoff: "2026-03-09T13:00:00.000Z",
    });
    expect(digestWindow(new Date("2026-03-09T12:59:00.000Z"), "America/Denver", "DAILY").periodKey).toBe("2026-03-08");
  });

  it("refuses an unknown zone (runDigests falls back to UTC)", () => {
    expect(() => digestWindow(new Date("2026-03-09T13:00:00.000Z"), "Mars/Olympus_Mons", "DAILY", 7)).toThrow(
      RangeError,
    );
  });
});

describe("digestWindow: weekly, closing on Monday at 07:00 local", () => {
  it.each([
    // The week of the US spring-forward change: the previous Monday was still MST.
    ["America/Denver", "2026-03-09T05:00:00.000Z", "2026-03-02", "2026-03-02T14:00:00.000Z"], // Sun 23:00 MDT
    ["America/Denver", "2026-03-09T12:59:00.000Z", "2026-03-02", "2026-03-02T14:00:00.000Z"], // Mon 06:59 MDT
    ["America/Denver", "2026-03-09T13:00:00.000Z", "2026-03-09", "2026-03-09T13:00:00.000Z"], // Mon 07:00 MDT
    ["America/Denver", "2026-03-11T18:00:00.000Z", "2026-03-09", "2026-03-09T13:00:00.000Z"], // Wed 12:00 MDT
    ["America/Denver", "2026-03-16T12:59:00.000Z", "2026-03-09", "2026-03-09T13:00:00.000Z"], // next Mon 06:59
    // The week of the fall-back change: the previous Monday was MDT, this one is MST.
    ["America/Denver", "2026-11-02T05:00:00.000Z", "2026-10-26", "2026-10-26T13:00:00.000Z"], // Sun 22:00 MST
    ["America/Denver", "2026-11-02T13:59:00.000Z", "2026-10-26", "2026-10-26T13:00:00.000Z"], // Mon 06:59 MST
    ["America/Denver", "2026-11-02T14:00:00.000Z", "2026-11-02", "2026-11-02T14:00:00.000Z"], // Mon 07:00 MST
    ["America/Denver", "2026-11-04T19:00:00.000Z", "2026-11-02", "2026-11-02T14:00:00.000Z"], // Wed 12:00 MST
    ["America/Los_Angeles", "2026-03-09T13:59:00.000Z", "2026-03-02", "2026-03-02T15:00:00.000Z"], // Mon 06:59 PDT
    ["America/Los_Angeles", "2026-03-09T14:00:00.000Z", "2026-03-09", "2026-03-09T14:00:00.000Z"], // Mon 07:00 PDT
    ["Pacific/Honolulu", "2026-03-09T16:59:00.000Z", "2026-03-02", "2026-03-02T17:00:00.000Z"],
    ["Pacific/Honolulu", "2026-03-09T17:00:00.000Z", "2026-03-09", "2026-03-09T17:00:00.000Z"],
    ["Pacific/Honolulu", "2026-03-11T22:00:00.000Z", "2026-03-09", "2026-03-09T17:00:00.000Z"],
    // Berlin: already Monday 00:30 locally while UTC still reads Sunday, but before 07:00.
    ["Europe/Berlin", "2026-03-29T22:30:00.000Z", "2026-03-23", "2026-03-23T06:00:00.000Z"],
    ["Europe/Berlin", "2026-03-30T04:59:00.000Z", "2026-03-23", "2026-03-23T06:00:00.000Z"], // Mon 06:59 CEST
    ["Europe/Berlin", "2026-03-30T05:00:00.000Z", "2026-03-30", "2026-03-30T05:00:00.000Z"], // Mon 07:00 CEST
  ])("%s at %s belongs to the weekly digest of %s, closed at %s", (timeZone, now, periodKey, cutoff) => {
    expect(windowAt(now, timeZone, "WEEKLY")).toEqual({ periodKey, cutoff });
  });

  it("always names a Monday", () => {
    const start = Date.parse("2026-10-20T00:00:00.000Z");
    for (let ms = start; ms < start + 21 * 86_400_000; ms += 60 * 60_000) {
      const { cutoff, periodKey } = digestWindow(new Date(ms), "Europe/Berlin", "WEEKLY", 7);
      expect(new Date(`${periodKey}T12:00:00Z`).getUTCDay()).toBe(1);
      expect(cutoff.getTime()).toBeLessThanOrEqual(ms);
      expect(ms - cutoff.getTime()).toBeLessThan(7 * 86_400_000 + 3_600_000);
    }
  });
});

describe("retryDelay", () => {
  const settings = { baseDelayMs: 1000, maxDelayMs: 20_000 };

  it("doubles the jitter's ceiling with each attempt until the cap (fixed random 0.5)", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelay(attempt, null, settings, () => 0.5));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it("never waits longer than the cap without a Retry-After, however many attempts", () => {
    const almostOne = () => 0.999_999;
    let previous = 0;
    for (const attempt of [1, 2, 3, 5, 8, 13, 21, 34, 55, 1000, 5000]) {
      const delay = retryDelay(attempt, null, settings, almostOne);
      expect(delay).toBeLessThanOrEqual(settings.maxDelayMs);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
    expect(previous).toBe(19_999);
    expect(Number.isInteger(retryDelay(3, null, settings, () => 0.123_456))).toBe(true);
  });

  it("never waits less than Retry-After, even when the jitter draws zero", () => {
    expect(retryDelay(1, 5000, settings, () => 0)).toBe(5000);
    expect(retryDelay(1, 0, settings, () => 0)).toBe(0);
    // A longer jitter stands.
    expect(retryDelay(6, 5000, settings, () => 0.5)).toBe(10_000);
    // The provider's word beats our cap: sending sooner would only be refused again.
    expect(retryDelay(3, 45_000, settings, () => 0.999)).toBe(45_000);
  });
});

describe("digestPeriodLabel", () => {
  it("names the day of a daily digest and the closing Monday of a weekly one", () => {
    expect(digestPeriodLabel("DAILY", "2026-03-10")).toBe("Tuesday, March 10, 2026");
    expect(digestPeriodLabel("DAILY", "2026-11-01")).toBe("Sunday, November 1, 2026");
    expect(digestPeriodLabel("DAILY", "2026-12-31")).toBe("Thursday, December 31, 2026");
    expect(digestPeriodLabel("WEEKLY", "2026-03-09")).toBe("week ending Monday, March 9, 2026");
  });
});
