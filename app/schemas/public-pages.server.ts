// The zod parses of public pages' loaders and actions, reached through a .server module.
// A route's loader and action are left out of the browser bundle, but the modules they import stay
// in it whenever they run code at load time, as every schema module does (z.object(...) is a call
// esbuild must keep), and zod with them. Remix replaces a .server module with an empty one in the
// browser, so a public page imports its server-side schemas from here and loads no zod; lists and
// labels its component shows come from pure modules (~/models/milestone.labels, ~/utils/project-query).
export { changeDeadlineSchema } from "./comment-period";
export { commentListQuery, reportCommentSchema, reviewRequestSchema } from "./comment";
export { subscribeSchema } from "./notifications";
export { parseProjectQuery } from "./project-search";
export { parseSlipQuery } from "./schedule";
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./api/common";
export { openApiDocument } from "./api/openapi";
export { statutoryExtensionSchema, statutoryIntentSchema, statutoryRoleSchema } from "./project";
