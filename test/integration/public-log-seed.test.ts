// The demo record and the public log: the seed writes real public history directly (and the
// fictional training project partly through the app's own workflows), so each seeded project gets
// a `record.baseline` entry in the transaction that wrote it. After seeding, every project people
// see is covered by the log, every seeded comment is listed, and the verifier passes end to end.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed";
import { sequenceLog } from "~/models/log/sequencer.server";
import { loader as checkpointsLoader } from "~/routes/api.v1.log.checkpoints";
import { loader as entriesLoader } from "~/routes/api.v1.log.entries";
import { loader as inclusionLoader } from "~/routes/api.v1.log.proof.inclusion";
import { loader as keyLoader } from "~/routes/api.v1.log.public-key";
import { loader as stateLoader } from "~/routes/api.v1.log.state";
import { prisma } from "~/services/db.server";
import { verifyRecord } from "../../public/verify-record.mjs";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const ROUTES: Record<string, Loader> = {
  "/api/v1/log/checkpoints": checkpointsLoader,
  "/api/v1/log/entries": entriesLoader,
  "/api/v1/log/proof/inclusion": inclusionLoader,
  "/api/v1/log/public-key": keyLoader,
  "/api/v1/log/state": stateLoader,
};

async function fetchJson(path: string) {
  const url = new URL(path, "http://localhost:3000");
  const response = await ROUTES[url.pathname]({
    request: new Request(url),
    params: {},
    context: { requestId: "req-seed", clientIp: "127.0.0.1", cspNonce: "" },
  });
  const data = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${data.detail}`);
  return data;
}

beforeAll(async () => {
  await seedDemoData(prisma, { now: new Date(), log: () => {} });
  await sequenceLog();
});

describe("the seeded demo record in the public log", () => {
  it("gives every seeded project a baseline entry with its stage and milestones, and the training comments theirs", async () => {
    const projects = await prisma.project.findMany({
      select: { id: true, slug: true, currentStage: true, status: true, _count: { select: { milestones: true } } },
    });
    expect(projects.length).toBeGreaterThan(1);
    const baselines = await prisma.logEntry.findMany({ where: { type: "record.baseline" } });
    for (const project of projects) {
      const mine = baselines.map((e) => JSON.parse(e.body).data).filter((d) => d.projectId === project.id && d.stage);
      expect(mine, project.slug).toHaveLength(1);
      expect(mine[0]).toMatchObject({ slug: project.slug, stage: project.currentStage, status: project.status });
      expect(mine[0].milestones).toHaveLength(project._count.milestones);
    }
    const training = await prisma.project.findFirstOrThrow({ where: { isTraining: true }, select: { id: true } });
    const listed = baselines
      .map((e) => JSON.parse(e.body).data)
      .filter((d) => d.projectId === training.id && d.comments)
      .flatMap((d) => d.comments.map((c: { receiptNumber: string }) => c.receiptNumber));
    const comments = await prisma.comment.findMany({ where: { period: { projectId: training.id } } });
    expect(comments.length).toBeGreaterThan(100);
    expect(new Set(listed)).toEqual(new Set(comments.map((c) => c.receiptNumber)));
    // Public facts only: no comment text or name enters a baseline.
    const bodies = baselines.map((e) => e.body).join("\n");
    for (const c of comments.slice(0, 20)) {
      expect(bodies).not.toContain(c.text.slice(0, 40));
      if (c.submitterType !== "ANONYMOUS") expect(bodies).not.toContain(`"${c.displayName}"`);
    }
  });

  it("verifies end to end, the seed's workflows included", async () => {
    expect(await prisma.logPending.count()).toBe(0);
    const result = await verifyRecord({ url: "http://localhost:3000", fetchJson });
    expect(result.problem).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(await prisma.logEntry.count());
  });

  it("names a seeded project whose stage changed without an entry", async () => {
    const project = await prisma.project.findFirstOrThrow({
      where: { isTraining: false },
      select: { id: true, slug: true },
    });
    await prisma.project.update({ where: { id: project.id }, data: { status: "WITHDRAWN" } });
    const result = await verifyRecord({ url: "http://localhost:3000", fetchJson });
    expect(result.ok).toBe(false);
    expect(result.problem).toContain(`project ${project.slug}`);
    expect(result.problem).toContain("changed without an entry");
  });
});
