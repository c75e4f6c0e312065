// Words for the information request's enums, next to information-request.server.ts, as the request
// pages, the queue and the dashboard show them. Plain objects with type-only imports: safe in any
// page's bundle (a component may never import a *.server.ts module).
import type { InformationRequestStatus, ResponseDecision } from "@prisma/client";

// Written for the public table: the status says whose move it is, not only what happened.
export const REQUEST_STATUS_LABELS: Record<InformationRequestStatus, string> = {
  OPEN: "Open: waiting for the company",
  ANSWERED: "Answered: the agency is reviewing the answer",
  ACCEPTED: "Closed: answer accepted",
  WITHDRAWN: "Withdrawn by the agency",
};

export const RESPONSE_DECISION_LABELS: Record<ResponseDecision, string> = {
  ACCEPTED: "Accepted",
  RETURNED: "Returned: more information needed",
};
