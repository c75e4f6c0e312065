// Client addresses and the network blocks they belong to. One person easily holds many addresses in
// one block (an IPv6 host usually gets a whole /64; a household or office shares an IPv4 /24), so
// abuse limits count per block as well as per address. Pure: no server-only imports.
import { isIP } from "node:net";

/** The address in canonical form: IPv4 dotted, IPv6 lower-case and fully expanded; null if not an IP. */
export function normalizeAddress(raw: string): string | null {
  const value = raw.trim().replace(/^\[|\]$/g, "");
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind !== 6) return null;
  const groups = expandIpv6(value.toLowerCase());
  // IPv4-mapped IPv6 (::ffff:a.b.c.d), as Node reports IPv4 clients on a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return groups.map((g) => g.toString(16).padStart(4, "0")).join(":");
}

/**
 * The block an address counts in: the /24 for IPv4 ("203.0.113.0/24"), the /64 for IPv6
 * ("2001:0db8:0001:0002::/64"). Anything that is not an address is its own block, so a missing
 * or odd value ("unknown") never merges with real ones.
 */
export function networkBlock(raw: string): string {
  const address = normalizeAddress(raw);
  if (!address) return `other:${raw}`;
  if (address.includes(".")) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  return `${address.split(":").slice(0, 4).join(":")}::/64`;
}

/**
 * The key one client counts under when a single address means little: the exact IPv4 address, but
 * the whole /64 for IPv6 (a host picks any address in its /64).
 */
export function clientKey(raw: string): string {
  const address = normalizeAddress(raw);
  if (!address) return `other:${raw}`;
  return address.includes(".") ? address : networkBlock(address);
}

function expandIpv6(value: string): number[] {
  let text = value.split("%")[0];
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes two groups.
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
}

export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY, for Express's "trust proxy" setting. Never `true` (that believes whatever
 * X-Forwarded-For a client sends): either a number of proxy hops in front of the app, or the
 * proxies' addresses / CIDR blocks (or Express's names loopback, linklocal, uniquelocal).
 * "false", "0" or nothing: no proxy, the socket's address is the client's.
 */
export function parseTrustProxy(
  raw: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; error: string } {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false" || value === "0") return { ok: true, value: false };
  if (value === "true") {
    return {
      ok: false,
      error:
        'TRUST_PROXY=true would believe any client-supplied X-Forwarded-For. Set the number of proxies in front of the app (e.g. "1") or their addresses (e.g. "10.0.0.5, 10.0.1.0/24").',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { ok: true, value: hops } : { ok: false, error: "TRUST_PROXY hops must be at most 10." };
  }
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length > 0) {
    return { ok: false, error: `TRUST_PROXY: not a hop count, address or CIDR block: ${bad.join(", ")}` };
  }
  return { ok: true, value: entries };
}

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  const kind = isIP(address);
  if (kind === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128);
}
