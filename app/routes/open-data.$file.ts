// One file of the current open-data release (/open-data/milestones.csv, /open-data/ceq.json,
// /open-data/lodestone-open-data.zip, ...), streamed from storage as it was written. The ETag is
// the file's SHA-256, shown on /open-data, so a download can be checked and a cache revalidated.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataFileParam } from "~/schemas/open-data";
import { openReleaseFile } from "~/services/open-data.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = openDataFileParam.safeParse(params.file);
  const found = name.success ? await openReleaseFile(name.data) : null;
  if (!found) {
    throw notFound(
      "There is no such open-data file, or the files are still being prepared. The list is at /open-data.",
    );
  }
  const { file, release, body } = found;
  const etag = `"${file.sha256}"`;
  const headers = {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.name}"`,
    ETag: etag,
    "Last-Modified": release.generatedAt.toUTCString(),
    Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
    // Public data that changes at most every ten minutes; revalidation by ETag is cheap.
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("If-None-Match") === etag) {
    await body.cancel();
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(file.bytes) } });
}
