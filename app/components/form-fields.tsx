// The parts of a form that need no script: fields with their label, hint and error tied together
// for screen readers, the form's error and a submit button that says it is working. A plain
// Remix <Form> built from these posts, is validated by its action's zod schema and shows the
// server's errors, with or without JavaScript, and loads neither react-hook-form nor zod in the
// browser (public pages keep to these). ./forms adds react-hook-form's instant feedback.
import { useNavigation } from "@remix-run/react";
import { useEffect, useId, type ReactNode } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";

/** What an action returns to its form: field errors and the values to show again. */
export type ServerResult = { errors?: Record<string, string>; values?: Record<string, string> } | undefined;

/**
 * This form's result on a page with several forms: the action echoes the form's `intent` (and, for
 * a form repeated per row, the row's id, named in `match`) in `values`; other forms get undefined.
 */
export function resultFor<R extends ServerResult>(result: R, intent: string, match: Record<string, string> = {}) {
  const values = result?.values;
  const mine = values?.intent === intent && Object.entries(match).every(([key, value]) => values[key] === value);
  return mine ? result : undefined;
}

/** Puts focus on the first field the server marked invalid (JavaScript on; autoFocus covers off). */
export function useFocusFirstError(
  errors: Record<string, string> | undefined,
  formRef: React.RefObject<HTMLFormElement>,
) {
  useEffect(() => {
    if (!errors || !formRef.current) return;
    const first = formRef.current.querySelector<HTMLElement>("[aria-invalid='true']");
    first?.focus();
  }, [errors, formRef]);
}

/** The attributes that tie a control to its form: react-hook-form's when there is one, else its name. */
function registration(register: UseFormRegister<FieldValues> | undefined, name: string) {
  return register ? register(name as Path<FieldValues>) : { name };
}

type FieldProps = {
  name: string;
  defaultValue?: string;
  label: string;
  /** react-hook-form's, when the form validates in the browser too; a plain form names the control itself. */
  register?: UseFormRegister<FieldValues>;
  error?: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "url" | "search" | "date" | "number";
  inputMode?: "decimal" | "numeric" | "text";
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
};

/**
 * Label, hint and error around one control, tied together for screen readers: the control gets
 * the id, aria-describedby (hint and error) and aria-invalid from `controlProps`.
 */
function FieldFrame({
  label,
  hint,
  error,
  required,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (controlProps: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  name,
  label,
  register,
  error,
  hint,
  type = "text",
  autoComplete,
  required,
  autoFocus,
  defaultValue,
  inputMode,
}: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-required={required || undefined}
          // Without JavaScript, autofocus is how the first invalid field gets focus on reload.
          autoFocus={autoFocus}
          defaultValue={type === "password" ? undefined : defaultValue}
          {...registration(register, name)}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  register,
  error,
  hint,
  options,
  required,
  autoFocus,
  defaultValue,
}: Omit<FieldProps, "type" | "autoComplete"> & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select {...control} autoFocus={autoFocus} defaultValue={defaultValue} {...registration(register, name)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * A choice of one among a few, as radio buttons in a fieldset: the legend names the question, and
 * the hint and error are tied to the group. Radios work without JavaScript and need no opening.
 */
export function RadioGroupField({
  name,
  legend,
  register,
  error,
  hint,
  options,
  autoFocus,
  defaultValue,
}: {
  name: string;
  legend: string;
  /** react-hook-form's, when the form validates in the browser too; a plain form names the control itself. */
  register?: UseFormRegister<FieldValues>;
  error?: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  autoFocus?: boolean;
  defaultValue?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const focusValue = options.some((o) => o.value === defaultValue) ? defaultValue : options[0]?.value;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              value={option.value}
              defaultChecked={defaultValue === option.value}
              autoFocus={autoFocus && option.value === focusValue}
              {...registration(register, name)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The first field name with an error, for autoFocus when the page renders without JavaScript. */
export function firstErrorField(errors: Record<string, string> | undefined, order: string[]): string | undefined {
  if (!errors) return undefined;
  return order.find((name) => errors[name]);
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="form-error">
      {message}
    </div>
  );
}

/**
 * A submit button that shows it is working while its form is submitting. Where a page has many
 * forms alike (one per row), `action` and `match` (other fields of its form) tell them apart.
 */
export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  action,
  match,
  className,
}: {
  children: ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  action?: string;
  match?: Record<string, string>;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state !== "idle" &&
    navigation.formMethod?.toLowerCase() === "post" &&
    (!name || navigation.formData?.get(name) === value) &&
    (!action || navigation.formAction === action) &&
    Object.entries(match ?? {}).every(([key, expected]) => navigation.formData?.get(key) === expected);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={className}
      disabled={pending}
      aria-disabled={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

export function TextAreaField({
  name,
  label,
  register,
  error,
  hint,
  required,
  autoFocus,
  defaultValue,
  rows = 4,
}: Omit<FieldProps, "type" | "autoComplete" | "inputMode"> & { rows?: number }) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          aria-required={required || undefined}
          autoFocus={autoFocus}
          defaultValue={defaultValue}
          {...registration(register, name)}
        />
      )}
    </FieldFrame>
  );
}
