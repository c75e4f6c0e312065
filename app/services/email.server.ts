// The Resend SDK client and the local dev inbox. Every email goes out through the queue
// (notifications/send.server.ts): requests write to the outbox (email-outbox.server.ts), never here.
// With no RESEND_API_KEY the worker writes each message to the dev inbox (shown at /dev/inbox)
// instead, so nothing is silently dropped. Tests point the SDK at a recording HTTP server.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resend } from "resend";
import { env } from "~/env.server";

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
