// The one place process.env is read: every setting is declared and validated here, so a bad one
// fails loudly at boot. Two phases: bootEnv() is what starting the database needs (it may run
// before any DATABASE_URL exists); env() is every setting, read once the database is up.
import { z } from "zod";
import { parseTrustProxy } from "~/utils/network.server";

const bootSchema = z.object({
  // Unset means production to Remix (error details stay on the server); the app treats it as development.
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  // Unset: boot starts the bundled PostgreSQL and hands its URL over with setDatabaseUrl().
  DATABASE_URL: z.string().url().optional(),
  LODESTONE_DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Load demo data into an empty DATABASE_URL database too (the bundled one gets it by default).
  SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

const settingsSchema = bootSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  // Web processes `npm start` runs (node:cluster, one port). 1 (the default) is one process doing
  // everything; above 1, a primary process runs the background work once (the worker, the grouping
  // sweep) and forks this many web processes. About one per core.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // Public origin of the app, used for links in emails and the CSRF origin check.
  // Default: http://localhost:$PORT.
  APP_URL: z.string().url().optional(),
  // Signs the flash-message cookie and the links in emails.
  SESSION_SECRET: z.string().min(16).default("lodestone-dev-secret-change-me"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Lodestone <notifications@lodestone.test>"),
  // Where emails go when no Resend key is set (the /dev/inbox page reads it). Default:
  // $LODESTONE_DATA_DIR/dev-inbox.
  DEV_INBOX_DIR: z.string().optional(),
  // Uploaded documents on local disk. Default: $LODESTONE_DATA_DIR/documents.
  DOCUMENT_STORAGE_DIR: z.string().optional(),
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
  // The public log's Ed25519 signing key (PKCS#8 PEM), or the file that holds it. Default: the file
  // $LODESTONE_DATA_DIR/log-signing-key.pem, generated on first start when missing (local use only:
  // a public deployment must set one, so the key outlives the machine).
  LOG_SIGNING_KEY: z.string().optional(),
  LOG_SIGNING_KEY_FILE: z.string().optional(),
  // Digests are sent after this local hour, daily, and on Mondays for the weekly one.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Sign-in throttling (see docs/decisions/0008-abuse-limits.md). Failures lock one account for one
  // client (IPv4 address or IPv6 /64); past the per-block (/24) or hourly per-account bound, a client
  // that has itself failed on the account is refused. A client that has not been failing never is.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_NETWORK: z.coerce.number().int().positive().default(20),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_HOURLY: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  // Accounts created per hour from one client address, and from one network block (/24 or /64).
  SIGNUP_MAX_PER_IP: z.coerce.number().int().positive().default(5),
  SIGNUP_MAX_PER_NETWORK: z.coerce.number().int().positive().default(20),
  // The public read API (/api/v1): requests per client (IPv4 address or IPv6 /64) per window;
  // more get a 429 with Retry-After. 300 a minute pulls a 100,000-comment docket in under 2 minutes.
  API_RATE_LIMIT: z.coerce.number().int().positive().default(300),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  // The response cache for visitors (docs/decisions/0026-response-cache.md): pages asked for without
  // a cookie are kept in memory per process and dropped when the record changes (LISTEN/NOTIFY).
  // Off under `npm run dev` (a rebuild changes every page).
  RESPONSE_CACHE: z
    .enum(["on", "off"])
    .default("on")
    .transform((value) => value === "on"),
  // Memory for stored pages per process (least recently used out first), and the largest one stored.
  RESPONSE_CACHE_MAX_MB: z.coerce.number().positive().default(64),
  RESPONSE_CACHE_MAX_ENTRY_KB: z.coerce.number().int().positive().default(1024),
  // A stored page is rendered again after this long even if nothing changed (pages that show
  // "closes in 2 days" or an overdue milestone age with the clock).
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  // What a shared cache in front (a CDN) may do with a visitor's page: keep it this long
  // (s-maxage) and serve it stale while it fetches a new one (stale-while-revalidate). A CDN is not
  // told of changes: these bound how late it shows one. 0 keeps pages out of shared caches.
  RESPONSE_CACHE_S_MAXAGE: z.coerce.number().int().min(0).default(10),
  RESPONSE_CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).default(30),
  // Tests only: accept the language cookie "en-XA", the pseudo-locale (accented, lengthened
  // English) in which any text that escaped the message catalogue stands out. Never in production.
  I18N_PSEUDO_LOCALE: z
    .enum(["on", "off"])
    .default("off")
    .transform((value) => value === "on"),
  // Proxies in front of the app: a hop count ("1") or their addresses / CIDR blocks, never "true".
  // "false" (default): no proxy; X-Forwarded-For is ignored.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
        return z.NEVER;
      }
      return parsed.value;
    }),
});

/** Every setting's name: `.env.example` and the README's table list each one (a test checks). */
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

const schema = settingsSchema.transform((settings) => ({
  ...settings,
  APP_URL: settings.APP_URL ?? `http://localhost:${settings.PORT}`,
  DEV_INBOX_DIR: settings.DEV_INBOX_DIR ?? `${settings.LODESTONE_DATA_DIR}/dev-inbox`,
  DOCUMENT_STORAGE_DIR: settings.DOCUMENT_STORAGE_DIR ?? `${settings.LODESTONE_DATA_DIR}/documents`,
}));

export type BootEnv = z.infer<typeof bootSchema>;
export type Env = z.infer<typeof schema>;

type Source = Record<string, string | undefined>;

function parse<T extends z.ZodTypeAny>(schemaToUse: T, source: Source): z.infer<T> {
  // `NAME=` in a .env file or a process manager means "not set", as it did for `?? default` readers.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schemaToUse.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** Validates settings from `source` (process.env at run time; tests pass their own). */
export function parseEnv(source: Source): Env {
  const settings = parse(schema, source);
  // A deployment reachable by others must not run with the development secret or without a
  // real email provider (password resets would land in the local dev inbox).
  if (settings.NODE_ENV === "production" && !isLocalOrigin(settings.APP_URL)) {
    if (settings.SESSION_SECRET === "lodestone-dev-secret-change-me") {
      throw new Error("Set SESSION_SECRET: APP_URL is not a local address.");
    }
    if (!settings.RESEND_API_KEY) {
      throw new Error("Set RESEND_API_KEY: APP_URL is not a local address.");
    }
    if (!settings.LOG_SIGNING_KEY && !settings.LOG_SIGNING_KEY_FILE) {
      throw new Error(
        "Set LOG_SIGNING_KEY or LOG_SIGNING_KEY_FILE: APP_URL is not a local address, and the public record's checkpoints must be signed with a key you keep.",
      );
    }
  }
  return settings;
}

let cachedBoot: BootEnv | undefined;
let cached: Env | undefined;

/** What starting the database needs; safe to call before any database exists. */
export function bootEnv(): BootEnv {
  cachedBoot ??= parse(bootSchema, process.env);
  return cachedBoot;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Boot started the bundled PostgreSQL: its URL becomes DATABASE_URL for env() and for child
 * processes (the Prisma CLI, a worker started from here).
 */
export function setDatabaseUrl(url: string) {
  process.env.DATABASE_URL = url;
  cachedBoot = undefined;
  cached = undefined;
}

/** The environment a child process (the Prisma CLI) inherits, with `overrides` on top. */
export function childProcessEnv(overrides: Source): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export function isLocalOrigin(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Emails go to the local dev inbox instead of Resend. */
export const usesDevInbox = () => !env().RESEND_API_KEY;

/** Cookies are Secure whenever the app is served over https (always, in a real deployment). */
export const servesHttps = () => env().APP_URL.startsWith("https:");
