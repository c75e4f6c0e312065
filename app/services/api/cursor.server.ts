// Opaque pagination cursors. A cursor is the sort key of the last item of a page (keyset
// pagination: the next page is "after this key", so page 10,000 costs what page 1 does and rows
// added meanwhile never shift a page). It travels as base64url JSON naming the collection it
// belongs to; anything that does not decode to exactly that shape is a 400, never a 500.
import { z } from "zod";
import { badRequest } from "./problem.server";

/** A key component: an ISO instant, an integer sort position or a text key. */
const keyPart = z.union([z.string().max(200), z.number().int().safe()]);
const cursorSchema = z.object({ c: z.string().max(40), k: z.array(keyPart).min(1).max(4) }).strict();

export type CursorKey = (string | number)[];

export function encodeCursor(collection: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ c: collection, k: key })).toString("base64url");
}

/**
 * The key a cursor carries, checked against the collection and the key's shape (`parts`: the type
 * of each component, "instant" being an ISO 8601 timestamp). Null when no cursor was given.
 */
export function decodeCursor(
  raw: string | null,
  collection: string,
  parts: readonly ("instant" | "int" | "text")[],
): CursorKey | null {
  if (raw === null || raw === "") return null;
  const refuse = () =>
    badRequest("The cursor is not one this endpoint gave out. Use the `next` link of the previous page as it is.", [
      { parameter: "cursor", message: "not a cursor of this collection" },
    ]);
  if (raw.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.c !== collection || parsed.data.k.length !== parts.length) throw refuse();
  const key = parsed.data.k;
  const ok = parts.every((part, i) => {
    const value = key[i];
    if (part === "int") return typeof value === "number";
    if (typeof value !== "string") return false;
    if (part === "instant") return /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value));
    return true;
  });
  if (!ok) throw refuse();
  return key;
}
