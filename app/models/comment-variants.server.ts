// Campaigns that vary their wording, in PostgreSQL: after grouping places new comments, a pass over the
// period's campaigns (app/models/varied-letters.ts decides) merges the campaigns whose letters are one
// template with synonyms swapped, sentences reordered and personal lines added. Each campaign takes
// part with up to VARIANT_TEXTS_PER_CAMPAIGN of its distinct texts, so a merged campaign's phrases are
// there for the next letters of its template to be measured against. The merged campaign is the
// earliest one; the others' comments move into it with their similarity to its representative and,
// as added text, what they say beyond the campaign's recurring phrases (their personal lines); their
// band keys move with them, so later copies of those letters find the campaign.
//
// Under the period's grouping lock, after the intake committed: intake never waits for it. A pass
// reads every campaign of the period, so it runs at most every VARIANT_PASS_INTERVAL_MS per period
// and process (the last request waits for the next slot) and not at all past VARIANT_PASS_MAX_LETTERS.
// NOT YET TRIGGERED by requestGrouping: measured on a 5,000-comment period of the grouping bench it
// cost 12 s of CPU (docs/decisions/0027), too much for the web process. It needs a worker job and an
// incremental form before it runs on its own; until then it is called explicitly (tests, bench).
import type { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { lockPeriodForGrouping } from "./comment-grouping.server";
import { addedTextAgainst, exactJaccard, normalizeText, shingles } from "./form-letters";
import { findVariedCampaigns } from "./varied-letters";

export const VARIANT_TEXTS_PER_CAMPAIGN = 12;
/** Texts read per pass at most: past this the pass is skipped (and says so); its cost is about quadratic in a campaign's size. */
export const VARIANT_PASS_MAX_LETTERS = 30_000;
export const VARIANT_PASS_INTERVAL_MS = 10_000;

type Tx = Prisma.TransactionClient;

/** Merges the period's campaigns that are one varied template. Returns how many comments moved. */
export async function mergeVariedCampaigns(periodId: string): Promise<number> {
  return prisma.$transaction((tx) => mergeInTransaction(tx, periodId), { maxWait: 15_000, timeout: 120_000 });
}

async function mergeInTransaction(tx: Tx, periodId: string): Promise<number> {
  await lockPeriodForGrouping(tx, periodId);
  const rows = await tx.$queryRaw<{ campaignId: string; text: string }[]>`
    select k.id as "campaignId", t.text
    from "Campaign" k
    cross join lateral (
      select distinct on (c."exactKey") c.text from "Comment" c
      where c."campaignId" = k.id
      order by c."exactKey", c."submittedAt"
      limit ${VARIANT_TEXTS_PER_CAMPAIGN}
    ) t
    where k."periodId" = ${periodId}
    order by k."createdAt", k.id
    limit ${VARIANT_PASS_MAX_LETTERS + 1}`;
  if (rows.length > VARIANT_PASS_MAX_LETTERS) {
    console.warn(`[grouping] period ${periodId}: over ${VARIANT_PASS_MAX_LETTERS} texts, varied-wording pass skipped`);
    return 0;
  }
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

const lastPass = new Map<string, number>();
const waiting = new Map<string, NodeJS.Timeout>();

/**
 * Runs the pass for the period now (the promise ends with it), or once the interval since the last
 * one is over (one waiting pass per period). Errors are logged: the comments stay grouped as they were.
 */
export function requestVariedWordingPass(periodId: string, now = Date.now()): Promise<void> {
  if (waiting.has(periodId)) return Promise.resolve();
  const due = (lastPass.get(periodId) ?? 0) + VARIANT_PASS_INTERVAL_MS;
  const run = async () => {
    waiting.delete(periodId);
    lastPass.set(periodId, Date.now());
    try {
      await mergeVariedCampaigns(periodId);
    } catch (error) {
      console.error(`[grouping] varied-wording pass for period ${periodId} failed`, error);
    }
  };
  if (due <= now) return run();
  const timer = setTimeout(() => void run(), due - now);
  timer.unref();
  waiting.set(periodId, timer);
  return Promise.resolve();
}
