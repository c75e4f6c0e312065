// The latest signed checkpoint of the public log: tree size, root hash, time, signature.
import { latestCheckpoint } from "~/models/log/log-reads.server";
import { logError, logJson } from "~/utils/log-http.server";

export async function loader() {
  const checkpoint = await latestCheckpoint();
  if (!checkpoint) return logError(404, "The log has not signed a checkpoint yet.");
  return logJson(checkpoint);
}
