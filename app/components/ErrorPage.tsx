import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

// One error page for every route, with a message per status a person can act on. The page title
// (errorPageTitle, used by the root meta) says what happened too: a tab or a screen reader's first
// words must not read like the page that was refused.
const MESSAGES: Record<number, { title: string; advice: string }> = {
  400: { title: "That request could not be understood", advice: "Go back, check what you entered, and try again." },
  401: { title: "Please sign in", advice: "This page is for signed-in users." },
  403: {
    title: "Access refused: you do not have access to this",
    advice: "If you think you should, ask an owner of your organization or an administrator.",
  },
  404: { title: "Page not found", advice: "The address may be mistyped, or the page may have moved." },
  409: {
    title: "Someone else changed this first",
    advice: "Reload the page to see the latest version, then try again.",
  },
  410: { title: "This link is no longer valid", advice: "It may have expired or been used already." },
  429: { title: "Too many requests", advice: "Please wait a little and try again." },
};

/** "Access refused: … · Lodestone", "Page not found · Lodestone", or the 500 page's title. */
export function errorPageTitle(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    return `${(MESSAGES[error.status] ?? { title: `Error ${error.status}` }).title} · Lodestone`;
  }
  return "Something went wrong · Lodestone";
}

export function ErrorPage({ requestId }: { requestId?: string }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const known = MESSAGES[error.status] ?? { title: `Error ${error.status}`, advice: "" };
    const detail = typeof error.data === "string" && error.data.length < 500 ? error.data : null;
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{known.title}</h1>
        {detail ? <p>{detail}</p> : null}
        <p>{known.advice}</p>
        {error.status === 401 ? (
          <p>
            <Link to="/auth/login">Sign in</Link>
          </p>
        ) : null}
        <p>
          <Link to="/">Go to the list of projects</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong on our side</h1>
      <p>Nothing you did caused this. Please try again in a moment.</p>
      {requestId ? (
        <p>
          If it keeps happening, tell us this reference: <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">Go to the list of projects</Link>
      </p>
    </section>
  );
}
