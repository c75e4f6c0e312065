import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import {
  FormError,
  SubmitButton,
  TextField,
  ValidatedForm,
  firstErrorField,
  useValidatedForm,
} from "~/components/forms";
import { AccountError, signUp } from "~/models/account.server";
import { signUpSchema } from "~/schemas/auth";
import { getOptionalUser, safeRedirect } from "~/services/auth.server";
import { readSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Create an account · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request);
  const parsed = submission.parse(signUpSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const redirectTo = safeRedirect(submission.get("redirectTo"), "");
  // No session and no error for a taken address: the answer is the same for every address, and the
  // emails (a confirmation link, or "you already have an account") say what to do next. Only the
  // sign-up rate limit (the same for every address) refuses here.
  try {
    await signUp(
      { ...parsed.data, next: redirectTo || undefined },
      { requestId: context.requestId, clientIp: context.clientIp },
    );
  } catch (error) {
    if (error instanceof AccountError) {
      return invalid(
        { [error.field]: error.message },
        { name: parsed.data.name, email: parsed.data.email, redirectTo: String(submission.get("redirectTo") ?? "") },
        error.status,
      );
    }
    throw error;
  }
  return redirectWithFlash(request, "/auth/verify", {
    kind: "success",
    message: `Almost done: we sent an email to ${parsed.data.email}. Open the link in it to continue.`,
  });
}

const FIELDS = ["name", "email", "password"];

export default function SignUp() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // An invitation link sends people here with their address and the way back to the invitation.
  const { register, field, onSubmit, formError } = useValidatedForm(signUpSchema, {
    server: result,
    defaultValues: { email: params.get("email") ?? "", redirectTo: params.get("redirectTo") ?? "" },
  });
  const focus = firstErrorField(result?.errors, FIELDS);
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p>
        Anyone can follow projects and comment while a comment period is open. Company and agency staff join their
        organization by invitation.
      </p>
      <ValidatedForm onSubmit={onSubmit} errors={result?.errors} aria-label="Create an account">
        <FormError message={formError} />
        <input type="hidden" {...register("redirectTo")} defaultValue={params.get("redirectTo") ?? ""} />
        <TextField label="Your name" {...field("name")} autoComplete="name" required autoFocus={focus === "name"} />
        <TextField
          label="Email address"
          type="email"
          {...field("email")}
          autoComplete="email"
          required
          autoFocus={focus === "email"}
        />
        <TextField
          label="Password"
          type="password"
          {...field("password")}
          hint="At least 10 characters. A few unrelated words make a strong password."
          autoComplete="new-password"
          required
          autoFocus={focus === "password"}
        />
        <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      </ValidatedForm>
      <p>
        Already have an account? <Link to="/auth/login">Sign in</Link>
      </p>
    </div>
  );
}
