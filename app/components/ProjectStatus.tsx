import type { ProjectStatus } from "@prisma/client";
import { useT } from "~/i18n/react";

/** Marks the demo's made-up training project wherever a project is shown. */
export function TrainingProjectBadge() {
  const t = useT();
  return (
    <span className="status status--training" title={t("common.trainingProjectTitle")}>
      {t("common.trainingProject")}
    </span>
  );
}

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t("common.projectStatus", { status })}</span>;
}
