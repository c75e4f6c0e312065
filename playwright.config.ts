import { defineConfig } from "@playwright/test";

// The end-to-end run drives the built app through its real server, on its own bundled
// PostgreSQL (fresh each run) and with email sent by the real resend SDK to a local recorder.
// The ports may be moved (E2E_APP_PORT, E2E_MAIL_PORT, E2E_PG_PORT) so that several copies of the
// project can run their end-to-end tests on one machine at once; each port gets its own data folder.
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
export const E2E = {
  appPort: port("E2E_APP_PORT", 3100),
  mailPort: port("E2E_MAIL_PORT", 3101),
  pgPort: port("E2E_PG_PORT", 55490),
  dataDir: process.env.E2E_PG_PORT ? `.data/e2e-${process.env.E2E_PG_PORT}` : ".data/e2e",
};
export const APP_URL = `http://localhost:${E2E.appPort}`;
export const MAIL_URL = `http://127.0.0.1:${E2E.mailPort}`;

// Test code sets up its data against the same database, through model functions where the rules
// matter and through the test factories' direct rows where a story only needs a starting point.
process.env.DATABASE_URL = `postgresql://lodestone:lodestone-local@127.0.0.1:${E2E.pgPort}/lodestone`;
process.env.APP_URL = APP_URL;
process.env.RESEND_API_KEY = "re_e2e_key";
process.env.RESEND_BASE_URL = MAIL_URL;

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "node --import tsx test/support/run-mail-recorder.ts",
      url: `${MAIL_URL}/__emails`,
      env: { MAIL_RECORDER_PORT: String(E2E.mailPort) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `rm -rf ${E2E.dataDir} && node --import tsx scripts/server.ts`,
      url: `${APP_URL}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      env: {
        // Empty: the server starts its own bundled PostgreSQL, as a new user's first start does.
        DATABASE_URL: "",
        NODE_ENV: "production",
        PORT: String(E2E.appPort),
        APP_URL,
        LODESTONE_DATA_DIR: E2E.dataDir,
        EMBEDDED_PG_PORT: String(E2E.pgPort),
        RESEND_API_KEY: "re_e2e_key",
        RESEND_BASE_URL: MAIL_URL,
        SESSION_SECRET: "e2e-session-secret-0123456789",
        LOGIN_MAX_ATTEMPTS_PER_IP: "1000",
      },
    },
  ],
});
