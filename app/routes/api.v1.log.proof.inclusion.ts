// Inclusion proof (RFC 9162 §2.1.3) of entry ?index= in the tree of ?size= entries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ProofRangeError, proveInclusion } from "~/models/log/log-reads.server";
import { inclusionQuery } from "~/schemas/log";
import { logError, logJson, parseLogQuery } from "~/utils/log-http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { index, size } = parseLogQuery(request, inclusionQuery);
  try {
    return logJson(await proveInclusion(index, size), { maxAge: 3600 });
  } catch (error) {
    if (error instanceof ProofRangeError) return logError(404, error.message);
    throw error;
  }
}
