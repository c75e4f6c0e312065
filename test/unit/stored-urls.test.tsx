// Every stored URL column, found by name in prisma/schema.prisma, must be classified here: either
// a typed-in web address (checked by `httpUrl()` on the way in and rendered through `safeHref`),
// or a path the app builds itself. A new URL column fails this test until someone decides which.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { ExternalLink, SourceLink } from "~/components/ExternalLink";
import { MilestoneTimeline } from "~/components/MilestoneTimeline";
import { createOrganizationSchema } from "~/schemas/organization";
import {
  addMilestoneSchema,
  createProjectSchema,
  editProjectSchema,
  statutoryExtensionSchema,
} from "~/schemas/project";
import { safeHref } from "~/utils/urls";

const root = path.resolve(import.meta.dirname, "../..");

type TypedIn = {
  kind: "typed-in";
  /** Every form schema that writes the column, and the form field name. */
  schemas: { schema: ZodTypeAny; field: string; base: Record<string, unknown> }[];
  /** How each page that shows the column renders a given value; empty when no page shows it. */
  renders: ((value: string) => string)[];
};
type AppPath = { kind: "app-path"; why: string };
/** Written only by the demo seed from the public record, never typed in; still shown safely. */
type Seeded = { kind: "seeded"; why: string; renders: ((value: string) => string)[] };

const projectBase = {
  name: "Thacker Pass",
  companyId: "c",
  state: "NV",
  leadAgencyId: "a",
  county: "Humboldt",
  commodities: "lithium",
  landStatus: "BLM",
  description: "An open-pit lithium mine and processing plant.",
};

const sourceLink = (value: string) =>
  renderToStaticMarkup(
    <ExternalLink href={value} aria-label="Source">
      source
    </ExternalLink>,
  );

const URL_COLUMNS: Record<string, TypedIn | AppPath | Seeded> = {
  "StageTransition.sourceUrl": {
    kind: "seeded",
    why: "The public source of a stage change in the record; the project page shows it through ExternalLink.",
    renders: [sourceLink],
  },
  "MilestoneDateChange.sourceUrl": {
    kind: "seeded",
    why: "The public source of a schedule change; the project page shows it through ExternalLink.",
    renders: [sourceLink],
  },
  "StatutoryExtension.sourceUrl": {
    kind: "typed-in",
    schemas: [
      {
        schema: statutoryExtensionSchema,
        field: "sourceUrl",
        base: { newDeadline: "2027-03-31", reason: "More time for tribal consultation, as the applicant agreed." },
      },
    ],
    // The statutory clock (app/components/StatutoryClock.tsx) shows it through SourceLink.
    renders: [(value) => renderToStaticMarkup(<SourceLink url={value} label="Source for the extension" />)],
  },
  "Organization.website": {
    kind: "typed-in",
    schemas: [
      { schema: createOrganizationSchema, field: "website", base: { name: "Lithium Nevada", kind: "COMPANY" } },
    ],
    // Stored for administrators; no page links to it yet. A page that does must use ExternalLink.
    renders: [],
  },
  "Project.website": {
    kind: "typed-in",
    schemas: [
      { schema: createProjectSchema, field: "website", base: projectBase },
      { schema: editProjectSchema, field: "website", base: { ...projectBase, version: "1" } },
    ],
    // The project page (app/routes/projects.$slug._index.tsx) shows it through ExternalLink.
    renders: [(value) => renderToStaticMarkup(<ExternalLink href={value}>{value}</ExternalLink>)],
  },
  "Milestone.sourceUrl": {
    kind: "typed-in",
    schemas: [
      { schema: addMilestoneSchema, field: "sourceUrl", base: { name: "Record of decision", jurisdiction: "FEDERAL" } },
    ],
    renders: [
      (value) =>
        renderToStaticMarkup(
          <MilestoneTimeline
            title="Schedule"
            today="2026-03-10T00:00:00.000Z"
            milestones={[
              {
                id: "rod",
                name: "Record of decision",
                jurisdiction: "FEDERAL",
                responsible: null,
                baselineDate: null,
                targetDate: null,
                actualDate: null,
                datePrecision: "DAY",
                status: "on_track",
                note: null,
                sourceUrl: value,
              },
            ]}
          />,
        ),
    ],
  },
  "Notification.url": {
    kind: "app-path",
    why: "Built by the notification fan-out from the event (a path inside the app); never typed in.",
  },
};

const URL_LIKE = /url|uri|link|href|website|source/i;

function urlColumnsInSchema(): string[] {
  const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  const columns: string[] = [];
  let model: string | null = null;
  for (const line of schema.split("\n")) {
    const start = /^model\s+(\w+)\s*\{/.exec(line);
    if (start) model = start[1];
    else if (/^\}/.test(line)) model = null;
    else if (model) {
      const field = /^\s+(\w+)\s+String\b/.exec(line);
      if (field && URL_LIKE.test(field[1])) columns.push(`${model}.${field[1]}`);
    }
  }
  return columns.sort();
}

const HOSTILE = [
  "javascript:alert(document.cookie)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0000javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/file",
  "//evil.example/path",
  "https://",
  "mailto:someone@example.org",
];
const GOOD = ["https://www.blm.gov/programs/mining", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG"];

describe("stored URL fields", () => {
  it("classifies every URL-like column of the schema", () => {
    expect(urlColumnsInSchema()).toEqual(Object.keys(URL_COLUMNS).sort());
  });

  for (const [column, rule] of Object.entries(URL_COLUMNS)) {
    if (rule.kind === "app-path") continue;

    if (rule.kind === "typed-in")
      it(`${column}: every form accepts http(s) addresses and refuses every other kind`, () => {
        expect(rule.schemas.length).toBeGreaterThan(0);
        for (const { schema, field, base } of rule.schemas) {
          for (const value of GOOD) {
            const result = schema.safeParse({ ...base, [field]: value });
            expect(result.success, `${field} = ${value}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
          }
          for (const value of HOSTILE) {
            const result = schema.safeParse({ ...base, [field]: value });
            expect(result.success, `${field} = ${JSON.stringify(value)}`).toBe(false);
            expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
          }
          expect(schema.safeParse({ ...base, [field]: "" }).success).toBe(true);
        }
      });

    for (const [index, render] of rule.renders.entries()) {
      it(`${column}: page ${index + 1} links only http(s) addresses, showing others as text`, () => {
        for (const value of HOSTILE) {
          const html = render(value);
          expect(html, JSON.stringify(value)).not.toMatch(/href="(?!https?:\/\/)/i);
          expect(html).not.toMatch(/href="[^"]*script:/i);
        }
        for (const value of GOOD) {
          expect(render(value)).toContain(`href="${new URL(value).href}"`);
        }
      });
    }
  }

  it("no component renders a stored address as a raw href", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith(".tsx")) {
          const source = readFileSync(file, "utf8");
          if (/<a\b[^>]*href=\{[^}]*\b(website|sourceUrl)\b/.test(source)) offenders.push(path.relative(root, file));
        }
      }
    };
    walk(path.join(root, "app"));
    expect(offenders).toEqual([]);
  });
});

describe("safeHref", () => {
  it("returns the normalised address for http(s) and null for everything else", () => {
    expect(safeHref("https://example.org")).toBe("https://example.org/");
    expect(safeHref(null)).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    for (const value of HOSTILE) expect(safeHref(value), JSON.stringify(value)).toBeNull();
  });
});
