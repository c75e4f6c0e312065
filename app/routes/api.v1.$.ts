// Any other address under /api/v1: a problem+json 404 (not the site's HTML page), so a client
// with a typo in a path hears it in the format it reads.
import { z } from "zod";
import { apiNotFound } from "~/services/api/problem.server";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: z.never(),
  load: async () => {
    throw apiNotFound("There is no API endpoint at this address. The reference is at /api.");
  },
});
