// Shared first steps of the project routes: who is asking, which project, and the policy's answer
// for the action the route performs. Public pages use `loadProjectFor` (anyone, signed in or not);
// pages that need an account use `requireProjectFor`. Both say "no project at this address" the
// same way, and open the page when any one of the listed actions is allowed.
import type { Action, Actor, ProjectResource, ResourceFor } from "~/policy";
import { assertCan, can } from "~/policy";
import { getProjectForManagement, projectResource } from "~/models/project.server";
import { DomainError } from "~/models/errors.server";
import { getOptionalActor, requireActor } from "~/services/actor.server";
import { invalid, notFound } from "./http.server";

/** Every action the policy decides on a project as a whole. */
export type ProjectAction = {
  [A in Action]: ResourceFor[A] extends ProjectResource ? (ProjectResource extends ResourceFor[A] ? A : never) : never;
}[Action];

export const NO_PROJECT = "There is no project at this address.";

async function findProject(slug: string | undefined) {
  const project = await getProjectForManagement(slug ?? "");
  if (!project) throw notFound(NO_PROJECT);
  return { project, resource: projectResource(project) };
}

// Any one of the listed actions opens the page; each form re-checks its own action.
function assertAnyOf(actor: Actor | null, actions: ProjectAction[], resource: ProjectResource) {
  const [first = "project.view"] = actions;
  if (!actions.some((action) => can(actor, action, resource))) assertCan(actor, first, resource);
}

/**
 * A public project page: the visitor (null when not signed in), the project and its policy
 * resource. With no action named, anyone who may view the project gets through.
 */
export async function loadProjectFor(request: Request, slug: string | undefined, ...actions: ProjectAction[]) {
  const [actor, found] = await Promise.all([getOptionalActor(request), findProject(slug)]);
  assertAnyOf(actor, actions, found.resource);
  return { actor, ...found };
}

/** A page for signed-in people: sends visitors to sign in, then asks the policy (any of `actions`). */
export async function requireProjectFor(request: Request, slug: string | undefined, ...actions: ProjectAction[]) {
  const { user, actor } = await requireActor(request);
  const found = await findProject(slug);
  assertAnyOf(actor, actions, found.resource);
  return { user, actor, ...found };
}

/** Turns an expected domain failure into the form's error response; anything else is rethrown. */
export function domainFailure(error: unknown, values: Record<string, string> = {}) {
  if (error instanceof DomainError) {
    return invalid({ [error.field]: error.message }, values, error.status);
  }
  throw error;
}
