// The catalogue in components: <I18nProvider> at the root with the page's compiled messages (from
// the root loader), and useT() in any component. t("key", values) gives a string; t.rich() takes
// tag functions (<link>…</link> in a message) and gives React nodes.
import { createContext, Fragment, useContext, useMemo, type ReactNode } from "react";
import type { MessageKey } from "./catalogue.server";
import { formatMessage, formatMessageParts, type CompiledCatalogue, type Values } from "./format";
import { DEFAULT_LOCALE, intlLocale, type AnyLocale } from "./locales";

export interface I18nState {
  locale: AnyLocale;
  messages: CompiledCatalogue;
}

const I18nContext = createContext<I18nState>({ locale: DEFAULT_LOCALE, messages: {} });

export function I18nProvider({ value, children }: { value: I18nState; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export interface Translate {
  (key: MessageKey, values?: Values): string;
  rich(key: MessageKey, values: Values<ReactNode>): ReactNode;
  /** The page's language (for lang attributes and links). */
  locale: AnyLocale;
  /** The language Intl formats dates and numbers in. */
  intl: string;
}

export function makeTranslate({ locale, messages }: I18nState): Translate {
  const intl = intlLocale(locale);
  // A message missing from the page's namespaces is a programming error: say which. With no
  // messages at all (the root's loader itself failed, so its error page renders), show the keys
  // rather than fail a second time.
  const missing = (key: string): string => {
    if (Object.keys(messages).length === 0) return key;
    throw new Error(`Message "${key}" is not among this page's messages (app/i18n/routes.ts namespaces)`);
  };
  const t = ((key: MessageKey, values?: Values) => {
    const message = messages[key];
    return message === undefined ? missing(key) : formatMessage(message, intl, values);
  }) as Translate;
  t.rich = (key, values) => {
    const message = messages[key];
    if (message === undefined) return missing(key);
    return formatMessageParts<ReactNode>(message, intl, values).map((part, index) => (
      <Fragment key={index}>{part}</Fragment>
    ));
  };
  t.locale = locale;
  t.intl = intl;
  return t;
}

export function useT(): Translate {
  const state = useContext(I18nContext);
  return useMemo(() => makeTranslate(state), [state]);
}
