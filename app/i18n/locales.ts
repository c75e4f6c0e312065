// The languages Lodestone speaks (docs/decisions/0031-two-languages.md). Client-safe: the header's
// language switch, the root's <html lang> and the response cache's key all read this list.

/** Every catalogue in app/locales/<code>.json; English is the source every other one follows. */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * A test-only locale: English with every letter accented and every message lengthened and
 * bracketed, so a string that escaped the catalogue stands out (plain ASCII words). Served only
 * when I18N_PSEUDO_LOCALE is on; never offered in the switch.
 */
export const PSEUDO_LOCALE = "en-XA";
export type AnyLocale = Locale | typeof PSEUDO_LOCALE;

/** Each language's name in itself: the switch shows it so a reader finds their own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

/** The cookie the language switch sets (a visitor's choice; signed-in people also save it). */
export const LANGUAGE_COOKIE = "lodestone_lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale Intl formats with (the pseudo-locale formats dates and numbers as English). */
export function intlLocale(locale: AnyLocale): Locale {
  return locale === PSEUDO_LOCALE ? "en" : locale;
}

/** The language an email goes in for a page's language (the pseudo-locale's emails are English). */
export function emailLocale(locale: AnyLocale): Locale {
  return intlLocale(locale);
}
