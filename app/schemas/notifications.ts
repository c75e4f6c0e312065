// Following projects, email updates for visitors, and notification preferences: shared by the
// forms (react-hook-form on the client) and the actions (server).
import type { NotificationFrequency, NotificationType } from "@prisma/client";
import { z } from "zod";
import { FREQUENCIES, NOTIFICATION_TYPES } from "~/models/notifications/notification-preferences";
import { signUpSchema } from "./auth";

/** The buttons of the follow panel (project page) and of the "Projects you follow" table. */
export const followSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
  z.object({ intent: z.literal("email"), email: z.enum(["on", "off"]) }),
]);

/** A visitor without an account asks for email about one project. */
export const subscribeSchema = z.object({ email: signUpSchema.shape.email });

/**
 * An IANA zone name Intl knows ("America/Denver", "UTC"), in its canonical spelling. Offsets
 * ("+05:00") are refused: a digest's 7:00 must follow the zone's daylight saving time.
 */
export const ianaTimeZone = z
  .string({ required_error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .refine((value) => canonicalTimeZone(value) !== null, "Choose a time zone from the list.")
  .transform((value) => canonicalTimeZone(value) as string);

export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const frequency = z.enum(FREQUENCIES, {
  errorMap: () => ({ message: "Choose how often to get email about this." }),
});

const frequencyFields = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, frequency])) as Record<
  NotificationType,
  typeof frequency
>;

/** The preferences form: one frequency per notification type (field named after the type) and the zone. */
export const preferencesSchema = z
  .object({ ...frequencyFields, timeZone: ianaTimeZone })
  .transform(({ timeZone, ...frequencies }) => ({
    timeZone,
    frequencies: frequencies as Record<NotificationType, NotificationFrequency>,
  }));

/** The forms of the notifications page. */
export const notificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1) }),
  z.object({ intent: z.literal("unread"), id: z.string().min(1) }),
  z.object({ intent: z.literal("readAll") }),
]);

/** The notifications page's address: ?page=2&unread=1. Anything unreadable falls back to the first page of all. */
export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  unread: z
    .string()
    .optional()
    .transform((value) => value === "1")
    .catch(false),
});
