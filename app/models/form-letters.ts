// Form letters: the one place that decides when public comments are copies of one another, so the
// comment-period page, the API and the bench count campaigns the same way. Pure module (no database,
// no clock); node:crypto is used only for SHA-256, so import it from server code.
//
// One comment goes: normalizeText → exactKey (identical copies, one indexed lookup) → shingles →
// minhashSignature → lshBandKeys (LSH_BANDS indexed lookups find candidate campaigns among a million
// comments) → classify against the candidates' representatives → addedText. summarizeCounts gives the
// totals ACUS Recommendation 2021-1 asks for, in BLM's terms: identical copy letters, form letters
// with additional text, unique letters.
import { createHash } from "node:crypto";

/**
 * Stored with every signature and band key. Changing normalisation, SHINGLE_WORDS, the hash functions,
 * MINHASH_SEED, NUM_HASHES or the banding makes old signatures silently stop matching new ones: bump
 * this and recompute what is stored.
 */
export const FINGERPRINT_VERSION = 1;

/**
 * Word 3-shingles. A changed word breaks k shingles, so small k tolerates the edits form-letter senders
 * make (a pronoun, their town, a 5% reword keeps Jaccard near 0.75 at k=3 but 0.69 at k=4 and 0.63 at
 * k=5). Large k keeps unrelated letters apart; on letters of 150+ words about the same mine, stock
 * phrases ("the environmental impact statement") still give two independent letters a Jaccard under
 * 0.05 at k=3 (see the unit test), far below the threshold.
 */
export const SHINGLE_WORDS = 3;

/**
 * Two comments are near-duplicates when the Jaccard similarity of their 3-shingle sets is at least 0.7.
 * For a form letter of n words plus m added words, J ≈ n / (n + m + 2): a 150-word letter stays a copy
 * with up to ~60 added words (a name and a paragraph), a 300-word letter with ~125. Roughly 10 changed
 * words in 150 also keep it above. A letter rewritten in half its sentences falls to ~0.33 and
 * independent letters on the same topic sit under 0.05, so the line is far from both. Lower
 * thresholds would merge letters that quote a campaign inside a longer text of their own (those are
 * read as unique letters: most of their words are the commenter's).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/**
 * LSH banding: 128 MinHash values in 32 bands of 4 rows. A pair with Jaccard s shares at least one
 * band key with probability P(s) = 1 − (1 − s^4)^32:
 *
 *   s     0.05    0.1     0.2    0.3    0.4    0.5    0.6    0.65   0.7      0.8
 *   P(s)  0.0002  0.0032  0.050  0.23   0.57   0.87   0.988  0.998  0.99985  1 − 5e-8
 *
 * So pairs at the threshold (0.7) are found with probability 0.9998 and mutated copies around 0.65
 * with 0.998. Pairs under 0.5 are not rare in the 0.3–0.5 band: with 128 values no banding gives
 * ≥ 0.99 at 0.7 and ≤ 0.1 at 0.5 (16×8 finds only 61% at 0.7; a steep enough curve needs ~1,600
 * values). A false candidate costs one signature comparison (estimateJaccard) and a miss costs a wrong
 * count, so the curve favours recall. What matters at scale is unrelated letters (s < 0.1): they
 * collide at most 0.3% of the time, so a lookup returns a handful of rows.
 */
export const NUM_HASHES = 128;
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/**
 * Below 10 distinct shingles (about a dozen words) one changed word moves Jaccard by 0.2 or more, so
 * short comments ("No mine!") group only as identical copies, never as near-duplicates.
 */
export const MIN_SHINGLES_FOR_NEAR = 10;

/**
 * A run of three or fewer added words is personalisation (a name, a town, a changed pronoun), not
 * added text. The cost: a three-word addition such as "deny this permit." is not shown as added text,
 * but the comment's full text stays on the record.
 */
export const MIN_ADDED_RUN_WORDS = 4;

// The estimate's standard deviation at J = 0.7 with 128 values is √(0.7·0.3/128) ≈ 0.04; skipping
// candidates more than 0.15 (3.7σ) below the threshold loses a true match less than once in 10,000.
const ESTIMATE_MARGIN = 0.15;

// ───────────── Normalisation ─────────────

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018-\u201B]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const WHITESPACE = /\s+/g;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The text two comments are compared on. Removed, and only this: Unicode compatibility differences
 * (NFKC: full-width letters, ligatures, non-breaking spaces, "…" → "..."); soft hyphens and zero-width
 * characters; the style of quotes (‘ ’ ‚ ‛ → ', “ ” „ ‟ « » → ") and dashes (‐ ‑ ‒ – — ― − → -);
 * upper case; the amount and kind of whitespace, line and paragraph breaks included. Words, digits,
 * accents and every punctuation mark stay, so the result is still readable as the letter.
 * Idempotent: normalizeText(normalizeText(t)) === normalizeText(t).
 */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing for NFKC, quotes, dashes or zero-width rules to change: skip those passes.
  const unified = ASCII.test(text) ? text : unifyUnicode(text);
  return unified.toLowerCase().replace(WHITESPACE, " ").trim();
}

function unifyUnicode(text: string): string {
  return text
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-");
}

/** SHA-256 (hex) of the normalised text: comments with the same key are identical copies. */
export function exactKey(text: string): string {
  return sha256Hex(normalizeText(text));
}

function sha256Hex(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

// ───────────── Hashing ─────────────

// A word for shingling: letters, digits and marks, joined by internal ' - or . ("don't", "u.s",
// "3.5"). Punctuation around words is ignored, so "mine." and "mine" make the same shingles.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['.-][\p{L}\p{N}\p{M}]+)*/gu;

type Words = { hashes: Uint32Array; starts: number[] };

function words(normalized: string): Words {
  const starts: number[] = [];
  const found: number[] = [];
  for (const match of normalized.matchAll(WORD)) {
    starts.push(match.index);
    found.push(fnv1a32(match[0]));
  }
  return { hashes: Uint32Array.from(found), starts };
}

/** FNV-1a, 32 bits, over UTF-16 code units: fast, and fixed forever by FINGERPRINT_VERSION. */
function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3 x86_32 of `count` 32-bit values (their little-endian bytes) starting at `start`. */
function murmur3(values: ArrayLike<number>, start: number, count: number, seed: number): number {
  let hash = seed | 0;
  for (let i = start; i < start + count; i++) {
    let block = Math.imul(values[i], 0xcc9e2d51);
    block = Math.imul((block << 15) | (block >>> 17), 0x1b873593);
    hash ^= block;
    hash = (Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64) | 0;
  }
  hash ^= count * 4;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// The word windows a text is cut into: every k consecutive words, or the whole text if shorter.
function windowCount(wordCount: number, k: number): number {
  return wordCount === 0 ? 0 : Math.max(1, wordCount - k + 1);
}

/**
 * The distinct word k-shingles of a normalised text as 32-bit hashes, sorted ascending (the form
 * exactJaccard expects). A text shorter than k words is one shingle; an empty text has none.
 */
export function shingles(normalized: string, k: number = SHINGLE_WORDS): Uint32Array {
  const { hashes } = words(normalized);
  const width = Math.min(k, hashes.length);
  const result = new Uint32Array(windowCount(hashes.length, k));
  for (let i = 0; i < result.length; i++) result[i] = murmur3(hashes, i, width, 0);
  result.sort();
  let distinct = 0;
  for (let i = 0; i < result.length; i++) if (i === 0 || result[i] !== result[i - 1]) result[distinct++] = result[i];
  return result.slice(0, distinct);
}

// ───────────── MinHash and LSH ─────────────

/**
 * h_i(x) = (a_i·x + b_i) mod p with p = 2^31 − 1 (a Mersenne prime), x the shingle hash reduced mod p
 * (shingles whose hashes differ by exactly p collide: odds ~2^-31). No BigInt: with x = xh·2^16 + xl,
 * a·x ≡ (a·2^16 mod p)·xh + a·xl, and both products stay under 2^47, the sum under 2^48, exact in a
 * double; 2^31 ≡ 1 (mod p) then folds it below p. The a_i, b_i come from MINHASH_SEED through
 * splitmix32 at load time, the same in every process and release; changing the seed, the generator or
 * p changes every signature (see FINGERPRINT_VERSION).
 */
export const MINHASH_SEED = 0x4c4f4445; // "LODE"
export const MAX_HASHES = 256;
const P = 2_147_483_647;
const TWO_31 = 2_147_483_648;
const INV_TWO_31 = 1 / TWO_31; // a power of two: multiplying by it is exact
const EMPTY_SLOT = 0xffffffff;

const [COEF_A, COEF_A16, COEF_B] = (() => {
  let state = MINHASH_SEED;
  const next = () => {
    state = (state + 0x9e3779b9) | 0;
    let z = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const a = new Float64Array(MAX_HASHES);
  const a16 = new Float64Array(MAX_HASHES);
  const b = new Float64Array(MAX_HASHES);
  for (let i = 0; i < MAX_HASHES; i++) {
    a[i] = 1 + (next() % (P - 1));
    a16[i] = modP(a[i] * 65_536);
    b[i] = next() % P;
  }
  return [a, a16, b];
})();

function modP(value: number): number {
  const high = Math.floor(value * INV_TWO_31);
  const folded = value - high * TWO_31 + high;
  return folded >= P ? folded - P : folded;
}

/**
 * MinHash signature: for each of `numHashes` functions, the smallest h_i over the shingles. The share
 * of equal positions in two signatures estimates the Jaccard similarity of their shingle sets. An empty
 * set gets 0xffffffff everywhere (no h_i reaches it).
 */
export function minhashSignature(shingleHashes: ArrayLike<number>, numHashes: number = NUM_HASHES): Uint32Array {
  if (!Number.isInteger(numHashes) || numHashes < 1 || numHashes > MAX_HASHES) {
    throw new RangeError(`numHashes must be an integer from 1 to ${MAX_HASHES}`);
  }
  const count = shingleHashes.length;
  const xHigh = new Float64Array(count);
  const xLow = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const raw = shingleHashes[s] >>> 0;
    const x = (raw & 0x7fffffff) + (raw >>> 31);
    const reduced = x >= P ? x - P : x;
    xHigh[s] = reduced >>> 16;
    xLow[s] = reduced & 0xffff;
  }
  // Function-major: each function's coefficients and running minimum stay in registers.
  const signature = new Uint32Array(numHashes);
  for (let i = 0; i < numHashes; i++) {
    const a16 = COEF_A16[i];
    const a = COEF_A[i];
    const b = COEF_B[i];
    let min = EMPTY_SLOT;
    for (let s = 0; s < count; s++) {
      const value = a16 * xHigh[s] + a * xLow[s] + b;
      const high = Math.floor(value * INV_TWO_31);
      let h = value - high * TWO_31 + high;
      if (h >= P) h -= P;
      if (h < min) min = h;
    }
    signature[i] = min;
  }
  return signature;
}

/**
 * One 32-bit key per band: MurmurHash3 of the band's `rows` values, seeded with the band number. A key
 * is only comparable with the same band's key, so store and look up (band, key) pairs, indexed.
 */
export function lshBandKeys(signature: Uint32Array, bands: number = LSH_BANDS, rows: number = LSH_ROWS): Uint32Array {
  if (bands * rows !== signature.length) {
    throw new RangeError(`bands × rows (${bands} × ${rows}) must equal the signature length ${signature.length}`);
  }
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) keys[band] = murmur3(signature, band * rows, rows, band);
  return keys;
}

/** Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(sigA: Uint32Array, sigB: Uint32Array): number {
  if (sigA.length !== sigB.length || sigA.length === 0) throw new RangeError("signatures differ in length");
  let equal = 0;
  for (let i = 0; i < sigA.length; i++) if (sigA[i] === sigB[i]) equal++;
  return equal / sigA.length;
}

/** |A ∩ B| / |A ∪ B| of two sorted, distinct hash arrays (as `shingles` returns); 1 when both are empty. */
export function exactJaccard(setA: Uint32Array, setB: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < setA.length && j < setB.length) {
    if (setA[i] === setB[j]) {
      shared++;
      i++;
      j++;
    } else if (setA[i] < setB[j]) i++;
    else j++;
  }
  const union = setA.length + setB.length - shared;
  return union === 0 ? 1 : shared / union;
}

export type CommentFingerprint = {
  normalized: string;
  exactKey: string;
  shingles: Uint32Array;
  signature: Uint32Array;
  bandKeys: Uint32Array;
};

/** Everything stored about a comment's text for grouping, with this module's parameters. */
export function fingerprint(text: string): CommentFingerprint {
  const normalized = normalizeText(text);
  const shingleHashes = shingles(normalized);
  const signature = minhashSignature(shingleHashes, NUM_HASHES);
  return {
    normalized,
    exactKey: sha256Hex(normalized),
    shingles: shingleHashes,
    signature,
    bandKeys: lshBandKeys(signature),
  };
}

// ───────────── Added text ─────────────

/**
 * What a commenter added to a form letter, as runs of the comment's own words in order, quoted from the
 * normalised comment with their punctuation and separated by "\n" (normalised text has none). A word
 * belongs to the letter when a k-word window containing it also occurs in the representative, so a
 * changed word leaves only itself and a moved paragraph adds nothing. Linear time, unlike an LCS diff.
 * Three rules keep it to real additions: a stretch of fewer than k + 2 words matching the letter inside
 * added text is a stock phrase met by chance and stays in the addition; runs under
 * MIN_ADDED_RUN_WORDS are personalisation; a closing run of up to 8 words that starts with a sign-off
 * ("sincerely, maria lopez, orovada, nv") is a signature. "" when nothing is left.
 */
export function addedText(representativeNormalized: string, commentNormalized: string): string {
  return addedTextFrom(shingles(representativeNormalized), commentNormalized);
}

const SIGN_OFF = /^(?:sincerely|respectfully|regards|(?:best|kind|warm) regards|best|thanks|thank you|cordially)\b/;
const MAX_SIGN_OFF_WORDS = 8;

function addedTextFrom(representative: Uint32Array, comment: string): string {
  const { hashes, starts } = words(comment);
  const count = hashes.length;
  const width = Math.min(SHINGLE_WORDS, count);
  const inLetter = new Uint8Array(count);
  for (let i = 0; i < windowCount(count, SHINGLE_WORDS); i++) {
    if (contains(representative, murmur3(hashes, i, width, 0))) inLetter.fill(1, i, i + width);
  }
  forEachRun(inLetter, 1, (start, end) => {
    if (end - start < SHINGLE_WORDS + 2 && end - start < count) inLetter.fill(0, start, end);
  });
  const runs: string[] = [];
  forEachRun(inLetter, 0, (start, end) => {
    const text = comment.slice(starts[start], end < count ? starts[end] : comment.length).trim();
    const signature = end === count && end - start <= MAX_SIGN_OFF_WORDS && SIGN_OFF.test(text);
    if (end - start >= MIN_ADDED_RUN_WORDS && !signature) runs.push(text);
  });
  return runs.join("\n");
}

// Calls `visit(start, end)` for each maximal run of `value` in `flags` (end exclusive).
function forEachRun(flags: Uint8Array, value: number, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < flags.length; ) {
    let end = start + 1;
    while (end < flags.length && flags[end] === flags[start]) end++;
    if (flags[start] === value) visit(start, end);
    start = end;
  }
}

function contains(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

// ───────────── Classification ─────────────

export type MatchKind = "identical" | "near" | "unique";

/** A comment's text as classify needs it; `shingles` saves re-reading the text when already known. */
export type ComparableText = { normalized: string; signature: Uint32Array; shingles?: Uint32Array };

export type Classification = {
  kind: MatchKind;
  /** Index into the candidates of the campaign joined; absent for "unique". */
  campaignIndex?: number;
  /** Exact Jaccard of the shingle sets with the best candidate (1 for identical, 0 with none). */
  similarity: number;
  addedText: string;
};

/**
 * Compare a new comment with the representatives of the candidate campaigns the LSH lookup returned. Identical (same normalised text) wins; otherwise the candidate with the highest
 * exact Jaccard at or above NEAR_DUPLICATE_THRESHOLD, the earliest on a tie, after a signature
 * pre-check. Matching is always against a representative, never another copy, so a campaign cannot
 * drift through a chain of small edits.
 */
export function classify(comment: ComparableText, candidates: readonly ComparableText[]): Classification {
  const identical = candidates.findIndex((candidate) => candidate.normalized === comment.normalized);
  if (identical >= 0) return { kind: "identical", campaignIndex: identical, similarity: 1, addedText: "" };
  const own = comment.shingles ?? shingles(comment.normalized);
  let best = { index: -1, similarity: 0, shingles: own };
  if (own.length >= MIN_SHINGLES_FOR_NEAR) {
    candidates.forEach((candidate, index) => {
      if (estimateJaccard(comment.signature, candidate.signature) < NEAR_DUPLICATE_THRESHOLD - ESTIMATE_MARGIN) return;
      const theirs = candidate.shingles ?? shingles(candidate.normalized);
      if (theirs.length < MIN_SHINGLES_FOR_NEAR) return;
      const similarity = exactJaccard(own, theirs);
      if (similarity > best.similarity) best = { index, similarity, shingles: theirs };
    });
  }
  if (best.index < 0 || best.similarity < NEAR_DUPLICATE_THRESHOLD) {
    return { kind: "unique", similarity: best.similarity, addedText: "" };
  }
  return {
    kind: "near",
    campaignIndex: best.index,
    similarity: best.similarity,
    addedText: addedTextFrom(best.shingles, comment.normalized),
  };
}

// ───────────── Representatives and counts ─────────────

/**
 * A campaign's representative is the text it is compared and shown by. It starts as the first comment;
 * another text of the campaign replaces it once sent at least twice as often. Keeping the first comment
 * is wrong whenever the first sender added a paragraph (about one campaign in four in a BLM-like mix):
 * every plain copy then reads as "edited", and copies with their own paragraph fall below the
 * threshold against it and leave the campaign (the bench measures both with and without). Doubling
 * bounds the churn: a campaign of n comments changes representative at most log2(n) times, and each
 * change re-classifies the campaign's distinct texts against the new one.
 */
export function shouldReplaceRepresentative(representativeCopies: number, textCopies: number): boolean {
  return textCopies >= 2 * representativeCopies;
}

/**
 * A comment's place after grouping: its group (a "unique" classification starts one) and how its text
 * relates to the group's representative: "identical" or "unique" for the representative's own text.
 */
export type GroupedComment = { groupId: string | number; kind: MatchKind; addedText: string };

export type CampaignTally = {
  groupId: string | number;
  comments: number;
  identicalCopies: number;
  formLettersWithAddedText: number;
  editedCopies: number;
};

/**
 * A campaign is a group of at least two comments. The figures add up exactly:
 *   totalComments     = uniqueComments + copiesInCampaigns
 *   copiesInCampaigns = identicalCopies + formLettersWithAddedText + editedCopies
 * uniqueComments: comments in no campaign (a group of one). identicalCopies: comments whose normalised
 * text is their campaign's representative text (BLM's "identical copy letters").
 * formLettersWithAddedText: near-copies with non-empty addedText. editedCopies: near-copies that only
 * personalise or delete (a name, a changed word, a dropped sentence). Text alone cannot tell two
 * senders from one person sending twice: a letter sent twice is a campaign of two.
 */
export type CampaignCounts = {
  totalComments: number;
  uniqueComments: number;
  campaigns: number;
  copiesInCampaigns: number;
  formLettersWithAddedText: number;
  identicalCopies: number;
  editedCopies: number;
  /** One row per campaign, largest first: "copies in each". */
  byCampaign: CampaignTally[];
};

export function summarizeCounts(comments: Iterable<GroupedComment>): CampaignCounts {
  const groups = new Map<string | number, CampaignTally>();
  let totalComments = 0;
  for (const { groupId, kind, addedText: added } of comments) {
    totalComments++;
    let tally = groups.get(groupId);
    if (!tally) {
      tally = { groupId, comments: 0, identicalCopies: 0, formLettersWithAddedText: 0, editedCopies: 0 };
      groups.set(groupId, tally);
    }
    tally.comments++;
    if (kind !== "near") tally.identicalCopies++;
    else if (added !== "") tally.formLettersWithAddedText++;
    else tally.editedCopies++;
  }
  const byCampaign = [...groups.values()].filter((tally) => tally.comments >= 2);
  byCampaign.sort((a, b) => b.comments - a.comments);
  const sum = (field: keyof Omit<CampaignTally, "groupId">) =>
    byCampaign.reduce((total, tally) => total + tally[field], 0);
  const copiesInCampaigns = sum("comments");
  return {
    totalComments,
    uniqueComments: totalComments - copiesInCampaigns,
    campaigns: byCampaign.length,
    copiesInCampaigns,
    formLettersWithAddedText: sum("formLettersWithAddedText"),
    identicalCopies: sum("identicalCopies"),
    editedCopies: sum("editedCopies"),
    byCampaign,
  };
}
