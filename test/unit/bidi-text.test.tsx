// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) must not be able to disguise
// text: stripped at input from names, titles and comment text; stripped and isolated when shown.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z, type ZodTypeAny } from "zod";
import { UserText } from "~/components/UserText";
import { signUpSchema } from "~/schemas/auth";
import { commentSchema } from "~/schemas/comment";
import { openPeriodSchema } from "~/schemas/comment-period";
import { issueRequestSchema } from "~/schemas/information-request";
import { createOrganizationSchema } from "~/schemas/organization";
import { createPackageSchema } from "~/schemas/package";
import { addMilestoneSchema, createProjectSchema } from "~/schemas/project";
import { openReviewSchema } from "~/schemas/review";
import { BIDI_CONTROL } from "~/utils/text";

const CONTROLS = [
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f",
  "\u061c",
];

function shapeOf(schema: ZodTypeAny): Record<string, ZodTypeAny> {
  let current = schema;
  while (current instanceof z.ZodEffects) current = current.innerType();
  if (!(current instanceof z.ZodObject)) throw new Error("not an object schema");
  return current.shape as Record<string, ZodTypeAny>;
}

const TEXT_FIELDS: [string, ZodTypeAny, string][] = [
  ["person's name", signUpSchema, "name"],
  ["organization's name", createOrganizationSchema, "name"],
  ["project's name", createProjectSchema, "name"],
  ["milestone's name", addMilestoneSchema, "name"],
  ["package title", createPackageSchema, "title"],
  ["permit name", createPackageSchema, "permitName"],
  ["review title", openReviewSchema, "title"],
  ["comment period title", openPeriodSchema, "title"],
  ["information request title", issueRequestSchema, "title"],
  ["commenter's name", commentSchema, "displayName"],
  ["comment text", commentSchema, "text"],
];

describe("bidirectional controls at input", () => {
  for (const [name, schema, field] of TEXT_FIELDS) {
    it(`${name}: every bidi control is removed before the value is stored`, () => {
      const result = shapeOf(schema)[field].safeParse(`Approved${CONTROLS.join("")} by BLM \u202egnp.exe`);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(result.data).toBe("Approved by BLM gnp.exe");
    });
  }

  it("keeps right-to-left letters, which lay themselves out without controls", () => {
    expect(shapeOf(commentSchema).text.parse("\u200fשלום עולם")).toBe("שלום עולם");
  });

  it("a name made only of controls is as empty as no name", () => {
    expect(shapeOf(signUpSchema).name.safeParse("\u202e\u202c").success).toBe(false);
  });
});

describe("<UserText>", () => {
  it("shows stored text without bidi controls, isolated from what surrounds it", () => {
    const html = renderToStaticMarkup(<UserText>{"Jane \u202eDoe\u202c \u2067x"}</UserText>);
    expect(html).toBe('<bdi dir="auto">Jane Doe x</bdi>');
    expect(html).not.toMatch(BIDI_CONTROL);
  });

  it("renders nothing for no text", () => {
    expect(renderToStaticMarkup(<UserText>{null}</UserText>)).toBe("");
  });
});
