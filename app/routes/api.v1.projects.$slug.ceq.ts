// One project's public record in CEQ's NEPA and Permitting Data and Technology Standard (see
// app/models/open-data/ceq.server.ts and docs/open-data-ceq-mapping.md). Asking for a project by
// its address is explicit, so the fictional training project answers too (marked as such).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ceqDocumentForProject } from "~/models/open-data/ceq.server";
import { projectSlugParam } from "~/schemas/open-data";

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = projectSlugParam.safeParse(params.slug);
  const document = slug.success ? await ceqDocumentForProject(slug.data) : null;
  if (!document) {
    return new Response(
      JSON.stringify({ title: "Not found", status: 404, detail: "There is no project at this address." }),
      {
        status: 404,
        headers: { "Content-Type": "application/problem+json; charset=utf-8" },
      },
    );
  }
  return new Response(JSON.stringify(document), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
