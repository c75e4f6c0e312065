// Seeded synthetic comment letters for the form-letter benchmarks: campaign templates copied
// identically, with added text, or lightly edited, plus unique letters, each with its true group.
// One generator so the in-memory and the PostgreSQL benchmarks measure the same mix.

export const TEMPLATES = 20;
export const UNIQUE_SHARE = 0.2;
export const IDENTICAL_SHARE = 0.72; // of campaign comments
export const ADDED_SHARE = 0.18; // of campaign comments; the rest are edited (name + a few changed words)

export type TruthKind = "identical" | "added" | "edited" | "unique";
export type Synthetic = { text: string; truthGroup: number; truthKind: TruthKind };

/** A deterministic generator: the same seed gives the same letters in the same order. */
export function createLetterGenerator(seed: number): { syntheticComment: (uniqueId: number) => Synthetic } {
  function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  }
  const random = mulberry32(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const FUNCTION_WORDS = (
    "the of and to a in that is for it as was with be by on not he i this are or his from at which but have an " +
    "they you were her she there been one all we their has would when if so no will more can out up about them " +
    "what some could its into than other then these two may do any only my our new also after should must"
  ).split(" ");
  const TOPIC_WORDS = (
    "mine lithium water groundwater aquifer permit pit basin spring springs wells well ranch ranchers tribe tribal " +
    "sage-grouse habitat dust trucks traffic jobs county valley river drawdown tailings sulfuric acid plant " +
    "reclamation bond monitoring draft statement impact environmental bureau land management agency company " +
    "wildlife cattle allotment alfalfa farm community residents decision record alternative analysis cumulative"
  ).split(" ");
  const SYLLABLES = "ka ro mi ne sa to lu pe ri da mo ve ti na go fe ba ci lo wa de si mu ha je zo".split(" ");
  const VOCABULARY = [...FUNCTION_WORDS, ...TOPIC_WORDS];
  while (VOCABULARY.length < 5000) {
    VOCABULARY.push(Array.from({ length: integer(2, 4) }, () => pick(SYLLABLES)).join(""));
  }
  // Zipf (s = 1) word frequencies, so common words repeat as in real letters and shingles collide by chance.
  const ZIPF = (() => {
    const cumulative = new Float64Array(VOCABULARY.length);
    let total = 0;
    for (let i = 0; i < VOCABULARY.length; i++) cumulative[i] = total += 1 / (i + 1);
    return cumulative.map((value) => value / total);
  })();
  function zipfWord(): string {
    const target = random();
    let low = 0;
    let high = ZIPF.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ZIPF[mid] < target) low = mid + 1;
      else high = mid;
    }
    return VOCABULARY[low];
  }
  const STOCK_PHRASES = [
    "the draft environmental impact statement",
    "the Thacker Pass lithium mine",
    "the Bureau of Land Management",
    "groundwater in the Quinn River Valley",
    "the water table near the pit",
    "springs and wells that ranchers depend on",
    "a full groundwater model and independent monitoring",
    "the Fort McDermitt Paiute and Shoshone Tribe",
  ];
  const OPENINGS = ["Dear Bureau of Land Management,", "To whom it may concern:", "Dear BLM staff,", "Hello,", ""];
  const FIRST_NAMES = "Maria James Linda Robert Ana Joseph Grace Daniel Rosa Henry Emma Luis Ruth Paul Nina".split(" ");
  const LAST_NAMES = "Lopez Smith Begay Johnson Tom Garcia Miller Sam Walker Young Hernandez Dick Lee Ortiz".split(" ");

  // Letters lean on stock phrases; what a sender adds is mostly their own words (stockShare 0.02).
  function sentence(minWords: number, maxWords: number, stockShare = 0.08): string {
    const parts: string[] = [];
    const length = integer(minWords, maxWords);
    while (parts.length < length) {
      if (random() < stockShare) parts.push(...pick(STOCK_PHRASES).split(" "));
      else parts.push(zipfWord());
      if (random() < 0.06 && parts.length < length - 2) parts[parts.length - 1] += ",";
    }
    const text = parts.slice(0, length).join(" ").replace(/,$/, "");
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  }
  function paragraph(minWords: number, maxWords: number, stockShare = 0.08): string {
    const target = integer(minWords, maxWords);
    const sentences: string[] = [];
    let words = 0;
    while (words < target) {
      const next = sentence(Math.min(6, target - words), Math.min(22, Math.max(6, target - words)), stockShare);
      sentences.push(next);
      words += next.split(" ").length;
    }
    return sentences.join(" ");
  }
  const signature = () => `Sincerely, ${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;

  // What a form-letter website or a copy-paste does to a text without changing it: curly quotes, line
  // breaks, doubled spaces, capitals. normalizeText removes all of it.
  function surfaceNoise(text: string): string {
    let result = text;
    if (random() < 0.3) result = result.replaceAll(". ", ".\n\n");
    if (random() < 0.2) result = result.replaceAll(", ", ",  ");
    if (random() < 0.2) result = result.replaceAll("'", "\u2019");
    if (random() < 0.02) result = result.toUpperCase();
    return random() < 0.1 ? ` ${result}\n` : result;
  }

  const templates = Array.from({ length: TEMPLATES }, () => {
    const body = Array.from({ length: integer(3, 5) }, () => paragraph(40, 70));
    return { opening: pick(OPENINGS.slice(0, 4)), body, closing: "Thank you for considering my comment." };
  });
  // Campaign sizes are skewed: campaign i is sent about 1/(i+1) as often as the largest.
  const TEMPLATE_WEIGHTS = (() => {
    const weights = templates.map((_, i) => 1 / (i + 1));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let running = 0;
    return weights.map((weight) => (running += weight / total));
  })();

  function letter(opening: string, body: readonly string[], closing: string): string {
    return [opening, ...body, closing].filter(Boolean).join("\n\n");
  }

  function syntheticComment(uniqueId: number): Synthetic {
    if (random() < UNIQUE_SHARE) {
      const body = Array.from({ length: integer(1, 4) }, () => paragraph(30, 70));
      return {
        text: letter(pick(OPENINGS), body, pick(["", signature()])),
        truthGroup: TEMPLATES + uniqueId,
        truthKind: "unique",
      };
    }
    const draw = random();
    const id = TEMPLATE_WEIGHTS.findIndex((threshold) => draw <= threshold);
    const template = templates[id];
    const roll = random();
    if (roll < IDENTICAL_SHARE) {
      return {
        text: surfaceNoise(letter(template.opening, template.body, template.closing)),
        truthGroup: id,
        truthKind: "identical",
      };
    }
    const body = [...template.body];
    if (roll < IDENTICAL_SHARE + ADDED_SHARE) {
      body.splice(pick([0, body.length, integer(1, body.length - 1)]), 0, paragraph(10, 45, 0.02));
      const closing = `${template.closing}${random() < 0.7 ? `\n${signature()}` : ""}`;
      return { text: surfaceNoise(letter(template.opening, body, closing)), truthGroup: id, truthKind: "added" };
    }
    for (let changes = integer(1, 3); changes > 0; changes--) {
      const at = integer(0, body.length - 1);
      const words = body[at].split(" ");
      words[integer(0, words.length - 1)] = zipfWord();
      body[at] = words.join(" ");
    }
    return {
      text: surfaceNoise(letter(template.opening, body, `${template.closing}\n${signature()}`)),
      truthGroup: id,
      truthKind: "edited",
    };
  }

  return { syntheticComment };
}
