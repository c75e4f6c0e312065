// Marking a condition of approval met, or waiving it with a reason: used on the conditions page
// and on each review's page.
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  ValidatedForm,
  useValidatedForm,
  resultFor,
} from "~/components/forms";
import { RESOLUTION_OPTIONS } from "~/models/condition.labels";
import { resolveConditionSchema } from "~/schemas/review";

type Result = { errors: Record<string, string>; values: Record<string, string> } | undefined;

export function ResolveConditionForm({ conditionId, result }: { conditionId: string; result: Result }) {
  // Several of these forms share a page: only the one that was submitted shows the errors.
  const mine = resultFor(result, "resolve", { conditionId });
  const form = useValidatedForm(resolveConditionSchema, {
    server: mine,
    defaultValues: { conditionId, status: "MET" },
  });
  return (
    <ValidatedForm onSubmit={form.onSubmit} errors={mine?.errors} aria-label="Resolve this condition">
      <FormError message={form.formError ?? mine?.errors.conditionId} />
      <input type="hidden" {...form.register("conditionId")} defaultValue={conditionId} />
      <SelectField {...form.field("status")} label="Resolution" required options={RESOLUTION_OPTIONS} />
      <TextAreaField
        {...form.field("resolution")}
        label="How it was met, or why it is waived (public)"
        required
        rows={2}
      />
      <SubmitButton name="intent" value="resolve" pendingLabel="Saving…">
        Resolve
      </SubmitButton>
    </ValidatedForm>
  );
}
