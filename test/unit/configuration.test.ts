// Configuration lives in one place: app/env.server.ts declares every setting and is the only module
// that reads process.env; `.env.example` and the README's table list every setting it declares.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, SETTING_NAMES } from "~/env.server";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function exampleNames(): string[] {
  return [...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
}

function readmeTableNames(): string[] {
  const readme = read("README.md");
  const start = readme.indexOf("## Configuration");
  const end = readme.indexOf("\n#", start + 1);
  const rows = readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]));
}

describe("configuration", () => {
  it("lists every setting in .env.example", () => {
    expect(SETTING_NAMES.filter((name) => !exampleNames().includes(name))).toEqual([]);
  });

  it("lists only declared settings in .env.example", () => {
    expect(exampleNames().filter((name) => !(SETTING_NAMES as string[]).includes(name))).toEqual([]);
  });

  it("lists every setting in the README's configuration table, and only those", () => {
    const documented = readmeTableNames();
    expect(SETTING_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !(SETTING_NAMES as string[]).includes(name))).toEqual([]);
  });

  // A merge once left the whole table twice, the second copy stale.
  it("documents each setting in one row of the README's table", () => {
    const documented = readmeTableNames();
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
  });

  it("reads process.env only in app/env.server.ts", () => {
    const files = [
      ...sourceFiles("app"),
      "scripts/server.ts",
      "scripts/app.ts",
      "scripts/security-headers.ts",
      "scripts/worker.ts",
    ];
    const readers = files.filter((file) => file !== "app/env.server.ts" && /process\.env\b/.test(read(file)));
    expect(readers).toEqual([]);
  });

  it("derives the app's address and data folders from PORT and LODESTONE_DATA_DIR", () => {
    const settings = parseEnv({ PORT: "4100", LODESTONE_DATA_DIR: "/var/lib/lodestone" });
    expect(settings).toMatchObject({
      APP_URL: "http://localhost:4100",
      DEV_INBOX_DIR: "/var/lib/lodestone/dev-inbox",
      DOCUMENT_STORAGE_DIR: "/var/lib/lodestone/documents",
    });
  });

  it("takes an empty setting as unset (the end-to-end server starts with DATABASE_URL empty)", () => {
    const settings = parseEnv({ DATABASE_URL: "", DOCUMENT_MAX_MB: "", PORT: "" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings).toMatchObject({ DOCUMENT_MAX_MB: 50, APP_URL: "http://localhost:3000" });
  });

  it("refuses a public deployment with the development secret", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "production", APP_URL: "https://lodestone.example.org", RESEND_API_KEY: "re_x" }),
    ).toThrow(/SESSION_SECRET/);
  });
});
