// The public record as the tables hold it now (project stages, milestone dates, comment period
// deadlines), for verifiers to compare with the state the log's entries lead to.
import { currentState } from "~/models/log/log-reads.server";
import { logJson } from "~/utils/log-http.server";

export async function loader() {
  return logJson(await currentState());
}
