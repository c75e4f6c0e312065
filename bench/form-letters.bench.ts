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
import { TEMPLATES, createLetterGenerator, type TruthKind } from "./support/synthetic-letters";
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
} from "../app/models/comments/form-letters";

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
// The mix of a mass-comment period, close to BLM's 420 identical / 89 with added text / 73 unique.

const { syntheticComment } = createLetterGenerator(SEED);

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

function comparable(normalized: string): Required<Omit<ComparableText, "unread">> & { bandKeys: Uint32Array } {
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
