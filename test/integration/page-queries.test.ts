// How many SQL statements a visitor's public page costs (issue 15, goal 2: uncached pages batch their
// reads). Counted at the pg driver, under Prisma: every statement the page's loaders send, whatever
// sends it. A bound, not an exact figure, so a harmless extra read does not break the test; the
// figures before and after are in bench/README.md.
import type { AppLoadContext } from "@remix-run/node";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as projectPage } from "~/routes/projects.$slug._index";
import { prisma } from "~/services/db.server";
import { createProjectWorld, type ProjectWorld } from "../support/world";

const context = { requestId: "req-queries", clientIp: "127.0.0.1", cspNonce: "n" } as AppLoadContext;
const statements: string[] = [];
// The pg client's query method, wrapped to record the SQL and then call the real one.
const realQuery = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = typeof config === "string" ? config : (config?.text ?? "");
    if (!/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text)) statements.push(text);
    return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = realQuery;
});

async function countStatements(run: () => Promise<unknown>) {
  await run(); // once to warm the pool and Prisma's query plans
  statements.length = 0;
  await run();
  return [...statements];
}

describe("statements per public page", () => {
  let world: ProjectWorld;
  beforeAll(async () => {
    world = await createProjectWorld();
    const { project, leadAgency } = world;
    for (let i = 0; i < 8; i++) {
      const milestone = await prisma.milestone.create({
        data: {
          projectId: project.id,
          key: `m${i}`,
          name: `Milestone ${i}`,
          jurisdiction: "FEDERAL",
          agencyId: leadAgency.id,
          sortOrder: i,
          targetDate: new Date(Date.UTC(2027, i, 1)),
          baselineDate: new Date(Date.UTC(2026, i, 1)),
        },
      });
      await prisma.milestoneDateChange.create({
        data: {
          milestoneId: milestone.id,
          previousDate: new Date(Date.UTC(2026, i, 1)),
          newDate: new Date(Date.UTC(2027, i, 1)),
          reason: "CONSULTATION",
          narrative: "Moved for the bench.",
        },
      });
    }
  });

  it("a project page, for a visitor", async () => {
    const sent = await countStatements(async () => {
      const request = new Request(`http://localhost:3000/projects/${world.project.slug}`);
      return projectPage({ request, params: { slug: world.project.slug }, context });
    });
    console.log(`[page-queries] project page: ${sent.length} statements`);
    // 28 today: Prisma sends one statement per nested relation. With the relationJoins preview
    // feature it was 13, but no CPU saving could be measured (decision record 0033).
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(28);
  });
});
