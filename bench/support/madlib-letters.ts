// Seeded "mad-lib" letters for the varied-wording tests and bench: campaign templates whose phrases
// each take one of four synonyms, sentences shuffled, personal lines inserted; and letters written
// independently on the same subject with the same vocabulary (some of the templates' stock phrases
// included). Each letter carries its true group (template index, or -1 for an independent letter).

/** A template: sentences of fixed text and {one|of|four} slots. */
export const MADLIB_TEMPLATES: readonly string[][] = [
  [
    "{I am writing to|I write today to|I am contacting you to|I want to} {urge|ask|call on|implore} the Bureau of Land Management to {deny|reject|refuse|turn down} the {permit|application|plan of operations|mining plan} for the Black Butte {mine|mining project|copper mine|project}.",
    "The {proposed|planned|intended|suggested} {open pit|pit|excavation|mine pit} would {sit|lie|be located|be dug} {just upstream of|above|right above|upstream from} the Smith River, {which supplies|the source of|which provides|the river that gives} {drinking water|water|clean water|our tap water} to {thousands of families|our towns|downstream communities|many households}.",
    "{Acid mine drainage|Acid drainage|Toxic runoff|Polluted runoff} from the {tailings|waste rock|tailings dam|waste piles} {could|would|might|will} {poison|contaminate|pollute|degrade} the {trout fishery|fishery|trout streams|fishing} {for generations|for decades|for centuries|forever}.",
    "The {draft environmental impact statement|draft EIS|environmental review|draft statement} {fails to|does not|neglects to|does nothing to} {explain|show|demonstrate|describe} how the company {would pay for|will fund|would finance|plans to pay for} {water treatment|treating the water|perpetual water treatment|cleanup} after the mine {closes|shuts down|is abandoned|stops operating}.",
    "{Please|I ask you to|I urge you to|Kindly} {choose|select|adopt|pick} the {no action alternative|no-action alternative|no build option|no action option} and {protect|safeguard|defend|preserve} {this river|the Smith River|our river|this watershed} {for our children|for future generations|for everyone downstream|for the people who depend on it}.",
    "{Thank you for|I appreciate|Thanks for|I am grateful for} {considering|reading|your attention to|reviewing} {my comment|these concerns|my letter|this comment}.",
  ],
  [
    "{As a resident of|As someone who lives in|Living in|As a homeowner in} Meagher County, I {support|favor|back|endorse} {responsible mining|modern mining|well-regulated mining|careful mining} but {not|never|not ever|in no case} {at the cost of|at the expense of|by sacrificing|if it means losing} the Smith River.",
    "{The company|The applicant|Sandfire|The mine operator} {has not|has failed to|did not|has yet to} {shown|proven|demonstrated|established} that its {underground|cemented|backfilled|paste} tailings {will stay|would remain|can remain|will remain} {stable|safe|secure|contained}.",
    "{Groundwater|Ground water|Underground water|The aquifer} {near|around|beneath|under} the {mine site|project site|mine|portal} {feeds|supplies|recharges|flows into} Sheep Creek, {a major|an important|a key|the largest} {tributary|spawning tributary|feeder stream|source} of the river.",
    "I {ask|request|urge|call on} the agency to {require|demand|insist on|mandate} a {full|complete|bonded|binding} {reclamation bond|cleanup bond|financial assurance|bond} {before|prior to|ahead of|in advance of} any {construction|digging|ground disturbance|work}.",
    "{Montanans|Our families|Anglers|Local people} {deserve|need|are owed|should have} {clean water|a clean river|healthy streams|safe water} {and a say in|and a voice in|and input into|and a role in} this {decision|permit|process|review}.",
  ],
];

export const PERSONAL_LINES = [
  "My father taught me to fly fish on the Smith River when I was eight years old.",
  "We float the river every June with our kids and camp at the same spot each year.",
  "I run a small outfitting business in White Sulphur Springs and half my clients come for this river.",
  "Our ranch takes its irrigation water from a ditch below the proposed site.",
  "I have seen what happened at the Zortman mine and I do not want that here.",
  "My grandmother is buried in the cemetery above the river.",
  "Please count this as a separate comment from my husband's.",
  "I drove four hours to attend the public meeting in Helena.",
];

const OWN_WORDS = (
  "we i our my the a and to of in for on that this it is was with river water fish trout ranch family county " +
  "mine mining copper company permit agency review bond cleanup tailings creek spring summer years jobs town " +
  "school tax workers road trucks dust noise wildlife elk deer canyon float boat camp land public state federal " +
  "decision plan study data monitoring wells drought snow flow cold warm upstream downstream acid metals sulfide"
).split(" ");

export type MadLib = { text: string; truthGroup: number; personalLines: number };

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The phrases of a template (fixed parts and every alternative), for independent letters to borrow. */
function templatePhrases(template: readonly string[]): string[] {
  return template.flatMap((sentence) =>
    sentence
      .split(/[{}]/)
      .flatMap((part, i) => (i % 2 === 1 ? part.split("|") : [part.trim()]))
      .filter((part) => part.split(" ").length >= 3),
  );
}

export function createMadLibGenerator(seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };

  /**
   * One letter from template `t`: a synonym per slot; with `reorder`, the sentences shuffled (the
   * closing line stays last); `personal` personal lines inserted at random places.
   */
  function madLib(t: number, { reorder = true, personal = 0 }: { reorder?: boolean; personal?: number } = {}): MadLib {
    const sentences = MADLIB_TEMPLATES[t].map((sentence) =>
      sentence.replace(/\{([^}]*)\}/g, (_, alternatives: string) => pick(alternatives.split("|"))),
    );
    const closing = t === 0 ? sentences.pop()! : undefined;
    if (reorder) shuffle(sentences);
    if (closing) sentences.push(closing);
    // A personal line: one of a few common ones, made the sender's own by a clause of their words.
    const lines = shuffle([...PERSONAL_LINES])
      .slice(0, personal)
      .map((line) => `${line.slice(0, -1)}, ${Array.from({ length: 5 }, () => pick(OWN_WORDS)).join(" ")}.`);
    for (const line of lines) sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, line);
    return { text: sentences.join(" "), truthGroup: t, personalLines: personal };
  }

  /**
   * A letter written independently on the same subject: 5-7 sentences of the writer's own words on the
   * river, the mine and its water, each of the first three borrowing one of the templates' phrases.
   */
  function independent(): MadLib {
    const borrowed = MADLIB_TEMPLATES.flatMap(templatePhrases);
    const sentences = Array.from({ length: 5 + Math.floor(random() * 3) }, (_, i) => {
      const own = Array.from({ length: 8 + Math.floor(random() * 8) }, () => pick(OWN_WORDS)).join(" ");
      const sentence = i < 3 ? `${own} ${pick(borrowed)} ${pick(OWN_WORDS)} ${pick(OWN_WORDS)}` : own;
      return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
    });
    return { text: sentences.join(" "), truthGroup: -1, personalLines: 0 };
  }

  return { madLib, independent };
}
