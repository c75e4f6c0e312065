// Parses a submitted form with the same zod schema the client uses. On failure returns
// field errors and the submitted values (never passwords) so the form can be re-rendered
// with nothing lost.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormSuccess<T> = { ok: true; data: T };

export function parseFormData<S extends z.ZodTypeAny>(
  formData: FormData | Record<string, string | string[]>,
  schema: S,
): FormSuccess<z.output<S>> | FormFailure {
  // A key sent more than once (checkboxes, multi-selects) becomes a list.
  const raw: Record<string, string | string[]> = formData instanceof FormData ? {} : { ...formData };
  for (const [key, value] of formData instanceof FormData ? formData.entries() : []) {
    if (typeof value !== "string") continue;
    const existing = raw[key];
    raw[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  const single = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return { ok: false, errors, values: withoutSecrets(single) };
}

export function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token|honeypot/i.test(key)));
}
