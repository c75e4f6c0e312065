// Notification settings: how often each kind of news is emailed, the zone digests follow, and the
// projects the person follows. (account_ keeps this page out of the /account page's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FollowForm } from "~/components/FollowPanel";
import {
  FormError,
  RadioGroupField,
  SelectField,
  SubmitButton,
  ValidatedForm,
  useValidatedForm,
} from "~/components/forms";
import { listFollowedProjects } from "~/models/notifications/follow.server";
import { getPreferences, savePreferences } from "~/models/notifications/notification.server";
import {
  FREQUENCIES,
  FREQUENCY_LABELS,
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_LABELS,
} from "~/models/notifications/notification-preferences";
import { preferencesSchema } from "~/schemas/notifications";
import { requireUser } from "~/services/auth.server";
import { parseSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";
import { allTimeZoneOptions } from "~/utils/time-zones";

const PAGE = "/account/notifications";

export const meta: MetaFunction = () => [{ title: "Notification settings · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [preferences, followed] = await Promise.all([getPreferences(user.id), listFollowedProjects(user.id)]);
  return { preferences, followed, timeZones: allTimeZoneOptions(preferences.timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseSubmission(request, preferencesSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await savePreferences(user.id, parsed.data);
  return redirectWithFlash(request, PAGE, { kind: "success", message: "Your notification settings are saved." });
}

const FREQUENCY_OPTIONS = FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value] }));

export default function NotificationSettings() {
  const { preferences, followed, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useValidatedForm(preferencesSchema, {
    server: result,
    defaultValues: { ...preferences.frequencies, timeZone: preferences.timeZone },
  });
  return (
    <div className="stack">
      <h1>Notification settings</h1>
      <p>
        News of the projects you follow always appears in your <Link to="/notifications">notifications</Link>. Here you
        choose what is also sent by email, and how often.
      </p>
      {preferences.emailVerified ? null : (
        <p className="banner">
          We only email verified addresses, so you get no email yet.{" "}
          <Link to="/auth/verify">Confirm your email address</Link>
        </p>
      )}

      <section className="card" aria-labelledby="email-settings">
        <h2 id="email-settings">Email</h2>
        <ValidatedForm onSubmit={form.onSubmit} errors={result?.errors} aria-labelledby="email-settings">
          <FormError message={form.formError} />
          {NOTIFICATION_TYPES.map((type) => (
            <RadioGroupField
              key={type}
              legend={NOTIFICATION_TYPE_LABELS[type].label}
              hint={NOTIFICATION_TYPE_LABELS[type].hint}
              options={FREQUENCY_OPTIONS}
              {...form.field(type)}
            />
          ))}
          <SelectField
            label="Time zone"
            hint="Digests arrive around 7:00 in the morning in this zone: the daily digest each morning, the weekly digest on Monday mornings."
            options={timeZones}
            required
            {...form.field("timeZone")}
          />
          <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="followed">
        <h2 id="followed">Projects you follow</h2>
        {followed.length === 0 ? (
          <p>
            You do not follow any project yet. Open a project and choose “Follow” to get its news.{" "}
            <Link to="/projects">Find a project</Link>
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Projects you follow, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Why you follow it</th>
                  <th scope="col">Email about it</th>
                  <th scope="col">
                    <span className="visually-hidden">Unfollow</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {followed.map((project) => (
                  <tr key={project.projectId}>
                    <td>
                      <Link to={`/projects/${project.slug}`}>{project.name}</Link>
                    </td>
                    <td>
                      {project.automatic ? "Automatically: your organization works on it" : "You chose to follow it"}
                    </td>
                    <td>
                      {project.emailMuted ? "Off" : "On"}{" "}
                      <FollowForm
                        slug={project.slug}
                        intent="email"
                        email={project.emailMuted ? "on" : "off"}
                        redirectTo={PAGE}
                        hiddenLabel={`for ${project.name}`}
                      >
                        {project.emailMuted ? "Turn on" : "Turn off"}
                      </FollowForm>
                    </td>
                    <td>
                      <FollowForm slug={project.slug} intent="unfollow" redirectTo={PAGE} hiddenLabel={project.name}>
                        {project.automatic ? "Stop following" : "Unfollow"}
                      </FollowForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
