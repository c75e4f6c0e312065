// The pure parts of the open record: the Atom writer (escaping, characters XML 1.0 cannot carry),
// stable ids, the map projection, and the map's markup (named links, no inline styles).
import { DOMParser } from "@xmldom/xmldom";
import { renderToStaticMarkup } from "react-dom/server";
import { catalogue } from "~/i18n/catalogue.server";
import { I18nProvider } from "~/i18n/react";
import { describe, expect, it } from "vitest";
import { ProjectMap } from "~/components/ProjectMap";
import { renderAtom } from "~/services/feeds/atom-xml";
import { stableUrn, stableUuid } from "~/services/feeds/ids.server";
import { projectPoint, usStatesSvg } from "~/services/map/us-map.server";

function parse(xml: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void problems.push(`${level}: ${message}`),
  }).parseFromString(xml, "application/xml");
  return { doc, problems };
}

describe("the Atom writer", () => {
  it("escapes markup and replaces characters XML cannot carry, so the feed always parses", () => {
    const nasty = `Mine <script>alert("x")</script> & "quotes" \u0001\u0008 bell\uFFFE end`;
    const xml = renderAtom({
      id: stableUrn("feed:test"),
      title: nasty,
      subtitle: "Sub",
      selfUrl: "http://localhost:3000/feed.atom?a=1&b=2",
      alternateUrl: "http://localhost:3000/projects",
      fallbackUpdated: new Date(0),
      entries: [
        {
          id: stableUrn("entry:x"),
          title: nasty,
          summary: nasty,
          updated: new Date("2026-12-01T19:30:00Z"),
          link: "http://localhost:3000/projects/a?x=1&y=2",
          categories: [{ term: "project.stageChanged", label: 'Stage "change"' }],
        },
      ],
    });
    const { doc, problems } = parse(xml);
    expect(problems).toEqual([]);
    const entry = doc.getElementsByTagName("entry")[0]!;
    expect(entry.getElementsByTagName("title")[0]!.textContent).toBe(
      `Mine <script>alert("x")</script> & "quotes"  bell end`,
    );
    expect(doc.getElementsByTagName("updated")[0]!.textContent).toBe("2026-12-01T19:30:00.000Z");
    expect(entry.getElementsByTagName("link")[0]!.getAttribute("href")).toBe(
      "http://localhost:3000/projects/a?x=1&y=2",
    );
  });

  it("gives an empty feed a fixed updated time, so its bytes do not change between requests", () => {
    const feed = {
      id: stableUrn("feed:empty"),
      title: "Empty",
      subtitle: "",
      selfUrl: "http://localhost:3000/feed.atom",
      alternateUrl: "http://localhost:3000/",
      fallbackUpdated: new Date(0),
      entries: [],
    };
    expect(renderAtom(feed)).toBe(renderAtom(feed));
    expect(renderAtom(feed)).toContain("<updated>1970-01-01T00:00:00.000Z</updated>");
  });
});

describe("stable ids", () => {
  it("are version 5 UUIDs, the same for the same name and different for another", () => {
    expect(stableUuid("entry:stageChanged:abc")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stableUuid("entry:stageChanged:abc")).toBe(stableUuid("entry:stageChanged:abc"));
    expect(stableUuid("entry:periodOpened:abc")).not.toBe(stableUuid("entry:periodClosed:abc"));
  });
});

describe("the map", () => {
  it("projects the fifty states with Albers USA and leaves out places it cannot show", () => {
    const thackerPass = projectPoint(41.71, -118.06)!;
    expect(thackerPass.x).toBeGreaterThan(0);
    expect(thackerPass.x).toBeLessThan(975 / 3);
    const alaska = projectPoint(59.8, -158.6)!;
    expect(alaska.y).toBeGreaterThan(610 * 0.75);
    expect(projectPoint(18.2, -66.5)).toBeNull(); // Puerto Rico: not in Albers USA
    expect(projectPoint(Number.NaN, -100)).toBeNull();
    const svg = usStatesSvg();
    expect(parse(svg).problems).toEqual([]);
    expect(svg.length).toBeGreaterThan(50_000);
  });

  it("draws each project as a named link, with a legend of the statuses shown and no inline style", () => {
    const html = renderToStaticMarkup(
      <I18nProvider value={{ locale: "en", messages: catalogue("en") }}>
        <ProjectMap
          title="Map of every project"
          listNote="The table lists them."
          markers={[
            { slug: "a", name: "Alpha Mine", status: "APPROVED", x: 100, y: 200 },
            { slug: "b", name: "Beta & Sons Mine", status: "PAUSED", x: 300, y: 250 },
          ]}
          unplaced={[{ slug: "c", name: "Gamma Mine" }]}
        />
      </I18nProvider>,
    );
    expect(html).toContain('<a href="/projects/a" class="map-marker" aria-label="Alpha Mine: Approved">');
    expect(html).toContain('aria-label="Beta &amp; Sons Mine: Paused"');
    expect(html).toContain("2 of 3 projects on the map");
    expect(html).toContain('<a href="/projects/c">Gamma Mine</a>');
    expect(html).toMatch(/Approved \(<!-- -->1<!-- -->\)|Approved \(1\)/);
    expect(html).not.toContain("In progress");
    expect(html).not.toMatch(/\sstyle=/);
  });
});
