// Form-letter grouping as comments arrive, just after the intake commits: app/models/form-letters.ts
// decides, this module keeps its indexes in PostgreSQL. Per comment: one indexed exact-key lookup,
// else one indexed CampaignBand lookup (32 band keys) and a comparison with the few candidate
// representatives. Cost does not grow with the number of comments in the period.
//
// Every comment belongs to a Campaign row. A text that matches nothing starts a "singleton" campaign
// with itself as representative and its band keys indexed, so the SECOND copy of a letter finds the
// first one through the same lookups as the thousandth. A campaign is only counted as one with at
// least two comments (summarizeCounts in form-letters.ts applies that rule); singletons are how the
// unique comments are counted.
//
// Concurrency: placement reads what other transactions have placed, so two copies of a new letter
// placed at once would each see nothing and start two campaigns. A transaction-scoped advisory lock
// per period serialises placement. Placement is NOT part of the intake transaction: holding that
// lock there capped intake at about 35 comments/s on 2 cores (bench/comment-intake.bench.ts). The
// intake commits the comment with campaignId null (the durable "to be grouped" mark) and asks
// requestGrouping(); one runner per period and process then places pending comments in batches,
// oldest first, and a periodic sweep (scripts/server.ts) picks up whatever a crash left behind.
// Counts can therefore lag arrivals by a moment under load; nothing is lost or counted twice.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import {
  addedText,
  fingerprint,
  exactJaccard,
  classify,
  normalizeText,
  shingles,
  shouldReplaceRepresentative,
  type CommentFingerprint,
  type ComparableText,
} from "./form-letters";

type Tx = Prisma.TransactionClient;

/** Namespace for pg_advisory_xact_lock(int, int), so our period locks collide with no one else's. */
const GROUPING_LOCK_NAMESPACE = 0x4c44_5331; // "LDS1"

/**
 * The representative can only change while its challenger has at most this many copies. Counting
 * copies is an index scan, so an unbounded check would cost O(copies) per comment; 64 is far past
 * the point where the question matters (a first sender's added paragraph is outvoted by the second
 * and third plain copies), and keeps the check at a few dozen index entries.
 */
const REPLACEMENT_CHECK_LIMIT = 64;

export type Placement = {
  campaignId: string;
  kind: "identical" | "near" | "unique";
  similarity: number;
  addedText: string | null;
};

// Signatures are uint32; the column is a signed int4[]. Values below 2^31 are unchanged either way.
const toInt4 = (signature: Uint32Array) => Array.from(signature, (value) => value | 0);
const fromInt4 = (values: number[]) => Uint32Array.from(values, (value) => value >>> 0);
// Keys only compare within their band, and the (campaignId, bandKey) key must not repeat.
const bandKeyStrings = (keys: Uint32Array) => Array.from(keys, (key, band) => `${band}:${key}`);

export async function lockPeriodForGrouping(tx: Tx, periodId: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${GROUPING_LOCK_NAMESPACE}::int, hashtext(${periodId}))`;
}

/**
 * Places a just-inserted comment (campaignId still null) in its campaign and records how it relates
 * to the representative. Call with the period's grouping lock held.
 */
export async function placeComment(
  tx: Tx,
  comment: { id: string; periodId: string },
  fingerprint: CommentFingerprint,
  representatives?: Map<string, ComparableText>,
): Promise<Placement> {
  const [copy] = await tx.$queryRaw<
    { campaignId: string; addedText: string | null; similarity: number | null; isRepresentativeText: boolean }[]
  >`
    select c."campaignId", c."addedText", c.similarity, (r."exactKey" = c."exactKey") as "isRepresentativeText"
    from "Comment" c
    join "Campaign" k on k.id = c."campaignId"
    join "Comment" r on r.id = k."representativeId"
    where c."periodId" = ${comment.periodId} and c."exactKey" = ${fingerprint.exactKey} and c.id <> ${comment.id}
    limit 1`;
  if (copy) {
    // Every copy of a text sits in the same campaign with the same relation to its representative.
    const placement: Placement = {
      campaignId: copy.campaignId,
      kind: copy.isRepresentativeText ? "identical" : "near",
      similarity: copy.similarity ?? 1,
      addedText: copy.addedText,
    };
    await setPlacement(tx, comment.id, placement);
    if (!copy.isRepresentativeText) await maybeReplaceRepresentative(tx, comment, fingerprint, copy.campaignId);
    return placement;
  }

  const candidates = await tx.$queryRaw<{ id: string; representativeId: string; signature: number[]; text: string }[]>`
    select k.id, k."representativeId", k.signature, r.text
    from "Campaign" k
    join "Comment" r on r.id = k."representativeId"
    where k.id in (
      select b."campaignId" from "CampaignBand" b
      where b."periodId" = ${comment.periodId} and b."bandKey" = any(${bandKeyStrings(fingerprint.bandKeys)}::text[])
    )
    order by k."createdAt"`;
  // A batch compares many comments with the same few representatives: prepare each once.
  const comparable: ComparableText[] = candidates.map((candidate) => {
    const known = representatives?.get(candidate.representativeId);
    if (known) return known;
    const normalized = normalizeText(candidate.text);
    const prepared = { normalized, signature: fromInt4(candidate.signature), shingles: shingles(normalized) };
    representatives?.set(candidate.representativeId, prepared);
    return prepared;
  });
  const result = classify(
    { normalized: fingerprint.normalized, signature: fingerprint.signature, shingles: fingerprint.shingles },
    comparable,
  );
  if (result.campaignIndex !== undefined) {
    const placement: Placement = {
      campaignId: candidates[result.campaignIndex].id,
      kind: result.kind,
      similarity: result.similarity,
      addedText: result.addedText || null,
    };
    await setPlacement(tx, comment.id, placement);
    return placement;
  }

  const campaign = await tx.campaign.create({
    data: { periodId: comment.periodId, representativeId: comment.id, signature: toInt4(fingerprint.signature) },
    select: { id: true },
  });
  await indexBands(tx, campaign.id, comment.periodId, fingerprint.bandKeys);
  const placement: Placement = { campaignId: campaign.id, kind: "unique", similarity: 1, addedText: null };
  await setPlacement(tx, comment.id, placement);
  return placement;
}

async function setPlacement(tx: Tx, commentId: string, placement: Placement): Promise<void> {
  await tx.comment.update({
    where: { id: commentId },
    data: { campaignId: placement.campaignId, similarity: placement.similarity, addedText: placement.addedText },
  });
}

async function indexBands(tx: Tx, campaignId: string, periodId: string, keys: Uint32Array): Promise<void> {
  // A representative that changes keeps the old keys too: comments close to the old text still find it.
  await tx.campaignBand.createMany({
    data: bandKeyStrings(keys).map((bandKey) => ({ campaignId, periodId, bandKey })),
    skipDuplicates: true,
  });
}

/**
 * shouldReplaceRepresentative: a text sent at least twice as often as the representative's becomes
 * the representative, and the campaign's distinct texts are re-read against it (their addedText and
 * similarity change; they stay in the campaign, as in bench/form-letters.bench.ts).
 */
async function maybeReplaceRepresentative(
  tx: Tx,
  comment: { id: string; periodId: string },
  fingerprint: CommentFingerprint,
  campaignId: string,
): Promise<void> {
  const [counts] = await tx.$queryRaw<{ textCopies: number; representativeCopies: number }[]>`
    select
      (select count(*)::int from (select 1 from "Comment"
        where "periodId" = ${comment.periodId} and "exactKey" = ${fingerprint.exactKey}
        limit ${REPLACEMENT_CHECK_LIMIT + 1}) t) as "textCopies",
      (select count(*)::int from (select 1 from "Comment"
        where "periodId" = ${comment.periodId} and "exactKey" = r."exactKey"
        limit ${REPLACEMENT_CHECK_LIMIT + 1}) t) as "representativeCopies"
    from "Campaign" k join "Comment" r on r.id = k."representativeId"
    where k.id = ${campaignId}`;
  if (!counts || counts.textCopies > REPLACEMENT_CHECK_LIMIT) return;
  if (!shouldReplaceRepresentative(counts.representativeCopies, counts.textCopies)) return;

  await tx.campaign.update({
    where: { id: campaignId },
    data: { representativeId: comment.id, signature: toInt4(fingerprint.signature) },
  });
  await indexBands(tx, campaignId, comment.periodId, fingerprint.bandKeys);
  const texts = await tx.$queryRaw<{ exactKey: string; text: string }[]>`
    select distinct on ("exactKey") "exactKey", text from "Comment"
    where "campaignId" = ${campaignId}
    order by "exactKey", "submittedAt"`;
  const representative = shingles(fingerprint.normalized);
  for (const text of texts) {
    const isRepresentative = text.exactKey === fingerprint.exactKey;
    const normalized = normalizeText(text.text);
    const similarity = isRepresentative ? 1 : exactJaccard(representative, shingles(normalized));
    const added = isRepresentative ? null : addedText(fingerprint.normalized, normalized) || null;
    await tx.comment.updateMany({
      where: { campaignId, exactKey: text.exactKey },
      data: { similarity, addedText: added },
    });
  }
}

const GROUPING_BATCH = 200;

/**
 * Places the period's comments that are not in a campaign yet, oldest first, a batch per
 * transaction. Returns how many it placed. Safe to run from several processes at once.
 */
export async function groupPendingComments(periodId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const placed = await prisma.$transaction(
      async (tx) => {
        await lockPeriodForGrouping(tx, periodId);
        const pending = await tx.comment.findMany({
          where: { periodId, campaignId: null },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: GROUPING_BATCH,
          select: { id: true, text: true },
        });
        const representatives = new Map<string, ComparableText>();
        for (const comment of pending) {
          await placeComment(tx, { id: comment.id, periodId }, fingerprint(comment.text), representatives);
        }
        return pending.length;
      },
      { maxWait: 15_000, timeout: 120_000 },
    );
    total += placed;
    if (placed < GROUPING_BATCH) return total;
  }
}

const runners = new Map<string, Promise<void>>();
const rerun = new Set<string>();

/**
 * Starts (or joins) this process's grouping run for the period. A request arriving while a run is
 * under way makes that run go round once more, so a surge costs one runner, not one per comment.
 */
export function requestGrouping(periodId: string): Promise<void> {
  const running = runners.get(periodId);
  if (running) {
    rerun.add(periodId);
    return running;
  }
  const run = (async () => {
    try {
      do {
        rerun.delete(periodId);
        await groupPendingComments(periodId);
      } while (rerun.has(periodId));
    } catch (error) {
      // The comments stay marked as pending; the next request or the sweep retries them.
      console.error(`[grouping] period ${periodId} failed`, error);
    } finally {
      runners.delete(periodId);
    }
  })();
  runners.set(periodId, run);
  return run;
}

/** Groups whatever is still pending in any period (after a crash, or across processes). */
export async function sweepUngroupedComments(): Promise<void> {
  const periods = await prisma.comment.findMany({
    where: { campaignId: null },
    distinct: ["periodId"],
    select: { periodId: true },
    take: 100,
  });
  await Promise.all(periods.map((p) => requestGrouping(p.periodId)));
}
