// Per test file: a fresh database copied from the migrated template, set as DATABASE_URL
// before any app module is imported; dropped when the file is done. Also a recording mail
// server for the real resend SDK.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { startMailRecorder, type MailRecorder } from "./mail-recorder";

const TEMPLATE_DATABASE = "lodestone_test_template";
const adminUrl = inject("postgresAdminUrl");
const name = `lodestone_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.APP_URL = "http://localhost:3000";

const recorder = await startMailRecorder();
process.env.RESEND_API_KEY = "re_test_key";
process.env.RESEND_BASE_URL = recorder.url;
(globalThis as { __mailRecorder?: MailRecorder }).__mailRecorder = recorder;

afterAll(async () => {
  const { prisma } = await import("../../app/services/db.server");
  await prisma.$disconnect();
  (globalThis as { lodestonePrisma?: unknown }).lodestonePrisma = undefined;
  await recorder.close();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name} with (force)`);
  await cleanup.end();
});

export function mailbox(): MailRecorder {
  const found = (globalThis as { __mailRecorder?: MailRecorder }).__mailRecorder;
  if (!found) throw new Error("The mail recorder runs only in integration tests.");
  return found;
}
