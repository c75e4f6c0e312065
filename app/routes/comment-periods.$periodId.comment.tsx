// The public comment form. A plain multipart form that works without JavaScript and over a slow
// connection; with JavaScript it adds instant checks and a character counter. The idempotency key is
// made by the loader, so even a no-JS double submission or a browser's retried POST gets one receipt.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import {
  commenterOrganizations,
  getPeriodForCommenting,
  newReceiptNumber,
  submitComment,
} from "~/models/comments/comment-intake.server";
import { assertAcceptingComments, formatDeadline, periodState } from "~/models/comments/comment-window";
import { requestGrouping } from "~/models/comments/comment-grouping.server";
import { DomainError } from "~/models/errors.server";
import { assertCan } from "~/policy/decide.server";
import { MAX_COMMENT_CHARACTERS, characterCount, commentSchema } from "~/schemas/comment";
import { getOptionalActor } from "~/services/actor.server";
import { getOptionalUser } from "~/services/auth.server";
import { documentStorage } from "~/services/storage.server";
import { ALLOWED_TYPES, COMMENT_ATTACHMENT_LIMITS, UploadError, formatMegabytes } from "~/services/uploads.server";
import { auditContext, invalid, notFound } from "~/utils/http.server";
import { withoutSecrets } from "~/utils/forms.server";
import { readSubmission } from "~/utils/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Comment: ${loaded?.period.title ?? "comment period"} · Lodestone` },
];

const FILES_LOST = "Attached files are not kept when the form is sent back: choose them again.";

async function loadPeriod(periodId: string | undefined) {
  const period = await getPeriodForCommenting(periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  return period;
}

// The form carries a fresh idempotency key for each visitor: no shared cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await loadPeriod(params.periodId);
  const user = await getOptionalUser(request);
  const organizations = user ? await commenterOrganizations(user.id) : [];
  return {
    period: {
      id: period.id,
      title: period.title,
      description: period.description,
      allowAnonymous: period.allowAnonymous,
      project: { slug: period.project.slug, name: period.project.name },
    },
    state: periodState(period, new Date()),
    opens: formatDeadline(period.opensAt, period.timeZone),
    deadline: formatDeadline(period.closesAt, period.timeZone),
    user: user ? { name: user.name, email: user.email } : null,
    organizations,
    // Made here, not in the browser, so the form carries one even without JavaScript.
    idempotencyKey: randomUUID(),
    limits: {
      files: COMMENT_ATTACHMENT_LIMITS.maxFiles,
      perFile: formatMegabytes(COMMENT_ATTACHMENT_LIMITS.maxFileBytes),
      accept: Object.keys(ALLOWED_TYPES)
        .map((extension) => `.${extension}`)
        .join(","),
    },
  };
}

const asStrings = (fields: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

export async function action({ request, params, context }: ActionFunctionArgs) {
  const period = await loadPeriod(params.periodId);
  // Refused before any file is stored; the model checks again at the moment of insert.
  const verdict = assertAcceptingComments(period, new Date());
  if (!verdict.ok) return invalid({ form: verdict.reason }, {}, 409);
  const actor = await getOptionalActor(request);

  let received;
  try {
    received = await readSubmission(request, {
      uploads: {
        field: "attachments",
        limits: COMMENT_ATTACHMENT_LIMITS,
        storage: documentStorage(),
        keyPrefix: `comment-periods/${period.id}/comments`,
      },
    });
  } catch (error) {
    if (error instanceof UploadError) {
      // Browsers cannot refill a file input, but everything typed comes back.
      const kept = withoutSecrets(asStrings(error.fields));
      delete kept.website;
      return invalid({ attachments: `${error.message} ${FILES_LOST}` }, kept, error.status);
    }
    throw error;
  }
  const fields = asStrings(received.fields);
  const values = withoutSecrets(fields);
  delete values.website;

  // Honeypot filled: answer exactly as a success does (a 303 to a receipt-shaped address) and keep
  // nothing, so a bot learns nothing to adapt to. People never see the field.
  if (fields.website) {
    await received.discard();
    return redirect(`/comment-periods/${period.id}/receipt/${newReceiptNumber()}`, 303);
  }

  const parsed = commentSchema.safeParse(fields);
  if (!parsed.success) {
    await received.discard();
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    if (received.files.length > 0) errors.attachments = FILES_LOST;
    return invalid(errors, values);
  }
  const form = parsed.data;
  const project = period.project;
  assertCan(actor, "comment.submit", {
    companyId: project.companyId,
    leadAgencyId: project.leadAgencyId,
    cooperatingAgencyIds: project.cooperatingAgencies.map((a) => a.agencyId),
    status: project.status,
    onBehalfOfOrganizationId: form.submitterType === "ORGANIZATION" ? (form.organizationId ?? null) : null,
  });

  let result;
  try {
    result = await submitComment(
      {
        ...form,
        periodId: period.id,
        // Read above for the policy; the statement checks the window again at the instant of insert.
        period,
        files: received.files,
        userId: actor?.userId ?? null,
        clientIp: context.clientIp,
      },
      auditContext(context, actor?.userId ?? null),
    );
  } catch (error) {
    await received.discard(error);
    if (error instanceof DomainError) {
      const errors: Record<string, string> = { [error.field]: error.message };
      if (received.files.length > 0) errors.attachments = FILES_LOST;
      return invalid(errors, values, error.status);
    }
    throw error;
  }
  // A retried POST already stored its files with the first attempt.
  if (result.duplicate) await received.discard();
  // Not awaited: the receipt does not wait for form-letter grouping (see comment-grouping.server.ts).
  else void requestGrouping(period.id);

  // The receipt email was queued with the comment; the page shows the number right away.
  const receiptUrl = `/comment-periods/${period.id}/receipt/${result.receiptNumber}`;
  return redirect(receiptUrl, 303);
}

// Screen readers hear the count when it crosses one of these (characters left), not on every keystroke.
const THRESHOLDS = [1000, 500, 100, 0];
const bandOf = (left: number) => (left < 0 ? THRESHOLDS.length + 1 : THRESHOLDS.filter((t) => left <= t).length);

function announcementFor(left: number): string {
  if (left < 0) return `${(-left).toLocaleString("en-US")} characters over the limit.`;
  return left === 0 ? "Limit reached." : `${left.toLocaleString("en-US")} characters left.`;
}

export default function CommentForm() {
  const { period, state, opens, deadline, user, organizations, idempotencyKey, limits } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const defaultType = user ? "INDIVIDUAL" : period.allowAnonymous ? "ANONYMOUS" : "";
  const { register, field, onSubmit, formError, errorFor, focus } = useValidatedForm(commentSchema, {
    server: result,
    defaultValues: {
      submitterType: defaultType,
      displayName: user?.name ?? "",
      email: user?.email ?? "",
      idempotencyKey,
      organizationId: organizations[0]?.id ?? "",
    },
  });
  const values = result?.values ?? {};
  // Rendered into the HTML too: without JavaScript a form with no type chosen could only fail.
  const checkedType = values.submitterType ?? defaultType;
  const [hydrated, setHydrated] = useState(false);
  const [count, setCount] = useState(characterCount(values.text ?? ""));
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => setHydrated(true), []);
  const textField = register("text");
  const left = MAX_COMMENT_CHARACTERS - count;

  if (state !== "open") {
    return (
      <div className="narrow">
        <h1>{period.title}</h1>
        <p>
          <Link to={`/projects/${period.project.slug}`}>{period.project.name}</Link>
        </p>
        <p role="status">
          {state === "upcoming"
            ? `This comment period opens on ${opens}. The form appears here then; comments are accepted until ${deadline}.`
            : `This comment period closed on ${deadline}. No more comments are accepted.`}
        </p>
      </div>
    );
  }
  if (!user && !period.allowAnonymous) {
    return (
      <div className="narrow">
        <h1>{period.title}</h1>
        <p>Comments are accepted until {deadline}. This period does not accept anonymous comments.</p>
        <p>
          <Link to={`/auth/login?redirectTo=/comment-periods/${period.id}/comment`}>Sign in</Link> or{" "}
          <Link to="/auth/signup">create an account</Link> to comment.
        </p>
      </div>
    );
  }

  const typeError = errorFor("submitterType");
  return (
    <div className="narrow">
      <h1>Comment on {period.title}</h1>
      <p>
        <Link to={`/projects/${period.project.slug}`}>{period.project.name}</Link>. Comments are accepted until{" "}
        <strong>{deadline}</strong>.
      </p>
      <p className="card">
        Your name and comment will be public, as will any files you attach; your email is never shown. Do not include
        information you do not want published.
      </p>
      <ValidatedForm
        onSubmit={onSubmit}
        errors={result?.errors}
        encType="multipart/form-data"
        aria-label="Your comment"
      >
        <FormError message={formError} />
        <input type="hidden" {...register("idempotencyKey")} defaultValue={values.idempotencyKey ?? idempotencyKey} />
        <fieldset aria-describedby={typeError ? "submitter-error" : undefined}>
          <legend>You are commenting</legend>
          <label>
            <input
              type="radio"
              value="INDIVIDUAL"
              disabled={!user}
              defaultChecked={checkedType === "INDIVIDUAL"}
              {...register("submitterType")}
            />{" "}
            As an individual, under your name{user ? null : " (sign in first)"}
          </label>
          {organizations.length > 0 ? (
            <label>
              <input
                type="radio"
                value="ORGANIZATION"
                defaultChecked={checkedType === "ORGANIZATION"}
                {...register("submitterType")}
              />{" "}
              On behalf of an organization you belong to
            </label>
          ) : null}
          {period.allowAnonymous ? (
            <label>
              <input
                type="radio"
                value="ANONYMOUS"
                defaultChecked={checkedType === "ANONYMOUS"}
                {...register("submitterType")}
              />{" "}
              Anonymously
            </label>
          ) : null}
          {typeError ? (
            <p id="submitter-error" className="field-error">
              {typeError}
            </p>
          ) : null}
        </fieldset>
        {organizations.length > 0 ? (
          <div className="field">
            <label htmlFor="organizationId">Organization</label>
            <p className="hint" id="organization-hint">
              Only used when you comment on behalf of an organization.
            </p>
            <select
              id="organizationId"
              aria-describedby="organization-hint"
              autoFocus={focus === "organizationId"}
              defaultValue={values.organizationId ?? organizations[0].id}
              {...register("organizationId")}
            >
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextField
          label="Name shown with your comment"
          {...field("displayName")}
          hint="Not needed for an anonymous comment."
          autoComplete="name"
        />
        <TextField
          label="Email for your receipt"
          type="email"
          {...field("email")}
          hint="We email your receipt number only if you give an address. It is never shown publicly."
          autoComplete="email"
        />
        <div className="field">
          <label htmlFor="text">Your comment</label>
          <p className="hint" id="text-hint">
            Up to {MAX_COMMENT_CHARACTERS.toLocaleString("en-US")} characters. Attach a file for anything longer.
          </p>
          <textarea
            id="text"
            rows={14}
            aria-required
            aria-invalid={errorFor("text") ? true : undefined}
            aria-describedby={`text-hint${hydrated ? " text-count" : ""}${errorFor("text") ? " text-error" : ""}`}
            autoFocus={focus === "text"}
            defaultValue={values.text ?? ""}
            {...textField}
            onChange={(event) => {
              void textField.onChange(event);
              const next = characterCount(event.target.value);
              if (bandOf(MAX_COMMENT_CHARACTERS - next) !== bandOf(MAX_COMMENT_CHARACTERS - count)) {
                setAnnouncement(announcementFor(MAX_COMMENT_CHARACTERS - next));
              }
              setCount(next);
            }}
          />
          {hydrated ? (
            <p id="text-count" className={left < 0 ? "field-error" : "hint"}>
              {left >= 0
                ? `${left.toLocaleString("en-US")} characters left`
                : `${(-left).toLocaleString("en-US")} characters over`}
            </p>
          ) : null}
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          {errorFor("text") ? (
            <p id="text-error" className="field-error">
              {errorFor("text")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="attachments">
            Attachments <span className="optional">(optional)</span>
          </label>
          <p className="hint" id="attachments-hint">
            Up to {limits.files} files of {limits.perFile} each: PDF, images, Word, Excel, PowerPoint, OpenDocument,
            CSV, text, GeoJSON, KML or a zipped shapefile.
          </p>
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept={limits.accept}
            aria-invalid={result?.errors?.attachments ? true : undefined}
            aria-describedby={`attachments-hint${result?.errors?.attachments ? " attachments-error" : ""}`}
          />
          {result?.errors?.attachments ? (
            <p id="attachments-error" className="field-error">
              {result.errors.attachments}
            </p>
          ) : null}
        </div>
        <div className="visually-hidden">
          <label htmlFor="website">Leave this field empty</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <SubmitButton pendingLabel="Sending your comment…">Send comment</SubmitButton>
      </ValidatedForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
