// The pure parts of coding comments by concern (docs/decisions/0030-comment-coding.md): the standard
// coding structure, finding a quoted passage in a comment's text, and the suggested topics.
//
// Suggestions are plain and explainable, never a decision: a sentence is suggested for a topic when it
// contains one of the topic's keywords (the reason names the words), or when it shares most of its
// words with a passage a person already coded (the reason names that passage's comment and the
// overlap). No model, no external service: a coder can check every suggestion against its reason.
import type { ResourceArea } from "@prisma/client";

export type StandardTopic = { name: string; resourceArea: ResourceArea | null; keywords: string[] };

/**
 * Topics for a mine's EIS comments, in the order of the environmental reviews' resource areas, then
 * the concerns commenters raise that no resource review owns (traffic, noise, the process itself).
 * A keyword matches a word that starts with it ("contamina" matches "contaminated").
 */
export const STANDARD_TOPICS: StandardTopic[] = [
  {
    name: "Water quality and quantity",
    resourceArea: "WATER",
    keywords: [
      "water",
      "groundwater",
      "aquifer",
      "well",
      "stream",
      "river",
      "creek",
      "spring",
      "wetland",
      "runoff",
      "drinking",
      "contamina",
      "seep",
      "watershed",
      "pit lake",
      "acid drainage",
    ],
  },
  {
    name: "Air quality",
    resourceArea: "AIR",
    keywords: ["air", "dust", "emission", "particulate", "pm2", "pm10", "smoke", "diesel", "exhaust", "haze"],
  },
  {
    name: "Wildlife and endangered species",
    resourceArea: "WILDLIFE_ESA",
    keywords: [
      "wildlife",
      "habitat",
      "species",
      "endangered",
      "grouse",
      "bird",
      "fish",
      "elk",
      "deer",
      "migrat",
      "pollinator",
      "buckwheat",
    ],
  },
  {
    name: "Cultural resources",
    resourceArea: "CULTURAL_NHPA",
    keywords: ["cultural", "historic", "archaeolog", "sacred", "burial", "heritage", "artifact", "petroglyph"],
  },
  {
    name: "Tribal consultation",
    resourceArea: "TRIBAL_CONSULTATION",
    keywords: ["tribe", "tribal", "treaty", "indigenous", "sovereign", "consultation", "reservation"],
  },
  {
    name: "Socioeconomics",
    resourceArea: "SOCIOECONOMICS",
    keywords: ["job", "employ", "econom", "housing", "tax", "income", "tourism", "property value", "workforce", "wage"],
  },
  {
    name: "Reclamation and bonding",
    resourceArea: "RECLAMATION_BONDING",
    keywords: ["reclamation", "reclaim", "bond", "closure", "restor", "cleanup", "financial assurance"],
  },
  { name: "Traffic", resourceArea: null, keywords: ["traffic", "truck", "road", "highway", "haul", "vehicle"] },
  { name: "Noise", resourceArea: null, keywords: ["noise", "blast", "vibration", "loud"] },
  {
    name: "Process and alternatives",
    resourceArea: null,
    keywords: ["alternative", "extension", "hearing", "nepa", "public meeting", "comment period", "analysis"],
  },
];

/**
 * The default structure for a period: the topics of the resource areas the project's environmental
 * reviews cover, then the topics no review owns. With no review on record, the whole standard list.
 */
export function defaultTopics(reviewedAreas: ResourceArea[]): StandardTopic[] {
  const reviewed = new Set(reviewedAreas);
  if (reviewed.size === 0) return STANDARD_TOPICS;
  return STANDARD_TOPICS.filter((topic) => topic.resourceArea === null || reviewed.has(topic.resourceArea));
}

/** Keywords typed by a person: one per line or comma, lower case, each at most 60 characters. */
export function parseKeywords(text: string): string[] {
  const words = text
    .split(/[\n,]+/)
    .map((word) => word.trim().toLowerCase().replace(/\s+/g, " "))
    .filter((word) => word.length > 0 && word.length <= 60);
  return [...new Set(words)].slice(0, 60);
}

export type Located = { start: number; end: number; quote: string };

/**
 * Where a quoted passage is in a comment's text: exactly, or with any run of white space standing for
 * any other (a quote copied from a page loses line breaks). The stored quote is the comment's own
 * characters, so the public sees what the commenter wrote. Null when the text does not contain it.
 */
export function locateQuote(text: string, quote: string, from = 0): Located | null {
  const wanted = quote.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted, from);
  if (exact >= 0) return { start: exact, end: exact + wanted.length, quote: wanted };
  const pattern = wanted
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const match = new RegExp(pattern, "u").exec(text.slice(from));
  if (!match) return null;
  const start = from + match.index;
  return { start, end: start + match[0].length, quote: match[0] };
}

export type Sentence = { start: number; end: number; text: string };

/** The comment's sentences with their offsets (a sentence ends at . ! ? or a line break). */
export function sentences(text: string): Sentence[] {
  const found: Sentence[] = [];
  const pattern = /[^.!?\n]+(?:[.!?]+|$)/gmu;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length < 3) continue;
    const start = (match.index ?? 0) + lead;
    found.push({ start, end: start + body.length, text: body });
  }
  return found;
}

const STOP = new Set(
  (
    "the and for are but not you all any can had her was one our out has his how its may new now see who did " +
    "this that with from have they will would there their what about which when your been were them than " +
    "into more some such only also very should could these those being over just because while"
  ).split(" "),
);

/** The words that carry meaning: lower case, three letters or more, common words left out. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
  return new Set(words.filter((word) => word.length >= 3 && !STOP.has(word)));
}

export type TopicRule = { id: string; name: string; keywords: string[] };
export type CodedExample = { topicId: string; topicName: string; receiptNumber: string; quote: string };

export type Suggestion = {
  topicId: string;
  topicName: string;
  sentence: Sentence;
  /** Why, in words a coder can check. */
  reason: string;
  /** keyword: a keyword rule; similar: overlap with an already-coded passage. */
  kind: "keyword" | "similar";
};

function keywordHits(sentence: string, keywords: string[]): string[] {
  const lower = sentence.toLowerCase();
  return keywords.filter((keyword) => {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, "u").test(lower);
  });
}

/** Jaccard overlap of two word sets, and how many words they share. */
export function overlap(a: Set<string>, b: Set<string>) {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return { shared, ratio: union === 0 ? 0 : shared / union };
}

export const SIMILAR_MIN_RATIO = 0.4;
export const SIMILAR_MIN_SHARED = 4;

/**
 * Suggested topics for each sentence of a text not yet covered by a coded passage: keyword rules
 * first (every topic whose words appear), then the most similar coded passage of another topic.
 * Sentences already coded (overlapping a passage of this comment) get none.
 */
export function suggestTopics(
  text: string,
  topics: TopicRule[],
  examples: CodedExample[],
  coded: { start: number; end: number }[] = [],
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const exampleWords = examples.map((example) => ({ example, words: contentWords(example.quote) }));
  for (const sentence of sentences(text)) {
    if (coded.some((range) => range.start < sentence.end && sentence.start < range.end)) continue;
    const suggested = new Set<string>();
    for (const topic of topics) {
      const hits = keywordHits(sentence.text, topic.keywords);
      if (hits.length === 0) continue;
      suggested.add(topic.id);
      suggestions.push({
        topicId: topic.id,
        topicName: topic.name,
        sentence,
        kind: "keyword",
        reason: `mentions ${hits.map((hit) => `“${hit}”`).join(", ")}, a keyword of ${topic.name}`,
      });
    }
    const words = contentWords(sentence.text);
    let best: { example: CodedExample; shared: number; ratio: number } | null = null;
    for (const { example, words: other } of exampleWords) {
      if (suggested.has(example.topicId)) continue;
      const { shared, ratio } = overlap(words, other);
      if (shared < SIMILAR_MIN_SHARED || ratio < SIMILAR_MIN_RATIO) continue;
      if (!best || ratio > best.ratio) best = { example, shared, ratio };
    }
    if (best) {
      suggestions.push({
        topicId: best.example.topicId,
        topicName: best.example.topicName,
        sentence,
        kind: "similar",
        reason: `shares ${best.shared} words (${Math.round(best.ratio * 100)}%) with a passage of ${best.example.receiptNumber} coded ${best.example.topicName}`,
      });
    }
  }
  return suggestions;
}
