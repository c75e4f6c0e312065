// Which reports may hide a comment on their own. Three throwaway accounts used to be enough to hide
// any comment during a live comment period; now a report counts toward auto-hide only when the
// reporter's account is
//   - verified (the email address was confirmed),
//   - at least REPORT_MIN_ACCOUNT_AGE_HOURS old (72 h: longer than a typical comment surge, short
//     enough that a new commenter soon counts), and
//   - not created in a burst: not one of more than SIGNUP_BURST_ACCOUNTS accounts created from the same
//     network block (/24 for IPv4, /64 for IPv6) within SIGNUP_BURST_WINDOW_MINUTES either side of it.
// Every report is still recorded and shown to moderators; this decides only the automatic hide.
// Pure: the caller passes `now` and the neighbour count.

export const REPORT_MIN_ACCOUNT_AGE_HOURS = 72;
export const SIGNUP_BURST_ACCOUNTS = 3;
export const SIGNUP_BURST_WINDOW_MINUTES = 60;

export type Reporter = {
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** Accounts created from the same network block within the burst window either side, this one included. */
  accountsFromSameNetwork: number;
};

export type ReportWeight = { counts: true } | { counts: false; because: "unverified" | "too new" | "burst" };

export function reportWeight(reporter: Reporter, now: Date): ReportWeight {
  if (!reporter.emailVerifiedAt) return { counts: false, because: "unverified" };
  if (now.getTime() - reporter.createdAt.getTime() < REPORT_MIN_ACCOUNT_AGE_HOURS * 3600_000) {
    return { counts: false, because: "too new" };
  }
  if (reporter.accountsFromSameNetwork > SIGNUP_BURST_ACCOUNTS) return { counts: false, because: "burst" };
  return { counts: true };
}
