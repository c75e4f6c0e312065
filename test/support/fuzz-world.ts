// The world the form fuzz suite runs in: one project with a record of everything an action can be
// pointed at, a signed-in session per role, every action route found on disk, and a checksum of
// the database to prove a refused request wrote nothing.
import { readdirSync } from "node:fs";
import path from "node:path";
import { prisma } from "~/services/db.server";
import { lucia } from "~/services/auth.server";
import { insertPeriodRow, createPublicComment } from "./comment-factories";
import { createUser } from "./factories";
import { insertPackageRow, insertRequestRow, insertReviewRow } from "./request-factories";
import { createProjectWorld } from "./world";

export type Role = "anonymous" | "public" | "company" | "leadRegulator" | "outsider" | "admin";
export const ROLES: Role[] = ["anonymous", "public", "company", "leadRegulator", "outsider", "admin"];

export type ActionModule = {
  action: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};
export type ActionRoute = { file: string; path: string; params: Record<string, string>; module: ActionModule };

export async function buildWorld() {
  const world = await createProjectWorld();
  const { project, leadRegulator } = world;
  const { companyMember: companyUser, unrelatedRegulator: outsider, leadAgency: lead } = world;
  const [member, admin] = await Promise.all([createUser({ name: "Public Person" }), createUser({ isAdmin: true })]);
  const period = await insertPeriodRow({
    projectId: project.id,
    openedById: leadRegulator.id,
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    allowAnonymous: true,
  });
  const pkg = await insertPackageRow({ projectId: project.id, createdById: companyUser.id, versions: [] });
  const review = await insertReviewRow({
    projectId: project.id,
    agencyId: lead.id,
    opened: "2026-01-05",
    assignedUserIds: [leadRegulator.id],
  });
  const request = await insertRequestRow({
    projectId: project.id,
    issuedById: leadRegulator.id,
    answeredById: companyUser.id,
    issued: "2026-02-02",
    reviewId: review.id,
  });
  // The public member's own comment, hidden pending review, so its receipt page takes a review request.
  const hiddenComment = await createPublicComment(period.id, { userId: member.id, status: "PENDING_REVIEW" });
  // The public member's personal watchlist, with a saved search, so every watchlist action has a target.
  const watchlist = await prisma.watchlist.create({
    data: {
      name: "Fuzzed watchlist",
      ownerUserId: member.id,
      projects: { create: { projectId: project.id } },
      searches: { create: { name: "Everything in Nevada", query: "?state=NV" } },
    },
  });
  // A published comment to code, and a draft concern statement on a topic, for the coding pages.
  const codedComment = await createPublicComment(period.id, { text: "The pit will drain the aquifer." });
  const topic = await prisma.codingTopic.create({
    data: { periodId: period.id, name: "Water quality and quantity", keywords: ["aquifer"], position: 0 },
  });
  const concern = await prisma.concernStatement.create({
    data: {
      periodId: period.id,
      topicId: topic.id,
      statement: "The pit may drain the aquifer.",
      createdById: leadRegulator.id,
    },
  });
  const users: Record<Exclude<Role, "anonymous">, string> = {
    public: member.id,
    company: companyUser.id,
    leadRegulator: leadRegulator.id,
    outsider: outsider.id,
    admin: admin.id,
  };
  const cookies: Record<Role, string | null> = { anonymous: null } as Record<Role, string | null>;
  for (const [role, userId] of Object.entries(users)) {
    const session = await lucia.createSession(userId, {});
    const cookie = lucia.createSessionCookie(session.id);
    cookies[role as Role] = `${cookie.name}=${cookie.value}`;
  }
  const company = await prisma.organization.findUniqueOrThrow({ where: { id: project.companyId } });
  // Every dynamic segment an action route may have, pointing at a real record.
  const params: Record<string, string> = {
    slug: project.slug,
    periodId: period.id,
    packageId: pkg.id,
    reviewId: review.id,
    requestId: request.id,
    token: "not-a-real-token",
    orgSlug: company.slug,
    receipt: hiddenComment.receiptNumber,
    watchlistId: watchlist.id,
    commentId: codedComment.id,
    concernId: concern.id,
  };
  return { cookies, params, companySlug: company.slug };
}

/**
 * Every route module in app/routes that exports an action, with its URL made from the file name
 * (Remix flat routes). A dynamic segment the world has no value for fails the suite.
 */
export async function actionRoutes(params: Record<string, string>, slugFor: (file: string) => string) {
  const dir = path.resolve(import.meta.dirname, "../../app/routes");
  const routes: ActionRoute[] = [];
  for (const file of readdirSync(dir).sort()) {
    const module = (await import(/* @vite-ignore */ path.join(dir, file))) as Partial<ActionModule>;
    if (typeof module.action !== "function") continue;
    const segments = file
      .replace(/\.tsx?$/, "")
      .replace(/\[\.\]/g, "\uE000")
      .split(".")
      .map((segment) => segment.replace(/\uE000/g, ".").replace(/_$/, ""))
      .filter((segment) => segment !== "_index");
    const routeParams: Record<string, string> = {};
    const urlSegments = segments.map((segment) => {
      if (!segment.startsWith("$")) return segment;
      const name = segment.slice(1);
      const value = name === "slug" ? slugFor(file) : params[name];
      if (value === undefined) throw new Error(`The fuzz world has no value for :${name} in ${file}; add one.`);
      routeParams[name] = value;
      return value;
    });
    routes.push({ file, path: `/${urlSegments.join("/")}`, params: routeParams, module: module as ActionModule });
  }
  return routes;
}

// Tables an action may touch while refusing, by design: a session's last use, and the counters that
// limit how often a refused request may be repeated.
const WRITES_ON_REFUSAL = new Set(["_prisma_migrations", "Session"]);

/** One number per table that changes if any row is inserted, updated or deleted. */
export async function databaseChecksum(): Promise<string> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    select table_name::text as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  const parts = tables
    .filter((table) => !WRITES_ON_REFUSAL.has(table.name))
    .map(
      (table) =>
        `select '${table.name}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as c from "${table.name}" x`,
    );
  const rows = await prisma.$queryRawUnsafe<{ t: string; c: string }[]>(parts.join(" union all "));
  return rows.map((row) => `${row.t}=${row.c}`).join(";");
}
