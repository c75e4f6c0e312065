import { describe, expect, it } from "vitest";
import {
  computeClock,
  mergeIntervals,
  whoseDesk,
  type ClockInput,
  type ClockInterval,
  type ClockResult,
} from "~/models/review-clock";

const DAY_MS = 86_400_000;
const STARTED = day("2026-01-01");
const AS_OF = day("2026-04-01"); // 90 days after STARTED

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function request(start: string, end: string | null): ClockInterval {
  return { start: day(start), end: end === null ? null : day(end) };
}

function clock(applicantIntervals: ClockInterval[], overrides: Partial<ClockInput> = {}): ClockResult {
  return computeClock({ startedAt: STARTED, stoppedAt: null, applicantIntervals, asOf: AS_OF, ...overrides });
}

describe("computeClock", () => {
  it("gives every day to the agency when no information was requested", () => {
    expect(clock([])).toEqual({
      totalDays: 90,
      agencyDays: 90,
      applicantDays: 0,
      onApplicantDesk: false,
      openRequests: 0,
      stopped: false,
    });
  });

  it("stops the clock from the day a request is issued until the day it is answered", () => {
    const result = clock([request("2026-01-11", "2026-01-21")]);
    expect(result).toMatchObject({ totalDays: 90, agencyDays: 80, applicantDays: 10, onApplicantDesk: false });
    expect(result.openRequests).toBe(0);
  });

  it("counts an unanswered request up to asOf and puts the review on the applicant's desk", () => {
    const result = clock([request("2026-03-02", null)]);
    expect(result).toMatchObject({ applicantDays: 30, agencyDays: 60, onApplicantDesk: true, openRequests: 1 });
  });

  it("counts overlapping requests once: the clock stops while the applicant owes anything", () => {
    const result = clock([request("2026-01-11", "2026-01-31"), request("2026-01-21", "2026-02-10")]);
    expect(result).toMatchObject({ applicantDays: 30, agencyDays: 60 });
  });

  it("counts a request nested inside another only as the outer one", () => {
    const result = clock([request("2026-01-11", "2026-02-10"), request("2026-01-15", "2026-01-20")]);
    expect(result).toMatchObject({ applicantDays: 30, agencyDays: 60 });
  });

  it("adds back-to-back requests without a gap or a double day", () => {
    const result = clock([request("2026-01-11", "2026-01-21"), request("2026-01-21", "2026-01-31")]);
    expect(result).toMatchObject({ applicantDays: 20, agencyDays: 70 });
  });

  it("clips a request issued before the clock started to the start", () => {
    const result = clock([request("2025-12-01", "2026-01-11")]);
    expect(result).toMatchObject({ totalDays: 90, applicantDays: 10, agencyDays: 80 });
  });

  it("counts a request still open from before the start as open", () => {
    expect(clock([request("2025-12-01", null)])).toMatchObject({
      applicantDays: 90,
      agencyDays: 0,
      openRequests: 1,
    });
  });

  it("counts an answer returned as insufficient as a second interval, with the agency's review between", () => {
    // Issued Jan 11, answered Jan 21, returned Jan 26 as insufficient, answered again Feb 5.
    const result = clock([request("2026-01-11", "2026-01-21"), request("2026-01-26", "2026-02-05")]);
    expect(result).toMatchObject({ applicantDays: 20, agencyDays: 70, onApplicantDesk: false });
  });

  it("ignores days after the review stopped and reports it stopped", () => {
    const result = clock([request("2026-01-11", "2026-01-21"), request("2026-02-20", "2026-03-20")], {
      stoppedAt: day("2026-03-02"),
    });
    expect(result).toMatchObject({ totalDays: 60, applicantDays: 20, agencyDays: 40, stopped: true });
  });

  it("reads a stop after asOf as still running at asOf", () => {
    const result = clock([], { stoppedAt: day("2026-05-01") });
    expect(result).toMatchObject({ totalDays: 90, stopped: false });
  });

  it("gives zeros when asOf is before the clock started", () => {
    expect(clock([request("2025-12-01", null)], { asOf: day("2025-12-15") })).toEqual({
      totalDays: 0,
      agencyDays: 0,
      applicantDays: 0,
      onApplicantDesk: false,
      openRequests: 0,
      stopped: false,
    });
  });

  it("ignores a request answered before it was issued rather than guessing", () => {
    const result = clock([request("2026-02-10", "2026-01-11")]);
    expect(result).toMatchObject({ applicantDays: 0, agencyDays: 90, openRequests: 0 });
  });

  it("ignores requests entirely outside the window", () => {
    const result = clock([request("2025-11-01", "2025-12-01"), request("2026-05-01", null)]);
    expect(result).toMatchObject({ applicantDays: 0, agencyDays: 90, openRequests: 0 });
  });

  it("counts whole UTC calendar days, whatever the time of day", () => {
    const result = computeClock({
      startedAt: new Date("2026-01-01T23:30:00Z"),
      stoppedAt: null,
      applicantIntervals: [{ start: new Date("2026-01-03T22:00:00Z"), end: new Date("2026-01-05T01:00:00Z") }],
      asOf: new Date("2026-01-11T00:15:00Z"),
    });
    expect(result).toMatchObject({ totalDays: 10, applicantDays: 2, agencyDays: 8 });
  });

  it("judges an open request by the instant: answered this morning is not open at noon", () => {
    const answered = { start: day("2026-03-01"), end: new Date("2026-04-01T09:00:00Z") };
    expect(clock([answered], { asOf: new Date("2026-04-01T12:00:00Z") }).openRequests).toBe(0);
    expect(clock([answered], { asOf: new Date("2026-04-01T08:00:00Z") }).openRequests).toBe(1);
  });

  it("counts each open request, overlapping or not", () => {
    const result = clock([
      request("2026-03-01", null),
      request("2026-03-15", null),
      request("2026-02-01", "2026-02-05"),
    ]);
    expect(result).toMatchObject({ openRequests: 2, onApplicantDesk: true, applicantDays: 35 });
  });
});

describe("mergeIntervals", () => {
  it("returns the sorted, disjoint union clipped to the window, an open end running to the clip", () => {
    const merged = mergeIntervals(
      [request("2026-03-20", null), request("2026-01-21", "2026-02-10"), request("2025-12-01", "2026-01-31")],
      STARTED,
      AS_OF,
    );
    expect(merged).toEqual([
      { start: day("2026-01-01"), end: day("2026-02-10") },
      { start: day("2026-03-20"), end: day("2026-04-01") },
    ]);
  });
});

describe("whoseDesk", () => {
  it("is the agency's when nothing is owed, the applicant's while something is, closed once stopped", () => {
    expect(whoseDesk(clock([]))).toBe("agency");
    expect(whoseDesk(clock([request("2026-03-01", null)]))).toBe("applicant");
    expect(whoseDesk(clock([request("2026-03-01", null)], { stoppedAt: day("2026-03-15") }))).toBe("closed");
  });
});

// mulberry32: a tiny seeded PRNG so the table is random-looking but the same on every run.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("the invariant over a seeded random table", () => {
  const random = prng(20260101);
  const offset = (min: number, max: number) =>
    new Date(STARTED.getTime() + Math.floor(min + random() * (max - min)) * DAY_MS);
  const cases = Array.from({ length: 200 }, (): ClockInput => {
    const asOf = offset(-10, 200);
    const stoppedAt = random() < 0.3 ? offset(0, 220) : null;
    const applicantIntervals = Array.from({ length: Math.floor(random() * 6) }, (): ClockInterval => {
      const start = offset(-30, 200);
      return {
        start,
        end: random() < 0.25 ? null : new Date(start.getTime() + Math.floor(random() * 60 - 5) * DAY_MS),
      };
    });
    return { startedAt: STARTED, stoppedAt, applicantIntervals, asOf };
  });

  it("always splits the total into agency days plus applicant days, none negative", () => {
    for (const input of cases) {
      const result = computeClock(input);
      expect(result.agencyDays + result.applicantDays).toBe(result.totalDays);
      expect(result.agencyDays).toBeGreaterThanOrEqual(0);
      expect(result.applicantDays).toBeGreaterThanOrEqual(0);
    }
  });

  it("matches a day-by-day count of days on which any request was open", () => {
    for (const input of cases) {
      const end = input.stoppedAt && input.stoppedAt <= input.asOf ? input.stoppedAt : input.asOf;
      let expected = 0;
      for (let t = input.startedAt.getTime(); t < end.getTime(); t += DAY_MS) {
        const owed = input.applicantIntervals.some(
          (i) =>
            (i.end === null || i.end >= i.start) && i.start.getTime() <= t && (i.end === null || i.end.getTime() > t),
        );
        if (owed) expected += 1;
      }
      expect(computeClock(input).applicantDays).toBe(expected);
    }
  });
});
