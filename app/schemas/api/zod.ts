// zod with zod-to-openapi's `.openapi()` (v7, the last line for zod 3). Only the read API's
// schemas import this module, and only server code imports those.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
