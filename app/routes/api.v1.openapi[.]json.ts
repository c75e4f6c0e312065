// GET /api/v1/openapi.json: the OpenAPI 3.1 description, generated from the response schemas.
import { z } from "zod";
import { publicUrl } from "~/models/public-record/urls.server";
import { openApiDocument } from "~/schemas/api/openapi";
import { apiLoader } from "~/services/api/respond.server";

export const loader = apiLoader({
  schema: z.record(z.string(), z.unknown()),
  load: async () => openApiDocument(publicUrl("")),
});
