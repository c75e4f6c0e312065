// The response cache's pure parts: which tags a page carries, which tags a change drops, and the
// store's rules (a render that started before a drop of its tags is never stored; LRU by bytes).
import { describe, expect, it } from "vitest";
import { ResponseStore } from "~/services/response-cache/store";
import { ALL, LIST_TAGS, changeTags, isNeverCached, pageTags, parseAnnouncement } from "~/services/response-cache/tags";

describe("pageTags", () => {
  it.each([
    ["/", ["list:home"]],
    ["/projects", ["list:projects"]],
    ["/projects/feed.atom", ["list:projects"]],
    ["/projects/oak-flat", ["project:oak-flat"]],
    ["/projects/oak-flat/milestones", ["project:oak-flat"]],
    ["/api/v1/projects", ["list:projects"]],
    ["/api/v1/projects/oak-flat/stages", ["project:oak-flat"]],
    ["/comment-periods/p1", ["period:p1"]],
    ["/comment-periods/p1/comments", ["period:p1"]],
    ["/api/v1/comment-periods/p1/comments", ["period:p1"]],
    ["/schedule", ["list:schedule"]],
    ["/agencies/blm", ["list:agencies"]],
    ["/open-data", ["list:open-data"]],
    ["/log", ["list:log"]],
    ["/feed.atom", ["list:feed"]],
    ["/watchlists/shared/abc", ["list:other"]],
  ])("%s → %j", (pathname, tags) => {
    expect(pageTags(pathname)).toEqual(tags);
  });

  it("never stores the comment form (a fresh idempotency key per visitor) or the sign-in pages", () => {
    expect(isNeverCached("/comment-periods/p1/comment")).toBe(true);
    expect(isNeverCached("/auth/login")).toBe(true);
    expect(isNeverCached("/comment-periods/p1/comments")).toBe(false);
  });
});

describe("changeTags", () => {
  it("a stage change drops its project, the project's periods and every list", () => {
    const tags = changeTags({ k: "e", n: "project.stageChanged", s: ["oak-flat"], c: ["p1", "p2"] });
    expect(tags).toEqual(["project:oak-flat", "period:p1", "period:p2", ...LIST_TAGS]);
  });

  it("a comment drops its period, its project and the lists that count comments, not the others", () => {
    const tags = changeTags({ k: "e", n: "comment.submitted", s: ["oak-flat"], c: ["p1"] });
    expect(tags).toContain("period:p1");
    expect(tags).toContain("project:oak-flat");
    expect(tags).toContain("list:home");
    expect(tags).not.toContain("list:projects");
    expect(tags).not.toContain("list:schedule");
  });

  it("a personal event drops nothing; an unknown event or table drops every list; an organization everything", () => {
    expect(changeTags({ k: "e", n: "savedSearch.matched", s: ["oak-flat"], c: [] })).toEqual([]);
    expect(changeTags({ k: "e", n: "something.new", s: [], c: [] })).toEqual([...LIST_TAGS]);
    expect(changeTags({ k: "t", n: "SomeTable", s: ["x"], c: [] })).toEqual(["project:x", ...LIST_TAGS]);
    expect(changeTags({ k: "t", n: "Organization", s: [], c: [] })).toEqual([ALL]);
    expect(changeTags({ k: "all", n: "Project" })).toEqual([ALL]);
  });

  it("reads announcements and refuses malformed ones", () => {
    expect(parseAnnouncement('{"k":"e","n":"comment.submitted","s":["a"],"c":["b"]}')).toEqual({
      k: "e",
      n: "comment.submitted",
      s: ["a"],
      c: ["b"],
    });
    expect(parseAnnouncement("not json")).toBeNull();
    expect(parseAnnouncement('{"k":"e","n":"x","s":"a"}')).toBeNull();
  });
});

function entry(key: string, size = 100) {
  return {
    key,
    status: 200,
    headers: [["content-type", "text/html"]] as [string, string][],
    cacheControl: "public",
    body: Buffer.alloc(size),
    gzip: null,
    etag: 'W/"x"',
    lastModified: 0,
    modifiedSinceSafe: true,
    expiresAt: Number.MAX_SAFE_INTEGER,
  };
}

describe("ResponseStore", () => {
  it("refuses a render that started before a drop of one of its tags, stores one that started after", () => {
    const store = new ResponseStore(1_000_000);
    const early = store.begin(["project:a"]);
    store.drop(["project:a"]);
    expect(store.put(early, entry("/projects/a"))).toBe(false);
    const late = store.begin(["project:a"]);
    expect(store.put(late, entry("/projects/a"))).toBe(true);
    // A drop of another tag does not matter; a drop of everything does.
    const other = store.begin(["project:b"]);
    store.drop(["project:a"]);
    expect(store.put(other, entry("/projects/b"))).toBe(true);
    const before = store.begin(["project:c"]);
    store.dropAll();
    expect(store.put(before, entry("/projects/c"))).toBe(false);
  });

  it("drops exactly the entries carrying a dropped tag", () => {
    const store = new ResponseStore(1_000_000);
    store.put(store.begin(["project:a"]), entry("/projects/a"));
    store.put(store.begin(["project:b"]), entry("/projects/b"));
    store.put(store.begin(["list:home"]), entry("/"));
    store.drop(["project:a", "list:home"]);
    expect(store.get("/projects/a")).toBeUndefined();
    expect(store.get("/")).toBeUndefined();
    expect(store.get("/projects/b")).toBeDefined();
  });

  it("keeps within its byte bound, least recently used out first, and expires entries", () => {
    let now = 1_000;
    const store = new ResponseStore(1_500, () => now);
    store.put(store.begin(["t"]), entry("a", 400));
    store.put(store.begin(["t"]), entry("b", 400));
    store.get("a");
    store.put(store.begin(["t"]), entry("c", 400));
    expect(store.totalBytes).toBeLessThanOrEqual(1_500);
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBeDefined();
    store.put(store.begin(["t"]), { ...entry("d", 10), expiresAt: 2_000 });
    now = 2_001;
    expect(store.get("d")).toBeUndefined();
  });
});
