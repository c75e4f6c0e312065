// Email confirmation. The link from the email opens this page; confirming is a POST so that
// link scanners in mail systems cannot use up the token by merely fetching it (GET has no effect).
// With JavaScript the page sends that POST by itself, so opening the link is the one step; a scanner
// that runs scripts could confirm too, which only proves again that the link reached the mailbox.
// Without JavaScript the page says plainly that one press is left and why.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SubmitButton } from "~/components/forms";
import { AccountError, sendVerificationEmail, verifyEmail } from "~/models/account.server";
import { getOptionalUser, requireUser, safeRedirect } from "~/services/auth.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";
import { readSubmission } from "~/utils/submission.server";
import { verifyEmailSchema } from "~/schemas/auth";

export const meta: MetaFunction = () => [{ title: "Confirm your email · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const token = search.get("token");
  const user = await getOptionalUser(request);
  return {
    token,
    // Where the person was going when they signed up (an invitation), carried by the emailed link.
    redirectTo: safeRedirect(search.get("redirectTo"), ""),
    user: user ? { email: user.email, verified: user.emailVerifiedAt !== null } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = verifyEmailSchema.safeParse(Object.fromEntries(await readSubmission(request)));
  if (!parsed.success) return invalid({ form: "This request was incomplete. Open the link from the email again." });
  if (parsed.data.intent === "resend") {
    const user = await requireUser(request);
    if (user.emailVerifiedAt) {
      return redirectWithFlash(request, "/account", {
        kind: "info",
        message: "Your email address is already confirmed.",
      });
    }
    await sendVerificationEmail({ id: user.id, email: user.email, name: user.name });
    return redirectWithFlash(request, "/auth/verify", {
      kind: "success",
      message: `We sent a new confirmation link to ${user.email}.`,
    });
  }
  try {
    await verifyEmail(parsed.data.token, { requestId: context.requestId });
  } catch (error) {
    if (error instanceof AccountError) return invalid({ form: error.message });
    throw error;
  }
  const signedIn = await getOptionalUser(request);
  const next = safeRedirect(parsed.data.redirectTo, "");
  const to = signedIn ? next || "/" : next ? `/auth/login?redirectTo=${encodeURIComponent(next)}` : "/auth/login";
  return redirectWithFlash(request, to, {
    kind: "success",
    message: signedIn
      ? "Thank you: your email address is confirmed."
      : "Your email address is confirmed. Please sign in.",
  });
}

export default function Verify() {
  const { token, redirectTo, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const sent = useRef(false);
  const failed = Boolean(result?.errors.form);
  useEffect(() => {
    if (!token || failed || sent.current) return;
    sent.current = true;
    submit({ intent: "confirm", token, ...(redirectTo ? { redirectTo } : {}) }, { method: "post" });
  }, [token, redirectTo, failed, submit]);
  return (
    <div className="narrow stack">
      <h1>Confirm your email address</h1>
      {result?.errors.form ? (
        <div role="alert" className="form-error">
          {result.errors.form}
        </div>
      ) : null}
      {token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <p>
            <strong>One step left:</strong> press the button to confirm that this email address is yours. Opening the
            link alone does not confirm it, because mail systems open links to scan them.
          </p>
          <SubmitButton name="intent" value="confirm" pendingLabel="Confirming…">
            Confirm my email address
          </SubmitButton>
        </Form>
      ) : user?.verified ? (
        <p>Your email address {user.email} is confirmed.</p>
      ) : user ? (
        <Form method="post">
          <p>
            We sent a confirmation link to <strong>{user.email}</strong>. Open it to confirm your address. It can take a
            minute to arrive; check your spam folder too.
          </p>
          <SubmitButton name="intent" value="resend" pendingLabel="Sending…">
            Send the link again
          </SubmitButton>
        </Form>
      ) : (
        <p>
          Open the link from your confirmation email, or <Link to="/auth/login">sign in</Link> to get a new one.
        </p>
      )}
    </div>
  );
}
