// Adding to a watchlist: a project (?project=<slug>, linked from its page) or a /projects search
// (?search=<query>, linked from the project list), to an existing watchlist or a new one.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { DomainError } from "~/models/errors.server";
import {
  addProjectToWatchlist,
  addSavedSearch,
  createWatchlist,
  getWatchlist,
  listWatchlistsFor,
  ownerChoices,
  ownerFor,
  watchlistResource,
} from "~/models/watchlist.server";
import { assertCan, can, type Actor } from "~/policy/decide.server";
import { addProjectSchema, addSearchSchema, savedQuery } from "~/schemas/watchlist";
import { requireActor } from "~/services/actor.server";
import { todayUtc } from "~/utils/dates";
import { invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { readSubmission } from "~/utils/submission.server";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Add to a watchlist · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const url = new URL(request.url);
  const project = url.searchParams.get("project");
  const search = url.searchParams.get("search");
  const query = search !== null ? savedQuery.safeParse(search) : null;
  const [watchlists, owners] = await Promise.all([listWatchlistsFor(actor.userId), ownerChoices(actor.userId)]);
  return {
    project: project && /^[a-z0-9-]{1,200}$/.test(project) ? project : null,
    search: query?.success ? query.data : null,
    searchLabel: query?.success
      ? [...new URLSearchParams(query.data.slice(1))].map(([key, value]) => `${key}: ${value}`).join(", ")
      : null,
    searchProblem: query && !query.success ? query.error.issues[0].message : null,
    watchlists: watchlists.map((w) => ({ value: w.id, label: w.keptBy ? `${w.name} (${w.keptBy})` : w.name })),
    owners,
  };
}

/** The watchlist to add to: an existing one the actor keeps, or a new one made now. */
async function target(actor: Actor, data: { watchlistId: string; newName?: string; owner?: string }) {
  if (data.watchlistId === "new") {
    const owner = ownerFor(actor, data.owner ?? "me");
    assertCan(actor, "watchlist.create", owner);
    return createWatchlist(owner, (data.newName ?? "").trim(), actor.userId);
  }
  const watchlist = await getWatchlist(data.watchlistId);
  if (!watchlist || !can(actor, "watchlist.view", watchlistResource(watchlist))) {
    throw notFound("There is no watchlist of yours with that id.");
  }
  assertCan(actor, "watchlist.manage", watchlistResource(watchlist));
  return watchlist;
}

const intentSchema = z.object({ intent: z.enum(["addProject", "addSearch"]) });

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = await readSubmission(request);
  const intent = intentSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "This page is out of date. Reload it and try again." });
  try {
    if (intent.data.intent === "addProject") {
      const parsed = submission.parse(addProjectSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const watchlist = await target(actor, parsed.data);
      const project = await addProjectToWatchlist(watchlist.id, parsed.data.project);
      return redirectWithFlash(request, `/watchlists/${watchlist.id}`, {
        kind: "success",
        message: `${project.name} is on “${watchlist.name}”.`,
      });
    }
    const parsed = submission.parse(addSearchSchema);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const watchlist = await target(actor, parsed.data);
    const search = await addSavedSearch(
      watchlist.id,
      { name: parsed.data.searchName, query: parsed.data.query },
      todayUtc(),
    );
    return redirectWithFlash(request, `/watchlists/${watchlist.id}`, {
      kind: "success",
      message: `Search “${search.name}” saved on “${watchlist.name}”: ${search.matching} project${search.matching === 1 ? "" : "s"} match it now; you will be told when another enters it.`,
    });
  } catch (error) {
    if (error instanceof DomainError)
      return invalid({ [error.field]: error.message }, {}, error.status === 404 ? 404 : 400);
    throw error;
  }
}

export default function AddToWatchlist() {
  const { project, search, searchLabel, searchProblem, watchlists, owners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = project ? "addProject" : "addSearch";
  const schema = project ? addProjectSchema : addSearchSchema;
  const form = useValidatedForm(schema, {
    server: result,
    defaultValues: { watchlistId: watchlists[0]?.value ?? "new", owner: "me" },
  });
  if (!project && !search) {
    return (
      <div className="narrow stack">
        <h1>Add to a watchlist</h1>
        <p>
          {searchProblem ?? "Nothing to add: open a project, or filter the project list, and choose it from there."}
        </p>
        <p>
          <Link to="/projects">Go to the project list</Link>
        </p>
      </div>
    );
  }
  const choices = [...watchlists, { value: "new", label: "A new watchlist (name it below)" }];
  return (
    <div className="narrow stack">
      <h1>{project ? "Add a project to a watchlist" : "Save this search to a watchlist"}</h1>
      {search ? (
        <p>
          The search <Link to={`/projects${search}`}>{searchLabel}</Link> keeps finding projects as they are added or
          change; you are told when a new one enters it.
        </p>
      ) : null}
      <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-label="Add to a watchlist">
        <FormError message={form.formError ?? result?.errors.project ?? result?.errors.query} />
        <input type="hidden" name="intent" value={intent} />
        {project ? <input type="hidden" name="project" value={project} /> : null}
        {search ? <input type="hidden" name="query" value={search} /> : null}
        {search ? <TextField label="Name of the search" {...form.field("searchName")} required /> : null}
        <SelectField label="Watchlist" {...form.field("watchlistId")} options={choices} />
        <TextField
          label="Name of the new watchlist"
          hint="Only when adding to a new watchlist."
          {...form.field("newName")}
        />
        <SelectField label="New watchlist kept by" {...form.field("owner")} options={owners} />
        <SubmitButton pendingLabel="Adding…">{project ? "Add to watchlist" : "Save search"}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
