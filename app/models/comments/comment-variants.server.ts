// Campaigns that vary their wording, in PostgreSQL: a background pass (a graphile-worker job, queued by
// grouping when it starts a campaign with a letter-length text; app/models/comments/varied-letters.ts decides)
// merges the campaigns whose letters are one template with synonyms swapped, sentences reordered and
// personal lines added. The merged campaign is the earliest one; the others' comments move into it
// with their similarity to its representative and, as added text, what they say beyond the campaign's
// recurring phrases (their personal lines); their band keys move with them, so later copies of those
// letters find the campaign.
//
// What a pass reads, so its cost stays bounded whatever the period holds:
//  - the comments left unique by the fast rules (single-comment campaigns), the newest
//    VARIANT_PASS_MAX_LETTERS of them: a mad-lib letter is never a near copy of another, so this is
//    where a new one is;
//  - the campaigns already found to vary their wording (VARIANT_MIN_LETTERS or more distinct texts
//    placed below the near-copy threshold), with up to VARIANT_TEXTS_PER_CAMPAIGN of their texts, so
//    a template's later letters join its campaign.
// Ordinary form-letter campaigns (near copies of one text) take no part: they cost the most pairs
// (twelve near-identical texts each) and are already grouped.
//
// Under the period's grouping lock, after the intake committed: intake never waits for it. The job
// for a period runs at most once per VARIANT_PASS_DELAY_SECONDS (job_key with preserve_run_at: the
// requests of a surge are one job).
import type { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { lockPeriodForGrouping } from "./comment-grouping.server";
import { addedTextAgainst, exactJaccard, NEAR_DUPLICATE_THRESHOLD, normalizeText, shingles } from "./form-letters";
import { findVariedCampaigns, VARIANT_MIN_LETTERS } from "./varied-letters";

export const VARIANT_TEXTS_PER_CAMPAIGN = 12;
/** Unique comments read per pass at most, the newest first. */
export const VARIANT_PASS_MAX_LETTERS = 5_000;
/** Varied campaigns read per pass at most (the newest first). */
export const VARIANT_PASS_MAX_CAMPAIGNS = 500;
/** One pass per period at most this often: a pass over 5,000 unique letters costs about 11 s of CPU (bench/README.md). */
export const VARIANT_PASS_DELAY_SECONDS = 300;
export const VARIANT_PASS_TASK = "comment-variants";

type Tx = Prisma.TransactionClient;

/** Merges the period's campaigns that are one varied template. Returns how many comments moved. */
export async function mergeVariedCampaigns(periodId: string): Promise<number> {
  return prisma.$transaction((tx) => mergeInTransaction(tx, periodId), { maxWait: 15_000, timeout: 120_000 });
}

async function mergeInTransaction(tx: Tx, periodId: string): Promise<number> {
  await lockPeriodForGrouping(tx, periodId);
  // Comments the fast rules left unique: campaigns of one comment.
  const singles = await tx.$queryRaw<{ campaignId: string; text: string }[]>`
    select k.id as "campaignId", r.text
    from "Campaign" k join "Comment" r on r.id = k."representativeId"
    where k."periodId" = ${periodId}
      and not exists (select 1 from "Comment" c where c."campaignId" = k.id and c.id <> r.id)
    order by k."createdAt" desc, k.id desc
    limit ${VARIANT_PASS_MAX_LETTERS}`;
  // Campaigns of varied letters: several distinct texts below the near-copy threshold.
  const varied = await tx.$queryRaw<{ campaignId: string; text: string }[]>`
    with varied as (
      select c."campaignId" as id, max(c."submittedAt") as latest
      from "Comment" c
      where c."periodId" = ${periodId} and c."campaignId" is not null and c.similarity < ${NEAR_DUPLICATE_THRESHOLD}
      group by c."campaignId"
      having count(distinct c."exactKey") >= ${VARIANT_MIN_LETTERS - 1}
      order by latest desc
      limit ${VARIANT_PASS_MAX_CAMPAIGNS}
    )
    select v.id as "campaignId", t.text
    from varied v
    cross join lateral (
      select distinct on (c."exactKey") c.text from "Comment" c
      where c."campaignId" = v.id
      order by c."exactKey", c."submittedAt"
      limit ${VARIANT_TEXTS_PER_CAMPAIGN}
    ) t`;
  // Oldest campaign first: the first of a found campaign's is kept.
  const order = await tx.$queryRaw<{ id: string }[]>`
    select id from "Campaign" where id = any(${[...new Set([...singles, ...varied].map((r) => r.campaignId))]}::text[])
    order by "createdAt", id`;
  const rank = new Map(order.map((row, i) => [row.id, i]));
  const rows = [...varied, ...singles].sort((a, b) => rank.get(a.campaignId)! - rank.get(b.campaignId)!);
  const letters = rows.map((row) => ({ campaignId: row.campaignId, shingles: shingles(normalizeText(row.text)) }));
  let moved = 0;
  for (const found of findVariedCampaigns(letters)) {
    // Campaigns in the order read (oldest first): the first is kept.
    const campaigns = [...new Set(found.members.map((member) => letters[member].campaignId))];
    if (campaigns.length < 2) continue;
    const [target, ...merged] = campaigns;
    const representative = await tx.$queryRaw<{ text: string }[]>`
      select r.text from "Campaign" k join "Comment" r on r.id = k."representativeId" where k.id = ${target}`;
    const own = shingles(normalizeText(representative[0].text));
    const texts = await tx.$queryRaw<{ exactKey: string; text: string }[]>`
      select distinct on ("exactKey") "exactKey", text from "Comment"
      where "campaignId" = any(${merged}::text[])
      order by "exactKey", "submittedAt"`;
    const placed = texts.map(({ exactKey, text }) => {
      const normalized = normalizeText(text);
      const added = addedTextAgainst(found.recurring, normalized) || null;
      return { exactKey, similarity: exactJaccard(own, shingles(normalized)), added };
    });
    moved += await tx.$executeRaw`
      update "Comment" c set "campaignId" = ${target}, similarity = v.similarity, "addedText" = v.added
      from unnest(${placed.map((p) => p.exactKey)}::text[], ${placed.map((p) => p.similarity)}::float8[],
                  ${placed.map((p) => p.added)}::text[]) as v(key, similarity, added)
      where c."campaignId" = any(${merged}::text[]) and c."exactKey" = v.key::char(64)`;
    await tx.$executeRaw`
      insert into "CampaignBand" ("campaignId", "periodId", "bandKey")
      select ${target}, ${periodId}, b."bandKey" from "CampaignBand" b where b."campaignId" = any(${merged}::text[])
      on conflict do nothing`;
    await tx.$executeRaw`delete from "Campaign" where id = any(${merged}::text[])`;
  }
  return moved;
}

/**
 * Queues the period's pass (in the grouping transaction that placed new unique letters): at most one
 * waiting job per period, run VARIANT_PASS_DELAY_SECONDS after the first request.
 */
export async function requestVariedWordingPass(tx: Tx, periodId: string): Promise<void> {
  await tx.$executeRaw`
    select graphile_worker.add_job(${VARIANT_PASS_TASK}, json_build_object('periodId', ${periodId}::text),
      job_key => ${`${VARIANT_PASS_TASK}:${periodId}`}, job_key_mode => 'preserve_run_at',
      run_at => now() + make_interval(secs => ${VARIANT_PASS_DELAY_SECONDS}), max_attempts => 3)`;
}
