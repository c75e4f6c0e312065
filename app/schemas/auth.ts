// Shared by the forms (react-hook-form on the client) and the actions (server).
import { z } from "zod";
import { plainText } from "./fields";

const email = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter an email address like name@example.org.")
  .transform((value) => value.toLowerCase());

// Length over composition rules (NIST SP 800-63B).
const newPassword = z
  .string({ required_error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const signUpSchema = z.object({
  name: plainText("Enter your name.").pipe(
    z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  ),
  email,
  password: newPassword,
  // Filled in from the browser when JavaScript runs; asked for otherwise. Never guessed on the server.
  timeZone: z
    .string({ required_error: "Choose your time zone." })
    .min(1, "Choose your time zone.")
    .refine(isTimeZone, "Choose a time zone from the list."),
});

export const loginSchema = z.object({
  email,
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email });

const confirmMatches = (data: { password: string; confirmPassword: string }) => data.password === data.confirmPassword;

export const resetPasswordSchema = z
  .object({
    token: z.string().min(1, "This reset link is incomplete. Ask for a new one."),
    password: newPassword,
    confirmPassword: z.string({ required_error: "Type the new password again." }),
  })
  .refine(confirmMatches, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ required_error: "Enter your current password." })
      .min(1, "Enter your current password."),
    password: newPassword,
    confirmPassword: z.string({ required_error: "Type the new password again." }),
  })
  .refine(confirmMatches, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const profileSchema = z.object({
  name: signUpSchema.shape.name,
  timeZone: z.string().min(1, "Choose a time zone.").refine(isTimeZone, "Choose a time zone from the list."),
});

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The email-confirmation page: confirm with the emailed token, or ask for a new link. */
export const verifyEmailSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), token: z.string().min(1), redirectTo: z.string().optional() }),
  z.object({ intent: z.literal("resend") }),
]);
