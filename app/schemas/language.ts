// The language switch (every page's header): which language, and the page to go back to.
import { z } from "zod";
import { LOCALES } from "~/i18n/locales";

export const languageSchema = z.object({
  locale: z.enum(LOCALES),
  redirectTo: z.string().max(2000).optional(),
});
