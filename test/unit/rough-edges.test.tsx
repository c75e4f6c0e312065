// Rough edges from the walk through the site (issue 11, part 4), each with the behaviour it guards.
// Pages are rendered the way the server sends them, so what is checked holds without JavaScript.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// Route modules import the database client; nothing here queries it.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
});

import { renderRoute } from "../support/render-route";
import { SiteHeader } from "~/components/SiteHeader";
import { exportColumns, exportRow, type ExportedComment } from "~/models/comments/comment-export.server";
import { endsProject, TRANSITION_KINDS } from "~/models/workflow";
import { links, meta } from "~/root";
import AuthVerify from "~/routes/auth.verify";
import CommentForm from "~/routes/comment-periods.$periodId.comment";
import PeriodComments from "~/routes/comment-periods.$periodId.comments";
import { loader as faviconIco } from "~/routes/favicon[.]ico";
import StageChange from "~/routes/projects.$slug.stage";
import { stageChangeSchema } from "~/schemas/project";
import { exportedComment } from "../support/exported-comment";

const strip = (html: string) => html.replaceAll("<!-- -->", "");

describe("comment form without JavaScript", () => {
  it("has 'as an individual' selected for a signed-in person, as the JavaScript version does", async () => {
    const html = await renderRoute(CommentForm, {
      loader: {
        period: {
          id: "p1",
          title: "Draft EIS",
          description: null,
          allowAnonymous: true,
          project: { slug: "x", name: "Rhyolite Ridge" },
        },
        state: "open",
        opens: "Jan 1, 2026",
        deadline: "Mar 1, 2026",
        user: { name: "Ada", email: "ada@example.org" },
        organizations: [],
        idempotencyKey: "k",
        limits: { files: 5, perFile: "20 MB", accept: ".pdf" },
      },
    });
    const radio = (value: string) => html.match(new RegExp(`<input[^>]*value="${value}"[^>]*>`))?.[0] ?? "";
    expect(radio("INDIVIDUAL")).toContain('checked=""');
    expect(radio("ANONYMOUS")).not.toContain("checked");
  });
});

describe("decisions that end a project", () => {
  it("are denial and withdrawal, and only those", () => {
    expect(TRANSITION_KINDS.filter(endsProject)).toEqual(["DENY", "WITHDRAW"]);
  });

  it("ask for confirmation on a page of their own that carries the submitted values", async () => {
    const html = strip(
      await renderRoute(StageChange, {
        loader: {
          project: { slug: "x", name: "Rhyolite Ridge", version: 3, status: "IN_PROGRESS", stageLabel: "Draft EIS" },
          options: [{ kind: "DENY", label: "Record denial", available: true, why: null }],
          earlierStages: [],
        },
        action: {
          ok: false,
          errors: {},
          values: {},
          confirm: {
            kind: "DENY",
            label: "Record denial",
            reason: "The applicant withdrew its water rights.",
            version: "3",
          },
        },
      }),
    );
    expect(html).toContain("Confirm: record denial for Rhyolite Ridge?");
    expect(html).toContain('name="confirmed" value="yes"');
    expect(html).toContain('name="kind" value="DENY"');
    expect(html).toContain('name="version" value="3"');
    expect(html).toContain("Yes, record denial");
    expect(html).not.toContain("What happens");
  });

  it("accept the confirmation field and ignore anything else in it", () => {
    const base = { version: "3", kind: "DENY", reason: "The applicant withdrew its water rights." };
    const confirmed = stageChangeSchema.safeParse({ ...base, confirmed: "yes" });
    expect(confirmed.success && confirmed.data.confirmed).toBe("yes");
    const forged = stageChangeSchema.safeParse({ ...base, confirmed: "true" });
    expect(forged.success && forged.data.confirmed).toBeUndefined();
  });
});

describe("email confirmation", () => {
  it("says on the page that one press is left and why, when JavaScript does not send it", async () => {
    const html = strip(await renderRoute(AuthVerify, { loader: { token: "t", user: null } }));
    expect(html).toContain("One step left");
    expect(html).toContain("Opening the link alone does not confirm it");
  });

  it("hides the 'please confirm' banner on the confirmation page, and only there", async () => {
    const root = {
      user: {
        email: "ada@example.org",
        emailVerified: false,
        name: "Ada",
        organizations: [],
        roles: [],
        unreadNotifications: 0,
      },
      can: { addProject: false, admin: false, dashboard: false, queue: false },
    };
    const onVerify = await renderRoute(SiteHeader, { loader: root }, "http://lodestone.test/auth/verify", "root");
    expect(onVerify).not.toContain("Please confirm your email address");
    const elsewhere = await renderRoute(SiteHeader, { loader: root }, "http://lodestone.test/projects", "root");
    expect(elsewhere).toContain("Please confirm your email address");
  });
});

describe("counts in words", () => {
  it("uses the singular for one", async () => {
    const one = { comments: 1, identicalCopies: 1, formLettersWithAddedText: 1, editedCopies: 1 };
    const html = strip(
      await renderRoute(PeriodComments, {
        loader: {
          period: { id: "p1", title: "Draft EIS", timeZone: "America/Los_Angeles" },
          project: { id: "x", slug: "x", name: "Rhyolite Ridge" },
          search: { page: 1 },
          list: { comments: [], total: 1, page: 1, pageSize: 50, pageCount: 1 },
          counts: {
            totalComments: 1,
            uniqueComments: 1,
            campaigns: 1,
            copiesInCampaigns: 1,
            ...one,
            byCampaign: [],
          },
          myHidden: [],
          can: { report: false, moderate: false },
        },
      }),
    );
    expect(html).toContain("1 published comment<");
    expect(html).toContain("1 unique comment<");
    expect(html).toContain("1 form-letter campaign<");
    expect(html).toContain("1 copy in campaigns<");
    expect(html).toContain("1 identical copy,");
    expect(html).toContain("1 comment<");
    expect(html).not.toMatch(/\b1 (published comments|unique comments|form-letter campaigns|copies)\b/);
  });
});

describe("CSV export and the campaigns the page counts", () => {
  const options = { full: false, base: "https://lodestone.test", periodId: "p1", timeZone: "UTC" };
  const campaignOf = (comment: ExportedComment, campaigns: Set<string>, full = false) =>
    exportRow(comment, { ...options, full, campaigns })[exportColumns({ full }).indexOf("campaign_id")];

  it("names a campaign only when the page counts it (two or more published copies)", () => {
    const copy = exportedComment({ campaignId: "camp-1" });
    expect(campaignOf(copy, new Set())).toBe("");
    expect(campaignOf(copy, new Set(["camp-1"]))).toBe("camp-1");
  });

  it("does not say which campaign a withheld comment belongs to", () => {
    const hidden = exportedComment({ campaignId: "camp-1", status: "HIDDEN" });
    expect(campaignOf(hidden, new Set(["camp-1"]))).toBe("");
  });
});

describe("refusal pages and the favicon", () => {
  it("titles a refused page as refused", () => {
    const error = { status: 403, statusText: "Forbidden", internal: false, data: "Only moderators may see this." };
    const tags = meta({ error } as unknown as Parameters<typeof meta>[0]);
    expect(tags).toContainEqual({ title: "Access refused: you do not have access to this · Lodestone" });
  });

  it("keeps the normal title when nothing went wrong", () => {
    const tags = meta({ error: undefined } as unknown as Parameters<typeof meta>[0]);
    expect(tags[0]).toEqual({ title: "Lodestone: the public permitting record of proposed mines" });
  });

  it("links an SVG icon that exists, and sends /favicon.ico to it", () => {
    expect(links()).toContainEqual({ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" });
    expect(existsSync(path.join(process.cwd(), "public", "favicon.svg"))).toBe(true);
    const response = faviconIco();
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe("/favicon.svg");
  });
});
