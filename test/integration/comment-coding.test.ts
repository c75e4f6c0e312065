// Coding comments by concern and answering each concern once (decision 0030), against PostgreSQL.
import { describe, expect, it } from "vitest";
import {
  codePassage,
  codingProgress,
  codingQueue,
  commentForCoding,
  listTopics,
  removePassage,
  saveTopic,
  seedDefaultTopics,
} from "~/models/comments/comment-coding.server";
import { STANDARD_TOPICS } from "~/models/comments/comment-coding";
import { appendixRows, concernsForComments, publishedConcerns } from "~/models/concern-reading.server";
import {
  assignPassages,
  createConcern,
  publishConcern,
  unassignPassage,
  updateConcern,
} from "~/models/concern-response.server";
import { listResponses } from "~/models/comments/official-response.server";
import { moderate } from "~/models/comments/comment-moderation.server";
import { prisma } from "~/services/db.server";
import { createCampaignWith, createPublicComment, createReadingScenario } from "../support/comment-factories";

const LETTER = "Protect our groundwater. The open pit will drain the aquifer that feeds our wells.";

async function codedWorld() {
  const scenario = await createReadingScenario();
  const { period, context } = scenario;
  await seedDefaultTopics(period.id, context);
  const topics = await listTopics(period.id);
  const water = topics.find((t) => t.resourceArea === "WATER")!;
  const traffic = topics.find((t) => t.name === "Traffic")!;
  const { campaign, members } = await createCampaignWith(period.id, LETTER, {
    identical: 3,
    withAddedText: ["Haul trucks already crowd Main Street every morning."],
  });
  const single = await createPublicComment(period.id, {
    text: "I fear the mine will lower the aquifer under my ranch.\nPlease study the wells.",
    displayName: "Ana Rancher",
  });
  return { ...scenario, water, traffic, campaign, members, single };
}

describe("coding structure", () => {
  it("seeds the standard topics, or those of the project's environmental reviews, once", async () => {
    const { period, context, project, agency } = await createReadingScenario();
    await prisma.environmentalReview.createMany({
      data: [
        { projectId: project.id, agencyId: agency.id, resourceArea: "WATER", title: "Water" },
        { projectId: project.id, agencyId: agency.id, resourceArea: "CULTURAL_NHPA", title: "Section 106" },
      ],
    });
    const seeded = await seedDefaultTopics(period.id, context);
    expect(seeded.fromReviews).toBe(true);
    const names = (await listTopics(period.id)).map((t) => t.name);
    expect(names).toEqual([
      "Water quality and quantity",
      "Cultural resources",
      "Traffic",
      "Noise",
      "Process and alternatives",
    ]);
    await expect(seedDefaultTopics(period.id, context)).rejects.toThrow(/already has topics/);

    const other = await createReadingScenario();
    await seedDefaultTopics(other.period.id, other.context);
    expect(await listTopics(other.period.id)).toHaveLength(STANDARD_TOPICS.length);
    await expect(saveTopic(other.period.id, null, { name: "Noise", keywords: "" }, other.context)).rejects.toThrow(
      /already has a topic/,
    );
  });
});

describe("coding passages", () => {
  it("stores the quote as written, with offsets, and refuses a quote the comment does not contain", async () => {
    const { period, context, water, single } = await codedWorld();
    const coded = await codePassage(
      period.id,
      single.id,
      { topicId: water.id, quote: "lower the aquifer under my ranch. Please study", wholeCampaign: false },
      context,
    );
    expect(coded.wholeCampaign).toBe(false);
    const passage = await prisma.concernPassage.findUniqueOrThrow({ where: { id: coded.id } });
    expect(passage.quote).toBe("lower the aquifer under my ranch.\nPlease study");
    expect(single.text.slice(passage.startIndex, passage.endIndex)).toBe(passage.quote);
    await expect(
      codePassage(
        period.id,
        single.id,
        { topicId: water.id, quote: "the mine is great", wholeCampaign: false },
        context,
      ),
    ).rejects.toThrow(/not in this comment's text/);
    await expect(
      codePassage(
        period.id,
        single.id,
        { topicId: water.id, quote: "lower the aquifer", wholeCampaign: true },
        context,
      ),
    ).rejects.toThrow(/representative letter/);
  });

  it("codes a campaign's letter for every copy and counts progress honestly", async () => {
    const { period, context, water, traffic, members, single } = await codedWorld();
    const [rep] = members;
    expect(await codingProgress(period.id)).toEqual({
      substantive: 6,
      coded: 0,
      copiesWithAddedText: 0,
      copiesWithAddedTextCoded: 0,
    });
    // The queue lists the letter and the copy with added text, not the identical copies.
    const queue = await codingQueue(period.id, { uncodedOnly: true, page: 1, pageSize: 50 });
    expect(queue.comments.map((c) => c.id).sort()).toEqual([rep!.id, members[4]!.id, single.id].sort());

    await codePassage(
      period.id,
      rep!.id,
      { topicId: water.id, quote: "drain the aquifer", wholeCampaign: true },
      context,
    );
    expect(await codingProgress(period.id)).toEqual({
      substantive: 6,
      coded: 5,
      copiesWithAddedText: 1,
      copiesWithAddedTextCoded: 0,
    });
    const copy = await commentForCoding(period.id, members[4]!.id);
    expect(copy?.letterPassages.map((p) => p.quote)).toEqual(["drain the aquifer"]);
    expect(copy?.suggestions.some((s) => s.topicId === traffic.id && /“truck”/.test(s.reason))).toBe(true);
    await codePassage(
      period.id,
      members[4]!.id,
      { topicId: traffic.id, quote: "Haul trucks already crowd Main Street", wholeCampaign: false },
      context,
    );
    expect((await codingProgress(period.id)).copiesWithAddedTextCoded).toBe(1);

    // A hidden copy drops out of the count.
    await moderate(period.id, [members[1]!.id], { kind: "HIDE", reason: "Off topic" }, context);
    expect((await codingProgress(period.id)).substantive).toBe(5);
  });

  it("suggests a topic from a similar coded passage and says why", async () => {
    const { period, context, water, single } = await codedWorld();
    await saveTopic(period.id, water.id, { name: water.name, keywords: "" }, context);
    const other = await createPublicComment(period.id, {
      text: "We fear the mine will lower the aquifer under our farm.",
    });
    await codePassage(
      period.id,
      other.id,
      { topicId: water.id, quote: "We fear the mine will lower the aquifer under our farm.", wholeCampaign: false },
      context,
    );
    const found = await commentForCoding(period.id, single.id);
    const similar = found?.suggestions.find((s) => s.kind === "similar");
    expect(similar?.topicId).toBe(water.id);
    expect(similar?.reason).toContain(other.receiptNumber);
  });
});

describe("answering concerns", () => {
  it("publishes one answer linked to every comment and campaign copy raising it, never a hidden one", async () => {
    const { period, context, water, members, single } = await codedWorld();
    const [rep] = members;
    const letter = await codePassage(
      period.id,
      rep!.id,
      { topicId: water.id, quote: "drain the aquifer", wholeCampaign: true },
      context,
    );
    const own = await codePassage(
      period.id,
      single.id,
      { topicId: water.id, quote: "lower the aquifer under my ranch", wholeCampaign: false },
      context,
    );
    const hiddenOne = await createPublicComment(period.id, {
      text: "Secret aquifer worry.",
      displayName: "Hidden Name",
    });
    const hiddenPassage = await codePassage(
      period.id,
      hiddenOne.id,
      { topicId: water.id, quote: "Secret aquifer worry.", wholeCampaign: false },
      context,
    );
    const concern = await createConcern(
      period.id,
      { topicId: water.id, statement: "The pit may lower the aquifer that feeds wells." },
      context,
    );
    await assignPassages(period.id, concern.id, [letter.id, own.id, hiddenPassage.id], context);
    await moderate(period.id, [hiddenOne.id], { kind: "HIDE", reason: "Test" }, context);
    await expect(publishConcern(period.id, concern.id, 1, context)).rejects.toThrow(/Write the answer/);
    await updateConcern(
      period.id,
      concern.id,
      {
        statement: "The pit may lower the aquifer that feeds wells.",
        answer: "Section 3.4 models drawdown.",
        lockVersion: 1,
      },
      context,
    );
    await expect(publishConcern(period.id, concern.id, 1, context)).rejects.toThrow(/changed this concern/);
    const done = await publishConcern(period.id, concern.id, 2, context);
    expect(done.answered).toBe(6);

    const events = await prisma.domainEvent.findMany({
      where: { type: { in: ["comment.responded", "concern.published"] } },
    });
    expect(events.filter((e) => e.type === "comment.responded")).toHaveLength(6);
    expect(events.filter((e) => e.type === "concern.published")).toHaveLength(1);

    const [published] = await publishedConcerns(period.id);
    expect(published?.raisedBy.total).toBe(6);
    expect(published?.raisedBy.campaigns).toEqual([
      expect.objectContaining({ representativeReceipt: rep!.receiptNumber, copies: 5, quotes: ["drain the aquifer"] }),
    ]);
    expect(published?.raisedBy.comments.map((c) => c.receiptNumber)).toEqual([single.receiptNumber]);
    const csv = JSON.stringify(appendixRows(await publishedConcerns(period.id)));
    expect(csv).not.toContain("Hidden Name");
    expect(csv).not.toContain("Secret aquifer");

    const traces = await concernsForComments(period.id, [members[2]!.id, single.id, hiddenOne.id]);
    expect(traces.get(members[2]!.id)).toEqual([
      expect.objectContaining({ viaCampaign: true, responseId: done.responseId }),
    ]);
    expect(traces.get(single.id)?.[0]?.viaCampaign).toBe(false);
    expect(traces.has(hiddenOne.id)).toBe(false);

    const groups = await listResponses(period.id);
    expect(groups[0]?.issue).toBe(water.name);

    // Published: not edited, passages stay; a copy added to the campaign later is linked when coded.
    await expect(unassignPassage(period.id, concern.id, own.id, context)).rejects.toThrow(/published answer/);
    await expect(removePassage(period.id, own.id, context)).rejects.toThrow(/published answer/);
    const late = await createPublicComment(period.id, { text: "The wells matter to us." });
    const latePassage = await codePassage(
      period.id,
      late.id,
      { topicId: water.id, quote: "The wells matter", wholeCampaign: false },
      context,
    );
    await assignPassages(period.id, concern.id, [latePassage.id], context);
    const links = await prisma.officialResponseComment.count({ where: { responseId: done.responseId } });
    expect(links).toBe(7);
  });

  it("refuses to publish a concern with no published comment", async () => {
    const { period, context, water } = await codedWorld();
    const concern = await createConcern(period.id, { topicId: water.id, statement: "Empty." }, context);
    await updateConcern(period.id, concern.id, { statement: "Empty.", answer: "An answer.", lockVersion: 1 }, context);
    await expect(publishConcern(period.id, concern.id, 2, context)).rejects.toThrow(/at least one passage/);
  });
});
