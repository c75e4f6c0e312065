import { describe, expect, it } from "vitest";
import {
  defaultTopics,
  locateQuote,
  parseKeywords,
  sentences,
  STANDARD_TOPICS,
  suggestTopics,
} from "~/models/comments/comment-coding";

describe("locating a quoted passage", () => {
  const text = "First line about dust.\nSecond   line about the river.";
  it("finds an exact quote and one whose white space differs, keeping the comment's own characters", () => {
    expect(locateQuote(text, "about dust")).toEqual({ start: 11, end: 21, quote: "about dust" });
    const loose = locateQuote(text, "dust. Second line");
    expect(loose?.quote).toBe("dust.\nSecond   line");
    expect(text.slice(loose!.start, loose!.end)).toBe(loose!.quote);
  });
  it("refuses what the text does not say, and treats regex characters literally", () => {
    expect(locateQuote(text, "about noise")).toBeNull();
    expect(locateQuote(text, "  ")).toBeNull();
    expect(locateQuote("a (b) c", "(b)")).toEqual({ start: 2, end: 5, quote: "(b)" });
    expect(locateQuote("a b", ".*")).toBeNull();
  });
});

describe("suggested topics", () => {
  const topics = [
    { id: "w", name: "Water", keywords: ["aquifer", "well"] },
    { id: "t", name: "Traffic", keywords: ["truck"] },
  ];
  it("names the keywords that suggested a topic, matching word starts only", () => {
    const found = suggestTopics("Trucks everywhere. The aquifer and wells. Swell weather.", topics, []);
    expect(found.map((s) => [s.topicId, s.sentence.text])).toEqual([
      ["t", "Trucks everywhere."],
      ["w", "The aquifer and wells."],
    ]);
    expect(found[1]!.reason).toBe("mentions “aquifer”, “well”, a keyword of Water");
  });
  it("skips sentences already coded and suggests from similar coded passages", () => {
    const text = "We fear the mine will lower the water table under our farm. Trucks too.";
    const coded = [{ start: 60, end: 71 }];
    const examples = [
      {
        topicId: "w",
        topicName: "Water",
        receiptNumber: "LDS-1",
        quote: "I fear the mine will lower the water table.",
      },
    ];
    const found = suggestTopics(text, topics, examples, coded);
    expect(found).toEqual([expect.objectContaining({ topicId: "w", kind: "similar" })]);
    expect(found[0]!.reason).toMatch(/shares \d+ words \(\d+%\) with a passage of LDS-1 coded Water/);
  });
});

describe("the coding structure", () => {
  it("starts from the reviewed resource areas plus the topics no review owns", () => {
    expect(defaultTopics([]).length).toBe(STANDARD_TOPICS.length);
    expect(defaultTopics(["AIR"]).map((t) => t.name)).toEqual([
      "Air quality",
      "Traffic",
      "Noise",
      "Process and alternatives",
    ]);
  });
  it("reads keywords from commas and lines, lower case and without repeats", () => {
    expect(parseKeywords("Dust, dust\n  PM10 ,,")).toEqual(["dust", "pm10"]);
  });
  it("splits sentences with their offsets", () => {
    expect(sentences("One. Two!\nThree")).toEqual([
      { start: 0, end: 4, text: "One." },
      { start: 5, end: 9, text: "Two!" },
      { start: 10, end: 15, text: "Three" },
    ]);
  });
});
