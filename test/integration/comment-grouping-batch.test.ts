// Batched form-letter grouping against a real PostgreSQL: a backlog of pending comments (inserted with
// campaignId null, as the intake leaves them) is placed a batch at a time, and the counts the period
// page shows equal the generator's ground truth; batches of one give the same grouping as large ones.
import { beforeEach, describe, expect, it } from "vitest";
import { createLetterGenerator } from "../../bench/support/synthetic-letters";
import { groupPendingComments } from "~/models/comment-grouping.server";
import { periodCounts } from "~/models/comment-reading.server";
import { exactJaccard, exactKey, fingerprint, NEAR_DUPLICATE_THRESHOLD } from "~/models/form-letters";
import { prisma } from "~/services/db.server";
import { createIntakePeriod, insertPeriodRow } from "../support/comment-factories";

type Scenario = Awaited<ReturnType<typeof createIntakePeriod>>;
let scenario: Scenario;

beforeEach(async () => {
  scenario = await createIntakePeriod();
});

async function newPeriod() {
  return insertPeriodRow({
    projectId: scenario.project.id,
    openedById: scenario.regulator.id,
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    allowAnonymous: true,
  });
}

/** Inserts the texts as pending comments, one millisecond apart in this order; number i is `n${i}`. */
async function insertPending(periodId: string, texts: readonly string[]): Promise<void> {
  const start = Date.UTC(2026, 10, 1);
  await prisma.comment.createMany({
    data: texts.map((text, i) => ({
      periodId,
      receiptNumber: `LDS-${periodId}-${i}`,
      idempotencyKey: `n${i}`,
      submitterType: "ANONYMOUS" as const,
      displayName: "Anonymous",
      text,
      exactKey: exactKey(text),
      submittedAt: new Date(start + i),
    })),
  });
}

/** Each comment's group (by the number of its campaign's first comment) and relation to the representative. */
async function grouping(periodId: string) {
  const rows = await prisma.comment.findMany({
    where: { periodId },
    select: { idempotencyKey: true, campaignId: true, similarity: true, addedText: true },
    orderBy: { submittedAt: "asc" },
  });
  const firstOf = new Map<string | null, string>();
  for (const row of rows) if (!firstOf.has(row.campaignId)) firstOf.set(row.campaignId, row.idempotencyKey);
  return rows.map((row) => ({
    comment: row.idempotencyKey,
    group: row.campaignId === null ? null : firstOf.get(row.campaignId),
    similarity: row.similarity,
    addedText: row.addedText,
  }));
}

describe("grouping a backlog of pending comments in batches", () => {
  const COMMENTS = 1200;
  const letters = createLetterGenerator(20_210_001);
  const made = Array.from({ length: COMMENTS }, (_, i) => letters.syntheticComment(i));

  it("counts the campaigns and unique comments the generator made, across batch boundaries", async () => {
    const { period } = scenario;
    await insertPending(
      period.id,
      made.map((m) => m.text),
    );
    expect(await groupPendingComments(period.id)).toBe(COMMENTS);
    expect(await prisma.comment.count({ where: { periodId: period.id, campaignId: null } })).toBe(0);

    const sizes = new Map<number, number>();
    for (const m of made) sizes.set(m.truthGroup, (sizes.get(m.truthGroup) ?? 0) + 1);
    const truthCampaigns = [...sizes.values()].filter((n) => n >= 2);
    const copiesInCampaigns = truthCampaigns.reduce((sum, n) => sum + n, 0);
    // Enough of each kind, and copies of the largest letter in every batch of 1,000.
    expect(truthCampaigns.length).toBeGreaterThanOrEqual(15);
    expect(made.filter((m) => m.truthKind === "added").length).toBeGreaterThan(100);
    expect(made.filter((m) => m.truthKind === "edited").length).toBeGreaterThan(50);
    expect(made.slice(1000).filter((m) => m.truthGroup === 0).length).toBeGreaterThan(10);

    const counts = await periodCounts(period.id);
    expect({
      totalComments: counts.totalComments,
      campaigns: counts.campaigns,
      copiesInCampaigns: counts.copiesInCampaigns,
      uniqueComments: counts.uniqueComments,
    }).toEqual({
      totalComments: COMMENTS,
      campaigns: truthCampaigns.length,
      copiesInCampaigns,
      uniqueComments: COMMENTS - copiesInCampaigns,
    });
    expect(counts.byCampaign.map((c) => c.comments)).toEqual(truthCampaigns.sort((a, b) => b - a));
  });

  it("groups the same comments the same way in batches of one as in batches of 1,000", async () => {
    const [large, single] = [scenario.period, await newPeriod()];
    const texts = made.slice(0, 700).map((m) => m.text);
    await insertPending(large.id, texts);
    await insertPending(single.id, texts);
    await groupPendingComments(large.id);
    expect(await groupPendingComments(single.id, { batchSize: 1 })).toBe(700);

    const [inLarge, inSingle] = [await grouping(large.id), await grouping(single.id)];
    expect(new Set(inLarge.map((c) => c.group)).size).toBeGreaterThan(100);
    // Some campaigns changed representative on the way, which the large batches do after their writes.
    const campaigns = await prisma.campaign.findMany({
      where: { periodId: large.id },
      select: { representativeId: true, comments: { orderBy: { submittedAt: "asc" }, take: 1, select: { id: true } } },
    });
    expect(campaigns.filter((c) => c.representativeId !== c.comments[0].id).length).toBeGreaterThan(0);
    expect(inLarge).toEqual(inSingle);
    const figures = async (periodId: string) => {
      const { byCampaign: _rows, ...rest } = await periodCounts(periodId);
      return rest;
    };
    expect(await figures(large.id)).toEqual(await figures(single.id));
  }, 120_000);

  it("makes a text the representative in the batch where its copies outnumber the first comment's, and compares the rest of the batch with it", async () => {
    const { period } = scenario;
    const plain = made.find((m) => m.truthKind === "identical")!.text;
    const paragraph = (word: string) =>
      `${Array.from({ length: 60 }, (_, i) => `${word}${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`).join(" ")}.`;
    // The first sender added a paragraph; the fourth added another one, too far from the first
    // comment's text to join it, close enough to the plain letter that has replaced it by then.
    const [first, fourth] = [`${plain}\n\n${paragraph("ranch")}`, `${plain}\n\n${paragraph("water")}`];
    const jaccard = (a: string, b: string) => exactJaccard(fingerprint(a).shingles, fingerprint(b).shingles);
    expect(jaccard(fourth, first)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(jaccard(fourth, plain)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    await insertPending(period.id, [first, plain, plain, fourth, "An unrelated short note."]);
    expect(await groupPendingComments(period.id)).toBe(5);

    const comments = await prisma.comment.findMany({ where: { periodId: period.id }, orderBy: { submittedAt: "asc" } });
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: comments[0].campaignId ?? "" } });
    expect(comments.map((c) => c.campaignId === campaign.id)).toEqual([true, true, true, true, false]);
    expect(campaign.representativeId).toBe(comments[2].id);
    expect(comments.slice(1, 3).map((c) => [c.similarity, c.addedText])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(comments[0].addedText).toMatch(/^ranchaa ranchba/);
    expect(comments[3].addedText).toMatch(/^wateraa waterba/);
    expect(comments[3].similarity).toBeCloseTo(jaccard(fourth, plain), 10);
    expect((await periodCounts(period.id)).formLettersWithAddedText).toBe(2);
  });
});
