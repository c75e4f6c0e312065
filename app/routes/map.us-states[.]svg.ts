// The outline of the United States that project maps draw their markers over (see
// app/services/map/us-map.server.ts). The same bytes for every request, so caches keep it a day.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedResponse } from "~/services/feeds/respond.server";
import { usStatesSvg } from "~/services/map/us-map.server";

export function loader({ request }: LoaderFunctionArgs) {
  return publishedResponse(request, {
    body: usStatesSvg(),
    contentType: "image/svg+xml; charset=utf-8",
    visibility: "public",
    maxAgeSeconds: 86_400,
  });
}
