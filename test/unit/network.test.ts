import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { clientKey, networkBlock, normalizeAddress, parseTrustProxy, type TrustProxy } from "~/utils/network.server";

describe("network blocks", () => {
  it("puts an IPv4 address in its /24", () => {
    expect(networkBlock("203.0.113.77")).toBe("203.0.113.0/24");
    expect(networkBlock("203.0.113.1")).toBe(networkBlock("203.0.113.254"));
    expect(networkBlock("203.0.114.1")).not.toBe(networkBlock("203.0.113.1"));
  });

  it("puts an IPv6 address in its /64, however it is written", () => {
    expect(networkBlock("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(networkBlock("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:0db8:0001:0002::/64");
    expect(networkBlock("[2001:db8:1:3::1]")).toBe("2001:0db8:0001:0003::/64");
    expect(networkBlock("::1")).toBe("0000:0000:0000:0000::/64");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address it carries", () => {
    expect(normalizeAddress("::ffff:198.51.100.9")).toBe("198.51.100.9");
    expect(normalizeAddress("::ffff:c633:6409")).toBe("198.51.100.9");
    expect(networkBlock("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
    expect(clientKey("::ffff:198.51.100.9")).toBe("198.51.100.9");
  });

  it("counts one IPv4 address, or one IPv6 /64, as one client", () => {
    expect(clientKey("198.51.100.9")).not.toBe(clientKey("198.51.100.10"));
    expect(clientKey("2001:db8:1:2::1")).toBe(clientKey("2001:db8:1:2::ffff"));
  });

  it("keeps something that is not an address apart from every real block", () => {
    expect(normalizeAddress("unknown")).toBeNull();
    expect(networkBlock("unknown")).toBe("other:unknown");
  });
});

describe("TRUST_PROXY", () => {
  it("reads false, a hop count or a list of proxy addresses, and refuses true", () => {
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, value: false });
    expect(parseTrustProxy("false")).toEqual({ ok: true, value: false });
    expect(parseTrustProxy("1")).toEqual({ ok: true, value: 1 });
    expect(parseTrustProxy("10.0.0.5, 10.1.0.0/16, loopback")).toEqual({
      ok: true,
      value: ["10.0.0.5", "10.1.0.0/16", "loopback"],
    });
    expect(parseTrustProxy("true")).toMatchObject({ ok: false, error: expect.stringMatching(/X-Forwarded-For/) });
    expect(parseTrustProxy("10.0.0.0/40")).toMatchObject({ ok: false });
    expect(parseTrustProxy("*")).toMatchObject({ ok: false });
  });

  let server: ReturnType<ReturnType<typeof express>["listen"]> | undefined;
  afterEach(() => server?.close());

  /** The client address Express reports behind the given setting, for a request that claims `forwardedFor`. */
  async function seenAddress(setting: string, forwardedFor: string) {
    const parsed = parseTrustProxy(setting);
    if (!parsed.ok) throw new Error(parsed.error);
    const app = express();
    app.set("trust proxy", parsed.value satisfies TrustProxy);
    app.get("/", (req, res) => {
      res.send(req.ip);
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server?.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } });
    return normalizeAddress(await response.text());
  }

  it("ignores a client's X-Forwarded-For when no proxy is trusted", async () => {
    expect(await seenAddress("false", "203.0.113.9")).toBe("127.0.0.1");
  });

  it("takes only as many hops from X-Forwarded-For as there are trusted proxies", async () => {
    // The client forged the first entry; the one proxy in front of the app appended the real one.
    expect(await seenAddress("1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenAddress("127.0.0.1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenAddress("10.9.9.9", "203.0.113.9")).toBe("127.0.0.1");
  });
});
