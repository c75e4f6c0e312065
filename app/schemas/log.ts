// Query parameters of the public log's API (/api/v1/log/...).
import { z } from "zod";

const count = z.coerce
  .number({ invalid_type_error: "must be a whole number" })
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const entriesQuery = z
  .object({ start: count, end: count })
  .refine((q) => q.end > q.start, { message: "end must be greater than start", path: ["end"] });

export const inclusionQuery = z
  .object({ index: count, size: count.min(1) })
  .refine((q) => q.index < q.size, { message: "index must be below size", path: ["index"] });

export const consistencyQuery = z
  .object({ first: count.min(1), second: count.min(1) })
  .refine((q) => q.first <= q.second, { message: "first must not exceed second", path: ["first"] });

export const checkpointsQuery = z.object({
  before: count.optional(),
  limit: count.min(1).max(100).optional(),
});
