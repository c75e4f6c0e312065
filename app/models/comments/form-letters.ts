// Form letters: the one place that decides which public comments copy one another (ACUS 2021-1: one
// representative example, accurate totals). Pure, no database or clock; node:crypto only for SHA-256.
// Per comment: exactKey (one indexed lookup), else shingles → minhash → lshBandKeys (LSH_BANDS indexed
// lookups for candidate campaigns) → classify against their representatives → addedText.
import { createHash } from "node:crypto";

/**
 * Stored next to every signature and band key. Changing normalisation, SHINGLE_WORDS, the hashes,
 * MINHASH_SEED, NUM_HASHES or the banding silently breaks matching with stored ones: bump and recompute.
 */
export const FINGERPRINT_VERSION = 1;

/**
 * Word 3-shingles. A changed word breaks k shingles: with 5% of words changed Jaccard is ~0.75 at k=3,
 * 0.69 at k=4, 0.63 at k=5. Larger k keeps unrelated letters apart, but at k=3 independent 150-word
 * letters on the same mine's water, sharing stock phrases, already score under 0.05 (unit test).
 */
export const SHINGLE_WORDS = 3;

/**
 * Near-duplicates: shingle Jaccard ≥ 0.65. A letter of n words plus m added ones scores ≈ n/(n + m + 2):
 * a 150-word letter stays a copy with ~75 added words (a name and a paragraph or two), a 300-word one
 * with ~160, and with ~10 of 150 words changed (92% of copies with 5% replaced at random stay above).
 * Half the sentences rewritten scores ~0.33, independent letters on the topic under 0.05: both far
 * off. A letter mostly in the sender's own words around a quoted form letter falls below: unique.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.65;

/**
 * LSH: 128 MinHash values in 32 bands of 4 rows. A pair at Jaccard s shares a band key with
 * probability P(s) = 1 − (1 − s^4)^32:
 *   s     0.05    0.1     0.2    0.3    0.4    0.5    0.6    0.65   0.7      0.8
 *   P(s)  0.0002  0.0032  0.050  0.23   0.56   0.87   0.988  0.998  0.99985  1 − 5e-8
 * Pairs at the threshold are found 99.8% of the time. Pairs at 0.3–0.5 are often candidates too: no
 * banding gives ≥ 0.99 at 0.65 and ≤ 0.1 at 0.5 under ~44,000 values (15 rows × 2,946 bands), and
 * 16×8 finds only 40% at 0.65. A false candidate costs a signature comparison, a miss a wrong count:
 * favour recall. Unrelated letters (s < 0.1) collide ≤ 0.3% of the time, so lookups stay small.
 */
export const NUM_HASHES = 128;
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/**
 * A band key shared by more groups is a stock phrase's ("of land management" the minimum in all 4 rows),
 * not a campaign's: index no more groups under it, read at most this many. Other bands still find a
 * pair at the threshold 99.8% of the time, and lookups stay bounded as comments grow.
 */
export const MAX_GROUPS_PER_BAND_KEY = 64;

/** Under 10 shingles (a dozen words) a changed word moves Jaccard by 0.2+: short ones group only if identical. */
export const MIN_SHINGLES_FOR_NEAR = 10;

/**
 * Short letters. A 20-word letter with a 15-word personal sentence added scores 18/(18 + 15 + 2) ≈ 0.51:
 * under the threshold, so short templates with added text read as unique. Beside Jaccard, a text of at
 * most SHORT_LETTER_WORDS words (and at least MIN_SHINGLES_FOR_NEAR shingles: a single stock phrase is
 * no letter) is a copy of the other when CONTAINMENT_THRESHOLD of its word 3-shingles occur in the other
 * and the other is at most SHORT_LETTER_MAX_ADDED_WORDS longer (a personal paragraph of two or three
 * sentences; past that the sender's own words dominate and the comment quotes a short letter: unique).
 * Both ways: the short letter may be the representative (a copy with added text) or the comment (a
 * plain copy of a campaign started by a variant).
 */
export const SHORT_LETTER_WORDS = 40;
export const SHORT_LETTER_MAX_ADDED_WORDS = 60;
export const CONTAINMENT_THRESHOLD = 0.8;

/**
 * Candidates for the containment check: a short text's band keys find a longer one with Jaccard 0.3
 * only 23% of the time. Texts of at most SHORT_LETTER_WORDS + SHORT_LETTER_MAX_ADDED_WORDS words are
 * also indexed and looked up by "opening keys": the hash of the OPENING_WORDS words from the start of
 * each of their first MAX_OPENINGS sentences. A personal sentence put before, after or between a short
 * letter's sentences leaves the letter's sentence openings as they were.
 */
export const OPENING_WORDS = 5;
export const MAX_OPENINGS = 12;

/** Added runs of up to 3 words are personalisation (a name, a town, a pronoun); the full text stays on record. */
export const MIN_ADDED_RUN_WORDS = 4;

// The estimate's standard deviation near the threshold is √(0.65·0.35/128) ≈ 0.042: skipping candidates
// estimated 0.15 (3.5σ) below it loses a true match about twice in 10,000.
const ESTIMATE_MARGIN = 0.15;

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018-\u201B]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * The text comments are compared on. Removed, and only this: compatibility differences (NFKC: full-width
 * letters, ligatures, non-breaking spaces, "…" → "..."); soft hyphens and zero-width characters; quote
 * style (‘ ’ ‚ ‛ → ', “ ” „ ‟ « » → ") and dash style (‐ ‑ ‒ – — ― − → -); upper case; the amount and kind
 * of whitespace, paragraph breaks included. Words, digits, accents and punctuation stay. Idempotent.
 */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing for NFKC or the quote, dash and zero-width rules to change.
  const unified = PLAIN_ASCII.test(text)
    ? text
    : text
        .normalize("NFKC")
        .replace(ZERO_WIDTH, "")
        .replace(SINGLE_QUOTES, "'")
        .replace(DOUBLE_QUOTES, '"')
        .replace(DASHES, "-");
  return unified.toLowerCase().replace(/\s+/g, " ").trim();
}

/** SHA-256 (hex) of the normalised text: comments with the same key are identical copies. */
export function exactKey(text: string): string {
  return createHash("sha256").update(normalizeText(text), "utf8").digest("hex");
}

// A word: letters, digits and marks, joined by inner ' - or . ("don't", "u.s", "3.5"). Punctuation
// around words is ignored, so "mine." and "mine" make the same shingles.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['.-][\p{L}\p{N}\p{M}]+)*/gu;

function words(normalized: string): { hashes: Uint32Array; starts: number[] } {
  const matches = [...normalized.matchAll(WORD)];
  const hashes = new Uint32Array(matches.length);
  matches.forEach((match, i) => (hashes[i] = fnv1a32(match[0])));
  return { hashes, starts: matches.map((match) => match.index) };
}

// FNV-1a, 32 bits, over UTF-16 code units.
function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// MurmurHash3 x86_32 of `count` 32-bit values (as little-endian bytes) from `start`.
function murmur3(values: ArrayLike<number>, start: number, count: number, seed: number): number {
  let hash = seed | 0;
  for (let i = start; i < start + count; i++) {
    const block = Math.imul(values[i], 0xcc9e2d51);
    hash ^= Math.imul((block << 15) | (block >>> 17), 0x1b873593);
    hash = (Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64) | 0;
  }
  hash ^= count * 4;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// Windows of k consecutive words; a text shorter than k words is one window.
function windowCount(wordCount: number, k: number): number {
  return wordCount === 0 ? 0 : Math.max(1, wordCount - k + 1);
}

/** Distinct word k-shingles of a normalised text as 32-bit hashes, sorted (as exactJaccard expects). */
export function shingles(normalized: string, k: number = SHINGLE_WORDS): Uint32Array {
  const { hashes } = words(normalized);
  const width = Math.min(k, hashes.length);
  const all = new Uint32Array(windowCount(hashes.length, k));
  for (let i = 0; i < all.length; i++) all[i] = murmur3(hashes, i, width, 0);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i];
  return all.slice(0, distinct);
}

/**
 * h_i(x) = (a_i·x + b_i) mod p, p = 2^31 − 1, x the shingle hash mod p (hashes p apart collide: odds
 * ~2^-31). No BigInt: with x = xh·2^16 + xl, a·x ≡ (a·2^16 mod p)·xh + a·xl, both products under 2^47,
 * the sum under 2^48 (exact in a double), folded below p as 2^31 ≡ 1. a_i, b_i come from MINHASH_SEED
 * via splitmix32: the same in every process and release; changing either changes every signature.
 */
export const MINHASH_SEED = 0x4c4f4445; // "LODE"
export const MAX_HASHES = 256;
const P = 2_147_483_647;
const TWO_31 = 2_147_483_648;
const INV_TWO_31 = 1 / TWO_31; // a power of two: multiplying by it is exact
const EMPTY_SLOT = 0xffffffff; // above every h_i: the signature of an empty set

const [COEF_A, COEF_A16, COEF_B] = (() => {
  let state = MINHASH_SEED;
  const next = () => {
    state = (state + 0x9e3779b9) | 0;
    const z = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
    const y = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (y ^ (y >>> 16)) >>> 0;
  };
  const [a, a16, b] = [0, 0, 0].map(() => new Float64Array(MAX_HASHES));
  for (let i = 0; i < MAX_HASHES; i++) {
    a[i] = 1 + (next() % (P - 1));
    a16[i] = (a[i] * 65_536) % P; // exact: under 2^53
    b[i] = next() % P;
  }
  return [a, a16, b];
})();

/** For each of `numHashes` functions, the smallest h_i over the shingles. */
export function minhashSignature(shingleHashes: ArrayLike<number>, numHashes: number = NUM_HASHES): Uint32Array {
  if (!Number.isInteger(numHashes) || numHashes < 1 || numHashes > MAX_HASHES) {
    throw new RangeError(`numHashes must be an integer from 1 to ${MAX_HASHES}`);
  }
  const count = shingleHashes.length;
  const xHigh = new Float64Array(count);
  const xLow = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const x = (shingleHashes[s] >>> 0) % P;
    xHigh[s] = x >>> 16;
    xLow[s] = x & 0xffff;
  }
  const signature = new Uint32Array(numHashes);
  // Function by function, so the coefficients and the running minimum stay in registers.
  for (let i = 0; i < numHashes; i++) {
    const [a16, a, b] = [COEF_A16[i], COEF_A[i], COEF_B[i]];
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
 * One 32-bit key per band: MurmurHash3 of its `rows` values, seeded with the band number. Keys compare
 * only within a band, so store and look up (band, key) pairs in an index.
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

/** |A ∩ B| / |A ∪ B| of sorted, distinct hash arrays (as `shingles` returns); 1 when both are empty. */
export function exactJaccard(setA: Uint32Array, setB: Uint32Array): number {
  let [i, j, shared] = [0, 0, 0];
  while (i < setA.length && j < setB.length) {
    if (setA[i] === setB[j]) [i, j, shared] = [i + 1, j + 1, shared + 1];
    else if (setA[i] < setB[j]) i++;
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
  /** "o:<hash>" keys (openingKeys); empty for texts too long to take part in the containment check. */
  openingKeys: string[];
};

/** Everything stored about a comment's text for grouping, with this module's parameters. */
export function fingerprint(text: string): CommentFingerprint {
  const normalized = normalizeText(text);
  const hashes = shingles(normalized);
  const signature = minhashSignature(hashes, NUM_HASHES);
  return {
    normalized,
    exactKey: exactKey(normalized),
    shingles: hashes,
    signature,
    bandKeys: lshBandKeys(signature),
    openingKeys: openingKeys(normalized),
  };
}

/** Words of a normalised text (as shingles counts them). */
export function wordCount(normalized: string): number {
  return normalized.match(WORD)?.length ?? 0;
}

// A sentence ends at . ! ? ; or : followed by a space (normalised text has single spaces).
const SENTENCE_END = /[.!?;:]["')\]]* /g;

/**
 * Opening keys of a text short enough for the containment check (see OPENING_WORDS), as strings that
 * cannot collide with band keys ("<band>:<key>"): "o:<hash of the OPENING_WORDS words>".
 */
export function openingKeys(normalized: string): string[] {
  const { hashes, starts } = words(normalized);
  if (hashes.length > SHORT_LETTER_WORDS + SHORT_LETTER_MAX_ADDED_WORDS || hashes.length < OPENING_WORDS) return [];
  const sentenceStarts = [0, ...[...normalized.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length)];
  const keys = new Set<string>();
  let word = 0;
  for (const start of sentenceStarts) {
    while (word < starts.length && starts[word] < start) word++;
    if (word + OPENING_WORDS > hashes.length) break;
    keys.add(`o:${murmur3(hashes, word, OPENING_WORDS, 0x6f70)}`);
    if (keys.size >= MAX_OPENINGS) break;
  }
  return [...keys];
}

/** Share of the sorted, distinct hashes of `part` that occur in `whole`. */
export function containment(part: Uint32Array, whole: Uint32Array): number {
  if (part.length === 0) return 0;
  let found = 0;
  for (const value of part) if (contains(whole, value)) found++;
  return found / part.length;
}

/**
 * The rule for short letters (SHORT_LETTER_WORDS), beside Jaccard. Two texts are copies of one short
 * letter when either
 *  - the shorter is a short letter whose shingles the longer holds (CONTAINMENT_THRESHOLD), and the
 *    longer adds at most SHORT_LETTER_MAX_ADDED_WORDS words (a plain copy and one with added text); or
 *  - they share a short letter's worth of shingles (MIN_SHINGLES_FOR_NEAR to SHORT_LETTER_WORDS) that
 *    is at least half of each (two copies, each with its own personal sentence, no longer than the
 *    letter). Chance does not make two letters share half their word 3-shingles.
 * Word counts follow from shingle counts only approximately (repeated windows count once), so the
 * first rule counts words. The text alone cannot tell a short letter from a few sentences two writers
 * took from a common pool: classify applies this only to a known letter (KNOWN_LETTER_COPIES).
 */
export function shortLetterMatch(
  a: { normalized: string; shingles: Uint32Array },
  b: { normalized: string; shingles: Uint32Array },
): boolean {
  const [shorter, longer] = a.shingles.length <= b.shingles.length ? [a, b] : [b, a];
  if (shorter.shingles.length < MIN_SHINGLES_FOR_NEAR) return false;
  const shortWords = wordCount(shorter.normalized);
  if (shortWords > SHORT_LETTER_WORDS + SHORT_LETTER_MAX_ADDED_WORDS) return false;
  const shared = Math.round(containment(shorter.shingles, longer.shingles) * shorter.shingles.length);
  if (
    shortWords <= SHORT_LETTER_WORDS &&
    wordCount(longer.normalized) - shortWords <= SHORT_LETTER_MAX_ADDED_WORDS &&
    shared >= CONTAINMENT_THRESHOLD * shorter.shingles.length
  ) {
    return true;
  }
  return shared >= MIN_SHINGLES_FOR_NEAR && shared <= SHORT_LETTER_WORDS && 2 * shared >= longer.shingles.length;
}

const SIGN_OFF = /^(?:sincerely|respectfully|regards|(?:best|kind|warm) regards|best|thanks|thank you|cordially)\b/;

/**
 * What a commenter added to a form letter: runs of the comment's own words in order, quoted from the
 * normalised comment with punctuation, joined by "\n" (normalised text has none). A word is the letter's
 * when a k-word window holding it occurs in the representative, so a changed word leaves only itself
 * and a moved paragraph adds nothing (linear, unlike an LCS diff). Under k + 2 letter words next to an
 * added run of MIN_ADDED_RUN_WORDS+ are a stock phrase met by chance and join it; shorter runs are
 * dropped, and so is a closing run of ≤ 8 words opening with a sign-off ("sincerely, ana lee, reno").
 */
export function addedText(representativeNormalized: string, commentNormalized: string): string {
  return addedTextFrom(shingles(representativeNormalized), commentNormalized);
}

/** addedText against a set of letter shingles (sorted, distinct) instead of a text. */
export function addedTextAgainst(letterShingles: Uint32Array, commentNormalized: string): string {
  return addedTextFrom(letterShingles, commentNormalized);
}

function addedTextFrom(representative: Uint32Array, comment: string): string {
  const { hashes, starts } = words(comment);
  const count = hashes.length;
  const width = Math.min(SHINGLE_WORDS, count);
  const inLetter = new Uint8Array(count);
  for (let i = 0; i < windowCount(count, SHINGLE_WORDS); i++) {
    if (contains(representative, murmur3(hashes, i, width, 0))) inLetter.fill(1, i, i + width);
  }
  const addedRun = (from: number, step: number) => {
    let i = from;
    while (i >= 0 && i < count && inLetter[i] === 0) i += step;
    return Math.abs(i - from);
  };
  for (let absorbed = true; absorbed;) {
    absorbed = false;
    forEachRun(inLetter, 1, (start, end) => {
      if (end - start >= SHINGLE_WORDS + 2 || end - start === count) return;
      if (Math.max(addedRun(start - 1, -1), addedRun(end, 1)) < MIN_ADDED_RUN_WORDS) return;
      inLetter.fill(0, start, end);
      absorbed = true;
    });
  }
  const runs: string[] = [];
  forEachRun(inLetter, 0, (start, end) => {
    const text = comment.slice(starts[start], end < count ? starts[end] : comment.length).trim();
    const signature = end === count && end - start <= 8 && SIGN_OFF.test(text);
    if (end - start >= MIN_ADDED_RUN_WORDS && !signature) runs.push(text);
  });
  return runs.join("\n");
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

// Calls `visit(start, end)` for each maximal run of `value` (end exclusive).
function forEachRun(flags: Uint8Array, value: number, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < flags.length;) {
    let end = start + 1;
    while (end < flags.length && flags[end] === flags[start]) end++;
    if (flags[start] === value) visit(start, end);
    start = end;
  }
}

export type MatchKind = "identical" | "near" | "unique";

/**
 * A text as classify needs it; `shingles` saves re-reading the text when already known. `unread`: only
 * the signature is known (the caller did not read the text, see comment-grouping.server.ts): classify
 * compares it by signature and never looks at its text.
 */
export type ComparableText = { normalized: string; signature: Uint32Array; shingles?: Uint32Array; unread?: boolean };

export type Classification = {
  kind: MatchKind;
  /** Index into the candidates of the campaign joined; absent for "unique". */
  campaignIndex?: number;
  /** Exact shingle Jaccard with the best candidate: 1 for identical, 0 when none was close. */
  similarity: number;
  addedText: string;
};

/**
 * What the period already says about a candidate: `knownLetter(i)` is true when candidate i's
 * representative text has been sent at least KNOWN_LETTER_COPIES times. Only then does the short-letter
 * containment rule apply to it (see shortLetterMatch).
 */
export type ClassifyEvidence = { knownLetter?: (candidateIndex: number) => boolean };

/**
 * A short text is a campaign letter, for the containment rule, once this many comments sent it word
 * for word. By their text alone, "a short letter with a personal sentence added" and "two people who
 * picked the same three sentences from a shared pool, one of them a fourth" (a campaign site's pick-
 * your-points list, a seeded demo, a community meeting's talking points) are the same thing; a letter
 * sent identically by two people is what sets a form letter apart. Jaccard needs no such evidence:
 * at 0.65 two texts are near copies whatever they are.
 */
export const KNOWN_LETTER_COPIES = 2;

/**
 * Compare a new comment with the representatives of the candidate campaigns from the LSH lookup.
 * Identical text wins; otherwise the highest exact Jaccard at or above the threshold (the earliest on a
 * tie), after a signature pre-check. Always against a representative, never another copy, so a
 * campaign cannot drift through a chain of small edits.
 */
export function classify(
  comment: ComparableText,
  candidates: readonly ComparableText[],
  { knownLetter = () => false }: ClassifyEvidence = {},
): Classification {
  const identical = candidates.findIndex((candidate) => candidate.normalized === comment.normalized);
  if (identical >= 0) return { kind: "identical", campaignIndex: identical, similarity: 1, addedText: "" };
  const own = comment.shingles ?? shingles(comment.normalized);
  let best = { index: -1, similarity: 0, shingles: own };
  candidates.forEach((candidate, index) => {
    if (own.length < MIN_SHINGLES_FOR_NEAR) return;
    if (estimateJaccard(comment.signature, candidate.signature) < NEAR_DUPLICATE_THRESHOLD - ESTIMATE_MARGIN) return;
    const theirs = candidate.shingles ?? shingles(candidate.normalized);
    const similarity = theirs.length < MIN_SHINGLES_FOR_NEAR ? 0 : exactJaccard(own, theirs);
    if (similarity > best.similarity) best = { index, similarity, shingles: theirs };
  });
  if (best.similarity < NEAR_DUPLICATE_THRESHOLD) {
    // Short letters: containment beside Jaccard (SHORT_LETTER_WORDS), the earliest candidate that
    // passes and is a known letter (KNOWN_LETTER_COPIES).
    if (wordCount(comment.normalized) <= SHORT_LETTER_WORDS + SHORT_LETTER_MAX_ADDED_WORDS) {
      const index = candidates.findIndex((candidate, i) => {
        if (candidate.unread || !knownLetter(i)) return false;
        const theirs = candidate.shingles ?? shingles(candidate.normalized);
        return shortLetterMatch(
          { normalized: comment.normalized, shingles: own },
          { normalized: candidate.normalized, shingles: theirs },
        );
      });
      if (index >= 0) {
        const theirs = candidates[index].shingles ?? shingles(candidates[index].normalized);
        return {
          kind: "near",
          campaignIndex: index,
          similarity: exactJaccard(own, theirs),
          addedText: addedTextFrom(theirs, comment.normalized),
        };
      }
    }
    return { kind: "unique", similarity: best.similarity, addedText: "" };
  }
  const added = addedTextFrom(best.shingles, comment.normalized);
  return { kind: "near", campaignIndex: best.index, similarity: best.similarity, addedText: added };
}

/**
 * A campaign's representative (matched against and shown) starts as its first comment; another of its
 * texts replaces it once sent twice as often. Keeping the first fails when its sender added a paragraph:
 * plain copies read as edited and copies with their own paragraph drop out (the bench measures it).
 * Doubling allows log2(n) changes for n comments; each re-classifies the campaign's distinct texts.
 */
export function shouldReplaceRepresentative(representativeCopies: number, textCopies: number): boolean {
  return textCopies >= 2 * representativeCopies;
}

/** A comment after grouping: its group (a "unique" comment starts one) and how it matched the representative. */
export type GroupedComment = { groupId: string | number; kind: MatchKind; addedText: string };

const NO_FIGURES = { comments: 0, identicalCopies: 0, formLettersWithAddedText: 0, editedCopies: 0 };
type Figure = keyof typeof NO_FIGURES;
export type CampaignTally = { groupId: string | number } & Record<Figure, number>;

/**
 * A campaign is a group of at least two comments. The figures add up exactly:
 *   totalComments     = uniqueComments + copiesInCampaigns
 *   copiesInCampaigns = identicalCopies + formLettersWithAddedText + editedCopies
 * uniqueComments: comments in no campaign. identicalCopies: comments whose normalised text is their
 * campaign's representative text, the representative included (BLM's "identical copy letters").
 * formLettersWithAddedText: near-copies with addedText. editedCopies: near-copies that only
 * personalise or cut (a name, a changed word, a dropped sentence). Text cannot tell two senders from
 * one person sending twice: a letter sent twice is a campaign of two.
 */
export type CampaignCounts = {
  totalComments: number;
  uniqueComments: number;
  campaigns: number;
  copiesInCampaigns: number;
  formLettersWithAddedText: number;
  identicalCopies: number;
  editedCopies: number;
  /** "Copies in each": one row per campaign, largest first. */
  byCampaign: CampaignTally[];
};

export function summarizeCounts(comments: Iterable<GroupedComment>): CampaignCounts {
  const groups = new Map<string | number, CampaignTally>();
  let totalComments = 0;
  for (const { groupId, kind, addedText: added } of comments) {
    totalComments++;
    const tally = groups.get(groupId) ?? { groupId, ...NO_FIGURES };
    groups.set(groupId, tally);
    tally.comments++;
    tally[kind !== "near" ? "identicalCopies" : added ? "formLettersWithAddedText" : "editedCopies"]++;
  }
  const byCampaign = [...groups.values()].filter((tally) => tally.comments >= 2);
  byCampaign.sort((a, b) => b.comments - a.comments);
  const sum = (figure: Figure) => byCampaign.reduce((total, tally) => total + tally[figure], 0);
  return {
    totalComments,
    uniqueComments: totalComments - sum("comments"),
    campaigns: byCampaign.length,
    copiesInCampaigns: sum("comments"),
    formLettersWithAddedText: sum("formLettersWithAddedText"),
    identicalCopies: sum("identicalCopies"),
    editedCopies: sum("editedCopies"),
    byCampaign,
  };
}
