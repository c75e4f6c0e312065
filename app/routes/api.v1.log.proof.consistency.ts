// Consistency proof (RFC 9162 §2.1.4) that the tree of ?second= entries extends the tree of ?first=.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ProofRangeError, proveConsistency } from "~/models/log/log-reads.server";
import { consistencyQuery } from "~/schemas/log";
import { logError, logJson, parseLogQuery } from "~/utils/log-http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { first, second } = parseLogQuery(request, consistencyQuery);
  try {
    return logJson(await proveConsistency(first, second), { maxAge: 3600 });
  } catch (error) {
    if (error instanceof ProofRangeError) return logError(404, error.message);
    throw error;
  }
}
