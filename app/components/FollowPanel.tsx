// Following a project (signed in) or asking for email about it (visitors), on the project page.
// Every control is a plain form that posts to /projects/<slug>/follow or /subscribe and comes back.
// Plain on purpose: the project page is the record's most visited page, on slow connections too,
// and one email field gains nothing from react-hook-form and zod in the browser (about 29 KB
// gzipped); the subscribe action checks the address with its zod schema and shows the error.
import { Form, Link } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { FormError, SubmitButton, TextField, useFocusFirstError, type ServerResult } from "./form-fields";

export type FollowPanelData =
  | {
      kind: "member";
      following: boolean;
      /** Follows because of work for the company or an agency of the project. */
      automatic: boolean;
      emailMuted: boolean;
      /** The organization that makes the follow automatic. */
      because: string | null;
    }
  | { kind: "visitor" }
  | { kind: "none" };

export function FollowPanel({ slug, data }: { slug: string; data: FollowPanelData }) {
  if (data.kind === "none") return null;
  if (data.kind === "visitor") {
    return (
      <section className="card follow-panel" aria-labelledby="follow-title">
        <h2 id="follow-title">Get email updates about this project</h2>
        <SubscribeForm slug={slug} />
      </section>
    );
  }
  return (
    <section className="card follow-panel" aria-labelledby="follow-title">
      <h2 id="follow-title">Follow this project</h2>
      {data.following ? (
        <div className="follow-panel__row">
          <p>
            <strong>Following.</strong>{" "}
            {data.automatic
              ? `You follow this project because you work for ${data.because ?? "its company or an agency reviewing it"}.`
              : "Its news appears in your notifications."}
          </p>
          <FollowForm slug={slug} intent="unfollow">
            {data.automatic ? "Stop following" : "Unfollow"}
          </FollowForm>
        </div>
      ) : (
        <div className="follow-panel__row">
          <p>
            {data.automatic
              ? `You stopped following this project, which you would follow because you work for ${data.because ?? "its company or an agency reviewing it"}.`
              : "Follow it to see its news in your notifications and by email."}
          </p>
          <FollowForm slug={slug} intent="follow">
            Follow
          </FollowForm>
        </div>
      )}
      {data.following ? (
        <div className="follow-panel__row">
          <p>
            Email about this project: <strong>{data.emailMuted ? "off" : "on"}</strong>
            {data.emailMuted ? ". Its news still appears in your notifications." : "."}
          </p>
          <FollowForm slug={slug} intent="email" email={data.emailMuted ? "on" : "off"}>
            {data.emailMuted ? "Turn email on" : "Turn email off"}
          </FollowForm>
        </div>
      ) : null}
      <p className="muted">
        <Link to="/notifications">Your notifications</Link> · <Link to="/account/notifications">Email settings</Link>
      </p>
    </section>
  );
}

/**
 * One button that posts to the project's follow route. `redirectTo` brings the person back to
 * another page than the project (the settings table); `hiddenLabel` completes the button's name for
 * screen readers where several rows have the same button.
 */
export function FollowForm({
  slug,
  intent,
  email,
  redirectTo,
  hiddenLabel,
  children,
}: {
  slug: string;
  intent: "follow" | "unfollow" | "email";
  email?: "on" | "off";
  redirectTo?: string;
  hiddenLabel?: string;
  children: ReactNode;
}) {
  const action = `/projects/${slug}/follow`;
  return (
    <Form method="post" action={action} className="inline-form">
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      {email ? <input type="hidden" name="email" value={email} /> : null}
      <SubmitButton
        name="intent"
        value={intent}
        action={action}
        pendingLabel="Saving…"
        className={intent === "follow" ? undefined : "secondary"}
      >
        {children}
        {hiddenLabel ? <span className="visually-hidden"> {hiddenLabel}</span> : null}
      </SubmitButton>
    </Form>
  );
}

/** A visitor's request for email about one project; the subscribe route shows it again with errors. */
export function SubscribeForm({ slug, result }: { slug: string; result?: ServerResult }) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(result?.errors, ref);
  const action = `/projects/${slug}/subscribe`;
  return (
    <Form method="post" action={action} noValidate ref={ref} aria-label="Get email updates about this project">
      <FormError message={result?.errors?.form} />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        hint="We first send a link to confirm. Every email has a link to stop them."
        required
        error={result?.errors?.email}
        defaultValue={result?.values?.email}
        // Without JavaScript, autofocus is how the field with the error gets focus on reload.
        autoFocus={Boolean(result?.errors?.email)}
      />
      <SubmitButton pendingLabel="Sending…" action={action}>
        Get email updates
      </SubmitButton>
      <p className="muted">
        Have an account? <Link to={`/auth/login?redirectTo=${encodeURIComponent(`/projects/${slug}`)}`}>Sign in</Link>{" "}
        to follow it and choose which emails you get.
      </p>
    </Form>
  );
}
