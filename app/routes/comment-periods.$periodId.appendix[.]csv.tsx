// The response-to-comments appendix as CSV (decision 0030): one row per concern and commenter, a
// campaign one row with its number of letters. Public: published concerns and comments only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { APPENDIX_COLUMNS, appendixRows, publishedConcerns } from "~/models/concern-reading.server";
import { csvStream } from "~/services/csv.server";
import { notFound } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const period = await findPeriodForComments(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const rows = appendixRows(await publishedConcerns(period.id));
  async function* each() {
    yield* rows;
  }
  const filename = `${period.project.slug}-response-to-comments-${period.id}.csv`;
  return new Response(csvStream(APPENDIX_COLUMNS, each()), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // A comment hidden after publication must leave the download at once.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
