import { describe, expect, it } from "vitest";
import { REPORT_MIN_ACCOUNT_AGE_HOURS, reportWeight, SIGNUP_BURST_ACCOUNTS } from "~/models/report-weight";

const now = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
const settled = { emailVerifiedAt: hoursAgo(500), createdAt: hoursAgo(500), accountsFromSameNetwork: 1 };

describe("which reports count toward hiding a comment", () => {
  it("counts a report from a verified account old enough and not made in a burst", () => {
    expect(reportWeight(settled, now)).toEqual({ counts: true });
  });

  it("does not count an unverified account, however old", () => {
    expect(reportWeight({ ...settled, emailVerifiedAt: null }, now)).toEqual({ counts: false, because: "unverified" });
  });

  it(`does not count an account younger than ${REPORT_MIN_ACCOUNT_AGE_HOURS} hours, and counts it from then on`, () => {
    const young = { ...settled, createdAt: hoursAgo(REPORT_MIN_ACCOUNT_AGE_HOURS - 0.01) };
    expect(reportWeight(young, now)).toEqual({ counts: false, because: "too new" });
    expect(reportWeight({ ...settled, createdAt: hoursAgo(REPORT_MIN_ACCOUNT_AGE_HOURS) }, now)).toEqual({
      counts: true,
    });
  });

  it(`does not count an account that was one of more than ${SIGNUP_BURST_ACCOUNTS} sign-ups from its network block`, () => {
    expect(reportWeight({ ...settled, accountsFromSameNetwork: SIGNUP_BURST_ACCOUNTS }, now)).toEqual({ counts: true });
    expect(reportWeight({ ...settled, accountsFromSameNetwork: SIGNUP_BURST_ACCOUNTS + 1 }, now)).toEqual({
      counts: false,
      because: "burst",
    });
  });
});
