// Query parameters every read-API collection shares: `limit`, `cursor`, `include_training`; and
// the page body with its `next` link. A bad value is a 400 naming the parameter, never a guess.
import { findPublicProjectRef } from "~/models/public-record/projects.server";
import { findPublicPeriodId } from "~/models/public-record/comments.server";
import { publicUrl } from "~/models/public-record/urls.server";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "~/schemas/api/common";
import { parseProjectQuery, type ProjectQuery } from "~/schemas/project-search";
import { decodeCursor, encodeCursor, type CursorKey } from "./cursor.server";
import { apiNotFound, badRequest } from "./problem.server";

/** How a collection's sort key becomes a cursor and back. */
export type KeyCodec<K> = {
  parts: readonly ("instant" | "int" | "text")[];
  encode: (key: K) => CursorKey;
  decode: (key: CursorKey) => K;
};

export const instantIdKey: KeyCodec<{ value: Date; id: string }> = {
  parts: ["instant", "text"],
  encode: (key) => [key.value.toISOString(), key.id],
  decode: (key) => ({ value: new Date(String(key[0])), id: String(key[1]) }),
};

export const intIdKey: KeyCodec<{ value: number; id: string }> = {
  parts: ["int", "text"],
  encode: (key) => [key.value, key.id],
  decode: (key) => ({ value: Number(key[0]), id: String(key[1]) }),
};

export const textKey: KeyCodec<string> = {
  parts: ["text"],
  encode: (key) => [key],
  decode: (key) => String(key[0]),
};

export function readLimit(url: URL): number {
  const raw = url.searchParams.get("limit");
  if (raw === null || raw === "") return DEFAULT_PAGE_LIMIT;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE_LIMIT) {
    throw badRequest(`limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.`, [
      { parameter: "limit", message: `a whole number from 1 to ${MAX_PAGE_LIMIT}` },
    ]);
  }
  return Number(raw);
}

export function readPage<K>(url: URL, collection: string, codec: KeyCodec<K>): { limit: number; after: K | null } {
  const limit = readLimit(url);
  const key = decodeCursor(url.searchParams.get("cursor"), collection, codec.parts);
  return { limit, after: key === null ? null : codec.decode(key) };
}

/** `{ data, next }`: next repeats this request's parameters with the cursor after the last item. */
export function pageBody<T, K>(
  url: URL,
  collection: string,
  codec: KeyCodec<K>,
  page: { items: T[]; nextKey: K | null },
) {
  let next: string | null = null;
  if (page.nextKey !== null) {
    const nextUrl = new URL(publicUrl(url.pathname + url.search));
    nextUrl.searchParams.set("cursor", encodeCursor(collection, codec.encode(page.nextKey)));
    next = nextUrl.toString();
  }
  return { data: page.items, next };
}

/** `include_training=true` asks for the demo's fictional project; anything but true/false is a 400. */
export function trainingChoice(url: URL): { includeTraining: boolean } {
  const raw = url.searchParams.get("include_training");
  if (raw === null || raw === "" || raw === "false") return { includeTraining: false };
  if (raw === "true") return { includeTraining: true };
  throw badRequest("include_training must be true or false.", [
    { parameter: "include_training", message: "true or false" },
  ]);
}

export async function requirePublicProject(slug: string | undefined, url: URL) {
  const project = await findPublicProjectRef(slug ?? "", trainingChoice(url));
  if (!project) throw apiNotFound(notFoundDetail("project", url));
  return project;
}

export async function requirePublicPeriod(periodId: string | undefined, url: URL) {
  const id = await findPublicPeriodId(periodId ?? "", trainingChoice(url));
  if (!id) throw apiNotFound(notFoundDetail("comment period", url));
  return id;
}

function notFoundDetail(what: string, url: URL) {
  return url.searchParams.get("include_training") === "true"
    ? `There is no ${what} at this address.`
    : `There is no ${what} at this address. (The demo's fictional training project is left out unless include_training=true.)`;
}

/** The /projects filters the API takes; the order is the list's own (slug), so no sort or page. */
export const PROJECT_FILTERS = ["q", "state", "commodity", "stage", "status", "leadAgency", "schedule"] as const;

/**
 * The /projects filters, parsed by the page's own schema. The page quietly drops a value it cannot
 * use (a shared link must still open); a program asking for state=XX must hear that it was refused
 * rather than get every project, so here a given value the schema dropped is a 400.
 */
export function readProjectFilters(url: URL): ProjectQuery {
  const params = new URLSearchParams();
  for (const field of PROJECT_FILTERS) {
    const value = url.searchParams.get(field);
    if (value !== null) params.set(field, value);
  }
  const query = parseProjectQuery(params);
  const refused = PROJECT_FILTERS.filter(
    (field) => field !== "q" && (params.get(field) ?? "").trim() !== "" && query[field] === undefined,
  );
  if (refused.length > 0) {
    throw badRequest(
      `Not a value this filter knows: ${refused.join(", ")}. The reference at /api lists the values.`,
      refused.map((parameter) => ({ parameter, message: "unknown value" })),
    );
  }
  return query;
}
