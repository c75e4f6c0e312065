// Which language a request is answered in: the person's saved preference, else the language
// switch's cookie, else the browser's Accept-Language, else English. Pure and client-safe: the
// HTTP server's response cache (scripts/response-cache.ts) keys visitor pages by the same answer.
import { DEFAULT_LOCALE, isLocale, LANGUAGE_COOKIE, PSEUDO_LOCALE, type AnyLocale, type Locale } from "./locales";

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(";")) {
    const index = pair.indexOf("=");
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return null;
}

/** Whether a Cookie header carries the language cookie and nothing else (still a plain visitor). */
export function hasOnlyLanguageCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  const names = cookieHeader
    .split(";")
    .map((pair) => pair.split("=", 1)[0]!.trim())
    .filter((name) => name !== "");
  return names.length > 0 && names.every((name) => name === LANGUAGE_COOKIE);
}

/**
 * The best supported language in an Accept-Language header (RFC 9110 §12.5.4): by quality, then
 * by order; a regional tag (es-US, es-419) matches its language; `*` and unknown tags are skipped.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        language: tag.trim().toLowerCase().split("-")[0]!,
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) if (isLocale(range.language)) return range.language;
  return null;
}

export interface LocaleInputs {
  /** The signed-in person's saved preference (User.locale), if any. */
  saved?: string | null;
  cookieHeader?: string | null;
  acceptLanguage?: string | null;
  /** Whether the test-only pseudo-locale may be chosen (I18N_PSEUDO_LOCALE). */
  allowPseudo?: boolean;
}

export function negotiateLocale({ saved, cookieHeader, acceptLanguage, allowPseudo }: LocaleInputs): AnyLocale {
  const chosen = readCookie(cookieHeader, LANGUAGE_COOKIE);
  if (allowPseudo && chosen === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  if (isLocale(saved)) return saved;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
