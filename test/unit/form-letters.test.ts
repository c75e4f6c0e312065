import { describe, expect, it } from "vitest";
import { seededRandom } from "../../prisma/seed/training/clock";
import { individualComment } from "../../prisma/seed/training/texts";
import {
  addedText,
  classify,
  estimateJaccard,
  exactJaccard,
  exactKey,
  fingerprint,
  lshBandKeys,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  normalizeText,
  NUM_HASHES,
  shingles,
  shortLetterMatch,
  shouldReplaceRepresentative,
  summarizeCounts,
  type CommentFingerprint,
  type GroupedComment,
} from "~/models/comments/form-letters";

const FORM_LETTER = `Dear Bureau of Land Management,

I am writing to urge you to deny the permit for the Thacker Pass lithium mine as proposed. The mine would pump
billions of gallons of groundwater from the Quinn River Valley over its lifetime, in a desert basin where ranchers,
farmers and the Fort McDermitt community already depend on every well. The draft environmental impact statement
admits that the water table could drop by more than ten feet near the pit, yet it offers no binding plan to replace
springs or wells that go dry.

Lithium is needed for the energy transition, but not at the cost of a watershed that cannot be restored. Please
require a full groundwater model, independent monitoring of every spring and well within ten miles, and a bond large
enough to pay for replacement water for as long as the drawdown lasts.

Thank you for considering my comment.`;

const ADDED_PARAGRAPH = `I grew up in Orovada and my parents still haul water for their garden every summer. Our well dropped
four feet after the last drought, and nobody from the company has explained where our water will come from if it
drops again.`;

// Two letters written independently about the same mine's water use: shared topic, shared stock phrases.
const RANCHER_LETTER = `To the BLM Winnemucca District: My family has run cattle on the Montana Mountains for three
generations, and I have watched the springs on our allotment shrink during every dry year. I read the water section
of the environmental impact statement for the lithium project and I do not believe its numbers. The company plans to
draw its process water from wells in the valley, and the model assumes the aquifer recharges faster than anything we
have seen on the ground. If the wells are pumped at the rate described, our stock ponds will fail first and nobody
will notice until the cattle are gone. I am not against mining; this county has lived with mines for a century. I am
asking that the agency measure the springs for two full years before any pumping starts and publish the results so
that we can check them.`;

const SUPPORTER_LETTER = `I support the Thacker Pass lithium project, and I want to respond to claims about water use.
The mine's consumptive use is smaller than that of a single large alfalfa farm in the valley, and the company has
already bought existing water rights rather than asking for new ones. The environmental impact statement includes a
groundwater model reviewed by the Nevada Division of Water Resources, and the mitigation plan requires monitoring
wells around the pit and along the river. Domestic lithium supply matters for batteries, for jobs in Humboldt County
and for national security. I ask the Bureau of Land Management to approve the plan of operations with the monitoring
and reporting conditions described in the draft, and to make the monitoring data public every quarter so that
residents can see for themselves how the water table responds.`;

const VOCABULARY = (
  "water well spring basin valley river aquifer mine pit lithium permit county ranch cattle tribe family road dust " +
  "truck night light noise school town job wage tax bond plan model data report study review board agency company " +
  "desert sage grouse habitat antelope trail creek canyon mountain pass summer winter drought flood rain snow air " +
  "we they you our their my this that these those will would should could must may might can cannot never always " +
  "very more less most many few some every each other new old long short high low near far before after during " +
  "protect restore measure monitor publish deny approve require consider explain replace pump drill haul build"
).split(" ");

/** Letters as the training seed assembles its individual comments (prisma/seed/training/texts.ts). */
function seededPool(seed: number): CommentFingerprint[] {
  const random = seededRandom(seed);
  return Array.from({ length: 120 }, () => fingerprint(individualComment(random)));
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomText(random: () => number, words: number): string {
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(" ");
}

// Replaces about `share` of the words with vocabulary words.
function mutate(text: string, share: number, random: () => number): string {
  return text
    .split(/\s+/)
    .map((word) => (random() < share ? VOCABULARY[Math.floor(random() * VOCABULARY.length)] : word))
    .join(" ");
}

function withAddition(letter: string, addition: string, signature: string): string {
  return letter.replace(
    "Thank you for considering my comment.",
    `${addition}\n\nThank you for considering my comment.\n${signature}`,
  );
}

function sharesBandKey(a: CommentFingerprint, b: CommentFingerprint): boolean {
  return a.bandKeys.some((key, band) => b.bandKeys[band] === key);
}

describe("normalizeText", () => {
  it("lower-cases and collapses every kind of whitespace, line breaks included", () => {
    expect(normalizeText("  Deny\tTHE\n\nPermit\u00A0now  ")).toBe("deny the permit now");
  });

  it("turns curly quotes and dashes into ASCII and drops zero-width characters", () => {
    expect(normalizeText("\u201CIt\u2019s our water\u201D \u2014 the mine\u2013site re\u00ADview\u200B")).toBe(
      '"it\'s our water" - the mine-site review',
    );
  });

  it("unifies compatibility forms (full-width letters, ellipsis) and keeps punctuation and digits", () => {
    expect(normalizeText("\uFF2E\uFF4F mine\u2026 10 ft, 2024!")).toBe("no mine... 10 ft, 2024!");
  });

  it("is idempotent", () => {
    const once = normalizeText(`${FORM_LETTER} \u201Cquoted\u201D \uFB01ne`);
    expect(normalizeText(once)).toBe(once);
  });
});

describe("exactKey", () => {
  it("gives copies that differ only in case, spacing and quote style the same key", () => {
    const copy = FORM_LETTER.toUpperCase().replaceAll("\n", "  \r\n ").replace("mine's", "mine\u2019s");
    expect(exactKey(copy)).toBe(exactKey(FORM_LETTER));
  });

  it("tells apart texts that differ by one word and is a SHA-256 hex digest", () => {
    expect(exactKey(FORM_LETTER.replace("deny", "approve"))).not.toBe(exactKey(FORM_LETTER));
    expect(exactKey("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("shingles and Jaccard", () => {
  it("hashes word 3-shingles, ignoring punctuation around words", () => {
    expect(shingles("no mine. no mine!")).toEqual(shingles("no mine no mine"));
    expect(shingles("one two three four")).toHaveLength(2);
    expect(shingles("one two")).toHaveLength(1);
    expect(shingles("")).toHaveLength(0);
  });

  it("computes exact Jaccard on sorted sets", () => {
    expect(exactJaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBe(0.5);
    expect(exactJaccard(new Uint32Array(), new Uint32Array())).toBe(1);
  });

  it("estimates Jaccard from signatures within 0.1 of the exact value", () => {
    const random = mulberry32(7);
    const original = fingerprint(FORM_LETTER);
    for (const share of [0, 0.05, 0.1, 0.2, 0.35, 0.5, 1]) {
      const other = fingerprint(mutate(FORM_LETTER, share, random));
      const exact = exactJaccard(original.shingles, other.shingles);
      expect(Math.abs(estimateJaccard(original.signature, other.signature) - exact)).toBeLessThan(0.1);
    }
  });
});

describe("signatures", () => {
  it("are the same across calls and pinned across releases (a change needs FINGERPRINT_VERSION bumped)", () => {
    const first = fingerprint(FORM_LETTER);
    const second = fingerprint(normalizeText(FORM_LETTER));
    expect(second.signature).toEqual(first.signature);
    expect(second.bandKeys).toEqual(first.bandKeys);
    expect(first.signature).toHaveLength(NUM_HASHES);
    const pinned = fingerprint("No mine at Thacker Pass!");
    expect(Array.from(pinned.signature.slice(0, 4))).toEqual([535408713, 26931547, 35297530, 530197980]);
    expect(Array.from(pinned.bandKeys.slice(0, 2))).toEqual([1341702065, 1536179826]);
  });

  it("reject a number of hash functions or a banding they cannot provide", () => {
    expect(() => minhashSignature(Uint32Array.of(1), 0)).toThrow(RangeError);
    expect(() => minhashSignature(Uint32Array.of(1), 257)).toThrow(RangeError);
    expect(() => lshBandKeys(new Uint32Array(128), 16, 4)).toThrow(RangeError);
  });
});

describe("LSH band keys", () => {
  it("find at least 99% of copies with 5% of words changed through a shared band key", () => {
    const random = mulberry32(2021);
    const original = fingerprint(FORM_LETTER);
    let found = 0;
    for (let copy = 0; copy < 200; copy++) {
      if (sharesBandKey(original, fingerprint(mutate(FORM_LETTER, 0.05, random)))) found++;
    }
    expect(found).toBeGreaterThanOrEqual(198);
  });

  it("rarely collide for unrelated letters", () => {
    const random = mulberry32(1);
    const original = fingerprint(FORM_LETTER);
    let collisions = 0;
    for (let letter = 0; letter < 200; letter++) {
      if (sharesBandKey(original, fingerprint(randomText(random, 150)))) collisions++;
    }
    expect(collisions).toBeLessThanOrEqual(2);
    expect(sharesBandKey(fingerprint(RANCHER_LETTER), fingerprint(SUPPORTER_LETTER))).toBe(false);
  });
});

describe("classify", () => {
  const representative = fingerprint(FORM_LETTER);

  it("matches an identical copy to its campaign", () => {
    const copy = fingerprint(FORM_LETTER.toLowerCase());
    expect(classify(copy, [fingerprint(RANCHER_LETTER), representative])).toEqual({
      kind: "identical",
      campaignIndex: 1,
      similarity: 1,
      addedText: "",
    });
  });

  it("calls a form letter with a name and an added paragraph near, and returns the paragraph", () => {
    const comment = fingerprint(withAddition(FORM_LETTER, ADDED_PARAGRAPH, "Sincerely, Maria Lopez, Orovada, NV"));
    const result = classify(comment, [fingerprint(SUPPORTER_LETTER), representative]);
    expect(result.kind).toBe("near");
    expect(result.campaignIndex).toBe(1);
    expect(result.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(result.similarity).toBeLessThan(0.9);
    expect(result.addedText).toBe(normalizeText(ADDED_PARAGRAPH));
  });

  it("calls a form letter with only a name or a changed word near with no added text", () => {
    const signed = fingerprint(`${FORM_LETTER}\nMaria Lopez`);
    expect(classify(signed, [representative])).toMatchObject({ kind: "near", addedText: "" });
    const edited = fingerprint(FORM_LETTER.replace("billions", "trillions"));
    expect(classify(edited, [representative])).toMatchObject({ kind: "near", addedText: "" });
  });

  it("keeps two independent letters on the same topic unique, far below the threshold", () => {
    for (const [letter, other] of [
      [RANCHER_LETTER, SUPPORTER_LETTER],
      [RANCHER_LETTER, FORM_LETTER],
      [SUPPORTER_LETTER, FORM_LETTER],
    ]) {
      const a = fingerprint(letter);
      const b = fingerprint(other);
      expect(exactJaccard(a.shingles, b.shingles)).toBeLessThan(0.05);
      expect(classify(a, [b])).toMatchObject({ kind: "unique", addedText: "" });
    }
  });

  it("calls a letter that is mostly the sender's own words unique even if it quotes the form letter", () => {
    const own = randomText(mulberry32(3), 200);
    expect(classify(fingerprint(`${own}\n\n${FORM_LETTER}`), [representative]).kind).toBe("unique");
  });

  it("groups short comments only as identical copies", () => {
    const short = fingerprint("No mine at Thacker Pass!");
    expect(classify(fingerprint("no mine at thacker pass!"), [short]).kind).toBe("identical");
    expect(classify(fingerprint("No mine at Thacker Pass, ever!"), [short]).kind).toBe("unique");
  });
});

describe("short letters (containment beside Jaccard)", () => {
  // 22 words: a personal sentence of 15 words takes Jaccard to ~0.5, under the threshold.
  const SHORT =
    "Please deny the Thacker Pass permit. The mine would drain the Quinn River Valley aquifer and dry up our springs for good.";
  const PERSONAL = "My grandfather dug the well on our ranch in 1952 and it has never once run dry.";
  const short = fingerprint(SHORT);
  // The candidates' texts were each sent word for word by KNOWN_LETTER_COPIES comments already.
  const KNOWN = { knownLetter: () => true };

  it("applies containment only to a letter already sent word for word by two comments", () => {
    const comment = fingerprint(`${SHORT} ${PERSONAL}`);
    expect(classify(comment, [short]).kind).toBe("unique");
    expect(classify(comment, [short], { knownLetter: () => false }).kind).toBe("unique");
    expect(classify(comment, [short], KNOWN).kind).toBe("near");
    // Jaccard needs no evidence.
    expect(classify(fingerprint(`${FORM_LETTER} Ana Lee`), [fingerprint(FORM_LETTER)]).kind).toBe("near");
  });

  it("joins a short letter with a personal sentence before, after or between its sentences", () => {
    const [first, second] = SHORT.split(". ");
    for (const text of [`${SHORT} ${PERSONAL}`, `${PERSONAL} ${SHORT}`, `${first}. ${PERSONAL} ${second}`]) {
      const comment = fingerprint(text);
      expect(exactJaccard(comment.shingles, short.shingles)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
      expect(classify(comment, [fingerprint(RANCHER_LETTER), short], KNOWN)).toMatchObject({
        kind: "near",
        campaignIndex: 1,
        addedText: normalizeText(PERSONAL),
      });
      // Found through the opening keys even when no band key is shared.
      expect(comment.openingKeys.some((key) => short.openingKeys.includes(key))).toBe(true);
    }
  });

  it("joins a plain short copy to a campaign whose representative has the personal sentence", () => {
    const variant = fingerprint(`${SHORT} ${PERSONAL}`);
    expect(classify(short, [variant], KNOWN)).toMatchObject({ kind: "near", campaignIndex: 0, addedText: "" });
  });

  it("joins two copies of a short letter that each carry their own personal sentence", () => {
    const variant = fingerprint(`${SHORT} ${PERSONAL}`);
    const other = fingerprint(`I have lived in Orovada all my life. ${SHORT}`);
    expect(classify(other, [variant], KNOWN)).toMatchObject({ kind: "near", campaignIndex: 0 });
  });

  it("keeps a comment mostly in the sender's own words, quoting a short letter, unique", () => {
    const own = randomText(mulberry32(5), 70);
    expect(classify(fingerprint(`${own} ${SHORT}`), [short], KNOWN).kind).toBe("unique");
  });

  it("keeps different short letters on the same subject apart, and stock phrases are no letter", () => {
    const other = fingerprint(
      "Please approve the Thacker Pass permit. The mine would bring jobs to the Quinn River Valley and our county for good.",
    );
    expect(classify(other, [short], KNOWN).kind).toBe("unique");
    const stock = fingerprint("Please deny the Thacker Pass permit.");
    expect(classify(fingerprint(`Please deny the Thacker Pass permit. ${PERSONAL}`), [stock], KNOWN).kind).toBe(
      "unique",
    );
  });

  it("keeps independent letters drawn from a common pool of sentences unique, however many sentences they share", () => {
    // As the training seed writes its individual comments: an opening, two to four points, a closing,
    // each sentence from a shared pool. One letter often holds another almost whole plus a sentence:
    // by its text alone that is a short letter with a personal sentence. Nothing says it is a letter.
    const pool = seededPool(17);
    let contained = 0;
    for (let i = 0; i < pool.length; i++) {
      for (let j = 0; j < pool.length; j++) {
        if (i === j || pool[i].normalized === pool[j].normalized) continue;
        if (shortLetterMatch(pool[i], pool[j])) contained++;
        expect(classify(pool[i], [pool[j]]).kind).toBe("unique");
      }
    }
    // The generator does make such pairs (else the test proves nothing).
    expect(contained).toBeGreaterThan(10);
  });

  it("indexes opening keys only for texts short enough to take part", () => {
    expect(short.openingKeys.length).toBe(2);
    expect(fingerprint(FORM_LETTER).openingKeys).toEqual([]);
  });
});

describe("addedText", () => {
  const letter = normalizeText(FORM_LETTER);

  it("ignores moved paragraphs, a changed word and a signature block", () => {
    const [opening, ...rest] = FORM_LETTER.split("\n\n");
    const moved = [opening, rest[1], rest[0], rest[2]].join("\n\n");
    expect(addedText(letter, normalizeText(moved))).toBe("");
    expect(addedText(letter, normalizeText(FORM_LETTER.replace("ten miles", "twenty miles")))).toBe("");
    expect(addedText(letter, normalizeText(`${FORM_LETTER}\nRespectfully, Dr. Ana Begay, McDermitt NV`))).toBe("");
  });

  it("returns each added run in the comment's order, separated by line breaks", () => {
    const comment = `Please read this before anything else. ${FORM_LETTER} We will be watching the springs.`;
    expect(addedText(letter, normalizeText(comment))).toBe(
      "please read this before anything else.\nwe will be watching the springs.",
    );
  });
});

describe("shouldReplaceRepresentative", () => {
  it("replaces the representative with a text sent at least twice as often", () => {
    expect(shouldReplaceRepresentative(1, 1)).toBe(false);
    expect(shouldReplaceRepresentative(1, 2)).toBe(true);
    expect(shouldReplaceRepresentative(40, 79)).toBe(false);
    expect(shouldReplaceRepresentative(40, 80)).toBe(true);
  });
});

describe("summarizeCounts", () => {
  // Incremental grouping as comments arrive, scanning every representative (the model uses LSH).
  function group(texts: string[]): GroupedComment[] {
    const representatives: CommentFingerprint[] = [];
    return texts.map((text) => {
      const comment = fingerprint(text);
      const result = classify(comment, representatives);
      if (result.campaignIndex !== undefined) return { ...result, groupId: result.campaignIndex };
      representatives.push(comment);
      return { ...result, groupId: representatives.length - 1 };
    });
  }

  it("reproduces BLM-style figures: 420 identical copies, 89 with added text, 73 unique, 1 duplicate", () => {
    const random = mulberry32(89);
    const secondLetter = `${RANCHER_LETTER}\n\nThank you for considering my comment.`;
    const sender = () => `Sincerely, ${randomText(random, 2)}`;
    const addition = () => `${randomText(random, 12 + Math.floor(random() * 20))}.`;
    const uniques = Array.from({ length: 73 }, () => randomText(random, 80 + Math.floor(random() * 120)));
    const texts = [
      ...Array.from({ length: 300 }, () => FORM_LETTER),
      ...Array.from({ length: 60 }, () => withAddition(FORM_LETTER, addition(), sender())),
      ...Array.from({ length: 120 }, () => secondLetter),
      ...Array.from({ length: 29 }, () => withAddition(secondLetter, addition(), sender())),
      ...uniques,
      uniques[0],
    ];
    const counts = summarizeCounts(group(texts));
    expect(counts).toMatchObject({
      totalComments: 583,
      uniqueComments: 72,
      campaigns: 3,
      copiesInCampaigns: 511,
      identicalCopies: 422,
      formLettersWithAddedText: 89,
      editedCopies: 0,
    });
    expect(counts.byCampaign.map((campaign) => campaign.comments)).toEqual([360, 149, 2]);
    expect(counts.uniqueComments + counts.copiesInCampaigns).toBe(counts.totalComments);
    expect(counts.identicalCopies + counts.formLettersWithAddedText + counts.editedCopies).toBe(
      counts.copiesInCampaigns,
    );
  });

  it("counts nothing as a campaign when every comment differs", () => {
    const counts = summarizeCounts(group([RANCHER_LETTER, SUPPORTER_LETTER, FORM_LETTER]));
    expect(counts).toMatchObject({ totalComments: 3, uniqueComments: 3, campaigns: 0, copiesInCampaigns: 0 });
  });
});
