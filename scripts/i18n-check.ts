// The message catalogues' check (README "Adding a language"), run by `npm test`:
// - every key of the English catalogue (the source) exists in every other language: a missing
//   translation fails;
// - no language has a key English lacks, and every English key is used somewhere in app/ or
//   emails/ (an unused key fails: delete it, or use it);
// - every message parses as ICU with supported formats and an `other` case, and a translation uses
//   the same arguments and tags as its English source.
// Usage: npx tsx scripts/i18n-check.ts   (exit 1 with the list when anything is wrong)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkMessage, messageArguments, SOURCES } from "../app/i18n/catalogue.server";
import { LOCALES } from "../app/i18n/locales";

export type CatalogueReport = {
  missing: Record<string, string[]>;
  extra: Record<string, string[]>;
  unused: string[];
  invalid: string[];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

export function checkCatalogues(root = path.resolve(import.meta.dirname, "..")): CatalogueReport {
  const english = SOURCES.en;
  const report: CatalogueReport = { missing: {}, extra: {}, unused: [], invalid: [] };
  for (const locale of LOCALES) {
    const messages = SOURCES[locale];
    if (locale !== "en") {
      report.missing[locale] = Object.keys(english).filter((key) => !(key in messages));
      report.extra[locale] = Object.keys(messages).filter((key) => !(key in english));
    }
    for (const [key, source] of Object.entries(messages)) {
      const problems = checkMessage(source);
      for (const problem of problems) report.invalid.push(`${locale} ${key}: ${problem}`);
      if (problems.length === 0 && locale !== "en" && key in english && checkMessage(english[key]!).length === 0) {
        const want = messageArguments(english[key]!).join(" ");
        const got = messageArguments(source).join(" ");
        if (want !== got)
          report.invalid.push(`${locale} ${key}: uses ${got || "no arguments"}, English uses ${want || "none"}`);
      }
    }
  }
  const code = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "emails"))]
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  report.unused = Object.keys(english).filter((key) => !code.includes(`"${key}"`));
  return report;
}

export function reportProblems(report: CatalogueReport): string[] {
  const lines: string[] = [];
  for (const [locale, keys] of Object.entries(report.missing)) {
    for (const key of keys) lines.push(`missing in ${locale}.json: ${key}`);
  }
  for (const [locale, keys] of Object.entries(report.extra)) {
    for (const key of keys) lines.push(`not in en.json, remove from ${locale}.json: ${key}`);
  }
  for (const key of report.unused) lines.push(`unused (no code says "${key}"): ${key}`);
  for (const problem of report.invalid) lines.push(`invalid: ${problem}`);
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problems = reportProblems(checkCatalogues());
  const total = Object.keys(SOURCES.en).length;
  if (problems.length > 0) {
    console.error(`[i18n] ${problems.length} problem(s) in the message catalogues:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`[i18n] ${total} messages, in ${LOCALES.join(", ")}: none missing, none unused`);
}
