import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { allowPasswordResetRequest, requestPasswordReset } from "~/models/account.server";
import { forgotPasswordSchema } from "~/schemas/auth";
import { parseSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Lodestone" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(request, forgotPasswordSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  if (!(await allowPasswordResetRequest(parsed.data.email, context.clientIp))) {
    return invalid(
      { form: "Several reset links were sent already. Please check your inbox, or try again in an hour." },
      { email: parsed.data.email },
    );
  }
  await requestPasswordReset(parsed.data.email);
  // The same answer whether or not the address has an account.
  return redirectWithFlash(request, "/auth/login", {
    kind: "info",
    message: `If ${parsed.data.email} has a Lodestone account, a reset link is on its way. It works for 60 minutes.`,
  });
}

export default function Forgot() {
  const result = useActionData<typeof action>();
  const { field, onSubmit, formError } = useValidatedForm(forgotPasswordSchema, { server: result });
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ValidatedForm onSubmit={onSubmit} errors={result?.errors} aria-label="Reset your password">
        <FormError message={formError} />
        <TextField label="Email address" type="email" {...field("email")} autoComplete="email" required />
        <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to="/auth/login">Back to sign in</Link>
      </p>
    </div>
  );
}
