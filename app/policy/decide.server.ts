// The policy for route modules: loaders and actions decide, components only read the flags they
// return (docs/style.md). Imported through this .server module, the policy's rule table stays out of
// the browser bundle of every page (Remix empties .server modules there); tests and other server
// code import ~/policy directly.
export * from "./index";
