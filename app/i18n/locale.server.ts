// The request's language on the server (negotiate.ts, with this deployment's settings) and the
// language cookie the switch sets.
import { env } from "~/env.server";
import { LANGUAGE_COOKIE, type AnyLocale, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";

export function requestLocale(request: Request, saved?: string | null): AnyLocale {
  return negotiateLocale({
    saved,
    cookieHeader: request.headers.get("Cookie"),
    acceptLanguage: request.headers.get("Accept-Language"),
    allowPseudo: env().I18N_PSEUDO_LOCALE,
  });
}

/** A year-long cookie: the choice is a preference, not a secret (readable, lax, whole site). */
export function languageCookie(locale: Locale, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
