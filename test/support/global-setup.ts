// Starts one PostgreSQL for the whole integration run (the bundled one in a throwaway folder,
// or TEST_DATABASE_URL's server) and migrates a template database once. Each test file then
// gets its own fresh copy of the template (test/support/database.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../../app/services/embedded-postgres.server";
import { applyMigrations } from "../../app/services/migrate.server";

export const TEMPLATE_DATABASE = "lodestone_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..", "..");
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-test-pg-"));
    const port = 55000 + Math.floor(Math.random() * 4000);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = new URL(adminUrl);
  template.pathname = `/${TEMPLATE_DATABASE}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  await applyMigrations(template.toString(), root);
  project.provide("postgresAdminUrl", adminUrl);
  return stop;
}
