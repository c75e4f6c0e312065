// Inclusion proof (RFC 9162 §2.1.3) of entry ?index= in the tree of ?size= entries.
import { ProofRangeError, proveInclusion } from "~/models/log/log-reads.server";
import { InclusionProofSchema } from "~/schemas/api/log";
import { inclusionQuery } from "~/schemas/log";
import { apiLoader } from "~/services/api/respond.server";
import { notFound, parseLogQuery } from "~/utils/log-http.server";

export const loader = apiLoader({
  schema: InclusionProofSchema,
  load: async ({ url }) => {
    const { index, size } = parseLogQuery(url, inclusionQuery);
    try {
      return await proveInclusion(index, size);
    } catch (error) {
      if (error instanceof ProofRangeError) throw notFound(error.message);
      throw error;
    }
  },
});
