// A person's notifications, newest first: news of the projects they follow and of their own work.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { getAccountDetails } from "~/models/account.server";
import { listNotifications, markRead, markUnread } from "~/models/notifications/notification.server";
import { notificationActionSchema, notificationListQuery } from "~/schemas/notifications";
import { requireUser } from "~/services/auth.server";
import { parseSubmission } from "~/utils/submission.server";
import { redirectWithFlash } from "~/utils/http.server";
import { relativeTime } from "~/utils/relative-time";
import { ZoneNote } from "~/components/ZoneNote";
import { formatEventTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Notifications · Lodestone" }];

function listQuery(url: URL) {
  return notificationListQuery.parse({
    page: url.searchParams.get("page") ?? undefined,
    unread: url.searchParams.get("unread") ?? undefined,
  });
}

function listHref(query: { page: number; unread: boolean }) {
  const params = new URLSearchParams();
  if (query.unread) params.set("unread", "1");
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/notifications?${search}` : "/notifications";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = listQuery(new URL(request.url));
  const [list, account] = await Promise.all([
    listNotifications(user.id, { page: query.page, unreadOnly: query.unread }),
    getAccountDetails(user.id),
  ]);
  const now = new Date();
  return {
    query,
    timeZone: account.timeZone,
    total: list.total,
    unread: list.unread,
    pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    items: list.items.map((n) => ({
      id: n.id,
      title: n.title,
      detail: n.detail,
      project: n.project,
      unread: n.readAt === null,
      createdAt: n.createdAt.toISOString(),
      relative: relativeTime(n.createdAt, now),
      absolute: formatEventTime(n.createdAt, account.timeZone),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const back = listHref(listQuery(new URL(request.url)));
  const parsed = await parseSubmission(request, notificationActionSchema);
  if (!parsed.ok) {
    return redirectWithFlash(request, back, { kind: "error", message: "That request was incomplete. Try again." });
  }
  const input = parsed.data;
  if (input.intent === "readAll") {
    const count = await markRead(user.id, "all");
    return redirectWithFlash(request, back, {
      kind: "success",
      message: count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`,
    });
  }
  if (input.intent === "read") await markRead(user.id, [input.id]);
  else await markUnread(user.id, input.id);
  return redirectWithFlash(request, back, {
    kind: "success",
    message: input.intent === "read" ? "Marked as read." : "Marked as unread.",
  });
}

export default function Notifications() {
  const { query, total, unread, pages, items, timeZone } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/notifications";
  return (
    <div className="stack">
      <h1>Notifications</h1>
      <p>
        {unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread notification." : `${unread} unread notifications.`}{" "}
        <Link to="/account/notifications">Choose which emails you get and the projects you follow</Link>
      </p>
      <ZoneNote timeZone={timeZone} whose="your time zone (change it in notification settings)" />

      <div className="notifications-toolbar">
        <nav aria-label="Show">
          <ul className="action-list">
            <li>
              <Link to={listHref({ page: 1, unread: false })} aria-current={query.unread ? undefined : "page"}>
                All
              </Link>
            </li>
            <li>
              <Link to={listHref({ page: 1, unread: true })} aria-current={query.unread ? "page" : undefined}>
                Unread ({unread})
              </Link>
            </li>
          </ul>
        </nav>
        {unread > 0 ? (
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="readAll" pendingLabel="Marking…" className="secondary">
              Mark all as read
            </SubmitButton>
          </Form>
        ) : null}
      </div>

      <div aria-busy={loading || undefined}>
        {items.length > 0 ? (
          <ol className="notification-list">
            {items.map((n) => (
              <li key={n.id} className={n.unread ? "card notification notification--unread" : "card notification"}>
                <h2 className="notification__title">
                  {n.unread ? <span className="badge">Unread</span> : null}{" "}
                  {/* A document request: the open route marks it read, then redirects. */}
                  <Link to={`/notifications/${n.id}/open`} reloadDocument>
                    {n.title}
                  </Link>
                </h2>
                {n.detail ? <p>{n.detail}</p> : null}
                <p className="muted">
                  {n.project ? (
                    <>
                      <Link to={`/projects/${n.project.slug}`}>{n.project.name}</Link> ·{" "}
                    </>
                  ) : null}
                  <time dateTime={n.createdAt} title={n.absolute}>
                    {n.relative}
                  </time>{" "}
                  ({n.absolute})
                </p>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={n.id} />
                  <SubmitButton
                    name="intent"
                    value={n.unread ? "read" : "unread"}
                    match={{ id: n.id }}
                    pendingLabel="Saving…"
                    className="link-button"
                  >
                    {n.unread ? "Mark as read" : "Mark as unread"}
                    <span className="visually-hidden">: {n.title}</span>
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ol>
        ) : total > 0 ? (
          <p>
            There is nothing on this page.{" "}
            <Link to={listHref({ page: 1, unread: query.unread })}>Go to the first page</Link>
          </p>
        ) : query.unread ? (
          <div className="card">
            <p>You have read everything.</p>
            <p>
              <Link to={listHref({ page: 1, unread: false })}>Show all notifications</Link>
            </p>
          </div>
        ) : (
          <div className="card">
            <p>No notifications yet.</p>
            <p>
              When you follow a project, its news appears here: stage changes, moved milestone dates and public comment
              periods. People who work on a project follow it automatically.
            </p>
            <p>
              <Link to="/projects">Find a project to follow</Link>
            </p>
          </div>
        )}
      </div>

      {pages > 1 ? (
        <nav aria-label="Pages" className="pagination">
          <ul className="action-list">
            {query.page > 1 ? (
              <li>
                <Link to={listHref({ page: query.page - 1, unread: query.unread })} rel="prev">
                  Newer
                </Link>
              </li>
            ) : null}
            <li>
              Page {Math.min(query.page, pages)} of {pages}
            </li>
            {query.page < pages ? (
              <li>
                <Link to={listHref({ page: query.page + 1, unread: query.unread })} rel="next">
                  Older
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
