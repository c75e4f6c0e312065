import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { FormError, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { AccountError, authenticate } from "~/models/account.server";
import { loginSchema } from "~/schemas/auth";
import { homePath, loadActor } from "~/services/actor.server";
import { getOptionalUser, safeRedirect, startSession } from "~/services/auth.server";
import { parseSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(request, loginSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const user = await authenticate({ ...parsed.data, clientIp: context.clientIp });
    const cookie = await startSession(request, user.id);
    return redirectWithFlash(
      request,
      safeRedirect(parsed.data.redirectTo, await homePath(await loadActor(user))),
      { kind: "success", message: `Signed in as ${user.name}.` },
      [cookie],
    );
  } catch (error) {
    if (error instanceof AccountError) {
      return invalid({ form: error.message }, { email: parsed.data.email, redirectTo: parsed.data.redirectTo ?? "" });
    }
    throw error;
  }
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { register, field, onSubmit, formError } = useValidatedForm(loginSchema, {
    server: result,
    defaultValues: { redirectTo: params.get("redirectTo") ?? "" },
  });
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <ValidatedForm onSubmit={onSubmit} errors={result?.errors} aria-label="Sign in">
        <FormError message={formError} />
        <input type="hidden" {...register("redirectTo")} />
        <TextField label="Email address" type="email" {...field("email")} autoComplete="email" required />
        <TextField label="Password" type="password" {...field("password")} autoComplete="current-password" required />
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to="/auth/forgot">Forgot your password?</Link>
      </p>
      <p>
        New to Lodestone? <Link to="/auth/signup">Create an account</Link>
      </p>
    </div>
  );
}
