// Comment period windows: the one place the upcoming / open / closed rule, the countdown and the
// extension rules live. Pure module (no server imports, no clock): `now` is always passed in, so the
// server's enforcement, the page's countdown and the tests judge a window the same way.
//
// A window is two UTC instants plus the agency's IANA zone. The zone is only for people: every rule
// compares instants, to the millisecond, and every message states the deadline in the agency's zone.
import { DAY_MS, formatDeadline } from "~/utils/dates";
import { zonedLocalToUtc, type LocalDateTime } from "~/utils/zoned-time";

export type PeriodWindow = { opensAt: Date; closesAt: Date; timeZone: string };

export type PeriodState = "upcoming" | "open" | "closed";

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  upcoming: "Upcoming",
  open: "Open",
  closed: "Closed",
};

export type ExtensionKind = "EXTEND" | "REOPEN";

export type Extension = {
  previousClosesAt: Date;
  newClosesAt: Date;
  kind: ExtensionKind;
  reason: string;
  at: Date;
};

export type Verdict = { ok: true } | { ok: false; reason: string };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The opening instant for a local time in the agency's zone. An ambiguous (fall-back) time opens at
 * its first occurrence: as early as the notice allows.
 */
export function opensAtFromLocal(local: LocalDateTime, timeZone: string): Date {
  return zonedLocalToUtc(local, timeZone, { ambiguous: "earlier" });
}

/**
 * The closing instant for a local time in the agency's zone. An ambiguous (fall-back) time closes at
 * its second occurrence, so nobody whose clock still shows a time before the deadline is refused; a
 * time in a spring-forward gap closes after the gap. Either way the deadline is never earlier than
 * the notice says.
 */
export function closesAtFromLocal(local: LocalDateTime, timeZone: string): Date {
  return zonedLocalToUtc(local, timeZone, { ambiguous: "later" });
}

// Deadlines are formatted by the one date module; re-exported because every comment page reads it here.
export { formatDeadline };

/** A window that can be opened or saved: it must close after it opens. */
export function validateWindow(window: PeriodWindow): Verdict {
  if (Number.isNaN(window.opensAt.getTime()) || Number.isNaN(window.closesAt.getTime())) {
    return { ok: false, reason: "Enter both the opening and the closing date and time." };
  }
  if (window.closesAt <= window.opensAt) {
    return { ok: false, reason: "The comment period must close after it opens." };
  }
  return { ok: true };
}

/**
 * Open iff opensAt <= now < closesAt, to the millisecond. The deadline instant itself is closed: a
 * comment received at exactly closesAt is refused, one a millisecond earlier is accepted. A notice
 * that reads "closes at 11:59:59 PM" or "comments accepted through March 31" is handled by the
 * regulator choosing that instant (23:59:59, or midnight that starts April 1), not by this rule.
 */
export function periodState(window: PeriodWindow, now: Date): PeriodState {
  if (now < window.opensAt) return "upcoming";
  if (now < window.closesAt) return "open";
  return "closed";
}

/** The server's check before it accepts a comment, with a message that states the deadline. */
export function assertAcceptingComments(window: PeriodWindow, now: Date): Verdict {
  const state = periodState(window, now);
  if (state === "open") return { ok: true };
  if (state === "upcoming") {
    return { ok: false, reason: `This comment period opens on ${formatDeadline(window.opensAt, window.timeZone)}.` };
  }
  return { ok: false, reason: `This comment period closed on ${formatDeadline(window.closesAt, window.timeZone)}.` };
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/**
 * "3 days 4 hours", "2 hours", "45 minutes"; null under a minute. Elapsed time, not calendar days:
 * "1 day" is 24 hours even across a DST change. Always rounded down, so it never promises more time
 * than is left.
 */
function formatDuration(ms: number): string | null {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return minutes > 0 ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  if (minutes > 0) return plural(minutes, "minute");
  return null;
}

export type Countdown = {
  state: PeriodState;
  /** Until the next change of state: opening when upcoming, closing when open; 0 once closed. */
  millisecondsLeft: number;
  label: string;
};

export function countdown(window: PeriodWindow, now: Date): Countdown {
  const state = periodState(window, now);
  if (state === "closed") return { state, millisecondsLeft: 0, label: "closed" };
  const target = state === "upcoming" ? window.opensAt : window.closesAt;
  const millisecondsLeft = Math.max(0, target.getTime() - now.getTime());
  const duration = formatDuration(millisecondsLeft);
  if (state === "upcoming") {
    return { state, millisecondsLeft, label: duration ? `opens in ${duration}` : "opens in less than a minute" };
  }
  return { state, millisecondsLeft, label: duration ? `${duration} left` : "closes in less than a minute" };
}

/**
 * Whether a regulator may move the deadline. EXTEND pushes a deadline that has not passed yet
 * (period upcoming or open) to a later one. REOPEN gives a closed period a new deadline in the
 * future; it takes effect when recorded, so the period is open again at once. Both need a reason,
 * shown in the public history. An extension never shortens a period: an earlier deadline would cut
 * off commenters who planned around the published one.
 */
/**
 * The deadline changes the rules allow at `now`: a period that has not closed can be extended, a
 * closed one reopened (never the other way round). The change form offers exactly these.
 */
export function allowedDeadlineChanges(window: PeriodWindow, now: Date): ExtensionKind[] {
  return periodState(window, now) === "closed" ? ["REOPEN"] : ["EXTEND"];
}

export function validateExtension(
  window: PeriodWindow,
  proposal: { newClosesAt: Date; kind: ExtensionKind; reason: string },
  now: Date,
): Verdict {
  const allowedNow = allowedDeadlineChanges(window, now).includes(proposal.kind);
  const current = formatDeadline(window.closesAt, window.timeZone);
  if (Number.isNaN(proposal.newClosesAt.getTime())) {
    return { ok: false, reason: "Enter the new closing date and time." };
  }
  if (proposal.reason.trim() === "") {
    return {
      ok: false,
      reason:
        proposal.kind === "EXTEND"
          ? "Give the reason for the extension; it is shown in the public record."
          : "Give the reason for reopening; it is shown in the public record.",
    };
  }
  if (proposal.kind === "EXTEND") {
    if (!allowedNow) {
      return { ok: false, reason: `This comment period closed on ${current}. Reopen it instead of extending it.` };
    }
    if (proposal.newClosesAt <= window.closesAt) {
      return { ok: false, reason: `The new deadline must be later than the current one, ${current}.` };
    }
    return { ok: true };
  }
  if (!allowedNow) {
    return { ok: false, reason: "This comment period has not closed yet. Extend it instead of reopening it." };
  }
  if (proposal.newClosesAt <= now) {
    return { ok: false, reason: "The new deadline must be in the future." };
  }
  return { ok: true };
}

export type DeadlineEntry = {
  kind: "ORIGINAL" | ExtensionKind;
  closesAt: Date;
  /** Null for the original deadline. */
  reason: string | null;
  /** When the change was recorded; null for the original deadline. */
  at: Date | null;
  /** The deadline in force now: the last entry. */
  current: boolean;
};

/** The deadline's history for display: the original first, then each change in the order made. */
export function deadlineHistory(originalClosesAt: Date, extensions: readonly Extension[]): DeadlineEntry[] {
  const changes = [...extensions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const entries: DeadlineEntry[] = [
    { kind: "ORIGINAL", closesAt: originalClosesAt, reason: null, at: null, current: false },
    ...changes.map((change) => ({
      kind: change.kind,
      closesAt: change.newClosesAt,
      reason: change.reason,
      at: change.at,
      current: false,
    })),
  ];
  entries[entries.length - 1].current = true;
  return entries;
}
