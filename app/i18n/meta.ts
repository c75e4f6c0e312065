// Page titles in the page's language: a route's `meta` cannot use hooks, but it gets the root's
// data (with the page's messages) among its matches.
import { makeTranslate, type I18nState, type Translate } from "./react";
import { DEFAULT_LOCALE } from "./locales";

type Match = { id: string; data: unknown } | undefined;

export function metaTranslate(matches: readonly Match[]): Translate {
  const root = matches.find((match) => match?.id === "root")?.data as { i18n?: I18nState } | undefined;
  return makeTranslate(root?.i18n ?? { locale: DEFAULT_LOCALE, messages: {} });
}
