import { z } from "zod";
import { isTimeZone } from "./auth";
import { httpUrl, plainText } from "./fields";

export const organizationKinds = ["COMPANY", "AGENCY", "NGO"] as const;
export const jurisdictions = ["FEDERAL", "STATE", "TRIBAL", "LOCAL"] as const;

export const createOrganizationSchema = z
  .object({
    name: plainText("Enter the organization's name.").pipe(
      z.string().trim().min(2, "Enter the organization's name.").max(160),
    ),
    kind: z.enum(organizationKinds, { errorMap: () => ({ message: "Choose company, agency or NGO." }) }),
    jurisdiction: z
      .enum(jurisdictions)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    timeZone: z.string().trim().optional(),
    website: httpUrl(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "AGENCY") return;
    if (!value.jurisdiction) {
      ctx.addIssue({ code: "custom", path: ["jurisdiction"], message: "Choose the agency's level of government." });
    }
    if (!value.timeZone || !isTimeZone(value.timeZone)) {
      ctx.addIssue({
        code: "custom",
        path: ["timeZone"],
        message: "Choose the agency's time zone: comment deadlines are stated in it.",
      });
    }
  });

export const inviteSchema = z.object({
  email: z
    .string({ required_error: "Enter the email address to invite." })
    .trim()
    .email("Enter an email address like name@example.org.")
    .transform((v) => v.toLowerCase()),
  role: z.enum(["OWNER", "MEMBER"], { errorMap: () => ({ message: "Choose owner or member." }) }),
});

/** The members page's forms, one per intent (the invitation's own fields: inviteSchema). */
export const membersPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
]);
