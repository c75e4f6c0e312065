// A watchlist shared by its keepers' read-only link: the same board, for anyone with the link, with
// no way to change it and without the names of the people who keep it (an organization is named).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WatchlistBoard } from "~/components/WatchlistBoard";
import { MAX_BOARD_PROJECTS, getSharedWatchlist, watchlistBoard } from "~/models/watchlist.server";
import { todayUtc } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.watchlist.name} (shared watchlist) · Lodestone` : "Shared watchlist · Lodestone" },
  // The link is a key: keep the page out of search engines.
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const watchlist = await getSharedWatchlist(params.token ?? "");
  if (!watchlist)
    throw notFound("This sharing link does not work: it was mistyped, or its watchlist is no longer shared.");
  const now = new Date();
  const board = await watchlistBoard(watchlist, now, todayUtc(now));
  return {
    watchlist: {
      name: watchlist.name,
      keptBy: watchlist.organization?.name ?? null,
      searches: watchlist.searches.map((s) => ({ id: s.id, name: s.name, query: s.query })),
    },
    token: params.token ?? "",
    board,
    limit: MAX_BOARD_PROJECTS,
  };
}

export default function SharedWatchlist() {
  const { watchlist, board, token, limit } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header>
        <h1>{watchlist.name}</h1>
        <p className="muted">
          A watchlist shared read-only{watchlist.keptBy ? ` by ${watchlist.keptBy}` : ""}. It changes as its keepers
          change it, and stops working if they stop sharing it.
        </p>
      </header>
      {board.rows.length === 0 ? (
        <p>This watchlist holds no project yet.</p>
      ) : (
        <>
          {board.truncated ? (
            <p role="note">
              This watchlist holds {board.total} projects; the first {limit} by name are shown.
            </p>
          ) : null}
          <WatchlistBoard rows={board.rows} caption={`Projects on ${watchlist.name}`} />
          <p>
            <a href={`/watchlists/shared/${token}/export.csv`} download>
              Download as CSV
            </a>
            {" · "}
            <a href={`/watchlists/shared/${token}/feed.atom`} type="application/atom+xml">
              Atom feed of changes
            </a>
            {" · "}
            <a href={`/watchlists/shared/${token}/calendar.ics`} type="text/calendar">
              Add to calendar
            </a>
          </p>
        </>
      )}
      {watchlist.searches.length > 0 ? (
        <section aria-labelledby="searches">
          <h2 id="searches">Saved searches</h2>
          <ul>
            {watchlist.searches.map((s) => (
              <li key={s.id}>
                <a href={`/projects${s.query}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
