// Consistency proof (RFC 9162 §2.1.4) that the tree of ?second= entries extends the tree of ?first=.
import { ProofRangeError, proveConsistency } from "~/models/log/log-reads.server";
import { ConsistencyProofSchema } from "~/schemas/api/log";
import { consistencyQuery } from "~/schemas/log";
import { apiLoader } from "~/services/api/respond.server";
import { notFound, parseLogQuery } from "~/utils/log-http.server";

export const loader = apiLoader({
  schema: ConsistencyProofSchema,
  load: async ({ url }) => {
    const { first, second } = parseLogQuery(url, consistencyQuery);
    try {
      return await proveConsistency(first, second);
    } catch (error) {
      if (error instanceof ProofRangeError) throw notFound(error.message);
      throw error;
    }
  },
});
