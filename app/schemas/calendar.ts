// The private calendar address on /account/calendar: make one (or a new one), or revoke it.
import { z } from "zod";

export const calendarFeedSchema = z.object({
  intent: z.enum(["create", "revoke"], { errorMap: () => ({ message: "Choose what to do with the address." }) }),
});
