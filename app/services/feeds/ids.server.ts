// Stable identifiers for what Lodestone publishes in feeds and calendars: name-based UUIDs (RFC 9562
// version 5) of the record's own row ids, so an entry or event keeps its id across requests, hosts
// and restarts, and two different things never share one.
import { createHash } from "node:crypto";

// Fixed forever: changing it would change every id and make readers and calendars show everything anew.
const NAMESPACE = Buffer.from("5d0c1c9e2f4b4a579a2e6b1f0e3c7a41", "hex");

/** "3f2b…-…": the version 5 UUID of `name` in Lodestone's namespace. */
export function stableUuid(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same UUID as an IRI, for Atom ids. */
export const stableUrn = (name: string) => `urn:uuid:${stableUuid(name)}`;
