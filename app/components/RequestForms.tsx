// The forms of an information request's page: the company's answer (text and files), the
// agency's decision on the latest answer, and withdrawing the request. Each works as a plain form
// post without JavaScript. With it, the answer is sent by XMLHttpRequest, the one browser API
// that reports upload progress, so a 50 MB study shows how far along it is and can be cancelled.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormAction, useRevalidator } from "@remix-run/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import {
  fieldOrder,
  firstErrorField,
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  ValidatedForm,
  useValidatedForm,
  resultFor,
  type ServerResult,
} from "~/components/forms";

import { DOCUMENT_VISIBILITY_CHOICES } from "~/models/package.labels";
import { DOCUMENT_VISIBILITIES, decideSchema, respondSchema, withdrawSchema } from "~/schemas/information-request";
import { formatBytes } from "~/utils/format";

export type UploadRules = { maxFiles: number; maxFileBytes: number; extensions: string[] };

/** Problems the server would refuse anyway, caught before any byte is sent. */
function fileProblems(files: FileList | null | undefined, rules: UploadRules): string[] {
  const list = Array.from(files ?? []);
  const problems: string[] = [];
  if (list.length > rules.maxFiles) problems.push(`Choose at most ${rules.maxFiles} files.`);
  for (const file of list) {
    const extension = file.name.includes(".") ? (file.name.split(".").pop() ?? "").toLowerCase() : "";
    if (!rules.extensions.includes(extension)) problems.push(`"${file.name}" is not a file type we accept.`);
    else if (file.size > rules.maxFileBytes) {
      problems.push(`"${file.name}" is larger than the ${formatBytes(rules.maxFileBytes)} limit.`);
    }
  }
  return problems;
}

// The page re-rendered by the server after a refused answer carries the messages in the answer
// form (or, for 403/404/500, in the error page); reading them keeps one source of wording.
function messagesFrom(page: Document | null, status: number): string[] {
  const nodes = page?.querySelectorAll(
    "#answer-form .field-error, #answer-form .form-error, [data-answer-error], .error-page h1, .error-page p",
  );
  const texts = Array.from(nodes ?? [])
    .map((node) => node.textContent?.trim() ?? "")
    .filter(Boolean)
    .slice(0, 4);
  return texts.length > 0
    ? texts
    : [`The answer could not be sent (error ${status}). Nothing was kept; please try again.`];
}

export function AnswerForm({
  result,
  rules,
  onSent,
}: {
  result: ServerResult;
  rules: UploadRules;
  /** Called once the answer is stored, before the page reloads its data (the form then goes away). */
  onSent: () => void;
}) {
  const action = useFormAction();
  const revalidator = useRevalidator();
  const mine = resultFor(result, "respond");
  const serverErrors = mine?.errors ?? {};
  const defaults = { visibility: "CONFIDENTIAL", text: "", ...mine?.values };
  // Widened like useValidatedForm does: the shared field components take an untyped register.
  const resolver = zodResolver(respondSchema as z.ZodTypeAny);
  const form = useForm<FieldValues>({ resolver, defaultValues: defaults, mode: "onTouched" });
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const request = useRef<XMLHttpRequest | null>(null);
  const fileId = useId();
  const progressId = useId();

  const errorFor = (name: string): string | undefined => {
    const client = form.formState.errors[name]?.message;
    if (typeof client === "string") return client;
    return form.formState.dirtyFields[name] ? undefined : serverErrors[name];
  };

  function send(formElement: HTMLFormElement) {
    const files = formElement.querySelector<HTMLInputElement>("input[type=file]")?.files;
    const problems = fileProblems(files, rules);
    setMessages(problems);
    if (problems.length > 0) return;
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", action);
    xhr.responseType = "document";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress({ loaded: event.loaded, total: event.total });
    };
    // Success is a redirect the browser follows to this page; every refusal is a 4xx page.
    xhr.onload = () => {
      request.current = null;
      setProgress(null);
      if (xhr.status >= 200 && xhr.status < 300) {
        onSent();
        revalidator.revalidate();
      } else {
        setMessages(messagesFrom(xhr.response as Document | null, xhr.status));
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setProgress(null);
      setMessages(["The upload was interrupted. Check your connection and try again; nothing was kept."]);
    };
    xhr.onabort = () => {
      request.current = null;
      setProgress(null);
      setMessages(["Upload cancelled. Nothing was kept."]);
    };
    setProgress({ loaded: 0, total: 1 });
    xhr.send(new FormData(formElement));
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    event.preventDefault();
    void form.handleSubmit(() => send(formElement))(event);
  };

  const focus = firstErrorField(serverErrors, [...fieldOrder(respondSchema), "files"]);
  const fileError = serverErrors.files;
  const percent = progress ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <form
      id="answer-form"
      method="post"
      action={action}
      encType="multipart/form-data"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="answer"
    >
      <FormError message={serverErrors.form} />
      {messages.length > 0 ? (
        <div role="alert" className="form-error">
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="intent" value="respond" />
      <TextAreaField
        name="text"
        register={form.register}
        defaultValue={defaults.text}
        error={errorFor("text")}
        label="Your answer"
        hint="Only the agencies reviewing the project and your company see it."
        required
        rows={8}
        autoFocus={focus === "text"}
      />
      <div className="field">
        <label htmlFor={fileId}>
          Files <span className="optional">(optional)</span>
        </label>
        <p id={`${fileId}-hint`} className="hint">
          Up to {rules.maxFiles} files of {formatBytes(rules.maxFileBytes)} each: {rules.extensions.join(", ")}.
        </p>
        <input
          id={fileId}
          type="file"
          name="files"
          multiple
          accept={rules.extensions.map((e) => `.${e}`).join(",")}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(" ")}
          autoFocus={focus === "files"}
        />
        {fileError ? (
          <p id={`${fileId}-error`} className="field-error">
            {fileError}
          </p>
        ) : null}
      </div>
      <SelectField
        name="visibility"
        register={form.register}
        defaultValue={defaults.visibility}
        error={errorFor("visibility")}
        label="Who may open the files"
        hint="Choose public only for material with no confidential business information."
        required
        options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: DOCUMENT_VISIBILITY_CHOICES[v] }))}
      />
      <button type="submit" disabled={progress !== null}>
        {progress ? "Uploading…" : "Send the answer"}
      </button>
      {progress ? (
        <div className="field">
          <label htmlFor={progressId}>Upload progress</label>
          <progress id={progressId} max={100} value={percent}>
            {percent}%
          </progress>
          <p className="muted">
            {percent}% of {formatBytes(progress.total)}{" "}
            <button type="button" className="secondary" onClick={() => request.current?.abort()}>
              Cancel upload
            </button>
          </p>
        </div>
      ) : null}
      <p role="status" className="visually-hidden">
        {progress ? "Uploading your answer." : ""}
      </p>
    </form>
  );
}

export function DecideForm({ lockVersion, result }: { lockVersion: number; result: ServerResult }) {
  const mine = resultFor(result, "decide");
  const form = useValidatedForm(decideSchema, {
    server: mine,
    defaultValues: { lockVersion: String(lockVersion), decision: "" },
  });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-labelledby="decide">
      <FormError message={form.formError} />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" {...form.register("lockVersion")} defaultValue={String(lockVersion)} />
      <SelectField
        {...form.field("decision")}
        label="Decision"
        required
        options={[
          { value: "", label: "Choose…" },
          { value: "ACCEPTED", label: "Accept: the request is closed" },
          { value: "RETURNED", label: "Return: the company must answer again" },
        ]}
      />
      <TextAreaField
        {...form.field("note")}
        label="Note to the company"
        hint="Required when returning: say what is still missing. Returning stops the review clock again."
        rows={4}
      />
      <SubmitButton name="intent" value="decide" pendingLabel="Saving…">
        Record the decision
      </SubmitButton>
    </ValidatedForm>
  );
}

export function WithdrawForm({ lockVersion, result }: { lockVersion: number; result: ServerResult }) {
  const mine = resultFor(result, "withdraw");
  const form = useValidatedForm(withdrawSchema, {
    server: mine,
    defaultValues: { lockVersion: String(lockVersion) },
  });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Withdraw the request">
      <FormError message={form.formError} />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" {...form.register("lockVersion")} defaultValue={String(lockVersion)} />
      <TextAreaField
        {...form.field("reason")}
        label="Why the request is withdrawn"
        hint="Kept in the audit log. The public sees only that the request was withdrawn."
        required
        rows={3}
      />
      <SubmitButton name="intent" value="withdraw" pendingLabel="Withdrawing…">
        Withdraw the request
      </SubmitButton>
    </ValidatedForm>
  );
}
