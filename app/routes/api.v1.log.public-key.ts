// The keys that sign the log's checkpoints (Ed25519, raw 32 bytes in base64), oldest first.
import { publicKeys } from "~/models/log/log-reads.server";
import { logJson } from "~/utils/log-http.server";

export async function loader() {
  return logJson({ keys: await publicKeys() });
}
