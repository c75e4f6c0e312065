import type { ProjectStatus } from "@prisma/client";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`status status--${status}`}>{PROJECT_STATUS_LABELS[status]}</span>;
}
