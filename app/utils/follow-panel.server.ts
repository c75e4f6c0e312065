// What the follow panel of a project page shows to whoever is asking.
import type { FollowPanelData } from "~/components/FollowPanel";
import { getFollowState } from "~/models/notifications/follow.server";
import { belongsTo, can, type Actor, type ProjectResource } from "~/policy";

type ProjectForPanel = {
  id: string;
  companyId: string;
  leadAgencyId: string | null;
  company: { name: string };
  leadAgency: { name: string } | null;
  cooperatingAgencies: { agency: { id: string; name: string } }[];
};

export async function loadFollowPanel(
  actor: Actor | null,
  project: ProjectForPanel,
  resource: ProjectResource,
): Promise<FollowPanelData> {
  if (actor && can(actor, "project.follow", resource)) {
    const state = await getFollowState(actor.userId, project.id);
    // Name the organization that makes the follow automatic, as the model derives it.
    const organizations = [
      { id: project.companyId, name: project.company.name },
      ...(project.leadAgencyId && project.leadAgency
        ? [{ id: project.leadAgencyId, name: project.leadAgency.name }]
        : []),
      ...project.cooperatingAgencies.map((c) => c.agency),
    ];
    const because = state.automatic ? (organizations.find((o) => belongsTo(actor, o.id))?.name ?? null) : null;
    return { kind: "member", ...state, because };
  }
  if (!actor && can(actor, "project.subscribeByEmail", resource)) return { kind: "visitor" };
  return { kind: "none" };
}
