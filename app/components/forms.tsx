// Forms that work without JavaScript and better with it: a real <Form method="post"> that the
// action validates with the shared zod schema; react-hook-form adds instant feedback with the
// same schema and only then submits through Remix. Errors are tied to fields with
// aria-describedby, and the first invalid field gets focus. This module loads react-hook-form and
// zod in the browser: a page whose form needs no instant feedback uses ./form-fields alone.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit } from "@remix-run/react";
import { useRef, type ComponentProps, type FormEvent } from "react";
import { useForm, type FieldValues, type DefaultValues } from "react-hook-form";
import { z } from "zod";
import { firstErrorField, useFocusFirstError, type ServerResult } from "./form-fields";

export {
  FormError,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  firstErrorField,
  resultFor,
  useFocusFirstError,
  type ServerResult,
} from "./form-fields";

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
