// The lead agency's statutory clock desk: mark which milestones start the NEPA clock (notice of
// intent, determination, right-of-way application complete) and which decision completes it, and
// record extensions of the deadline with their reasons (42 U.S.C. 4336a(g)(2)).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-fields";
import { StatutoryClock } from "~/components/StatutoryClock";
import { STATUTORY_ROLE_LABELS, STATUTORY_ROLE_VALUES } from "~/models/statutory-clock";
import {
  loadProjectClockView,
  loadStatutoryRecord,
  recordStatutoryExtension,
  setStatutoryRole,
} from "~/models/statutory-clock.server";
import { assertCan } from "~/policy/decide.server";
import { statutoryExtensionSchema, statutoryIntentSchema, statutoryRoleSchema } from "~/schemas/public-pages.server";
import { formatCalendarDate, todayUtc } from "~/utils/dates";
import { auditContext, invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, requireProjectFor } from "~/utils/project-route.server";
import { readSubmission } from "~/utils/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Statutory clock: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireProjectFor(request, params.slug, "project.manageStatutoryClock");
  const today = todayUtc();
  const [record, view] = await Promise.all([loadStatutoryRecord(project.id), loadProjectClockView(project.id, today)]);
  return {
    project: { slug: project.slug, name: project.name },
    view,
    milestones: record.milestones.map((m) => ({
      id: m.id,
      name: m.name,
      actual: m.actualDate ? formatCalendarDate(m.actualDate, m.datePrecision) : null,
      role: m.statutoryRole,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, project, resource } = await requireProjectFor(request, params.slug, "project.manageStatutoryClock");
  assertCan(actor, "project.manageStatutoryClock", resource);
  const submission = await readSubmission(request);
  const intent = statutoryIntentSchema.safeParse(Object.fromEntries(submission));
  if (!intent.success) return invalid({ form: "Unknown request." });
  const audit = auditContext(context, actor.userId);
  const here = `/projects/${project.slug}/statutory`;
  try {
    if (intent.data.intent === "setRole") {
      const parsed = submission.parse(statutoryRoleSchema);
      if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "setRole" });
      const role = parsed.data.role === "NONE" ? null : parsed.data.role;
      await setStatutoryRole(project.id, { milestoneId: parsed.data.milestoneId, role }, audit);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: "The milestone's part in the clock is saved.",
      });
    }
    const parsed = submission.parse(statutoryExtensionSchema);
    if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "extend" });
    await recordStatutoryExtension(
      project.id,
      { newDeadline: parsed.data.newDeadline, reason: parsed.data.reason, sourceUrl: parsed.data.sourceUrl ?? null },
      audit,
      todayUtc(),
    );
    return redirectWithFlash(request, here, {
      kind: "success",
      message: "The extension is recorded and shown publicly with its reason.",
    });
  } catch (error) {
    return domainFailure(error, { intent: intent.data.intent });
  }
}

export default function StatutoryDesk() {
  const { project, view, milestones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "errors" in result ? (result.errors as Record<string, string>) : {};
  const values: Record<string, string> = result && "values" in result ? (result.values as Record<string, string>) : {};
  const extending = values.intent === "extend";
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}#statutory`}>← {project.name}</Link>
      </p>
      <h1>Statutory clock of {project.name}</h1>
      <FormError message={errors.form} />
      {view ? <StatutoryClock view={view} projectName={project.name} /> : null}

      <section aria-labelledby="roles">
        <h2 id="roles">Which events start and stop the clock</h2>
        <p>
          The clock starts at the sooner of the notice of intent, the determination that an EIS or EA is required, and
          the notice that a right-of-way application is complete, once the milestone has an actual date.
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Milestones and their part in the statutory clock</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Happened</th>
                <th scope="col">Part in the clock</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.actual ?? "not yet"}</td>
                  <td>
                    <Form method="post" aria-label={`Part of ${m.name} in the statutory clock`}>
                      <input type="hidden" name="intent" value="setRole" />
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <label htmlFor={`role-${m.id}`} className="visually-hidden">
                        Part of {m.name}
                      </label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role ?? "NONE"}>
                        <option value="NONE">None</option>
                        {STATUTORY_ROLE_VALUES.map((r) => (
                          <option key={r} value={r}>
                            {STATUTORY_ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit">Save</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="extend">
        <h2 id="extend">Record an extension</h2>
        <p>
          The lead agency may extend the deadline in consultation with the applicant, by only as much time as needed.
          The new deadline and the reason are shown publicly.
        </p>
        <Form method="post" className="card" aria-label="Record an extension of the statutory deadline">
          <input type="hidden" name="intent" value="extend" />
          <div className="field">
            <label htmlFor="newDeadline">New deadline</label>
            <input
              id="newDeadline"
              name="newDeadline"
              type="date"
              required
              defaultValue={extending ? values.newDeadline : undefined}
              aria-invalid={errors.newDeadline ? true : undefined}
              aria-describedby={errors.newDeadline ? "newDeadline-error" : undefined}
            />
            {errors.newDeadline ? (
              <p id="newDeadline-error" className="field-error">
                {errors.newDeadline}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="reason">Reason (public)</label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              required
              defaultValue={extending ? values.reason : undefined}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? "reason-error" : undefined}
            />
            {errors.reason ? (
              <p id="reason-error" className="field-error">
                {errors.reason}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="sourceUrl">Public notice or letter (optional)</label>
            <input
              id="sourceUrl"
              name="sourceUrl"
              type="url"
              defaultValue={extending ? values.sourceUrl : undefined}
              aria-invalid={errors.sourceUrl ? true : undefined}
              aria-describedby={errors.sourceUrl ? "sourceUrl-error" : undefined}
            />
            {errors.sourceUrl ? (
              <p id="sourceUrl-error" className="field-error">
                {errors.sourceUrl}
              </p>
            ) : null}
          </div>
          <p>
            <button type="submit">Record the extension</button>
          </p>
        </Form>
      </section>
    </div>
  );
}
