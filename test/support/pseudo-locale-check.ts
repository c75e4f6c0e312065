// Finds visible text that did not come from the message catalogue in a page rendered in the
// pseudo-locale (en-XA: every catalogue letter accented, so no plain ASCII word comes from it).
// What is left after taking out the record's own data (names and places the page shows) and what
// Intl formats (dates, times, zones) is text hard-coded in a component: an escape.
import { Parser } from "htmlparser2";

/**
 * Elements whose text is not the page's own language or not shown (<time> holds what Intl wrote;
 * <link>/<meta> in the head are for programs: the site feed's title stays English, decision 0031).
 */
const SKIPPED = new Set(["script", "style", "template", "time", "noscript", "link", "meta"]);
/** Attributes people read or hear. */
const READ_ATTRIBUTES = ["aria-label", "title", "alt", "placeholder"];
/** What Intl writes in a date or a time, and zone names (the agency's zone is named on purpose). */
const INTL_WORDS =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM|UTC|GMT|[A-Z]{1,3}[SD]?T)\b|\b[A-Z][A-Za-z_]+\/[A-Za-z_/]+\b/g;

export function escapedText(html: string, data: string[], pageLang: string): string[] {
  const texts: string[] = [];
  const stack: boolean[] = [];
  const skipping = () => stack.includes(true);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const otherLanguage = attributes.lang !== undefined && attributes.lang !== pageLang;
        const skip = SKIPPED.has(name) || otherLanguage || attributes.translate === "no";
        if (!skipping() && !skip) {
          for (const attribute of READ_ATTRIBUTES) if (attributes[attribute]) texts.push(attributes[attribute]);
        }
        stack.push(skip);
      },
      ontext(text) {
        if (!skipping()) texts.push(text);
      },
      onclosetag() {
        stack.pop();
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  // Longest data first, so a name that contains another is taken out whole.
  const known = [...new Set(data.filter((value) => value.length > 0))].sort((x, y) => y.length - x.length);
  const escapes: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const value of known) rest = rest.split(value).join(" ");
    rest = rest.replace(INTL_WORDS, " ");
    if (/[A-Za-z]{2,}/.test(rest)) escapes.push(text.trim());
  }
  return [...new Set(escapes)];
}
