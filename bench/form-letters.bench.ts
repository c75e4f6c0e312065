// Form-letter grouping at scale: N synthetic public comments (default 1,000,000, seeded) go one at a
// time through the incremental algorithm the comment model runs as comments arrive: exact-key lookup,
// else MinHash + LSH candidate lookup, classify against the candidates' representatives, and replace a
// campaign's representative when another of its texts is sent twice as often. The indexes here are
// in-memory Maps; the database keeps them in indexed tables, so this measures the algorithm, not I/O.
// Printed: throughput, memory, LSH candidate load, and counts and pairwise precision/recall against the
// generator's ground truth.
//
// Run with `npx tsx bench/form-letters.bench.ts [--count=N] [--seed=N] [--first-representative]`.
// Results go to bench/results/form-letters-<timestamp>.json (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  addedText,
  classify,
  exactKey,
  FINGERPRINT_VERSION,
  LSH_BANDS,
  LSH_ROWS,
  lshBandKeys,
  MAX_GROUPS_PER_BAND_KEY,
  MIN_SHINGLES_FOR_NEAR,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  normalizeText,
  NUM_HASHES,
  SHINGLE_WORDS,
  shingles,
  shouldReplaceRepresentative,
  summarizeCounts,
  type ComparableText,
  type GroupedComment,
  type MatchKind,
} from "../app/models/form-letters";

const ROOT = path.resolve(import.meta.dirname, "..");
const argument = (name: string, fallback: number, max: number) => {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};
const COUNT = argument("count", 1_000_000, 5_000_000);
// --first-representative keeps each campaign's first comment as its representative, to measure why not.
const REPLACE = !process.argv.includes("--first-representative");
const SEED = argument("seed", 20_210_001, 2 ** 31);
const TEMPLATES = 20;
// The mix of a mass-comment period, close to BLM's 420 identical / 89 with added text / 73 unique.
const UNIQUE_SHARE = 0.2;
const IDENTICAL_SHARE = 0.72; // of campaign comments
const ADDED_SHARE = 0.18; // of campaign comments; the rest are edited (name + a few changed words)

// ───────────── Seeded synthetic text ─────────────

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(SEED);
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

type TruthKind = "identical" | "added" | "edited" | "unique";
type Synthetic = { text: string; truthGroup: number; truthKind: TruthKind };

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

// ───────────── The incremental grouping (what the comment model does per new comment) ─────────────

// One row per distinct normalised text (the database: comments sharing an exactKey share these fields).
type TextEntry = {
  group: number;
  normalized: string;
  copies: number;
  kind: MatchKind;
  addedText: string;
};
type Group = { representative: number; comparable: ComparableText; texts: number[] };

const entries: TextEntry[] = [];
const exactIndex = new Map<string, number>(); // the database: a unique index on (periodId, exactKey)
// The database: a (periodId, band, key) index. One Map per band; a bucket is a group id or a list.
const bandIndex = Array.from({ length: LSH_BANDS }, () => new Map<number, number | number[]>());
const groups: Group[] = [];
const entryOf = new Int32Array(COUNT);
const truthGroupOf = new Int32Array(COUNT);
const truthKindOf: TruthKind[] = new Array<TruthKind>(COUNT);
const load = { signatures: 0, candidates: 0, rejectedCandidates: 0, maxCandidates: 0, replacements: 0 };

function indexBands(groupId: number, keys: Uint32Array): void {
  for (let band = 0; band < LSH_BANDS; band++) {
    const bucket = bandIndex[band].get(keys[band]);
    if (bucket === undefined) bandIndex[band].set(keys[band], groupId);
    else if (typeof bucket === "number") {
      if (bucket !== groupId) bandIndex[band].set(keys[band], [bucket, groupId]);
    } else if (bucket.length < MAX_GROUPS_PER_BAND_KEY && !bucket.includes(groupId)) bucket.push(groupId);
  }
}

function comparable(normalized: string): Required<ComparableText> & { bandKeys: Uint32Array } {
  const own = shingles(normalized);
  const signature = minhashSignature(own, NUM_HASHES);
  load.signatures++;
  return { normalized, shingles: own, signature, bandKeys: lshBandKeys(signature, LSH_BANDS, LSH_ROWS) };
}

// The campaign's most-sent text becomes its representative; its distinct texts are re-read against it.
function replaceRepresentative(groupId: number, entryId: number): void {
  const group = groups[groupId];
  const representative = comparable(entries[entryId].normalized);
  group.representative = entryId;
  group.comparable = representative;
  indexBands(groupId, representative.bandKeys);
  load.replacements++;
  for (const id of group.texts) {
    const entry = entries[id];
    const isRepresentative = id === entryId;
    entry.kind = isRepresentative ? "identical" : "near";
    entry.addedText = isRepresentative ? "" : addedText(representative.normalized, entry.normalized);
  }
}

function group(comment: number, text: string): void {
  const key = exactKey(text);
  const seen = exactIndex.get(key);
  if (seen !== undefined) {
    // A copy of a text already placed: same group, same relation to the representative.
    const entry = entries[seen];
    entry.copies++;
    entryOf[comment] = seen;
    const current = groups[entry.group].representative;
    if (REPLACE && current !== seen && shouldReplaceRepresentative(entries[current].copies, entry.copies)) {
      replaceRepresentative(entry.group, seen);
    }
    return;
  }
  const own = comparable(normalizeText(text));
  // Short texts only ever match identical copies (MIN_SHINGLES_FOR_NEAR): no LSH lookup, no index rows.
  const nearable = own.shingles.length >= MIN_SHINGLES_FOR_NEAR;
  const found = new Set<number>();
  for (let band = 0; nearable && band < LSH_BANDS; band++) {
    const bucket = bandIndex[band].get(own.bandKeys[band]);
    if (typeof bucket === "number") found.add(bucket);
    else bucket?.forEach((id) => found.add(id));
  }
  const candidateGroups = [...found];
  load.candidates += candidateGroups.length;
  load.maxCandidates = Math.max(load.maxCandidates, candidateGroups.length);
  const result = classify(
    own,
    candidateGroups.map((id) => groups[id].comparable),
  );
  load.rejectedCandidates += candidateGroups.length - (result.campaignIndex === undefined ? 0 : 1);
  const entryId = entries.length;
  if (result.campaignIndex === undefined) {
    groups.push({ representative: entryId, comparable: own, texts: [entryId] });
    if (nearable) indexBands(groups.length - 1, own.bandKeys);
  } else {
    groups[candidateGroups[result.campaignIndex]].texts.push(entryId);
  }
  const groupId = result.campaignIndex === undefined ? groups.length - 1 : candidateGroups[result.campaignIndex];
  entries.push({
    group: groupId,
    normalized: own.normalized,
    copies: 1,
    kind: result.kind,
    addedText: result.addedText,
  });
  exactIndex.set(key, entryId);
  entryOf[comment] = entryId;
}

// ───────────── Run ─────────────

console.log(
  `Grouping ${COUNT.toLocaleString("en-US")} synthetic comments (seed ${SEED}; k=${SHINGLE_WORDS}, ` +
    `${NUM_HASHES} hashes = ${LSH_BANDS} bands × ${LSH_ROWS} rows, threshold ${NEAR_DUPLICATE_THRESHOLD})`,
);
let generateMs = 0;
let groupMs = 0;
const started = performance.now();
for (let comment = 0; comment < COUNT; comment++) {
  const t0 = performance.now();
  const synthetic = syntheticComment(comment);
  const t1 = performance.now();
  group(comment, synthetic.text);
  groupMs += performance.now() - t1;
  generateMs += t1 - t0;
  truthGroupOf[comment] = synthetic.truthGroup;
  truthKindOf[comment] = synthetic.truthKind;
  if ((comment + 1) % 100_000 === 0) {
    console.log(`  ${(comment + 1).toLocaleString("en-US")} comments, ${(groupMs / 1000).toFixed(1)} s grouping`);
  }
}
const wallMs = performance.now() - started;
const memory = process.memoryUsage();

const groupOf = (comment: number) => entries[entryOf[comment]].group;
function* grouped(): Generator<GroupedComment> {
  for (let comment = 0; comment < COUNT; comment++) {
    const { group: groupId, kind, addedText: added } = entries[entryOf[comment]];
    yield { groupId, kind, addedText: added };
  }
}
const counts = summarizeCounts(grouped());

// Ground truth, counted the same way: a template is a campaign when sent at least twice.
const truthSizes = new Map<number, number>();
for (const id of truthGroupOf) truthSizes.set(id, (truthSizes.get(id) ?? 0) + 1);
const truth = { campaigns: 0, uniqueComments: 0, identicalCopies: 0, formLettersWithAddedText: 0, editedCopies: 0 };
for (const size of truthSizes.values()) if (size >= 2) truth.campaigns++;
for (let comment = 0; comment < COUNT; comment++) {
  const kind = truthKindOf[comment];
  if (kind === "unique") truth.uniqueComments++;
  else if (kind === "identical") truth.identicalCopies++;
  else if (kind === "added") truth.formLettersWithAddedText++;
  else truth.editedCopies++;
}

// Pairwise precision and recall: of the pairs put in one group, how many belong together, and of the
// pairs that belong together, how many were put in one group.
const pairs = (n: number) => (n * (n - 1)) / 2;
const joint = new Map<number, number>();
const predictedSizes = new Map<number, number>();
for (let comment = 0; comment < COUNT; comment++) {
  const predicted = groupOf(comment);
  const cell = truthGroupOf[comment] * 2 ** 23 + predicted;
  joint.set(cell, (joint.get(cell) ?? 0) + 1);
  predictedSizes.set(predicted, (predictedSizes.get(predicted) ?? 0) + 1);
}
const sumPairs = (sizes: Iterable<number>) => [...sizes].reduce((total, size) => total + pairs(size), 0);
const togetherRight = sumPairs(joint.values());
const precision = togetherRight / Math.max(1, sumPairs(predictedSizes.values()));
const recall = togetherRight / Math.max(1, sumPairs(truthSizes.values()));

const confusion: Record<TruthKind, Record<string, number>> = { identical: {}, added: {}, edited: {}, unique: {} };
for (let comment = 0; comment < COUNT; comment++) {
  const entry = entries[entryOf[comment]];
  const inCampaign = (predictedSizes.get(entry.group) ?? 0) >= 2;
  const label = !inCampaign ? "unique" : entry.kind !== "near" ? "identical" : entry.addedText ? "addedText" : "edited";
  const row = confusion[truthKindOf[comment]];
  row[label] = (row[label] ?? 0) + 1;
}

const seconds = groupMs / 1000;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  comments: COUNT,
  seed: SEED,
  representative: REPLACE ? "most-sent text (shouldReplaceRepresentative)" : "first comment",
  parameters: {
    fingerprintVersion: FINGERPRINT_VERSION,
    shingleWords: SHINGLE_WORDS,
    numHashes: NUM_HASHES,
    bands: LSH_BANDS,
    rows: LSH_ROWS,
    threshold: NEAR_DUPLICATE_THRESHOLD,
  },
  timing: {
    groupingSeconds: Number(seconds.toFixed(2)),
    commentsPerSecond: Math.round(COUNT / seconds),
    generationSeconds: Number((generateMs / 1000).toFixed(2)),
    wallSeconds: Number((wallMs / 1000).toFixed(2)),
  },
  memoryMB: {
    rss: Math.round(memory.rss / 2 ** 20),
    heapUsed: Math.round(memory.heapUsed / 2 ** 20),
    external: Math.round(memory.external / 2 ** 20),
    arrayBuffers: Math.round(memory.arrayBuffers / 2 ** 20),
  },
  index: {
    distinctTexts: entries.length,
    groups: groups.length,
    representativeReplacements: load.replacements,
    bandEntries: bandIndex.reduce((total, map) => total + map.size, 0),
    signaturesComputed: load.signatures,
    candidatesPerSignature: Number((load.candidates / Math.max(1, load.signatures)).toFixed(3)),
    rejectedCandidatesPerSignature: Number((load.rejectedCandidates / Math.max(1, load.signatures)).toFixed(3)),
    maxCandidates: load.maxCandidates,
  },
  counts: { ...counts, byCampaign: counts.byCampaign.slice(0, TEMPLATES + 5) },
  truth,
  grouping: { pairwisePrecision: precision, pairwiseRecall: recall },
  confusion,
};

const line = (label: string, value: string | number) => console.log(`${label.padEnd(34)}${value}`);
console.log("");
line(
  "Grouping time",
  `${seconds.toFixed(1)} s (${results.timing.commentsPerSecond.toLocaleString("en-US")} comments/s)`,
);
line("Text generation (not counted)", `${results.timing.generationSeconds} s`);
line("Memory", `rss ${results.memoryMB.rss} MB, heap ${results.memoryMB.heapUsed} MB`);
line("Signatures computed", `${load.signatures.toLocaleString("en-US")} (the rest were exact copies)`);
line("Candidate groups per new text", `${results.index.candidatesPerSignature} (max ${load.maxCandidates})`);
line("  of which rejected", results.index.rejectedCandidatesPerSignature);
console.log("");
console.log(`${"".padEnd(34)}${"found".padStart(12)}${"truth".padStart(12)}`);
for (const field of [
  "campaigns",
  "uniqueComments",
  "identicalCopies",
  "formLettersWithAddedText",
  "editedCopies",
] as const) {
  console.log(
    `${field.padEnd(34)}${counts[field].toLocaleString("en-US").padStart(12)}${truth[field].toLocaleString("en-US").padStart(12)}`,
  );
}
line("Pairwise precision / recall", `${precision.toFixed(6)} / ${recall.toFixed(6)}`);
console.log("Truth → found:", JSON.stringify(confusion));

const outDir = path.join(ROOT, "bench", "results");
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `form-letters-${results.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nResults: ${path.relative(ROOT, outFile)}`);
