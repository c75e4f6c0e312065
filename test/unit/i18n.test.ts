// The message catalogues and the language negotiation: the small formatter that runs in the
// browser gives exactly what FormatJS's intl-messageformat gives, for every message of every
// language; the pseudo-locale has no plain letters; the negotiation's order; the catalogue check.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogue, checkMessage, messagesFor, SOURCES } from "~/i18n/catalogue.server";
import { formatMessage, formatMessageParts } from "~/i18n/format";
import { LOCALES, PSEUDO_LOCALE } from "~/i18n/locales";
import { hasOnlyLanguageCookie, localeFromAcceptLanguage, negotiateLocale } from "~/i18n/negotiate";
import { checkCatalogues, reportProblems } from "../../scripts/i18n-check";

/** Values that take every branch somewhere: counts at 0, 1, 2 and 1000; every select word. */
function sampleValues(): Array<Record<string, unknown>> {
  const base = {
    email: "a@b.test",
    address: "https://x.test/p",
    time: "Dec 1, 2026",
    project: "Thacker Pass",
    closes: "Mar 31",
    subject: "this project",
    name: "Rhyolite Ridge",
    state: "NV",
    county: "Esmeralda",
  };
  const words = [
    "IN_PROGRESS",
    "PAUSED",
    "APPROVED",
    "DENIED",
    "WITHDRAWN",
    "draft_eis",
    "record_of_decision",
    "scoping",
    "EIS",
    "EA",
    "named",
    "several",
    "one",
    "unknown",
  ];
  return [0, 1, 2, 1000].flatMap((n) =>
    words.map((word) => ({
      ...base,
      count: n,
      shown: n,
      total: n,
      index: n,
      of: n,
      status: word,
      stage: word,
      track: word,
      kind: word,
    })),
  );
}

describe("the formatter matches intl-messageformat", () => {
  for (const locale of LOCALES) {
    it(`every ${locale} message, with values taking every branch`, () => {
      const compiled = catalogue(locale);
      for (const [key, source] of Object.entries(SOURCES[locale])) {
        const reference = new IntlMessageFormat(source, locale);
        for (const values of sampleValues()) {
          const tags = { link: (c: unknown[]) => `[${c.join("")}]`, when: (c: unknown[]) => `[${c.join("")}]` };
          const expected = reference.format({ ...values, ...tags } as never);
          const actual = formatMessageParts<string>(compiled[key]!, locale, { ...values, ...tags } as never).join("");
          expect(actual, `${locale} ${key}`).toBe(Array.isArray(expected) ? expected.join("") : String(expected));
        }
      }
    });
  }

  it("plural exact matches, offsets, # and selectordinal", () => {
    const sources = [
      "{n, plural, =0 {none} one {# item} other {# items}}",
      "{n, plural, offset:1 =0 {nobody} =1 {{who}} one {{who} and # other} other {{who} and # others}}",
      "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
      "{n, number} {p, number, percent} {n, number, integer}",
    ];
    for (const source of sources) {
      const compiled = messagesFor("en", ["x"]);
      expect(compiled).toEqual({});
      for (const n of [0, 1, 2, 3, 11, 22, 1234.5]) {
        const values = { n, who: "Ana", p: 0.25 };
        const ast = new IntlMessageFormat(source, "es").getAst();
        expect(formatMessage(ast, "es", values)).toBe(new IntlMessageFormat(source, "es").format(values));
        expect(formatMessage(ast, "en", values)).toBe(new IntlMessageFormat(source, "en").format(values));
      }
    }
  });
});

describe("the pseudo-locale", () => {
  it("has no plain ASCII word in any message, keeps arguments, and is longer", () => {
    const pseudo = catalogue(PSEUDO_LOCALE);
    const english = catalogue("en");
    const values = {
      link: (c: string[]) => c.join(""),
      when: (c: string[]) => c.join(""),
      ...{
        count: 2,
        shown: 1,
        total: 2,
        index: 1,
        of: 2,
        status: "PAUSED",
        stage: "scoping",
        track: "EA",
        kind: "one",
      },
      ...{
        email: "1",
        address: "1",
        time: "1",
        project: "1",
        closes: "1",
        subject: "1",
        name: "1",
        state: "1",
        county: "1",
      },
    };
    for (const key of Object.keys(SOURCES.en)) {
      const text = formatMessageParts<string>(pseudo[key]!, "en", values).join("");
      const plain = formatMessageParts<string>(english[key]!, "en", values).join("");
      // Argument values (here "PAUSED", a status shown as it was given) are data, not the message.
      expect(text.replace("PAUSED", ""), key).not.toMatch(/[A-Za-z]{2,}/);
      expect(text.length, key).toBeGreaterThanOrEqual(plain.length * 1.3);
    }
  });
});

describe("choosing the language", () => {
  it("reads Accept-Language by quality, matching regional tags to their language", () => {
    expect(localeFromAcceptLanguage("es-US,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,es;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, es;q=0.3, en;q=0.2")).toBe("es");
    expect(localeFromAcceptLanguage("es;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("fr, de, *")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
  });

  it("saved preference, then the switch's cookie, then Accept-Language, then English", () => {
    expect(negotiateLocale({ saved: "es", cookieHeader: "lodestone_lang=en", acceptLanguage: "en" })).toBe("es");
    expect(negotiateLocale({ saved: null, cookieHeader: "a=1; lodestone_lang=es", acceptLanguage: "en" })).toBe("es");
    expect(negotiateLocale({ cookieHeader: "lodestone_lang=xx", acceptLanguage: "es-419" })).toBe("es");
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ cookieHeader: "lodestone_lang=en-XA" })).toBe("en");
    expect(negotiateLocale({ cookieHeader: "lodestone_lang=en-XA", allowPseudo: true })).toBe("en-XA");
  });

  it("a request with only the language cookie is still a plain visitor's", () => {
    expect(hasOnlyLanguageCookie("lodestone_lang=es")).toBe(true);
    expect(hasOnlyLanguageCookie("lodestone_lang=es; lodestone_session=abc")).toBe(false);
    expect(hasOnlyLanguageCookie("")).toBe(false);
  });
});

describe("the catalogue check", () => {
  it("passes on the catalogues as committed", () => {
    expect(reportProblems(checkCatalogues())).toEqual([]);
  });

  it("refuses bad syntax, a missing other, and unsupported formats", () => {
    expect(checkMessage("{n, plural, one {x}}")).not.toEqual([]);
    expect(checkMessage("{n, number, ::currency/EUR}")).not.toEqual([]);
    expect(checkMessage("unclosed {")).not.toEqual([]);
    expect(checkMessage("{n, plural, one {# x} other {# xs}}")).toEqual([]);
  });
});
