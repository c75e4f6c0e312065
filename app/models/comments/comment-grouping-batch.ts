// Places a batch of pending comments in memory, in arrival order, exactly as placing them one at a time
// would, from what set-based reads found in the database: the placed copies of the batch's texts, the
// campaigns sharing a band key with them, and how many copies of each text the period holds. Campaigns
// the batch starts, and representatives it replaces, are indexed here as it goes, so a letter's second
// copy in the same batch finds its first. Pure: the caller reads and writes.
import { randomUUID } from "node:crypto";
import {
  classify,
  KNOWN_LETTER_COPIES,
  SHORT_LETTER_MAX_ADDED_WORDS,
  SHORT_LETTER_WORDS,
  shouldReplaceRepresentative,
  wordCount,
  type CommentFingerprint,
  type ComparableText,
} from "./form-letters";

/**
 * The representative can only change while its challenger has at most this many copies. Counting
 * copies is an index scan, so an unbounded count would cost O(copies); 64 is far past the point where
 * the question matters (a first sender's added paragraph is outvoted by the second and third plain
 * copies), and keeps each count at a few dozen index entries.
 */
export const REPLACEMENT_CHECK_LIMIT = 64;

export type PendingComment = { id: string; fingerprint: CommentFingerprint };

/** A comment already in a campaign with a given text: every copy of a text shares its placement. */
export type PlacedCopy = {
  campaignId: string;
  isRepresentativeText: boolean;
  similarity: number;
  addedText: string | null;
};

/**
 * A campaign sharing a band key with the batch, or holding one of its texts, in the order classify
 * breaks ties by. `bandKeys`: the batch's band keys it is indexed under.
 */
export type CandidateCampaign = {
  id: string;
  bandKeys: readonly string[];
  representative: ComparableText;
  representativeKey: string;
};

export type Placement = { commentId: string; campaignId: string; similarity: number; addedText: string | null };
export type NewCampaign = { id: string; representativeId: string; signature: Uint32Array; bandKeys: string[] };
/** A campaign whose representative changed: its texts are to be re-read against the new one. */
export type Replacement = {
  campaignId: string;
  representativeId: string;
  representative: CommentFingerprint;
  bandKeys: string[];
};

/** A short campaign letter sent at least KNOWN_LETTER_COPIES times: unique comments holding it join it. */
export type KnownShortLetter = { campaignId: string; normalized: string; shingles: Uint32Array | undefined };

export type BatchPlan = {
  placements: Placement[];
  newCampaigns: NewCampaign[];
  replacements: Replacement[];
  knownShortLetters: KnownShortLetter[];
};

// Keys only compare within their band, and the (campaignId, bandKey) key must not repeat.
export const bandKeyStrings = (keys: Uint32Array) => Array.from(keys, (key, band) => `${band}:${key}`);

/** Every key a text is indexed and looked up under: its band keys and its opening keys (short texts). */
export const indexKeys = (text: CommentFingerprint) => [...bandKeyStrings(text.bandKeys), ...text.openingKeys];

/**
 * Campaign ids that sort in the order they are handed out (hex, so any collation agrees): campaigns
 * started in one transaction share createdAt, and candidates are ordered by (createdAt, id).
 */
function ascendingIds(count: number): () => string {
  const ids = Array.from({ length: count }, () => randomUUID().replaceAll("-", "")).sort();
  let next = 0;
  return () => ids[next++];
}

type Campaign = {
  id: string;
  representative: ComparableText;
  representativeKey: string;
  started?: NewCampaign;
  replaced?: Replacement;
};

/**
 * `copyCounts`: placed comments in the period per exact key (counted up to REPLACEMENT_CHECK_LIMIT + 1),
 * for the batch's texts and the candidates' representatives. Pending comments are not counted: they
 * count as the batch places them, in arrival order, so a backlog decides as one-at-a-time placing
 * would. (Counting a backlog's pending copies made a letter with more than REPLACEMENT_CHECK_LIMIT
 * copies waiting look past the limit at its second copy, so a campaign started by a variant kept it as
 * representative and its plain copies counted as edited.)
 */
export function planBatch(
  pending: readonly PendingComment[],
  placedCopies: ReadonlyMap<string, PlacedCopy>,
  candidates: readonly CandidateCampaign[],
  copyCounts: ReadonlyMap<string, number>,
): BatchPlan {
  const copies = new Map(placedCopies);
  const counts = new Map(copyCounts);
  const campaigns: Campaign[] = candidates.map(({ id, representative, representativeKey }) => ({
    id,
    representative,
    representativeKey,
  }));
  const positionOf = new Map(campaigns.map((campaign, position) => [campaign.id, position]));
  // Band key → candidate positions (a campaign started here gets the next one); lookups dedupe them.
  const bands = new Map<string, number[]>();
  const index = (position: number, keys: readonly string[]) => {
    for (const key of keys) {
      const list = bands.get(key);
      if (!list) bands.set(key, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  };
  candidates.forEach((candidate, position) => index(position, candidate.bandKeys));
  const nextId = ascendingIds(pending.length);
  const plan: BatchPlan = { placements: [], newCampaigns: [], replacements: [], knownShortLetters: [] };
  const place = (commentId: string, exactKey: string, copy: PlacedCopy) => {
    copies.set(exactKey, copy);
    counts.set(exactKey, (counts.get(exactKey) ?? 0) + 1);
    plan.placements.push({
      commentId,
      campaignId: copy.campaignId,
      similarity: copy.similarity,
      addedText: copy.addedText,
    });
  };

  // shouldReplaceRepresentative: a text sent at least twice as often as the representative's takes
  // over; the comments after it are compared with it, and the writer re-reads the campaign's texts.
  const maybeReplace = (position: number, commentId: string, text: CommentFingerprint) => {
    const campaign = campaigns[position];
    const textCopies = counts.get(text.exactKey) ?? 0;
    const representativeCopies = counts.get(campaign.representativeKey) ?? 0;
    if (textCopies > REPLACEMENT_CHECK_LIMIT) return;
    if (!shouldReplaceRepresentative(representativeCopies, textCopies)) return;
    const keys = indexKeys(text);
    // The old keys stay: comments close to the old text still find the campaign.
    index(position, keys);
    for (const [key, copy] of copies) {
      if (copy.campaignId === campaign.id && copy.isRepresentativeText) {
        copies.set(key, { ...copy, isRepresentativeText: false });
      }
    }
    copies.set(text.exactKey, { campaignId: campaign.id, isRepresentativeText: true, similarity: 1, addedText: null });
    campaign.representative = text;
    campaign.representativeKey = text.exactKey;
    if (campaign.started) {
      campaign.started.representativeId = commentId;
      campaign.started.signature = text.signature;
      campaign.started.bandKeys.push(...keys);
    }
    if (!campaign.replaced) {
      campaign.replaced = { campaignId: campaign.id, representativeId: commentId, representative: text, bandKeys: [] };
      plan.replacements.push(campaign.replaced);
    }
    campaign.replaced.representativeId = commentId;
    campaign.replaced.representative = text;
    campaign.replaced.bandKeys.push(...keys);
  };

  const isKnownLetter = (campaign: Campaign) => (counts.get(campaign.representativeKey) ?? 0) >= KNOWN_LETTER_COPIES;
  // Short campaign letters known by the end of the batch that received a comment in it: the writer
  // looks for earlier unique comments that hold them (absorbSingletons in comment-grouping.server.ts).
  const touched = new Set<number>();

  for (const { id, fingerprint } of pending) {
    const copy = copies.get(fingerprint.exactKey);
    if (copy) {
      place(id, fingerprint.exactKey, copy);
      const placedIn = positionOf.get(copy.campaignId);
      if (placedIn !== undefined) touched.add(placedIn);
      if (!copy.isRepresentativeText) {
        const position = positionOf.get(copy.campaignId);
        if (position === undefined) throw new Error(`campaign ${copy.campaignId} was not read with the batch`);
        maybeReplace(position, id, fingerprint);
      }
      continue;
    }

    const keys = indexKeys(fingerprint);
    const positions = [...new Set(keys.flatMap((key) => bands.get(key) ?? []))].sort((a, b) => a - b);
    const result = classify(
      fingerprint,
      positions.map((position) => campaigns[position].representative),
      { knownLetter: (i) => isKnownLetter(campaigns[positions[i]]) },
    );
    if (result.campaignIndex !== undefined) {
      touched.add(positions[result.campaignIndex]);
      place(id, fingerprint.exactKey, {
        campaignId: campaigns[positions[result.campaignIndex]].id,
        isRepresentativeText: result.kind === "identical",
        similarity: result.similarity,
        addedText: result.addedText || null,
      });
      continue;
    }

    const started = { id: nextId(), representativeId: id, signature: fingerprint.signature, bandKeys: keys };
    plan.newCampaigns.push(started);
    const position =
      campaigns.push({
        id: started.id,
        representative: fingerprint,
        representativeKey: fingerprint.exactKey,
        started,
      }) - 1;
    positionOf.set(started.id, position);
    index(position, keys);
    place(id, fingerprint.exactKey, {
      campaignId: started.id,
      isRepresentativeText: true,
      similarity: 1,
      addedText: null,
    });
  }
  for (const position of [...touched].sort((a, b) => a - b)) {
    const campaign = campaigns[position];
    if (campaign.representative.unread || !isKnownLetter(campaign)) continue;
    const normalized = campaign.representative.normalized;
    if (wordCount(normalized) > SHORT_LETTER_WORDS + SHORT_LETTER_MAX_ADDED_WORDS) continue;
    plan.knownShortLetters.push({ campaignId: campaign.id, normalized, shingles: campaign.representative.shingles });
  }
  return plan;
}
