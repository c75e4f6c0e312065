// Log entries [start, end), at most 1,000 per request; each body is the exact canonical JSON
// (RFC 8785) whose hash is the leaf.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listEntries, MAX_ENTRIES_PER_PAGE } from "~/models/log/log-reads.server";
import { entriesQuery } from "~/schemas/log";
import { logJson, parseLogQuery } from "~/utils/log-http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { start, end } = parseLogQuery(request, entriesQuery);
  const entries = await listEntries(start, end);
  return logJson({ start, end: Math.min(end, start + MAX_ENTRIES_PER_PAGE), entries });
}
