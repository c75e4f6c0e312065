import { SCHEDULE_STATUS_LABELS, type ScheduleStatus } from "~/models/schedule";

export function ScheduleStatusBadge({ status }: { status: ScheduleStatus }) {
  return <span className={`schedule schedule--${status}`}>{SCHEDULE_STATUS_LABELS[status]}</span>;
}
