// Confirming a visitor's email updates (double opt-in) from the link in the confirmation email.
// GET only asks, so a mail scanner fetching the link confirms nothing; the button POSTs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { confirmEmailSubscription, getEmailSubscription } from "~/models/notifications/email-subscription.server";
import { verifyEmailToken } from "~/models/notifications/email-tokens.server";
import { readSubmission } from "~/utils/submission.server";

export const meta: MetaFunction = () => [
  { title: "Confirm email updates · Lodestone" },
  { name: "robots", content: "noindex" },
];

type Project = { name: string; slug: string };
type Page =
  | { state: "invalid" }
  | { state: "ask"; token: string; email: string; project: Project; active: boolean }
  | { state: "confirmed"; email: string; project: Project };

const INVALID = { state: "invalid" } as const;

async function readToken(raw: string | null | undefined) {
  const token = verifyEmailToken(raw);
  if (token?.k !== "confirm") return null;
  return getEmailSubscription(token.s);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("token");
  const subscription = await readToken(raw);
  if (!subscription || !raw) return data<Page>(INVALID, { status: 400 });
  return data<Page>({
    state: "ask",
    token: raw,
    email: subscription.email,
    project: subscription.project,
    active: subscription.confirmedAt !== null && subscription.unsubscribedAt === null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const fromForm = (await readSubmission(request)).get("token");
  const raw = typeof fromForm === "string" ? fromForm : new URL(request.url).searchParams.get("token");
  const subscription = await readToken(raw);
  if (!subscription) return data<Page>(INVALID, { status: 400 });
  const confirmed = await confirmEmailSubscription(subscription.id);
  return data<Page>({ state: "confirmed", email: confirmed.email, project: confirmed.project });
}

export default function ConfirmSubscription() {
  const asked = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const page: Page = done ?? asked;
  if (page.state === "invalid") {
    return (
      <div className="narrow stack">
        <h1>This confirmation link is not valid</h1>
        <p>
          This confirmation link is not valid: it may have been copied incompletely, or the request it confirms no
          longer exists. Nothing was changed.
        </p>
        <p>
          You can ask for email updates again from the project&rsquo;s page.{" "}
          <Link to="/projects">See the projects</Link>
        </p>
      </div>
    );
  }
  const projectLink = <Link to={`/projects/${page.project.slug}`}>{page.project.name}</Link>;
  if (page.state === "confirmed") {
    return (
      <div className="narrow stack">
        <h1>Email updates confirmed</h1>
        <p role="status">
          Done: {page.email} will get email about {projectLink} when it changes stage and when a public comment period
          opens, is extended, is about to close or closes.
        </p>
        <p>Every email has a link to stop them, one click, no account needed.</p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>Confirm email updates</h1>
      {page.active ? (
        <p>
          {page.email} already gets email updates about {projectLink}. There is nothing more to do.
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="token" value={page.token} />
          <p>
            Confirm email updates about {projectLink} for {page.email}?
          </p>
          <SubmitButton pendingLabel="Confirming…">Confirm email updates</SubmitButton>
        </Form>
      )}
    </div>
  );
}
