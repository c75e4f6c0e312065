// One watchlist's board, for the people who keep it: the projects, the saved searches, sharing by
// link and the exports. Several forms post an `intent` (rename, delete, remove a project or a
// search, share, revoke the link).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { WatchlistBoard } from "~/components/WatchlistBoard";
import {
  MAX_BOARD_PROJECTS,
  deleteWatchlist,
  getWatchlist,
  removeProjectFromWatchlist,
  removeSavedSearch,
  renameWatchlist,
  revokeWatchlistLink,
  shareWatchlist,
  watchlistBoard,
  watchlistResource,
} from "~/models/watchlist.server";
import { assertCan, can } from "~/policy/decide.server";
import { deleteWatchlistSchema, renameWatchlistSchema, watchlistIntentSchema } from "~/schemas/watchlist";
import { requireActor } from "~/services/actor.server";
import { env } from "~/env.server";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { todayUtc } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.watchlist.name} · Watchlists · Lodestone` : "Watchlist · Lodestone" },
];

async function loadWatchlist(request: Request, watchlistId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const watchlist = await getWatchlist(watchlistId ?? "");
  // Someone else's watchlist is answered as missing: its existence is not for others to learn.
  if (!watchlist || !can(actor, "watchlist.view", watchlistResource(watchlist))) {
    throw notFound("There is no watchlist of yours at this address.");
  }
  return { user, actor, watchlist };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { watchlist } = await loadWatchlist(request, params.watchlistId);
  const now = new Date();
  const board = await watchlistBoard(watchlist, now, todayUtc(now));
  return {
    watchlist: {
      id: watchlist.id,
      name: watchlist.name,
      keptBy: watchlist.organization?.name ?? null,
      shareUrl: watchlist.shareToken
        ? new URL(`/watchlists/shared/${watchlist.shareToken}`, env().APP_URL).toString()
        : null,
      searches: watchlist.searches.map((s) => ({ ...s, matching: board.searchCounts[s.id] ?? 0 })),
    },
    board,
    limit: MAX_BOARD_PROJECTS,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor, watchlist } = await loadWatchlist(request, params.watchlistId);
  assertCan(actor, "watchlist.manage", watchlistResource(watchlist));
  const submission = await readSubmission(request);
  const intent = watchlistIntentSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "This page is out of date. Reload it and try again." });
  const here = `/watchlists/${watchlist.id}`;
  const audit = auditContext(context, user.id);
  switch (intent.data.intent) {
    case "rename": {
      const parsed = submission.parse(renameWatchlistSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      await renameWatchlist(watchlist.id, parsed.data.name);
      return redirectWithFlash(request, here, { kind: "success", message: `Renamed to “${parsed.data.name}”.` });
    }
    case "delete": {
      const parsed = submission.parse(deleteWatchlistSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      await deleteWatchlist(watchlist.id);
      return redirectWithFlash(request, "/watchlists", {
        kind: "success",
        message: `Watchlist “${watchlist.name}” deleted; its sharing link no longer works.`,
      });
    }
    case "removeProject":
      await removeProjectFromWatchlist(watchlist.id, intent.data.projectId);
      return redirectWithFlash(request, here, { kind: "success", message: "Project removed from the watchlist." });
    case "removeSearch":
      await removeSavedSearch(watchlist.id, intent.data.searchId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: "Saved search removed; its projects stay only if listed or found by another search.",
      });
    case "share":
      await shareWatchlist(watchlist.id, audit);
      return redirectWithFlash(request, `${here}#sharing`, {
        kind: "success",
        message: "Anyone with the new link can now read this watchlist (a previous link no longer works).",
      });
    case "revoke":
      await revokeWatchlistLink(watchlist.id, audit);
      return redirectWithFlash(request, `${here}#sharing`, {
        kind: "success",
        message: "The sharing link no longer works.",
      });
  }
}

export default function WatchlistPage() {
  const { watchlist, board, limit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const rename = useValidatedForm(renameWatchlistSchema, { server: result, defaultValues: { name: watchlist.name } });
  return (
    <div className="stack">
      <header>
        <h1>{watchlist.name}</h1>
        <p className="muted">
          {watchlist.keptBy ? `Kept by ${watchlist.keptBy}, all its members together.` : "Your personal watchlist."}{" "}
          <Link to="/watchlists">All watchlists</Link>
        </p>
      </header>
      {result?.errors.form ? (
        <div role="alert" className="form-error">
          {result.errors.form}
        </div>
      ) : null}

      <section aria-labelledby="board">
        <h2 id="board">Projects ({board.total})</h2>
        {board.rows.length === 0 ? (
          <p>
            Nothing on this watchlist yet. Open a project and choose “Add to a watchlist”, or filter the{" "}
            <Link to="/projects">project list</Link> and choose “Save this search to a watchlist”.
          </p>
        ) : (
          <>
            {board.truncated ? (
              <p role="note">
                This watchlist holds {board.total} projects; the first {limit} by name are shown here and in the export.
                Narrow its saved searches to see the rest.
              </p>
            ) : null}
            <WatchlistBoard rows={board.rows} caption={`Projects on ${watchlist.name}`} removable />
            <p>
              <a href={`/watchlists/${watchlist.id}/export.csv`} download>
                Download as CSV
              </a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="searches">
        <h2 id="searches">Saved searches ({watchlist.searches.length})</h2>
        {watchlist.searches.length === 0 ? (
          <p>
            No saved search. A saved search adds every project that matches it, including projects added later, and you
            are told when one enters it (see your <Link to="/account/notifications">notification settings</Link>
            ).
          </p>
        ) : (
          <ul>
            {watchlist.searches.map((search) => (
              <li key={search.id}>
                <Link to={`/projects${search.query}`}>{search.name}</Link> ({search.matching}
                {search.matching > limit ? "+" : ""} project{search.matching === 1 ? "" : "s"} now){" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="searchId" value={search.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="removeSearch"
                    className="secondary"
                    aria-label={`Remove the saved search ${search.name}`}
                  >
                    Remove
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sharing-heading" id="sharing">
        <h2 id="sharing-heading">Sharing</h2>
        {watchlist.shareUrl ? (
          <>
            <p>
              Anyone with this link can read this watchlist (not change it). Your name is not shown. The link also
              serves an <a href={`${watchlist.shareUrl}/feed.atom`}>Atom feed</a> and a{" "}
              <a href={`${watchlist.shareUrl}/calendar.ics`}>calendar</a> of its projects, for feed readers and calendar
              apps.
            </p>
            <p>
              <label htmlFor="share-url">Read-only link</label>
              <input id="share-url" type="text" readOnly value={watchlist.shareUrl} className="share-url" />
            </p>
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="revoke" className="secondary">
                Stop sharing (the link stops working)
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>Not shared. A read-only link lets people without an account read this watchlist.</p>
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="share">
                Make a read-only link
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="settings" className="card narrow">
        <h2 id="settings">Rename or delete</h2>
        <ValidatedForm onSubmit={rename.onSubmit} errors={result?.errors} aria-label="Rename the watchlist">
          <TextField label="Name" {...rename.field("name")} required />
          <SubmitButton name="intent" value="rename" pendingLabel="Renaming…">
            Rename
          </SubmitButton>
        </ValidatedForm>
        <Form method="post" aria-label="Delete the watchlist">
          <FormError message={result?.errors.confirm} />
          <p>
            <label>
              <input type="checkbox" name="confirm" value="yes" /> Yes, delete this watchlist
              {watchlist.keptBy ? " for every member" : ""}
            </label>
          </p>
          <SubmitButton name="intent" value="delete" className="danger" pendingLabel="Deleting…">
            Delete watchlist
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
