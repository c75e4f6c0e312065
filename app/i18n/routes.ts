// Which messages each page needs, and which pages are translated. The root loader sends the
// browser only the messages of the page's namespaces (a key's first segment), already compiled:
// a page's JavaScript carries no catalogue and no message parser.

/** Every page's header, footer, switch and error page. */
export const BASE_NAMESPACES = ["layout", "common"] as const;

/** Namespaces by path: the first pattern that matches adds its namespaces to the base ones. */
const PAGE_NAMESPACES: Array<[RegExp, string[]]> = [[/^\/$/, ["home", "project"]]];

export function namespacesFor(pathname: string): string[] {
  const extra = PAGE_NAMESPACES.find(([pattern]) => pattern.test(pathname))?.[1] ?? [];
  return [...BASE_NAMESPACES, ...extra];
}

/**
 * The pages whose every visible word comes from the catalogue. The pseudo-locale test
 * (test/e2e/pseudo-locale.spec.ts) renders each and fails on any text that escaped; a page joins
 * this list when it is converted. Every other page still shows English in its body (decision 0031
 * lists them), inside the translated header and footer.
 */
export const CONVERTED_PAGES = ["/"] as const;
