// Log entries [start, end), at most 1,000 per request; each body is the exact canonical JSON
// (RFC 8785) whose hash is the leaf.
import { listEntries, MAX_ENTRIES_PER_PAGE } from "~/models/log/log-reads.server";
import { EntryPageSchema } from "~/schemas/api/log";
import { entriesQuery } from "~/schemas/log";
import { apiLoader } from "~/services/api/respond.server";
import { parseLogQuery } from "~/utils/log-http.server";

export const loader = apiLoader({
  schema: EntryPageSchema,
  load: async ({ url }) => {
    const { start, end } = parseLogQuery(url, entriesQuery);
    const entries = await listEntries(start, end);
    return { start, end: Math.min(end, start + MAX_ENTRIES_PER_PAGE), entries };
  },
});
