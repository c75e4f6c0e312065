import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormError, SelectField, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "~/components/forms";
import { AccountError, signUp } from "~/models/account.server";
import { isTimeZone, signUpSchema } from "~/schemas/auth";
import { getOptionalUser, safeRedirect } from "~/services/auth.server";
import { readSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";
import { US_TIME_ZONES } from "~/utils/time-zones";

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
        {
          name: parsed.data.name,
          email: parsed.data.email,
          timeZone: parsed.data.timeZone,
          redirectTo: String(submission.get("redirectTo") ?? ""),
        },
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

/** The browser's own zone, when it names one Intl knows. */
function browserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : null;
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // An invitation link sends people here with their address and the way back to the invitation.
  const { register, setValue, field, onSubmit, formError } = useValidatedForm(signUpSchema, {
    server: result,
    defaultValues: { email: params.get("email") ?? "", redirectTo: params.get("redirectTo") ?? "" },
  });
  // Without JavaScript the list starts on "Choose…" and the person picks; with it, the browser's
  // zone is selected (and added to the list when it is not a U.S. one). A value the server echoed
  // back after an error wins: it is what the person chose.
  const [detected, setDetected] = useState<string | null>(null);
  const echoed = result?.values?.timeZone;
  useEffect(() => setDetected(browserTimeZone()), []);
  // A second effect: a zone outside the U.S. list must be rendered as an option before it can be selected.
  useEffect(() => {
    if (detected && !echoed) setValue("timeZone", detected);
  }, [detected, echoed, setValue]);
  const zoneOptions = [
    { value: "", label: "Choose your time zone" },
    ...US_TIME_ZONES,
    ...(detected && !US_TIME_ZONES.some((zone) => zone.value === detected)
      ? [{ value: detected, label: detected.replace(/_/g, " ") }]
      : []),
  ];
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
        <TextField label="Your name" {...field("name")} autoComplete="name" required />
        <TextField label="Email address" type="email" {...field("email")} autoComplete="email" required />
        <TextField
          label="Password"
          type="password"
          {...field("password")}
          hint="At least 10 characters. A few unrelated words make a strong password."
          autoComplete="new-password"
          required
        />
        <SelectField
          label="Your time zone"
          {...field("timeZone")}
          options={zoneOptions}
          hint={
            detected
              ? `Your browser says ${detected}; change it if that is not where you are. Your notifications are dated in this zone.`
              : "Your notifications are dated in this zone. You can change it later in your notification settings."
          }
          required
        />
        <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      </ValidatedForm>
      <p>
        Already have an account? <Link to="/auth/login">Sign in</Link>
      </p>
    </div>
  );
}
