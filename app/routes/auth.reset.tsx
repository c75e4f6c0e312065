import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { AccountError, findValidResetToken, resetPassword } from "~/models/account.server";
import { resetPasswordSchema } from "~/schemas/auth";
import { replaceAllSessions } from "~/services/auth.server";
import { readSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = token ? (await findValidResetToken(token)) !== null : false;
  return { token, valid };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request);
  const parsed = submission.parse(resetPasswordSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const user = await resetPassword(parsed.data.token, parsed.data.password, { requestId: context.requestId });
    // Every existing session ends: whoever knew the old password is signed out.
    await replaceAllSessions(user.id, false);
    return redirectWithFlash(request, "/auth/login", {
      kind: "success",
      message: "Your password is changed. Sign in with the new one.",
    });
  } catch (error) {
    if (error instanceof AccountError) return invalid({ form: error.message });
    throw error;
  }
}

export default function Reset() {
  const { token, valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { register, field, onSubmit, formError } = useValidatedForm(resetPasswordSchema, {
    server: result,
    defaultValues: { token },
  });
  if (!valid) {
    return (
      <div className="narrow">
        <h1>This reset link does not work</h1>
        <p>It may have expired (links work for 60 minutes) or been used already.</p>
        <p>
          <Link to="/auth/forgot">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <ValidatedForm onSubmit={onSubmit} errors={result?.errors} aria-label="Choose a new password">
        <FormError message={formError} />
        <input type="hidden" {...register("token")} />
        <TextField
          label="New password"
          type="password"
          {...field("password")}
          hint="At least 10 characters."
          autoComplete="new-password"
          required
        />
        <TextField
          label="New password again"
          type="password"
          {...field("confirmPassword")}
          autoComplete="new-password"
          required
        />
        <SubmitButton pendingLabel="Saving…">Save new password</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
