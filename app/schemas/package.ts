import { z } from "zod";
import { int32, plainText } from "./fields";

export const PACKAGE_KINDS = ["PLAN_OF_OPERATIONS", "BASELINE_STUDIES", "PERMIT_APPLICATION", "OTHER"] as const;

export const createPackageSchema = z
  .object({
    kind: z.enum(PACKAGE_KINDS, { errorMap: () => ({ message: "Choose what the package is." }) }),
    title: plainText("Give the package a title.").pipe(z.string().trim().min(3, "Give the package a title.").max(200)),
    permitName: plainText()
      .optional()
      .pipe(z.string().trim().max(200).optional())
      .transform((v) => (v ? v : undefined)),
    description: z.string().trim().max(10000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "PERMIT_APPLICATION" && !v.permitName) {
      ctx.addIssue({
        code: "custom",
        path: ["permitName"],
        message: "Name the permit applied for, e.g. CWA section 404.",
      });
    }
  });

export const updatePackageSchema = z.object({
  title: createPackageSchema.innerType().shape.title,
  permitName: createPackageSchema.innerType().shape.permitName,
  description: z.string().trim().max(10000).default(""),
});

export const submitPackageSchema = z.object({ lockVersion: int32() });

export const determinationSchema = z
  .object({
    lockVersion: int32(),
    determination: z.enum(["COMPLETE", "DEFICIENT"], {
      errorMap: () => ({ message: "Choose complete or deficient." }),
    }),
    // One deficient item per line.
    deficiencies: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    note: z.string().trim().max(5000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.determination === "DEFICIENT" && v.deficiencies.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["deficiencies"],
        message: "List what is missing or deficient, one item per line.",
      });
    }
  });

/** The package page's forms, one per intent. */
export const packagePageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("remove"), documentId: z.string().min(1) }),
  z.object({ intent: z.literal("determine") }),
]);

// An absent choice means confidential (the safe default of the form); an unknown one is refused
// rather than guessed.
export const uploadFieldsSchema = z.object({
  visibility: z
    .enum(["PUBLIC", "CONFIDENTIAL"], { message: "Choose who may see these documents: public or confidential." })
    .default("CONFIDENTIAL"),
});
