// Every signed checkpoint, newest first, 100 a page: ?before=<id of the last one seen>&limit=.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCheckpoints } from "~/models/log/log-reads.server";
import { checkpointsQuery } from "~/schemas/log";
import { logJson, parseLogQuery } from "~/utils/log-http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseLogQuery(request, checkpointsQuery);
  const checkpoints = await listCheckpoints(query);
  const last = checkpoints.at(-1);
  return logJson({
    checkpoints,
    next: last && checkpoints.length === (query.limit ?? 100) ? `/api/v1/log/checkpoints?before=${last.id}` : null,
  });
}
