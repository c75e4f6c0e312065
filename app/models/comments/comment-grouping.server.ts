// Form-letter grouping as comments arrive, just after the intake commits: app/models/comments/form-letters.ts
// decides, this module keeps its indexes in PostgreSQL. A comment is an identical copy of a text already
// placed (an indexed exact-key lookup), else a near copy of a candidate campaign's representative (an
// indexed CampaignBand lookup by its 32 band keys, then a comparison with those few representatives),
// else the start of a new campaign. Cost does not grow with the number of comments in the period.
//
// Every comment belongs to a Campaign row. A text that matches nothing starts a "singleton" campaign
// with itself as representative and its band keys indexed, so the SECOND copy of a letter finds the
// first one through the same lookups as the thousandth. A campaign is only counted as one with at
// least two comments (summarizeCounts in form-letters.ts applies that rule); singletons are how the
// unique comments are counted.
//
// Batches: pending comments are placed up to GROUPING_BATCH per transaction with a fixed number of
// statements, not a few per comment: read the batch; read, for all its texts at once, a placed copy
// and how many copies the period has; read the campaigns sharing a band key with any of them (and the
// texts of those close enough by signature to be compared); place every comment in memory in arrival
// order (comment-grouping-batch.ts keeps the campaigns the batch starts, and representatives it
// replaces, in its own index as it goes); then write the new campaigns, their band keys and every
// placement in bulk statements. The result is the one placing the comments one at a time gives; only
// a representative replacement adds a statement or two (the re-read of that campaign's texts).
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
  bandKeyStrings,
  indexKeys,
  planBatch,
  REPLACEMENT_CHECK_LIMIT,
  type BatchPlan,
  type CandidateCampaign,
  type KnownShortLetter,
  type PendingComment,
  type PlacedCopy,
  type Replacement,
} from "./comment-grouping-batch";
import {
  addedText,
  addedTextAgainst,
  estimateJaccard,
  exactJaccard,
  fingerprint,
  MAX_GROUPS_PER_BAND_KEY,
  NEAR_DUPLICATE_THRESHOLD,
  normalizeText,
  openingKeys,
  shingles,
  shortLetterMatch,
  wordCount,
  type ComparableText,
} from "./form-letters";
import { requestVariedWordingPass } from "./comment-variants.server";
import { VARIANT_MIN_WORDS } from "./varied-letters";

type Tx = Prisma.TransactionClient;

/** Namespace for pg_advisory_xact_lock(int, int), so our period locks collide with no one else's. */
const GROUPING_LOCK_NAMESPACE = 0x4c44_5331; // "LDS1"

/**
 * Comments placed per transaction. A batch costs the same few statements whatever its size, so larger
 * batches amortise the round trips; 1,000 keeps a transaction (and the lock) to about a second on
 * 2 cores and its arrays well inside one statement (bench/comment-grouping-db.bench.ts measures it).
 */
const GROUPING_BATCH = 1000;

// Signatures are uint32; the column is a signed int4[]. Values below 2^31 are unchanged either way.
// As text literals ('{1,2,...}'): unnest cannot take an array of arrays.
const int4Literal = (signature: Uint32Array) => `{${Array.from(signature, (value) => value | 0).join(",")}}`;
const fromInt4 = (values: number[]) => Uint32Array.from(values, (value) => value >>> 0);

export async function lockPeriodForGrouping(tx: Tx, periodId: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${GROUPING_LOCK_NAMESPACE}::int, hashtext(${periodId}))`;
}

/**
 * For each of the batch's texts: how many placed comments of the period have it (up to
 * REPLACEMENT_CHECK_LIMIT + 1; pending ones count as planBatch places them) and, if one is placed, its
 * placement (every copy of a text shares it).
 */
async function findPlacedCopies(tx: Tx, periodId: string, exactKeys: string[]) {
  // "limit" per key: a letter sent 100,000 times costs a few dozen index entries, not 100,000.
  const rows = await tx.$queryRaw<
    {
      exactKey: string;
      copies: number;
      campaignId: string | null;
      addedText: string | null;
      similarity: number | null;
      isRep: boolean | null;
    }[]
  >`
    select e.key as "exactKey", n.copies, p."campaignId", p."addedText", p.similarity, p."isRep"
    from unnest(${exactKeys}::text[]) as e(key)
    cross join lateral (
      select count(*)::int as copies from (
        select 1 from "Comment"
        where "periodId" = ${periodId} and "exactKey" = e.key::char(64) and "campaignId" is not null
        limit ${REPLACEMENT_CHECK_LIMIT + 1}) t
    ) n
    left join lateral (
      select c."campaignId", c."addedText", c.similarity, (r."exactKey" = c."exactKey") as "isRep"
      from "Comment" c
      join "Campaign" k on k.id = c."campaignId"
      join "Comment" r on r.id = k."representativeId"
      where c."periodId" = ${periodId} and c."exactKey" = e.key::char(64)
      limit 1
    ) p on true`;
  const placed = new Map<string, PlacedCopy>();
  for (const row of rows) {
    if (row.campaignId === null) continue;
    placed.set(row.exactKey, {
      campaignId: row.campaignId,
      isRepresentativeText: row.isRep === true,
      similarity: row.similarity ?? 1,
      addedText: row.addedText,
    });
  }
  return { placed, copyCounts: new Map(rows.map((row) => [row.exactKey, row.copies])) };
}

/**
 * classify skips a candidate whose signature estimate is below NEAR_DUPLICATE_THRESHOLD − 0.15 before
 * it looks at its text. Most candidates are chance band collisions with unrelated letters, whose number
 * grows with the period's unique letters: their texts are not read unless some comment of the batch
 * that found them is at least this close by signature. Reading them all, the last waves of a run to
 * 1,000,000 comments placed 611-701 comments/s; reading only these, 785-829 (bench/README.md).
 */
const READ_TEXT_FROM_ESTIMATE = NEAR_DUPLICATE_THRESHOLD / 2;

/**
 * The campaigns sharing a band key with the batch's `unmatched` comments, and the `challenged` ones
 * holding a text of the batch that is not their representative's (a copy of it may replace the
 * representative), oldest first: the order classify breaks ties by. Adds how many copies each
 * representative's text has to `copyCounts`.
 */
async function findCandidates(
  tx: Tx,
  periodId: string,
  unmatched: PendingComment[],
  challenged: string[],
  copyCounts: Map<string, number>,
): Promise<CandidateCampaign[]> {
  const bandKeys = [...new Set(unmatched.flatMap((p) => indexKeys(p.fingerprint)))];
  // One index probe per band key and per campaign found. "offset 0" keeps each lateral subquery a
  // probe: given a batch's ~10,000 keys as a join, the planner scanned and sorted every band (and
  // comment) of the period instead, a cost that grows with the period (measured at 60,000 comments).
  const found = await tx.$queryRaw<{ id: string; signature: number[]; bandKeys: string[] }[]>`
    with hits as materialized (
      select h."campaignId", q.key as "bandKey"
      from unnest(${bandKeys}::text[]) as q(key)
      cross join lateral (
        select b."campaignId" from "CampaignBand" b
        where b."periodId" = ${periodId} and b."bandKey" = q.key
        -- An opening key shared by many campaigns is a stock opener: read a bounded number of them.
        limit (case when q.key like 'o:%' then ${MAX_GROUPS_PER_BAND_KEY}::int end)
        offset 0
      ) h
      union all
      select id, null from unnest(${challenged}::text[]) as id
    ), found as (
      select "campaignId" as id, coalesce(array_agg("bandKey") filter (where "bandKey" is not null), '{}') as "bandKeys"
      from hits group by "campaignId"
    )
    select f.id, f."bandKeys", k.signature
    from found f
    cross join lateral (select k."createdAt", k.signature from "Campaign" k where k.id = f.id offset 0) k
    order by k."createdAt", f.id`;
  const campaigns = found.map((row) => ({ ...row, signature: fromInt4(row.signature) }));
  const byBandKey = new Map<string, typeof campaigns>();
  for (const campaign of campaigns) {
    for (const key of campaign.bandKeys) {
      const list = byBandKey.get(key);
      if (list) list.push(campaign);
      else byBandKey.set(key, [campaign]);
    }
  }
  const toRead = new Set(challenged);
  // Found by an opening key: a short letter's, compared by containment, which signatures cannot screen.
  for (const { fingerprint: own } of unmatched) {
    for (const key of own.openingKeys) for (const { id } of byBandKey.get(key) ?? []) toRead.add(id);
  }
  for (const { fingerprint: own } of unmatched) {
    for (const key of bandKeyStrings(own.bandKeys)) {
      for (const { id, signature } of byBandKey.get(key) ?? []) {
        if (estimateJaccard(own.signature, signature) >= READ_TEXT_FROM_ESTIMATE) toRead.add(id);
      }
    }
  }
  if (toRead.size === 0) return campaigns.map(unread);
  const texts = await tx.$queryRaw<{ id: string; text: string; exactKey: string; copies: number }[]>`
    select x.id, r.text, r."exactKey", r.copies
    from unnest(${[...toRead]}::text[]) as x(id)
    cross join lateral (
      select r.text, r."exactKey",
             (select count(*)::int from (
                select 1 from "Comment" n
                where n."periodId" = ${periodId} and n."exactKey" = r."exactKey" and n."campaignId" is not null
                limit ${REPLACEMENT_CHECK_LIMIT + 1}) t) as copies
      from "Campaign" k join "Comment" r on r.id = k."representativeId"
      where k.id = x.id
      offset 0
    ) r`;
  const read = new Map(texts.map((row) => [row.id, row]));
  return campaigns.map(({ id, bandKeys: keys, signature }) => {
    const text = read.get(id);
    if (!text) return unread({ id, bandKeys: keys, signature });
    copyCounts.set(text.exactKey, text.copies);
    const normalized = normalizeText(text.text);
    // Most candidates are rejected on their signature: read the shingles only for those compared.
    let own: Uint32Array | undefined;
    const representative: ComparableText = {
      normalized,
      signature,
      get shingles() {
        return (own ??= shingles(normalized));
      },
    };
    return { id, bandKeys: keys, representative, representativeKey: text.exactKey };
  });
}

/**
 * A candidate classify rejects on its signature, so it never compares the text (the normalised text
 * stands in with "\n", which no normalised text contains). Never replaced: nothing of the batch joins it.
 */
function unread(campaign: { id: string; bandKeys: string[]; signature: Uint32Array }): CandidateCampaign {
  const representative: ComparableText = {
    normalized: "\n",
    signature: campaign.signature,
    unread: true,
    get shingles(): Uint32Array {
      throw new Error("classify compared a candidate whose text was not read: lower READ_TEXT_FROM_ESTIMATE");
    },
  };
  return { id: campaign.id, bandKeys: campaign.bandKeys, representative, representativeKey: "" };
}

async function writePlan(tx: Tx, periodId: string, plan: BatchPlan): Promise<void> {
  const { newCampaigns: started, replacements: replaced, placements } = plan;
  if (started.length > 0) {
    await tx.$executeRaw`
      insert into "Campaign" (id, "periodId", "representativeId", signature)
      select v.id, ${periodId}, v.representative, v.signature::int4[]
      from unnest(${started.map((c) => c.id)}::text[], ${started.map((c) => c.representativeId)}::text[],
                  ${started.map((c) => int4Literal(c.signature))}::text[]) as v(id, representative, signature)`;
  }
  if (replaced.length > 0) {
    await tx.$executeRaw`
      update "Campaign" k set "representativeId" = v.representative, signature = v.signature::int4[]
      from unnest(${replaced.map((r) => r.campaignId)}::text[], ${replaced.map((r) => r.representativeId)}::text[],
                  ${replaced.map((r) => int4Literal(r.representative.signature))}::text[])
        as v(id, representative, signature)
      where k.id = v.id`;
  }
  // A representative that changes keeps the old keys too: comments close to the old text still find it.
  const indexed = [...started, ...replaced.map((r) => ({ id: r.campaignId, bandKeys: r.bandKeys }))];
  if (indexed.length > 0) {
    await tx.$executeRaw`
      insert into "CampaignBand" ("campaignId", "periodId", "bandKey")
      select v.campaign, ${periodId}, v.key
      from unnest(${indexed.flatMap((c) => c.bandKeys.map(() => c.id))}::text[],
                  ${indexed.flatMap((c) => c.bandKeys)}::text[]) as v(campaign, key)
      on conflict do nothing`;
  }
  await tx.$executeRaw`
    update "Comment" c
    set "campaignId" = v.campaign, similarity = v.similarity, "addedText" = v.added
    from unnest(${placements.map((p) => p.commentId)}::text[], ${placements.map((p) => p.campaignId)}::text[],
                ${placements.map((p) => p.similarity)}::float8[], ${placements.map((p) => p.addedText)}::text[])
      as v(id, campaign, similarity, added)
    where c.id = v.id`;
  for (const replacement of replaced) await rereadCampaign(tx, replacement);
}

/**
 * After its representative changed, the campaign's distinct texts are re-read against the new one:
 * their addedText and similarity change; they stay in the campaign (as in bench/form-letters.bench.ts).
 */
async function rereadCampaign(tx: Tx, { campaignId, representative }: Replacement): Promise<void> {
  const texts = await tx.$queryRaw<{ exactKey: string; text: string }[]>`
    select distinct on ("exactKey") "exactKey", text from "Comment"
    where "campaignId" = ${campaignId}
    order by "exactKey", "submittedAt"`;
  const rereads = texts.map(({ exactKey, text }) => {
    if (exactKey === representative.exactKey) return { exactKey, similarity: 1, added: null };
    const normalized = normalizeText(text);
    const added = addedText(representative.normalized, normalized) || null;
    return { exactKey, similarity: exactJaccard(representative.shingles, shingles(normalized)), added };
  });
  await tx.$executeRaw`
    update "Comment" c set similarity = v.similarity, "addedText" = v.added
    from unnest(${rereads.map((r) => r.exactKey)}::text[], ${rereads.map((r) => r.similarity)}::float8[],
                ${rereads.map((r) => r.added)}::text[]) as v(key, similarity, added)
    where c."campaignId" = ${campaignId} and c."exactKey" = v.key::char(64)`;
}

/** Places up to `batchSize` of the period's pending comments, oldest first. Returns how many. */
async function placePendingBatch(tx: Tx, periodId: string, batchSize: number): Promise<number> {
  await lockPeriodForGrouping(tx, periodId);
  const rows = await tx.comment.findMany({
    where: { periodId, campaignId: null },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: batchSize,
    select: { id: true, text: true },
  });
  if (rows.length === 0) return 0;
  const pending = rows.map((row) => ({ id: row.id, fingerprint: fingerprint(row.text) }));
  const exactKeys = [...new Set(pending.map((p) => p.fingerprint.exactKey))];
  const { placed, copyCounts } = await findPlacedCopies(tx, periodId, exactKeys);
  const unmatched = pending.filter((p) => !placed.has(p.fingerprint.exactKey));
  const challenged = [...new Set([...placed.values()].filter((c) => !c.isRepresentativeText).map((c) => c.campaignId))];
  const candidates =
    unmatched.length + challenged.length > 0
      ? await findCandidates(tx, periodId, unmatched, challenged, copyCounts)
      : [];
  const plan = planBatch(pending, placed, candidates, copyCounts);
  await writePlan(tx, periodId, plan);
  await absorbSingletons(tx, periodId, plan.knownShortLetters);
  // A new letter-length text matched nothing: it may be a letter of a campaign that varies its wording.
  const representatives = new Set(plan.newCampaigns.map((c) => c.representativeId));
  if (pending.some((p) => representatives.has(p.id) && wordCount(p.fingerprint.normalized) >= VARIANT_MIN_WORDS)) {
    await requestVariedWordingPass(tx, periodId);
  }
  return rows.length;
}

/**
 * A short letter becomes a known one (KNOWN_LETTER_COPIES) only at its second plain copy; comments
 * holding it that came before, a personal sentence added, were placed as unique then. They join it
 * now: the period's single-comment campaigns sharing an opening key with it (at most
 * MAX_GROUPS_PER_BAND_KEY per key) whose text the short-letter rule matches. So the result does not
 * depend on which copy came first, nor on the batch size. Returns how many comments moved.
 */
async function absorbSingletons(tx: Tx, periodId: string, letters: readonly KnownShortLetter[]): Promise<number> {
  let moved = 0;
  const absorbed = new Set<string>();
  for (const letter of letters) {
    const keys = openingKeys(letter.normalized);
    if (keys.length === 0) continue;
    const found = await tx.$queryRaw<{ id: string; text: string }[]>`
      select distinct k.id, r.text
      from unnest(${keys}::text[]) as q(key)
      cross join lateral (
        select b."campaignId" from "CampaignBand" b
        where b."periodId" = ${periodId} and b."bandKey" = q.key and b."campaignId" <> ${letter.campaignId}
        limit ${MAX_GROUPS_PER_BAND_KEY}::int offset 0
      ) h
      join "Campaign" k on k.id = h."campaignId"
      join "Comment" r on r.id = k."representativeId"
      where (select count(*) from (select 1 from "Comment" c where c."campaignId" = k.id limit 2) t) = 1`;
    const own = letter.shingles ?? shingles(letter.normalized);
    const joining = found
      .filter(({ id }) => !absorbed.has(id))
      .map(({ id, text }) => ({ id, normalized: normalizeText(text) }))
      .map((single) => ({ ...single, shingles: shingles(single.normalized) }))
      .filter((single) => shortLetterMatch({ normalized: letter.normalized, shingles: own }, single));
    if (joining.length === 0) continue;
    for (const { id } of joining) absorbed.add(id);
    moved += await tx.$executeRaw`
      update "Comment" c set "campaignId" = ${letter.campaignId}, similarity = v.similarity, "addedText" = v.added
      from unnest(${joining.map((j) => j.id)}::text[], ${joining.map((j) => exactJaccard(own, j.shingles))}::float8[],
                  ${joining.map((j) => addedTextAgainst(own, j.normalized) || null)}::text[]) as v(campaign, similarity, added)
      where c."campaignId" = v.campaign`;
    await tx.$executeRaw`delete from "Campaign" where id = any(${joining.map((j) => j.id)}::text[])`;
  }
  return moved;
}

/**
 * Places the period's comments that are not in a campaign yet, oldest first, a batch per
 * transaction. Returns how many it placed. Safe to run from several processes at once.
 */
export async function groupPendingComments(
  periodId: string,
  { batchSize = GROUPING_BATCH }: { batchSize?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const placed = await prisma.$transaction((tx) => placePendingBatch(tx, periodId, batchSize), {
      maxWait: 15_000,
      timeout: 120_000,
    });
    total += placed;
    if (placed < batchSize) return total;
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
