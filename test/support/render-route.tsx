// Renders a route module's component to HTML with the data its loader (and, for a POST, its action)
// would return, the way the server renders it for a browser with JavaScript off. Remix's hooks
// (useLoaderData, useActionData, Link, Form) are React Router's, so a static data router is all they
// need: no server, no database.
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { catalogue } from "~/i18n/catalogue.server";
import { I18nProvider } from "~/i18n/react";

type Data = Record<string, unknown> | null;

export async function renderRoute(
  Component: ComponentType,
  data: { loader: Data; action?: Data },
  url = "http://lodestone.test/page",
  /** "root" for components that read the root loader's data (the site header). */
  id = "page",
): Promise<string> {
  const routes = [
    {
      id,
      path: new URL(url).pathname,
      loader: () => data.loader,
      action: () => data.action ?? null,
      Component,
    },
  ];
  const handler = createStaticHandler(routes);
  const request = new Request(url, data.action === undefined ? {} : { method: "POST", body: new FormData() });
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`The route answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // The whole English catalogue: what the root gives every page (app/i18n).
  return renderToStaticMarkup(
    <I18nProvider value={{ locale: "en", messages: catalogue("en") }}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nProvider>,
  );
}
