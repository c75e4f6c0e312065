import type { ProjectStatus } from "@prisma/client";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";

/** Marks the demo's made-up training project wherever a project is shown. */
export function TrainingProjectBadge() {
  return (
    <span className="status status--training" title="Made up for trying Lodestone: nothing in this project happened.">
      Fictional training project
    </span>
  );
}

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`status status--${status}`}>{PROJECT_STATUS_LABELS[status]}</span>;
}
