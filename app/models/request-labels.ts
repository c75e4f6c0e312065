// Words for information requests as the request pages, the queue and the dashboard show them.
// Pure (type imports only) so components may import it; a component may never import a
// *.server.ts module. Review and package words live in review-labels.ts and package-labels.ts.
import type { DocumentVisibility, InformationRequestStatus, ResponseDecision } from "@prisma/client";

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

// Worded as the choice the company makes when it attaches files to an answer.
export const ANSWER_FILE_VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  CONFIDENTIAL: "Confidential: the company and the reviewing agencies only",
  PUBLIC: "Public: anyone can open it",
};
