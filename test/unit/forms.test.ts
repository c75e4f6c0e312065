import { describe, expect, it } from "vitest";
import { resetPasswordSchema, signUpSchema } from "~/schemas/auth";
import { fieldOrder, firstErrorField } from "~/components/forms";
import { createOrganizationSchema } from "~/schemas/organization";
import { determinationSchema } from "~/schemas/package";
import { reviewPageSchema } from "~/schemas/review";
import { parseFormData } from "~/utils/forms.server";
import { slugify } from "~/utils/slug";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("parseFormData", () => {
  it("returns normalised data when valid", () => {
    const result = parseFormData(
      form({ name: " Ada ", email: "Ada@Example.ORG", password: "correct horse battery", timeZone: "America/Boise" }),
      signUpSchema,
    );
    expect(result).toEqual({
      ok: true,
      data: { name: "Ada", email: "ada@example.org", password: "correct horse battery", timeZone: "America/Boise" },
    });
  });

  it("returns one message per field and echoes values back, except passwords", () => {
    const result = parseFormData(form({ name: "", email: "not-an-email", password: "short" }), signUpSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@example.org.",
      password: "Use at least 10 characters.",
      timeZone: "Choose your time zone.",
    });
    expect(result.values).toEqual({ name: "", email: "not-an-email" });
  });

  it("reports mismatched new passwords on the confirmation field", () => {
    const result = parseFormData(
      form({ token: "t", password: "long enough pw", confirmPassword: "different pw!" }),
      resetPasswordSchema,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ confirmPassword: "The two passwords do not match." });
  });

  it("requires a level of government and a time zone for agencies only", () => {
    const agency = parseFormData(
      form({ name: "BLM Utah", kind: "AGENCY", jurisdiction: "", timeZone: "" }),
      createOrganizationSchema,
    );
    expect(agency.ok).toBe(false);
    if (!agency.ok) expect(Object.keys(agency.errors).sort()).toEqual(["jurisdiction", "timeZone"]);
    const company = parseFormData(
      form({ name: "Acme Lithium", kind: "COMPANY", jurisdiction: "", timeZone: "" }),
      createOrganizationSchema,
    );
    expect(company.ok).toBe(true);
  });
});

describe("focus from the schema's field order", () => {
  it("reads the fields in declaration order through refinements and pipes", () => {
    expect(fieldOrder(resetPasswordSchema)).toEqual(["token", "password", "confirmPassword"]);
    expect(fieldOrder(determinationSchema)).toEqual(["lockVersion", "determination", "deficiencies", "note"]);
  });

  it("reads a union of intents option by option, each field once", () => {
    const order = fieldOrder(reviewPageSchema);
    expect(order.slice(0, 3)).toEqual(["lockVersion", "status", "findings"]);
    expect(new Set(order).size).toBe(order.length);
    expect(order).toContain("resolution");
  });

  it("focuses the first invalid field as the form shows them, not as the errors arrived", () => {
    const errors = { note: "Too long.", deficiencies: "List what is missing." };
    expect(firstErrorField(errors, fieldOrder(determinationSchema))).toBe("deficiencies");
    expect(firstErrorField(undefined, fieldOrder(determinationSchema))).toBeUndefined();
  });
});

describe("slugify", () => {
  it("makes stable ASCII slugs", () => {
    expect(slugify("Thacker Pass Lithium Project")).toBe("thacker-pass-lithium-project");
    expect(slugify("  Bois Forte Band (Nett Lake) ")).toBe("bois-forte-band-nett-lake");
    expect(slugify("Señor & Co.")).toBe("senor-and-co");
  });
});
