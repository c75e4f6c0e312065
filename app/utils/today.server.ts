/** Today's date as UTC midnight: schedule statuses compare calendar dates, not instants. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
