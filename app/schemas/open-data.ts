// Route params of the open-data routes. Anything else names no file or project: a 404 before any
// query or storage lookup.
import { z } from "zod";

/** A project's slug, as app/utils/slug.ts makes them. */
export const projectSlugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(200);

/** "milestones.csv", "ceq.json", "lodestone-open-data.zip": a name, one dot, an extension. */
export const openDataFileParam = z
  .string()
  .regex(/^[a-z0-9_-]+\.(csv|json|zip)$/)
  .max(100);
