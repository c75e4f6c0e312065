import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "~/services/db.server";
import { createOrganization, insertProjectRow } from "../support/factories";

const MIGRATION = path.resolve(
  import.meta.dirname,
  "../../prisma/migrations/20261202055900_http_urls_only/migration.sql",
);

async function world() {
  const company = await createOrganization("COMPANY");
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: null });
  const milestone = await prisma.milestone.create({ data: { projectId: project.id, key: "rod", name: "ROD" } });
  return { company, project, milestone };
}

describe("stored web addresses in the database", () => {
  it("refuses a non-http(s) address even from a path that skips the form schemas", async () => {
    const w = await world();
    await expect(
      prisma.project.update({ where: { id: w.project.id }, data: { website: "javascript:alert(1)" } }),
    ).rejects.toThrow(/Project_website_http/);
    await expect(
      prisma.milestone.update({ where: { id: w.milestone.id }, data: { sourceUrl: "data:text/html,x" } }),
    ).rejects.toThrow(/Milestone_sourceUrl_http/);
    await expect(
      prisma.organization.update({ where: { id: w.company.id }, data: { website: "vbscript:x" } }),
    ).rejects.toThrow(/Organization_website_http/);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: w.project.id } })).website).toBeNull();
    await prisma.project.update({ where: { id: w.project.id }, data: { website: "https://example.org/" } });
  });

  it("the migration drops stored non-http(s) addresses and keeps http(s) ones", async () => {
    const w = await world();
    const other = await insertProjectRow({ companyId: w.company.id, leadAgencyId: null });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // The database as it was before the migration: no constraints, hostile rows stored.
      await client.query(`
        ALTER TABLE "Organization" DROP CONSTRAINT "Organization_website_http";
        ALTER TABLE "Project" DROP CONSTRAINT "Project_website_http";
        ALTER TABLE "Milestone" DROP CONSTRAINT "Milestone_sourceUrl_http";`);
      await client.query(`UPDATE "Project" SET "website" = $1 WHERE id = $2`, [" JavaScript:alert(1)", w.project.id]);
      await client.query(`UPDATE "Project" SET "website" = $1 WHERE id = $2`, ["HTTPS://mine.example/", other.id]);
      await client.query(`UPDATE "Milestone" SET "sourceUrl" = $1 WHERE id = $2`, ["data:text/html,x", w.milestone.id]);
      await client.query(`UPDATE "Organization" SET "website" = $1 WHERE id = $2`, ["vbscript:x", w.company.id]);

      await client.query(readFileSync(MIGRATION, "utf8"));
    } finally {
      await client.end();
    }
    expect((await prisma.project.findUniqueOrThrow({ where: { id: w.project.id } })).website).toBeNull();
    expect((await prisma.project.findUniqueOrThrow({ where: { id: other.id } })).website).toBe("HTTPS://mine.example/");
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: w.milestone.id } })).sourceUrl).toBeNull();
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: w.company.id } })).website).toBeNull();
  });
});
