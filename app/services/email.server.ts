// Sends email through the Resend SDK, rendered from react-email templates in emails/.
// With no RESEND_API_KEY the message is written to the local dev inbox (shown at /dev/inbox)
// instead, so nothing is silently dropped. Tests point the SDK at a recording HTTP server.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env, usesDevInbox } from "~/env.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  template: string;
  body: ReactElement;
  idempotencyKey?: string;
};

export type DevInboxMessage = {
  id: string;
  to: string;
  from: string;
  subject: string;
  template: string;
  html: string;
  text: string;
  sentAt: string;
};

let client: Resend | undefined;
export function resend(): Resend {
  client ??= new Resend(env().RESEND_API_KEY, env().RESEND_BASE_URL ? { baseUrl: env().RESEND_BASE_URL } : undefined);
  return client;
}

export async function sendEmail(email: OutgoingEmail): Promise<{ id: string }> {
  const html = await render(email.body);
  const text = await render(email.body, { plainText: true });
  const from = env().EMAIL_FROM;

  if (usesDevInbox()) {
    return writeToDevInbox({ to: email.to, from, subject: email.subject, template: email.template, html, text });
  }

  const { data, error } = await resend().emails.send(
    { from, to: email.to, subject: email.subject, html, text, tags: [{ name: "template", value: email.template }] },
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  );
  if (error || !data) {
    throw new Error(
      `Email "${email.subject}" to ${email.to} was not accepted by Resend: ${error?.message ?? "no response"}`,
    );
  }
  return { id: data.id };
}

/** Without a Resend key, messages are kept as files for /dev/inbox instead of being dropped. */
export async function writeToDevInbox(message: Omit<DevInboxMessage, "id" | "sentAt">): Promise<{ id: string }> {
  const stored: DevInboxMessage = { ...message, id: randomUUID(), sentAt: new Date().toISOString() };
  const dir = path.resolve(env().DEV_INBOX_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${stored.sentAt.replace(/[:.]/g, "-")}-${stored.id}.json`), JSON.stringify(stored));
  return { id: stored.id };
}

/** Newest first. */
export async function listDevInbox(limit = 100): Promise<DevInboxMessage[]> {
  const dir = path.resolve(env().DEV_INBOX_DIR);
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return [];
  }
  const newest = files
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (file) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as DevInboxMessage),
  );
}
