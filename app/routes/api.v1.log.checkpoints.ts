// Every signed checkpoint, newest first, 100 a page: ?before=<id of the last one seen>&limit=.
import { listCheckpoints } from "~/models/log/log-reads.server";
import { CheckpointPageSchema } from "~/schemas/api/log";
import { checkpointsQuery } from "~/schemas/log";
import { apiLoader } from "~/services/api/respond.server";
import { parseLogQuery } from "~/utils/log-http.server";

export const loader = apiLoader({
  schema: CheckpointPageSchema,
  load: async ({ url }) => {
    const query = parseLogQuery(url, checkpointsQuery);
    const checkpoints = await listCheckpoints(query);
    const last = checkpoints.at(-1);
    return {
      checkpoints,
      next: last && checkpoints.length === (query.limit ?? 100) ? `/api/v1/log/checkpoints?before=${last.id}` : null,
    };
  },
});
