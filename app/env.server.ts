// The one place process.env is read. Validated at boot so a bad setting fails loudly.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  // Public origin of the app, used for links in emails and the CSRF origin check.
  APP_URL: z.string().url().default("http://localhost:3000"),
  SESSION_SECRET: z.string().min(16).default("lodestone-dev-secret-change-me"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Lodestone <notifications@lodestone.test>"),
  // Where emails go when no Resend key is set (the /dev/inbox page reads it).
  DEV_INBOX_DIR: z.string().default(`${process.env.LODESTONE_DATA_DIR ?? ".data"}/dev-inbox`),
  // Uploaded documents on local disk.
  DOCUMENT_STORAGE_DIR: z.string().default(`${process.env.LODESTONE_DATA_DIR ?? ".data"}/documents`),
  // Largest document / comment attachment in MB (Document.sizeBytes is a 32-bit integer).
  DOCUMENT_MAX_MB: z.coerce.number().positive().max(2047).default(50),
  COMMENT_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(2047).default(10),
  // Documents a company may have stored across all its projects, in MB (5 GB: a plan of
  // operations with its baseline studies runs to a few hundred MB; several projects fit).
  COMPANY_STORAGE_QUOTA_MB: z.coerce.number().positive().default(5120),
  // Reports that hide a comment pending a moderator's review (Decidim's default is 3).
  COMMENT_AUTO_HIDE_REPORTS: z.coerce.number().int().min(1).default(3),
  // Comments accepted per client address per 10 minutes (households and libraries share one).
  COMMENT_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  // Notification delivery. The provider account's request rate (Resend's default is 2/s), shared
  // by every worker process through the database.
  EMAIL_REQUESTS_PER_SECOND: z.coerce.number().positive().default(2),
  // Tries of one batch request inside a job (backoff with full jitter between them); after that the
  // job fails and the queue retries it later with its own backoff.
  EMAIL_SEND_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  EMAIL_RETRY_MAX_MS: z.coerce.number().int().min(1).default(20_000),
  EMAIL_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  // The worker: run inside the app process (default) or only as `npm run worker`.
  RUN_WORKER_IN_APP: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // A job locked longer than this is taken to belong to a crashed worker and is run again (safe:
  // every send carries an idempotency key). Longer than any job can take.
  WORKER_STALE_LOCK_SECONDS: z.coerce.number().int().min(1).default(600),
  // Digests are sent after this local hour, daily, and on Mondays for the weekly one.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  // Behind a proxy the client address comes from X-Forwarded-For; only trust it when told to.
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
    }
    // A deployment reachable by others must not run with the development secret or without a
    // real email provider (password resets would land in the local dev inbox).
    if (parsed.data.NODE_ENV === "production" && !isLocalOrigin(parsed.data.APP_URL)) {
      if (parsed.data.SESSION_SECRET === "lodestone-dev-secret-change-me") {
        throw new Error("Set SESSION_SECRET: APP_URL is not a local address.");
      }
      if (!parsed.data.RESEND_API_KEY) {
        throw new Error("Set RESEND_API_KEY: APP_URL is not a local address.");
      }
    }
    cached = parsed.data;
  }
  return cached;
}

export function isLocalOrigin(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Emails go to the local dev inbox instead of Resend. */
export const usesDevInbox = () => !env().RESEND_API_KEY;

/** Cookies are Secure whenever the app is served over https (always, in a real deployment). */
export const servesHttps = () => env().APP_URL.startsWith("https:");
