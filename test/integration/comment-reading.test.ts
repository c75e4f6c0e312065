import { describe, expect, it } from "vitest";
import { exportColumns, exportComments } from "~/models/comments/comment-export.server";
import { moderate } from "~/models/comments/comment-moderation.server";
import { listCampaigns, listPublishedComments, periodCounts } from "~/models/comments/comment-reading.server";
import { summarizeCounts } from "~/models/comments/form-letters";
import { csvCell, csvRow, csvStream } from "~/services/csv.server";
import { prisma } from "~/services/db.server";
import { createCampaignWith, createPublicComment, createReadingScenario } from "../support/comment-factories";
import { createOrganization } from "../support/factories";

const LETTER =
  "I oppose the proposed open pit because it will lower the water table and harm the sage grouse habitat nearby.";

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe("reading published comments", () => {
  it("finds comments by a stemmed word with full-text search", async () => {
    const { period } = await createReadingScenario();
    const about = await createPublicComment(period.id, { text: "Three mines in one valley is too many." });
    await createPublicComment(period.id, { text: "Please extend the deadline." });
    const found = await listPublishedComments(period.id, { q: "mining", page: 1, pageSize: 20 });
    expect(found.comments.map((c) => c.id)).toEqual([about.id]);
    expect(found.total).toBe(1);
    const hostile = await listPublishedComments(period.id, { q: '\'; drop table "Comment" --', page: 1, pageSize: 5 });
    expect(hostile.total).toBe(0);
  });

  it("filters by submitter type and shows the organization's name", async () => {
    const { period } = await createReadingScenario();
    const ngo = await createOrganization("NGO", `Great Basin Water Network ${Date.now()}`);
    const org = await createPublicComment(period.id, { submitterType: "ORGANIZATION", organizationId: ngo.id });
    await createPublicComment(period.id, { submitterType: "INDIVIDUAL" });
    await createPublicComment(period.id, { submitterType: "ANONYMOUS", displayName: "Anonymous" });
    const found = await listPublishedComments(period.id, { submitterType: "ORGANIZATION", page: 1, pageSize: 20 });
    expect(found.comments).toEqual([expect.objectContaining({ id: org.id, organizationName: ngo.name })]);
  });

  it("pages through comments in the order they were received, and leaves hidden ones out", async () => {
    const { period } = await createReadingScenario();
    const start = Date.now() - 3_600_000;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await createPublicComment(period.id, { submittedAt: new Date(start + i * 1000) }));
    }
    await createPublicComment(period.id, { status: "HIDDEN", text: "hidden spam" });
    await createPublicComment(period.id, { status: "PENDING_REVIEW", text: "pending" });
    const first = await listPublishedComments(period.id, { page: 1, pageSize: 2 });
    const third = await listPublishedComments(period.id, { page: 3, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pageCount: 3 });
    expect(first.comments.map((c) => c.id)).toEqual([made[0].id, made[1].id]);
    expect(third.comments.map((c) => c.id)).toEqual([made[4].id]);
  });
});

describe("honest counts", () => {
  it("counts unique comments, campaigns, copies and form letters with added text as summarizeCounts defines", async () => {
    const { period, context } = await createReadingScenario();
    const big = await createCampaignWith(period.id, LETTER, {
      identical: 4,
      withAddedText: ["My family has ranched here for four generations.", "The springs feed our cattle in August."],
    });
    const hiddenCopy = await createPublicComment(period.id, { text: LETTER, campaignId: big.campaign.id });
    await moderate(period.id, [hiddenCopy.id], { kind: "HIDE", reason: "Duplicate submission by a bot" }, context);
    const pair = await createCampaignWith(period.id, "Protect Thacker Pass, a sacred site.", { identical: 1 });
    await createPublicComment(period.id, { text: "The road plan ignores school buses." });
    await createPublicComment(period.id, { text: "Dust from the haul road worries me." });
    // A Campaign row with a single member is not a campaign: its comment is unique.
    await createCampaignWith(period.id, "A letter nobody else sent.", { identical: 0 });

    const counts = await periodCounts(period.id);
    expect(counts).toMatchObject({
      totalComments: 12,
      uniqueComments: 3,
      campaigns: 2,
      copiesInCampaigns: 9,
      identicalCopies: 7,
      formLettersWithAddedText: 2,
      editedCopies: 0,
    });
    expect(counts.byCampaign.map((c) => [c.campaignId, c.comments])).toEqual([
      [big.campaign.id, 7],
      [pair.campaign.id, 2],
    ]);
    expect(counts.byCampaign[0].representativeText).toBe(LETTER);

    // The same figures as the pure definition, from the same grouping.
    const published = await prisma.comment.findMany({ where: { periodId: period.id, status: "PUBLISHED" } });
    const reps = new Map(
      (await prisma.campaign.findMany({ where: { periodId: period.id }, include: { comments: true } })).map((c) => [
        c.id,
        c.comments.find((m) => m.id === c.representativeId)?.exactKey,
      ]),
    );
    const pure = summarizeCounts(
      published.map((c) => ({
        groupId: c.campaignId ?? c.id,
        kind: c.campaignId && reps.get(c.campaignId) !== c.exactKey ? ("near" as const) : ("identical" as const),
        addedText: c.addedText ?? "",
      })),
    );
    const { byCampaign: _sql, ...sqlFigures } = counts;
    const { byCampaign: _pure, ...pureFigures } = pure;
    expect(sqlFigures).toEqual(pureFigures);

    const campaigns = await listCampaigns(period.id);
    expect(campaigns[0]).toMatchObject({ identicalCopies: 5, formLettersWithAddedText: 2 });

    const copies = await listPublishedComments(period.id, { campaignId: big.campaign.id, page: 1, pageSize: 50 });
    expect(copies.total).toBe(7);
    expect(copies.comments.every((c) => c.isFormLetter)).toBe(true);
    expect(copies.comments.filter((c) => c.addedText).map((c) => c.addedText)).toHaveLength(2);
  });
});

describe("exports", () => {
  it("marks hidden comments in the public export and leaves out their text; the full export keeps it", async () => {
    const { period, context } = await createReadingScenario();
    const visible = await createPublicComment(period.id, { text: '=HYPERLINK("http://evil")', displayName: "Ann" });
    const hidden = await createPublicComment(period.id, {
      text: "Call me at 775-555-0100",
      displayName: "Bob Private",
      email: "bob@example.org",
    });
    await moderate(period.id, [hidden.id], { kind: "HIDE", reason: "Personal information" }, context);

    const publicRows = await collect(exportComments(period.id, { full: false }));
    const columns = exportColumns({ full: false });
    const byReceipt = new Map(
      publicRows.map((row) => [row[0], Object.fromEntries(columns.map((c, i) => [c, row[i]]))]),
    );
    expect(byReceipt.get(hidden.receiptNumber)).toMatchObject({
      status: "HIDDEN",
      text: "[hidden by moderator: Personal information]",
      display_name: "[withheld]",
    });
    expect(JSON.stringify(publicRows)).not.toContain("775-555-0100");
    expect(JSON.stringify(publicRows)).not.toContain("bob@example.org");
    expect(byReceipt.get(visible.receiptNumber)).toMatchObject({ display_name: "Ann", status: "PUBLISHED" });

    const fullColumns = exportColumns({ full: true });
    const fullRows = await collect(exportComments(period.id, { full: true }));
    const fullHidden = fullRows.find((row) => row[0] === hidden.receiptNumber) ?? [];
    expect(fullHidden[fullColumns.indexOf("text")]).toBe("Call me at 775-555-0100");
    expect(fullHidden[fullColumns.indexOf("email")]).toBe("bob@example.org");

    const bytes = await new Response(csvStream(columns, exportComments(period.id, { full: false }))).arrayBuffer();
    // ignoreBOM keeps the byte order mark, which is part of what is checked.
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(body.startsWith("\uFEFFreceipt,submitted_at,")).toBe(true);
    expect(body).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(body).toMatch(/\r\n$/);
  });

  it("names a campaign only when the comments page counts it (two or more published copies)", async () => {
    const { period } = await createReadingScenario();
    const pair = await createCampaignWith(period.id, "Protect Thacker Pass, a sacred site.", { identical: 1 });
    const lone = await createCampaignWith(period.id, "A letter nobody else sent.", { identical: 0 });
    expect((await periodCounts(period.id)).campaigns).toBe(1);

    const columns = exportColumns({ full: false });
    const rows = await collect(exportComments(period.id, { full: false }));
    const campaignIds = rows.map((row) => row[columns.indexOf("campaign_id")]).filter(Boolean);
    expect(new Set(campaignIds)).toEqual(new Set([pair.campaign.id]));
    expect(campaignIds).not.toContain(lone.campaign.id);
  });

  it("reads past one batch by keyset without losing or repeating a row", async () => {
    const { period } = await createReadingScenario();
    const at = new Date("2026-01-05T17:00:00Z");
    await prisma.comment.createMany({
      data: Array.from({ length: 1_005 }, (_, i) => ({
        periodId: period.id,
        receiptNumber: `LDS-BULK-${i.toString().padStart(5, "0")}`,
        idempotencyKey: `bulk-${i}`,
        submitterType: "INDIVIDUAL" as const,
        displayName: "Bulk",
        text: "Same instant for everyone",
        exactKey: "0".repeat(64),
        submittedAt: at,
      })),
    });
    const rows = await collect(exportComments(period.id, { full: false }));
    expect(new Set(rows.map((r) => r[0])).size).toBe(1_005);
    // Written in the period's zone with its offset: the same instant.
    expect(new Date(String(rows[0][1])).getTime()).toBe(at.getTime());
  });
});

describe("CSV cells", () => {
  it("quotes per RFC 4180 and neutralises formula starts", () => {
    expect(csvCell('say "no", please')).toBe('"say ""no"", please"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1 775 555")).toBe("'+1 775 555");
    expect(csvCell("-rf")).toBe("'-rf");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, undefined])).toBe("a,1,\r\n");
  });
});
