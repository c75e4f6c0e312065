// Forms that work without JavaScript and better with it: a real <Form method="post"> that the
// action validates with the shared zod schema; react-hook-form adds instant feedback with the
// same schema and only then submits through Remix. Errors are tied to fields with
// aria-describedby, and the first invalid field gets focus.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useRef, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormRegister, type DefaultValues, type Path } from "react-hook-form";
import { z } from "zod";

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

export function useValidatedForm<S extends z.ZodTypeAny>(
  schema: S,
  options: { defaultValues?: Record<string, string>; server?: ServerResult },
) {
  const submit = useSubmit();
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema),
    defaultValues: { ...options.defaultValues, ...options.server?.values } as DefaultValues<FieldValues>,
    mode: "onTouched",
    shouldFocusError: true,
  });
  const serverErrors = options.server?.errors ?? {};
  // Without JavaScript, autofocus is how the first invalid field gets focus on reload: the first in
  // the schema's order, which is the order the form shows its fields in.
  const focus = firstErrorField(options.server?.errors, fieldOrder(schema));
  const clientErrors = form.formState.errors;

  const errorFor = (name: string): string | undefined => {
    const client = clientErrors[name]?.message;
    if (typeof client === "string") return client;
    // A server error stands until the field is edited.
    return form.formState.dirtyFields[name] ? undefined : serverErrors[name];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    event.preventDefault();
    void form.handleSubmit(() => submit(submitter ?? formElement, { method: "post" }))(event);
  };

  const defaults: Record<string, string> = { ...options.defaultValues, ...options.server?.values };
  /** Everything a field needs; the default value is also rendered on the server, for no-JS. */
  const field = (name: string) => ({
    name,
    register: form.register,
    error: errorFor(name),
    defaultValue: defaults[name],
    autoFocus: focus === name,
  });

  return {
    register: form.register,
    setValue: form.setValue,
    errorFor,
    field,
    /** The field that gets focus when the page comes back from the server with errors. */
    focus,
    onSubmit,
    formError: serverErrors.form,
  };
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

export function ValidatedForm({
  children,
  onSubmit,
  errors,
  ...props
}: Omit<ComponentProps<typeof Form>, "onSubmit"> & {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors?: Record<string, string>;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, ref);
  return (
    <Form method="post" noValidate ref={ref} onSubmit={onSubmit} {...props}>
      {children}
    </Form>
  );
}

type FieldProps = {
  name: string;
  defaultValue?: string;
  label: string;
  register: UseFormRegister<FieldValues>;
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
          {...register(name as Path<FieldValues>)}
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
        <select {...control} autoFocus={autoFocus} defaultValue={defaultValue} {...register(name as Path<FieldValues>)}>
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
  register: UseFormRegister<FieldValues>;
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
              {...register(name as Path<FieldValues>)}
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

/**
 * The field names of a form schema in the order they are declared: through refinements, pipes,
 * defaults and unions of intents (each option's fields, first seen first). Schemas list their fields
 * in the order the form shows them, so this is also the order for focusing the first error.
 */
export function fieldOrder(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as z.ZodRawShape);
  if (schema instanceof z.ZodEffects) return fieldOrder(schema.innerType());
  if (schema instanceof z.ZodPipeline) return fieldOrder(schema._def.in);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return fieldOrder(schema.unwrap());
  if (schema instanceof z.ZodDefault) return fieldOrder(schema.removeDefault());
  if (schema instanceof z.ZodIntersection)
    return unique([...fieldOrder(schema._def.left), ...fieldOrder(schema._def.right)]);
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    return unique((schema.options as z.ZodTypeAny[]).flatMap(fieldOrder));
  }
  return [];
}

const unique = (names: string[]) => [...new Set(names)];

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
          {...register(name as Path<FieldValues>)}
        />
      )}
    </FieldFrame>
  );
}
