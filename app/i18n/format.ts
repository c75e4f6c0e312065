// Formats a catalogue message that FormatJS's ICU parser compiled on the server
// (catalogue.server.ts) into its AST. Client-safe and small on purpose: the browser gets the
// current page's messages already parsed, so no message parser ships (intl-messageformat would add
// ~10 KB gzipped; it is the reference this module is tested against, test/unit/i18n-format.test.ts).
// Supported: literals, {arg}, {n, number} (plain, integer, percent), {d, date|time, short|medium|
// long|full}, {x, select, ...}, {n, plural|selectordinal, offset:N =k ... other} with #, and
// <tag>…</tag> for rich text. The catalogue check refuses anything else at compile time.
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/** A compiled message: the plain text when it has no arguments, else FormatJS's AST. */
export type CompiledMessage = string | MessageFormatElement[];
export type CompiledCatalogue = Record<string, CompiledMessage>;

export type Primitive = string | number | Date | null | undefined;
/** A rich-text tag's value: gets the formatted children, returns what to render. */
export type TagFunction<T> = (children: Array<string | T>) => T;
export type Values<T = never> = Record<string, Primitive | T | TagFunction<T>>;

// FormatJS's TYPE enum, as numbers (importing the enum would pull the parser into the bundle).
const LITERAL = 0,
  ARGUMENT = 1,
  NUMBER = 2,
  DATE = 3,
  TIME = 4,
  SELECT = 5,
  PLURAL = 6,
  POUND = 7,
  TAG = 8;

export const SUPPORTED_NUMBER_STYLES = [null, undefined, "integer", "percent"] as const;
export const SUPPORTED_DATE_STYLES = [null, undefined, "short", "medium", "long", "full"] as const;

function numberOptions(style: unknown): Intl.NumberFormatOptions {
  if (style === "integer") return { maximumFractionDigits: 0 };
  if (style === "percent") return { style: "percent" };
  return {};
}

function dateOptions(kind: "date" | "time", style: unknown): Intl.DateTimeFormatOptions {
  const s = (typeof style === "string" ? style : kind === "date" ? "medium" : "short") as "short";
  return kind === "date" ? { dateStyle: s } : { timeStyle: s };
}

export class MessageValueError extends Error {}

function formatParts<T>(
  elements: MessageFormatElement[],
  locale: string,
  values: Values<T>,
  pluralNumber: number | null,
  out: Array<string | T>,
): void {
  for (const element of elements) {
    switch (element.type) {
      case LITERAL:
        out.push(element.value);
        break;
      case POUND:
        if (pluralNumber !== null) out.push(new Intl.NumberFormat(locale).format(pluralNumber));
        break;
      case ARGUMENT:
      case NUMBER:
      case DATE:
      case TIME: {
        const value = values[element.value];
        if (value === undefined) throw new MessageValueError(`The message needs a value for {${element.value}}`);
        if (element.type === NUMBER && typeof value === "number") {
          out.push(new Intl.NumberFormat(locale, numberOptions(element.style)).format(value));
        } else if (
          (element.type === DATE || element.type === TIME) &&
          (value instanceof Date || typeof value === "number")
        ) {
          out.push(
            new Intl.DateTimeFormat(locale, dateOptions(element.type === DATE ? "date" : "time", element.style)).format(
              value,
            ),
          );
        } else if (typeof value === "string" || typeof value === "number") {
          out.push(String(value));
        } else if (value === null || value instanceof Date) {
          out.push(value === null ? "" : value.toISOString());
        } else {
          out.push(value as T);
        }
        break;
      }
      case SELECT: {
        const value = values[element.value];
        const option = element.options[String(value)] ?? element.options.other;
        if (option) formatParts(option.value, locale, values, pluralNumber, out);
        break;
      }
      case PLURAL: {
        const raw = values[element.value];
        if (typeof raw !== "number") throw new MessageValueError(`{${element.value}} must be a number`);
        const exact = element.options[`=${raw}`];
        const shifted = raw - element.offset;
        const rule = new Intl.PluralRules(locale, { type: element.pluralType }).select(shifted);
        const option = exact ?? element.options[rule] ?? element.options.other;
        if (option) formatParts(option.value, locale, values, shifted, out);
        break;
      }
      case TAG: {
        const children: Array<string | T> = [];
        formatParts(element.children, locale, values, pluralNumber, children);
        const tag = values[element.value];
        if (typeof tag !== "function")
          throw new MessageValueError(`The message needs a function for <${element.value}>`);
        out.push((tag as TagFunction<T>)(joinStrings(children)));
        break;
      }
    }
  }
}

/** Adjacent strings joined, so plain text stays one string (and one text node). */
function joinStrings<T>(parts: Array<string | T>): Array<string | T> {
  const joined: Array<string | T> = [];
  for (const part of parts) {
    const last = joined.length - 1;
    if (typeof part === "string" && last >= 0 && typeof joined[last] === "string") joined[last] += part;
    else joined.push(part);
  }
  return joined;
}

/** The message as parts: strings, and whatever rich-text tag functions returned. */
export function formatMessageParts<T>(
  message: CompiledMessage,
  locale: string,
  values: Values<T> = {},
): Array<string | T> {
  if (typeof message === "string") return [message];
  const out: Array<string | T> = [];
  formatParts(message, locale, values, null, out);
  return joinStrings(out);
}

/** The message as one string (no rich-text tags). */
export function formatMessage(message: CompiledMessage, locale: string, values: Values = {}): string {
  return formatMessageParts<never>(message, locale, values).join("");
}
