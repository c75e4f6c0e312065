// The public record as the tables hold it now (project stages, milestone dates, comment period
// deadlines), for verifiers to compare with the state the log's entries lead to.
import { currentState } from "~/models/log/log-reads.server";
import { RecordStateSchema } from "~/schemas/api/log";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({ schema: RecordStateSchema, load: () => currentState() });
