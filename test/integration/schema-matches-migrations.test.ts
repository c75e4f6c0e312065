// A change to prisma/schema.prisma without a migration (or a migration the schema does not know
// about) fails here, not in production. Prisma's own drift checks cannot run on these machines
// (introspection through the driver adapter stops at PostgreSQL's `char` type), so this builds a
// second database straight from schema.prisma and compares the two catalogues: tables, columns
// (type, nullability, default; generated columns excepted), enums and the indexes the schema declares. Objects only raw SQL
// can make (triggers, partial indexes, functions) live in migrations alone and are not compared.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const adminUrl = inject("postgresAdminUrl");
const fromSchemaName = `lodestone_schema_${randomBytes(6).toString("hex")}`;

function urlFor(database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** SQL that creates the schema.prisma datamodel from nothing. */
async function sqlFromSchema(): Promise<string> {
  const { stdout } = await run(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: urlFor(fromSchemaName),
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

type Catalogue = { columns: string[]; enums: string[]; indexes: string[] };

async function catalogue(url: string): Promise<Catalogue> {
  return withClient(url, async (client) => {
    const columns = await client.query<{ line: string }>(`
      select table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable
        || ' default=' || coalesce(column_default, '-') as line
      from information_schema.columns
      where table_schema = 'public' and table_name <> '_prisma_migrations'
        -- generated columns (the comment search vector) are raw SQL, unknown to the schema
        and is_generated = 'NEVER'
      order by 1`);
    const enums = await client.query<{ line: string }>(`
      select t.typname || ': ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
      from pg_type t join pg_enum e on e.enumtypid = t.oid
        join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public'
      group by t.typname order by 1`);
    const indexes = await client.query<{ line: string }>(`
      select indexdef as line from pg_indexes
      where schemaname = 'public' and tablename <> '_prisma_migrations'
      order by 1`);
    return {
      columns: columns.rows.map((row) => row.line),
      enums: enums.rows.map((row) => row.line),
      indexes: indexes.rows.map((row) => row.line),
    };
  });
}

afterAll(async () => {
  await withClient(adminUrl, (client) => client.query(`drop database if exists ${fromSchemaName} with (force)`));
});

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same tables, columns, enums and declared indexes", async () => {
    await withClient(adminUrl, (client) => client.query(`create database ${fromSchemaName}`));
    const sql = await sqlFromSchema();
    await withClient(urlFor(fromSchemaName), (client) => client.query(sql));

    const fromMigrations = await catalogue(process.env.DATABASE_URL!);
    const fromSchema = await catalogue(urlFor(fromSchemaName));

    expect(fromMigrations.columns, "columns differ: write a migration (npm run db:migration -- name)").toEqual(
      fromSchema.columns,
    );
    expect(fromMigrations.enums, "enums differ: write a migration").toEqual(fromSchema.enums);
    // Every index the schema declares exists; migrations may add more by raw SQL.
    const missing = fromSchema.indexes.filter((index) => !fromMigrations.indexes.includes(index));
    expect(missing, "indexes in schema.prisma that no migration creates").toEqual([]);
  }, 120_000);
});
