// The CEQ NEPA data standard document (/api/v1/projects/{slug}/ceq) is checked against the
// standard's own JSON Schema in the tests (test/fixtures/ceq-nepa-data-standard); here it passes
// through the read API's wrapper whole, for the wrapper's rate limit, ETag, CORS and problem+json.
import { z } from "./zod";

export const CeqDocumentSchema = z.record(z.string(), z.unknown());
