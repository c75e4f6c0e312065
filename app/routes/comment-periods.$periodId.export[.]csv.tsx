// A period's comments as CSV, streamed. The public export is open to all (hidden comments marked,
// their text withheld); ?full=1 adds hidden text, emails and report counts for the agencies.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportColumns, exportComments } from "~/models/comments/comment-export.server";
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { decide } from "~/policy/decide.server";
import { getOptionalActor } from "~/services/actor.server";
import { csvStream } from "~/services/csv.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const full = new URL(request.url).searchParams.get("full") === "1";
  if (full) {
    const decision = decide(await getOptionalActor(request), "comment.exportFull", period.resource);
    if (!decision.allowed) throw new Response(decision.reason, { status: 403, statusText: "Forbidden" });
  }
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${period.project.slug}-comments-${period.id}${full ? "-full" : ""}-${date}.csv`;
  return new Response(csvStream(exportColumns({ full }), exportComments(period.id, { full })), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // The full export carries emails and hidden text; the public one must drop a comment the moment
      // it is hidden. Neither may sit in a cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
