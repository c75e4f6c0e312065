import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { ErrorPage, errorPageTitle } from "~/components/ErrorPage";
import { FlashMessage } from "~/components/FlashMessage";
import { SiteFooter, SiteHeader } from "~/components/SiteHeader";
import { countUnread } from "~/models/notifications/notification.server";
import { can } from "~/policy/decide.server";
import { loadActor } from "~/services/actor.server";
import { readSession } from "~/services/auth.server";
import { takeFlash } from "~/services/flash.server";
import { useNonce } from "~/utils/nonce";
import { roleLabels } from "~/models/organization.labels";
import { PrintStamp } from "~/components/PrintStamp";
import { env } from "~/env.server";
import { messagesFor } from "~/i18n/catalogue.server";
import { requestLocale } from "~/i18n/locale.server";
import { DEFAULT_LOCALE } from "~/i18n/locales";
import { I18nProvider, type I18nState } from "~/i18n/react";
import { namespacesFor } from "~/i18n/routes";
import stylesheet from "~/styles/app.css";
import openRecordStyles from "~/styles/open-record.css";
import printStylesheet from "~/styles/print.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: openRecordStyles },
  // English in every language: `links` gets no data (and a route's `meta` replaces the root's).
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
  const locale = requestLocale(request, user?.locale);
  const i18n: I18nState = { locale, messages: messagesFor(locale, namespacesFor(new URL(request.url).pathname)) };
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
      i18n,
      print: { origin: env().APP_URL, renderedAt: new Date().toISOString() },
    },
    { headers },
  );
}

export type RootData = typeof loader;

/** The page's messages come with the root's data: load them again when the next page needs others. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || namespacesFor(currentUrl.pathname).join() !== namespacesFor(nextUrl.pathname).join();

const NO_MESSAGES: I18nState = { locale: DEFAULT_LOCALE, messages: {} };

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<RootData>("root");
  return (
    <html lang={root?.i18n.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider value={root?.i18n ?? NO_MESSAGES}>{children}</I18nProvider>
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
