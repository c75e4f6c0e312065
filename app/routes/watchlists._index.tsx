// The watchlists a person keeps, alone or with their organizations: a monitor's home after sign-in.
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { createWatchlist, listWatchlistsFor, ownerChoices, ownerFor } from "~/models/watchlist.server";
import { assertCan } from "~/policy/decide.server";
import { createWatchlistSchema } from "~/schemas/watchlist";
import { requireActor } from "~/services/actor.server";
import { parseSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Watchlists · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const [watchlists, owners] = await Promise.all([listWatchlistsFor(actor.userId), ownerChoices(actor.userId)]);
  return { watchlists, owners };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const parsed = await parseSubmission(request, createWatchlistSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const owner = ownerFor(actor, parsed.data.owner);
  assertCan(actor, "watchlist.create", owner);
  const watchlist = await createWatchlist(owner, parsed.data.name, actor.userId);
  return redirectWithFlash(request, `/watchlists/${watchlist.id}`, {
    kind: "success",
    message: `Watchlist “${watchlist.name}” created. Add projects from their pages, or save a search from the project list.`,
  });
}

export default function Watchlists() {
  const { watchlists, owners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(createWatchlistSchema, { server: result, defaultValues: { owner: "me" } });
  return (
    <div className="stack">
      <h1>Watchlists</h1>
      <p>
        A watchlist keeps the projects you monitor, named ones and every project a saved search finds, with their stage,
        schedule, next deadline, open comment periods and latest changes on one page.
      </p>
      {watchlists.length === 0 ? (
        <p>
          You keep no watchlist yet. Create one below, then add projects from their pages or save a search from the{" "}
          <Link to="/projects">project list</Link>.
        </p>
      ) : (
        <CardTable>
          <caption className="visually-hidden">Your watchlists</caption>
          <CardHead>
            <ColumnHeader>Watchlist</ColumnHeader>
            <ColumnHeader>Kept by</ColumnHeader>
            <ColumnHeader>Projects listed</ColumnHeader>
            <ColumnHeader>Saved searches</ColumnHeader>
            <ColumnHeader>Shared by link</ColumnHeader>
          </CardHead>
          <CardBody>
            {watchlists.map((w) => (
              <CardRow key={w.id}>
                <RowHeader>
                  <Link to={`/watchlists/${w.id}`}>{w.name}</Link>
                </RowHeader>
                <Cell label="Kept by">{w.keptBy ?? "You"}</Cell>
                <Cell label="Projects listed">{w.projectCount}</Cell>
                <Cell label="Saved searches">{w.searchCount}</Cell>
                <Cell label="Shared by link">{w.shared ? "Yes" : "No"}</Cell>
              </CardRow>
            ))}
          </CardBody>
        </CardTable>
      )}
      <section className="card narrow" aria-labelledby="new-watchlist">
        <h2 id="new-watchlist">New watchlist</h2>
        <ValidatedForm method="post" onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="new-watchlist">
          <FormError message={form.formError} />
          <TextField label="Name" {...form.field("name")} required />
          <SelectField
            label="Kept by"
            hint="An organization's watchlist is kept by all its members together."
            {...form.field("owner")}
            options={owners}
            required
          />
          <SubmitButton pendingLabel="Creating…">Create watchlist</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
