// Every date a form stores goes through one schema (~/schemas/fields: calendarDate, localDateTime),
// which refuses days that do not exist and years outside 1900–2100 with a message.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { changeDeadlineSchema, openPeriodSchema } from "~/schemas/comment-period";
import { issueRequestSchema } from "~/schemas/information-request";
import { addMilestoneSchema, changeTargetSchema, recordActualSchema, stageChangeSchema } from "~/schemas/project";
import { parseCalendarDate } from "~/utils/dates";

type DateField = { schema: ZodTypeAny; field: string; base: Record<string, unknown>; kind: "date" | "datetime" };

const DATE_FIELDS: Record<string, DateField> = {
  "stage change: expected lift date": {
    schema: stageChangeSchema,
    field: "expectedLiftDate",
    base: { version: "1", kind: "PAUSE", reason: "Waiting for the tribal consultation.", pauseReason: "CONSULTATION" },
    kind: "date",
  },
  "milestone: new target date": {
    schema: changeTargetSchema,
    field: "newDate",
    base: { milestoneId: "m", reason: "CONSULTATION", narrative: "Consultation took longer." },
    kind: "date",
  },
  "milestone: actual date": {
    schema: recordActualSchema,
    field: "actualDate",
    base: { milestoneId: "m" },
    kind: "date",
  },
  "new milestone: baseline date": {
    schema: addMilestoneSchema,
    field: "baselineDate",
    base: { name: "Record of decision", jurisdiction: "FEDERAL", datePrecision: "MONTH" },
    kind: "date",
  },
  "new milestone: target date": {
    schema: addMilestoneSchema,
    field: "targetDate",
    base: { name: "Record of decision", jurisdiction: "FEDERAL", datePrecision: "YEAR" },
    kind: "date",
  },
  "information request: due date": {
    schema: issueRequestSchema,
    field: "dueDate",
    base: {
      title: "Groundwater model",
      publicSummary: "The agency asked for the groundwater model runs.",
      items: "Model runs",
    },
    kind: "date",
  },
  "comment period: opens": {
    schema: openPeriodSchema,
    field: "opensAt",
    base: { stage: "draft_eis", title: "Draft EIS", closesAt: "2099-12-01T23:59" },
    kind: "datetime",
  },
  "comment period: closes": {
    schema: openPeriodSchema,
    field: "closesAt",
    base: { stage: "draft_eis", title: "Draft EIS", opensAt: "2099-11-01T08:00" },
    kind: "datetime",
  },
  "comment period: new deadline": {
    schema: changeDeadlineSchema,
    field: "newClosesAt",
    base: { lockVersion: "1", kind: "EXTEND", reason: "Requested by the county commission." },
    kind: "datetime",
  },
};

const asInput = (kind: DateField["kind"], day: string) => (kind === "date" ? day : `${day}T12:00`);

function messageFor(entry: DateField, day: string): string | null {
  const result = entry.schema.safeParse({ ...entry.base, [entry.field]: asInput(entry.kind, day) });
  if (result.success) return null;
  const issue = result.error.issues.find((i) => i.path.join(".") === entry.field);
  if (!issue) throw new Error(`refused for another reason: ${JSON.stringify(result.error.issues)}`);
  return issue.message;
}

describe("date fields", () => {
  for (const [name, entry] of Object.entries(DATE_FIELDS)) {
    describe(name, () => {
      it("accepts real dates in range, leap days included", () => {
        for (const day of ["2099-02-28", "2096-02-29", "2100-12-31"]) expect(messageFor(entry, day), day).toBeNull();
      });

      it("refuses a day that does not exist, saying so", () => {
        for (const day of ["2099-02-31", "2099-02-29", "2099-04-31", "2099-13-01", "2099-00-10", "2099-01-00"]) {
          expect(messageFor(entry, day), day).toBe(`${day} is not a date on the calendar. ${exampleOf(entry)}`);
        }
      });

      it("refuses years outside 1900–2100", () => {
        for (const day of ["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]) {
          expect(messageFor(entry, day), day).toBe("Enter a year between 1900 and 2100.");
        }
      });
    });
  }

  it("no schema parses dates on its own", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/schemas");
    const offenders = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && file !== "fields.ts")
      .filter((file) =>
        /Date\.parse|new Date\(`|parseLocalDateTime|T00:00:00/.test(readFileSync(path.join(dir, file), "utf8")),
      );
    expect(offenders).toEqual([]);
  });
});

function exampleOf(entry: DateField): string {
  const result = entry.schema.safeParse({ ...entry.base, [entry.field]: "soon" });
  return result.success ? "" : (result.error.issues.find((i) => i.path.join(".") === entry.field)?.message ?? "");
}

describe("parseCalendarDate", () => {
  it("does not roll an impossible date over into the next month", () => {
    expect(parseCalendarDate("2027-02-31")).toEqual({ ok: false, problem: "day" });
    expect(parseCalendarDate("2027-03-03")).toEqual({ ok: true, date: new Date("2027-03-03T00:00:00Z") });
    expect(parseCalendarDate("1900-01-01")).toEqual({ ok: true, date: new Date("1900-01-01T00:00:00Z") });
    expect(parseCalendarDate("27-3-3")).toEqual({ ok: false, problem: "format" });
  });
});
