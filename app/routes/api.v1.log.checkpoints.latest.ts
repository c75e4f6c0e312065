// The latest signed checkpoint of the public log: tree size, root hash, time, signature.
import { latestCheckpoint } from "~/models/log/log-reads.server";
import { CheckpointSchema } from "~/schemas/api/log";
import { apiLoader } from "~/services/api/respond.server";
import { notFound } from "~/utils/log-http.server";

export const loader = apiLoader({
  schema: CheckpointSchema,
  load: async () => {
    const checkpoint = await latestCheckpoint();
    if (!checkpoint) throw notFound("The log has not signed a checkpoint yet.");
    return checkpoint;
  },
});
