import { describe, expect, it } from "vitest";
import { activeFilters, parseProjectQuery } from "~/schemas/project-search";

const query = (search: string) => parseProjectQuery(new URLSearchParams(search));

describe("activeFilters (the count on the project list's filter disclosure)", () => {
  it("is empty for the plain list, a search alone, or a sort", () => {
    expect(activeFilters(query(""))).toEqual([]);
    expect(activeFilters(query("q=lithium&sort=updated&dir=asc&page=2"))).toEqual([]);
  });

  it("names each filter the address sets, in the form's order", () => {
    expect(activeFilters(query("leadAgency=blm-nevada&state=nv&schedule=delayed"))).toEqual([
      "state",
      "schedule",
      "leadAgency",
    ]);
  });

  it("does not count a filter value the query refuses", () => {
    expect(activeFilters(query("state=ZZ&stage=no-such-stage"))).toEqual([]);
  });
});
