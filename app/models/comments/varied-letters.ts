// Campaigns that vary their wording ("mad-lib" letters): one template whose phrases each take one of
// a few synonyms, sentences reordered, personal lines inserted. No two such letters are near copies
// (word 3-shingle Jaccard 0.05-0.35 where form-letters.ts asks 0.65), but every phrase a letter uses
// recurs in other letters of its campaign, in the same words: the template's fixed spans in all of
// them, each synonym in about a quarter. A letter written independently on the same subject shares
// stock phrases with them ("the bureau of land management", "the smith river") and little else.
//
// The method, explainable letter by letter ("82% of this letter's three-word sequences occur in at
// least two other letters of the campaign"):
//  1. Candidates: pairs of letters sharing at least VARIANT_MIN_SHARED word 3-shingles with Jaccard at
//     least VARIANT_EDGE_JACCARD (an inverted index over shingles; stock phrases shared by more than
//     VARIANT_MAX_POSTINGS letters are not used to find pairs).
//  2. Campaigns, grown from seeds (the letter with the most candidates first): the seed and its
//     candidates, widened by one more step of candidates, keep the letters whose shingles occur at
//     VARIANT_COVERAGE or more in at least two OTHER letters of the seed's neighbourhood (the
//     "recurring" shingles). Repeated against the members kept, until they no longer change. A campaign
//     needs VARIANT_MIN_LETTERS letters: below that, recurrence says too little.
//  3. What a letter adds (personal lines) is what form-letters.ts addedText returns against the
//     campaign's recurring shingles.
// Pure: no database or clock. Word 3-shingles as form-letters.ts computes them, sorted and distinct.
import { containment, SHINGLE_WORDS } from "./form-letters";

/** Letters, not notes: shorter texts are left to the copy rules of form-letters.ts. */
export const VARIANT_MIN_WORDS = 40;
/** A candidate pair shares at least this many 3-shingles... */
export const VARIANT_MIN_SHARED = 6;
/** ...and this Jaccard: mad-lib pairs score 0.05-0.35 (bench/varied-letters.bench.ts), independent letters under 0.05. */
export const VARIANT_EDGE_JACCARD = 0.05;
/**
 * A member's share of 3-shingles that occur in at least VARIANT_RECUR_IN other letters of the campaign.
 * Recurrence in one other letter: with a quarter chance per synonym, a phrase of a 6-letter campaign
 * recurs in one of the other 5 letters 76% of the time (in two, 37%); an independent letter's own
 * words recur nowhere.
 */
export const VARIANT_COVERAGE = 0.45;
export const VARIANT_RECUR_IN = 1;
export const VARIANT_MIN_LETTERS = 5;
/** A synonym is used by about a quarter of the letters; a phrase in fewer than a tenth is not the template's. */
export const VARIANT_PHRASE_SHARE = 0.1;
/** The seed and its closest candidates, against which the campaign's other letters are measured first. */
export const VARIANT_CORE_LETTERS = 12;
/** Shingles in more letters than this are stock phrases: not used to find candidate pairs (bounds the cost). */
export const VARIANT_MAX_POSTINGS = 2000;
/** The template's fixed spans: a campaign has VARIANT_MIN_SKELETON shingles in this share of its letters. */
export const VARIANT_SKELETON_SHARE = 0.7;
export const VARIANT_MIN_SKELETON = 3;
/** Grow-and-check rounds per campaign (they converge in two or three). */
const MAX_ROUNDS = 6;

export type VariantLetter = { shingles: Uint32Array };

export type VariedCampaign = {
  /** Indices into the letters given, ascending. */
  members: number[];
  /**
   * The campaign's phrases: shingles in at least two members and VARIANT_PHRASE_SHARE of them, sorted.
   * What a member says outside them is its added text (a personal line a few senders share is not a
   * phrase of the template).
   */
  recurring: Uint32Array;
  /** Per member (same order): its share of shingles occurring in another member (VARIANT_RECUR_IN). */
  coverage: number[];
};

/** Finds the campaigns among `letters` (typically one per form-letter group: its representative). */
export function findVariedCampaigns(letters: readonly VariantLetter[]): VariedCampaign[] {
  const minShingles = VARIANT_MIN_WORDS - SHINGLE_WORDS + 1;
  const eligible = letters.map((letter) => letter.shingles.length >= minShingles);
  const postings = new Map<number, number[]>();
  letters.forEach((letter, index) => {
    if (!eligible[index]) return;
    for (const shingle of letter.shingles) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });

  // 1. Candidate pairs, both ways.
  const neighbours: { other: number; jaccard: number }[][] = letters.map(() => []);
  letters.forEach((letter, index) => {
    if (!eligible[index]) return;
    const shared = new Map<number, number>();
    for (const shingle of letter.shingles) {
      const list = postings.get(shingle)!;
      if (list.length > VARIANT_MAX_POSTINGS) continue;
      for (const other of list) if (other > index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      const jaccard = count / (letter.shingles.length + letters[other].shingles.length - count);
      if (count >= VARIANT_MIN_SHARED && jaccard >= VARIANT_EDGE_JACCARD) {
        neighbours[index].push({ other, jaccard });
        neighbours[other].push({ other: index, jaccard });
      }
    }
  });

  // 2. Campaigns grown from seeds, the letter with the most candidates first (ties: the earlier).
  const assigned = new Uint8Array(letters.length);
  const open = (index: number) => assigned[index] === 0;
  const seeds = letters.map((_, index) => index).filter((index) => neighbours[index].length >= VARIANT_MIN_LETTERS - 1);
  seeds.sort((a, b) => neighbours[b].length - neighbours[a].length || a - b);
  const campaigns: VariedCampaign[] = [];
  const tried = new Uint8Array(letters.length);
  for (const seed of seeds) {
    if (!open(seed) || tried[seed]) continue;
    // The core: the seed and the open letters closest to it. A phrase of the template recurs in it.
    const closest = neighbours[seed].filter(({ other }) => open(other));
    closest.sort((a, b) => b.jaccard - a.jaccard || a.other - b.other);
    const core = [seed, ...closest.slice(0, VARIANT_CORE_LETTERS - 1).map(({ other }) => other)];
    if (core.length < VARIANT_MIN_LETTERS) continue;
    // Candidates: open letters within two steps of the seed, kept when covered by the core.
    const reach = new Set([seed]);
    for (const { other } of neighbours[seed]) {
      if (!open(other)) continue;
      reach.add(other);
      for (const next of neighbours[other]) if (open(next.other)) reach.add(next.other);
    }
    const coreCounts = shingleCounts(letters, core);
    const inCore = new Set(core);
    let members = [...reach]
      .sort((a, b) => a - b)
      .filter(
        (candidate) => coveredBy(letters[candidate].shingles, coreCounts, inCore.has(candidate)) >= VARIANT_COVERAGE,
      );
    // Then each member must be covered by the other members, until that no longer changes.
    let coverage: number[] = [];
    for (let round = 0; round < MAX_ROUNDS && members.length >= VARIANT_MIN_LETTERS; round++) {
      const counts = shingleCounts(letters, members);
      coverage = members.map((member) => coveredBy(letters[member].shingles, counts, true));
      const kept = members.filter((_, i) => coverage[i] >= VARIANT_COVERAGE);
      if (kept.length === members.length) break;
      members = kept;
    }
    if (members.length < VARIANT_MIN_LETTERS || coverage.length !== members.length) continue;
    if (!hasTemplateSkeleton(letters, members)) {
      // Letters of one sentence pool: grown from any of them, the same set comes back. Not seeds again.
      for (const member of members) tried[member] = 1;
      continue;
    }
    for (const member of members) assigned[member] = 1;
    campaigns.push({ members, recurring: recurringShingles(letters, members), coverage });
  }
  campaigns.sort((a, b) => a.members[0] - b.members[0]);
  return campaigns;
}

/**
 * A template's fixed spans are in every letter made from it; a pool of whole sentences that writers
 * pick from (talking points, a seeded demo) has no span in most letters: each sentence is in the few
 * that picked it. Both make letters whose phrases all recur in others, so recurrence alone would
 * group independent comments assembled from one pool. A campaign needs at least VARIANT_MIN_SKELETON
 * 3-shingles in VARIANT_SKELETON_SHARE of its letters (mad-lib templates of the bench: 5-9 at 0.7; the
 * training seed's individual comments: none above 0.31).
 */
function hasTemplateSkeleton(letters: readonly VariantLetter[], members: readonly number[]): boolean {
  const least = Math.ceil(VARIANT_SKELETON_SHARE * members.length);
  let skeleton = 0;
  for (const count of shingleCounts(letters, members).values()) if (count >= least) skeleton++;
  return skeleton >= VARIANT_MIN_SKELETON;
}

/** Share of `own` shingles that occur in at least VARIANT_RECUR_IN of the counted letters (less itself). */
function coveredBy(own: Uint32Array, counts: Map<number, number>, counted: boolean): number {
  const self = counted ? 1 : 0;
  let recurring = 0;
  for (const shingle of own) if ((counts.get(shingle) ?? 0) - self >= VARIANT_RECUR_IN) recurring++;
  return own.length === 0 ? 0 : recurring / own.length;
}

function shingleCounts(letters: readonly VariantLetter[], members: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const member of members)
    for (const shingle of letters[member].shingles) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  return counts;
}

function recurringShingles(letters: readonly VariantLetter[], members: readonly number[]): Uint32Array {
  const counts = shingleCounts(letters, members);
  const least = Math.max(2, Math.ceil(VARIANT_PHRASE_SHARE * members.length));
  const recurring = [...counts].filter(([, count]) => count >= least).map(([shingle]) => shingle);
  return Uint32Array.from(recurring).sort();
}

/** A letter's share of 3-shingles among a campaign's recurring ones (1 for its own members, roughly). */
export function variantCoverage(shingles: Uint32Array, recurring: Uint32Array): number {
  return containment(shingles, recurring);
}
