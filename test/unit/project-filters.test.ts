import { describe, expect, it } from "vitest";
import { activeFilters, parseProjectQuery } from "~/schemas/project-search";
import { DEFAULT_PROJECT_QUERY, filterFormSearch, projectQueryToSearch } from "~/utils/project-query";

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

describe("the project query without zod (~/utils/project-query, used in the browser)", () => {
  it("means by no query what the server's parse of an empty address means", () => {
    expect(DEFAULT_PROJECT_QUERY).toEqual(query(""));
  });

  it("writes a submitted filter form as the server would, back on the first page", () => {
    const forms = [
      "q=&state=&commodity=&stage=&status=&schedule=&leadAgency=&sort=name&dir=",
      "q=  lithium   clay &state=NV&sort=name&dir=asc&page=3",
      "q=&state=AZ&schedule=delayed&sort=updated&dir=desc",
      "q=copper&sort=schedule&dir=asc",
      "stage=draft_eis&status=APPROVED&leadAgency=blm-nevada&sort=stage&dir=desc&pageSize=50",
      "commodity=lithium&sort=updated&dir=asc&page=2&pageSize=25",
    ];
    for (const form of forms) {
      const params = new URLSearchParams(form);
      expect(filterFormSearch(params), form).toBe(projectQueryToSearch({ ...parseProjectQuery(params), page: 1 }));
    }
  });
});
