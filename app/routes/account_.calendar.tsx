// The private calendar address: the comment deadlines and milestones of every project the person
// follows, for a calendar app to subscribe to. Made, replaced and revoked here.
// (account_ keeps this page out of the /account page's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SubmitButton } from "~/components/forms";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "~/models/calendar-feed.server";
import { listFollowedProjects } from "~/models/notifications/follow.server";
import { calendarFeedSchema } from "~/schemas/calendar";
import { requireUser } from "~/services/auth.server";
import { formatEventDay } from "~/utils/dates";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission.server";

const PAGE = "/account/calendar";

export const meta: MetaFunction = () => [{ title: "Your private calendar · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [feed, followed] = await Promise.all([getCalendarFeed(user.id), listFollowedProjects(user.id)]);
  return {
    feed: feed ? { url: feed.url, created: `${formatEventDay(feed.createdAt, "UTC")} (UTC)` } : null,
    followedCount: followed.length,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseSubmission(request, calendarFeedSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const audit = auditContext(context, user.id);
  if (parsed.data.intent === "create") {
    await createCalendarFeed(user.id, audit);
    return redirectWithFlash(request, PAGE, {
      kind: "success",
      message: "Your private calendar address is ready. Any earlier address no longer works.",
    });
  }
  const revoked = await revokeCalendarFeed(user.id, audit);
  return redirectWithFlash(request, PAGE, {
    kind: "success",
    message: revoked
      ? "The address is revoked: calendar apps using it get nothing more."
      : "You had no address to revoke.",
  });
}

export default function PrivateCalendar() {
  const { feed, followedCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <h1>Your private calendar</h1>
      <p>
        One calendar address with the comment deadlines and milestones of every project you follow (
        {followedCount === 1 ? "1 project" : `${followedCount} projects`} now; change them in{" "}
        <Link to="/account/notifications">notification settings</Link>). Add it to your calendar app as a subscription
        (“From URL” or “Subscribe to calendar”) and it stays up to date as deadlines move.
      </p>
      <FormError message={result?.errors?.intent ?? result?.errors?.form} />
      {feed ? (
        <section className="card stack" aria-labelledby="calendar-address-title">
          <h2 id="calendar-address-title">Your address</h2>
          <label htmlFor="calendar-address">Calendar address (made on {feed.created})</label>
          <input id="calendar-address" className="calendar-address" type="text" readOnly value={feed.url} />
          <p className="hint">
            Keep it to yourself: anyone with it can see which projects you follow. If it got out, make a new one or
            revoke it.
          </p>
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="create" pendingLabel="Making a new address…" className="secondary">
              Make a new address (the old one stops working)
            </SubmitButton>
          </Form>
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="revoke" pendingLabel="Revoking…" className="secondary">
              Revoke this address
            </SubmitButton>
          </Form>
        </section>
      ) : (
        <section className="card stack" aria-labelledby="calendar-address-title">
          <h2 id="calendar-address-title">No address yet</h2>
          <p>The address is a secret link: only you see it here, and you can revoke it at any time.</p>
          <Form method="post">
            <SubmitButton name="intent" value="create" pendingLabel="Making your address…">
              Make my calendar address
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}
