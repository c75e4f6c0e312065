// RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by the UTF-16 code units of
// their names, no whitespace, strings and numbers serialized as ECMAScript's JSON.stringify does
// (RFC 8785 §3.2.2 adopts exactly ES2015+ Number-to-String and string escaping). A log entry's
// body is hashed as these bytes, so any verifier in any language reproduces them.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CanonicalJsonError";
  }
}

export function canonicalize(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form.`);
      return JSON.stringify(value);
    case "string":
      // A lone surrogate is not a Unicode string (RFC 8785 §3.2.2.2 requires valid UTF-16).
      if (/\p{Cs}/u.test(value)) throw new CanonicalJsonError("A string holds a lone surrogate.");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalize(item)).join(",")}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${canonicalize(key)}:${canonicalize(item)}`).join(",")}}`;
    }
    default:
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form.`);
  }
}
