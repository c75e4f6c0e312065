import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { ErrorPage, errorPageTitle } from "~/components/ErrorPage";
import { FlashMessage } from "~/components/FlashMessage";
import { SiteFooter, SiteHeader } from "~/components/SiteHeader";
import { countUnread } from "~/models/notification.server";
import { can } from "~/policy/decide.server";
import { loadActor } from "~/services/actor.server";
import { readSession } from "~/services/auth.server";
import { takeFlash } from "~/services/flash.server";
import { useNonce } from "~/utils/nonce";
import { roleLabels } from "~/models/organization.labels";
import { PrintStamp } from "~/components/PrintStamp";
import { env } from "~/env.server";
import stylesheet from "~/styles/app.css";
import openRecordStyles from "~/styles/open-record.css";
import printStylesheet from "~/styles/print.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: openRecordStyles },
  { rel: "alternate", type: "application/atom+xml", title: "Lodestone: the whole public record", href: "/feed.atom" },
  // Fetched without blocking the first paint: only paper uses it.
  { rel: "stylesheet", href: printStylesheet, media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// When a page is refused or fails, the root's boundary renders and only this meta runs (Remix stops
// at the boundary): the title then names the refusal, not the page.
export const meta: MetaFunction = ({ error }) => [
  { title: error ? errorPageTitle(error) : "Lodestone: the public permitting record of proposed mines" },
  {
    name: "description",
    content: "Where each proposed U.S. mine stands in permitting, what was planned and what happened.",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, setCookie } = await readSession(request);
  // One count query beside the actor's: this loader runs on every navigation.
  const [actor, unreadNotifications] = user ? await Promise.all([loadActor(user), countUnread(user.id)]) : [null, 0];
  const { flash, setCookie: flashCookie } = await takeFlash(request);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (flashCookie) headers.append("Set-Cookie", flashCookie);
  return data(
    {
      requestId: context.requestId,
      user:
        user && actor
          ? {
              name: user.name,
              email: user.email,
              emailVerified: user.emailVerifiedAt !== null,
              roles: roleLabels(actor),
              organizations: actor.memberships.map((m) => m.organizationId),
              unreadNotifications,
            }
          : null,
      can: {
        admin: can(actor, "admin.access", null),
        queue: can(actor, "dashboard.regulator", null),
        dashboard: can(actor, "dashboard.company", null),
        addProject: (actor?.memberships ?? []).some((m) =>
          can(actor, "project.create", { companyId: m.organizationId }),
        ),
      },
      flash,
      print: { origin: env().APP_URL, renderedAt: new Date().toISOString() },
    },
    { headers },
  );
}

export type RootData = typeof loader;

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const root = useRouteLoaderData<RootData>("root");
  return (
    <>
      <SiteHeader />
      {root ? <PrintStamp {...root.print} /> : null}
      <main id="main" tabIndex={-1}>
        <FlashMessage />
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<RootData>("root");
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <ErrorPage requestId={root?.requestId} />
      </main>
      <SiteFooter />
    </>
  );
}
