// Compiles the message catalogues (app/locales/*.json) with FormatJS's ICU parser, checks them, and
// makes the pseudo-locale. Used on the server (root loader, emails) and by the catalogue check
// (scripts/i18n-check.ts); never imported by a component, so the parser stays out of the browser.
import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "~/locales/en.json";
import es from "~/locales/es.json";
import { SUPPORTED_DATE_STYLES, SUPPORTED_NUMBER_STYLES, type CompiledCatalogue, type CompiledMessage } from "./format";
import { PSEUDO_LOCALE, type AnyLocale, type Locale } from "./locales";

export type MessageKey = keyof typeof en;
export const SOURCES: Record<Locale, Record<string, string>> = { en, es };

/** Every problem with one message: syntax, an unsupported format, a missing `other`. */
export function checkMessage(source: string): string[] {
  let ast: MessageFormatElement[];
  try {
    ast = parse(source, { requiresOtherClause: true, shouldParseSkeletons: false });
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const problems: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === 2 && !(SUPPORTED_NUMBER_STYLES as readonly unknown[]).includes(element.style)) {
        problems.push(`unsupported number style in {${element.value}}`);
      }
      if (
        (element.type === 3 || element.type === 4) &&
        !(SUPPORTED_DATE_STYLES as readonly unknown[]).includes(element.style)
      ) {
        problems.push(`unsupported date/time style in {${element.value}}`);
      }
      if (element.type === 5 || element.type === 6)
        for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === 8) walk(element.children);
    }
  };
  walk(ast);
  return problems;
}

/** The arguments and tags a message uses, for comparing a translation with its English source. */
export function messageArguments(source: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type >= 1 && element.type <= 6) names.add(`{${(element as { value: string }).value}}`);
      if (element.type === 5 || element.type === 6)
        for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === 8) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(source, { shouldParseSkeletons: false }));
  return [...names].sort();
}

function compile(source: string): CompiledMessage {
  const ast = parse(source, { requiresOtherClause: true, shouldParseSkeletons: false });
  if (ast.length === 0) return "";
  if (ast.length === 1 && ast[0]!.type === 0) return ast[0]!.value;
  return ast;
}

// Pseudo-localisation: every ASCII letter accented, each message lengthened by ~40% and bracketed.
const ACCENTED = "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ";
const PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function accent(text: string): string {
  return [...text].map((char) => ACCENTED[PLAIN.indexOf(char)] ?? char).join("");
}
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === 0) return { ...element, value: accent(element.value) };
    if (element.type === 5 || element.type === 6) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: pseudoElements(option.value) },
        ]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    if (element.type === 8) return { ...element, children: pseudoElements(element.children) };
    return element;
  });
}
function pseudo(source: string): CompiledMessage {
  const ast = parse(source, { requiresOtherClause: true, shouldParseSkeletons: false });
  const padding = "·".repeat(Math.max(1, Math.round(source.length * 0.4)));
  return [{ type: 0, value: "⟦" }, ...pseudoElements(ast), { type: 0, value: `${padding}⟧` }] as MessageFormatElement[];
}

const compiled = new Map<AnyLocale, CompiledCatalogue>();

/** The whole catalogue of a locale, compiled once per process. A key missing in Spanish falls back to English. */
export function catalogue(locale: AnyLocale): CompiledCatalogue {
  let result = compiled.get(locale);
  if (!result) {
    result = {};
    for (const [key, source] of Object.entries(en)) {
      if (locale === PSEUDO_LOCALE) result[key] = pseudo(source);
      else result[key] = compile(SOURCES[locale][key] ?? source);
    }
    compiled.set(locale, result);
  }
  return result;
}

/** The messages under some namespaces (a key's first segment: `layout.skip` is in `layout`). */
export function messagesFor(locale: AnyLocale, namespaces: readonly string[]): CompiledCatalogue {
  const all = catalogue(locale);
  const wanted = new Set(namespaces);
  const picked: CompiledCatalogue = {};
  for (const key of Object.keys(all)) if (wanted.has(key.slice(0, key.indexOf(".")))) picked[key] = all[key]!;
  return picked;
}
