// Shared first steps of the project management routes: who is asking, which project, and
// the policy's answer for the action the route performs.
import type { Action, ProjectResource, ResourceFor } from "~/policy";
import { assertCan, can } from "~/policy";
import { getProjectForManagement, projectResource } from "~/models/project.server";
import { DomainError } from "~/models/errors.server";
import { requireActor } from "~/services/actor.server";
import { invalid, notFound } from "./http.server";

/** Every action the policy decides on a project as a whole. */
type ProjectAction = {
  [A in Action]: ResourceFor[A] extends ProjectResource ? (ProjectResource extends ResourceFor[A] ? A : never) : never;
}[Action];

export async function requireProjectFor(request: Request, slug: string | undefined, ...actions: ProjectAction[]) {
  const { user, actor } = await requireActor(request);
  const project = await getProjectForManagement(slug ?? "");
  if (!project) throw notFound("There is no project at this address.");
  const resource = projectResource(project);
  // Any one of the listed actions opens the page; each form re-checks its own action.
  if (!actions.some((action) => can(actor, action, resource))) assertCan(actor, actions[0], resource);
  return { user, actor, project, resource };
}

/** Turns an expected domain failure into the form's error response; anything else is rethrown. */
export function domainFailure(error: unknown, values: Record<string, string> = {}) {
  if (error instanceof DomainError) {
    return invalid({ [error.field]: error.message }, values, error.status);
  }
  throw error;
}
