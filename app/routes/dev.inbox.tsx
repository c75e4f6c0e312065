// The local dev inbox: emails written instead of sent when no RESEND_API_KEY is set.
// It shows other people's reset links, so it only answers when the app runs without Resend
// AND the request comes from this machine.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { usesDevInbox } from "~/env.server";
import { listDevInbox } from "~/services/email.server";
import { notFound } from "~/utils/http.server";
import { formatEventTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Dev inbox · Lodestone" }];

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export async function loader({ context }: LoaderFunctionArgs) {
  if (!usesDevInbox() || !LOOPBACK.has(context.clientIp)) throw notFound();
  const messages = await listDevInbox();
  return { messages: messages.map(({ html: _html, ...message }) => message) };
}

export default function DevInbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Dev inbox</h1>
      <p className="muted">
        No email provider is configured (RESEND_API_KEY is not set), so emails are kept here instead of sent. Only
        visible from this machine.
      </p>
      {messages.length === 0 ? (
        <p>No emails yet. Sign up or ask for a password reset and the message will appear here.</p>
      ) : (
        messages.map((message) => (
          <article key={message.id} className="card" aria-labelledby={`m-${message.id}`}>
            <h2 id={`m-${message.id}`}>{message.subject}</h2>
            <p className="muted">
              To {message.to} · {formatEventTime(message.sentAt, "UTC")} · template {message.template}
            </p>
            <pre className="pre-wrap">{message.text}</pre>
          </article>
        ))
      )}
    </div>
  );
}
