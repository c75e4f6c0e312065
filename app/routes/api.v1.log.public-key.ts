// The keys that sign the log's checkpoints (Ed25519, raw 32 bytes in base64), oldest first.
import { publicKeys } from "~/models/log/log-reads.server";
import { PublicKeysSchema } from "~/schemas/api/log";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: PublicKeysSchema,
  load: async () => ({ keys: await publicKeys() }),
});
