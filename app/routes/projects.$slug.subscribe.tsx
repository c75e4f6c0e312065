// Email updates about one project for visitors without an account (double opt-in). The form sits
// on the project page; this page shows it again when the address needs fixing.
import { requestLocale } from "~/i18n/locale.server";
import { emailLocale } from "~/i18n/locales";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubscribeForm } from "~/components/FollowPanel";
import { requestEmailSubscription } from "~/models/notifications/email-subscription.server";
import { subscribeSchema } from "~/schemas/public-pages.server";
import { parseSubmission } from "~/utils/submission.server";
import { invalid, redirectWithFlash } from "~/utils/http.server";
import { domainFailure, loadProjectFor } from "~/utils/project-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Email updates: ${data?.project.name ?? "project"} · Lodestone` },
];

async function loadProject(request: Request, slug: string | undefined) {
  return (await loadProjectFor(request, slug, "project.subscribeByEmail")).project;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const project = await loadProject(request, params.slug);
  return { project: { slug: project.slug, name: project.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const project = await loadProject(request, params.slug);
  const parsed = await parseSubmission(request, subscribeSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await requestEmailSubscription({
      projectId: project.id,
      email: parsed.data.email,
      clientIp: context.clientIp,
      locale: emailLocale(requestLocale(request)),
    });
  } catch (error) {
    return domainFailure(error, { email: parsed.data.email });
  }
  // The same words whether or not the address was subscribed already (see email-subscription.server.ts).
  return redirectWithFlash(request, `/projects/${project.slug}`, {
    kind: "success",
    message: "Check your inbox: we sent a link to confirm. Nothing is sent until you confirm.",
  });
}

export default function Subscribe() {
  const { project } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow stack">
      <h1>Get email updates about {project.name}</h1>
      <p>
        We email you when <Link to={`/projects/${project.slug}`}>{project.name}</Link> changes stage and when a public
        comment period opens, is extended, is about to close or closes.
      </p>
      <SubscribeForm slug={project.slug} result={result} />
    </div>
  );
}
