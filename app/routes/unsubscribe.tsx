// One-click unsubscribe from a link in an email; no sign-in, the signed token is the authority.
// GET only asks (mail scanners fetch every link, and must not unsubscribe anyone); POST does it.
// Mail providers POST here themselves (RFC 8058: body "List-Unsubscribe=One-Click", token in the
// query string, no cookies, no Origin), which is why csrf.server.ts exempts this one path.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import type { EmailToken } from "~/models/notifications/email-tokens.server";
import { verifyEmailToken } from "~/models/notifications/email-tokens.server";
import { applyUnsubscribe, describeUnsubscribe } from "~/models/notifications/unsubscribe.server";
import { readSubmission } from "~/utils/submission.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Lodestone" }, { name: "robots", content: "noindex" }];

type Page =
  | { state: "invalid" }
  | { state: "ask"; token: string; what: string }
  | { state: "done"; what: string; accountSettings: boolean };

const INVALID = { state: "invalid" } as const;

/** The token and what it stops, or null for a forged, altered, incomplete or stale link. */
async function readToken(raw: string | null | undefined): Promise<{ token: EmailToken; what: string } | null> {
  const token = verifyEmailToken(raw);
  if (!token || token.k === "confirm") return null;
  const what = await describeUnsubscribe(token);
  return what ? { token, what } : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("token");
  const found = await readToken(raw);
  if (!found || !raw) return data<Page>(INVALID, { status: 400 });
  return data<Page>({ state: "ask", token: raw, what: found.what });
}

export async function action({ request }: ActionFunctionArgs) {
  // A provider's one-click POST may come with any body or none: the token in the URL is enough.
  const fromForm = (await readSubmission(request, { optionalBody: true })).get("token");
  const raw = new URL(request.url).searchParams.get("token") ?? (typeof fromForm === "string" ? fromForm : null);
  const found = await readToken(raw);
  if (!found || !(await applyUnsubscribe(found.token))) return data<Page>(INVALID, { status: 400 });
  // 200 with this page, for the person and for a provider's one-click POST alike.
  return data<Page>({ state: "done", what: found.what, accountSettings: found.token.k !== "sub" });
}

export default function Unsubscribe() {
  const asked = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const page: Page = done ?? asked;
  if (page.state === "invalid") {
    return (
      <div className="narrow stack">
        <h1>This unsubscribe link is not valid</h1>
        <p>
          This unsubscribe link is not valid: it may have been copied incompletely, or what it was for no longer exists.
          Nothing was changed.
        </p>
        <p>
          Open the link again from the email, or <Link to="/auth/login?redirectTo=/account/notifications">sign in</Link>{" "}
          to choose which emails you get.
        </p>
      </div>
    );
  }
  if (page.state === "done") {
    return (
      <div className="narrow stack">
        <h1>You are unsubscribed</h1>
        <p role="status">Done: you will no longer receive {page.what}.</p>
        {page.accountSettings ? (
          <p>
            You can change this, and choose other emails, in your{" "}
            <Link to="/account/notifications">notification settings</Link>.
          </p>
        ) : (
          <p>
            You can ask for them again from the project&rsquo;s page on <Link to="/projects">Lodestone</Link>.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>Unsubscribe</h1>
      <Form method="post">
        <input type="hidden" name="token" value={page.token} />
        <p>Stop {page.what}?</p>
        <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
      </Form>
    </div>
  );
}
