import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "~/services/csrf.server";

const base = {
  host: "lodestone.example.org",
  appUrl: "https://lodestone.example.org",
  referer: undefined,
  path: "/projects",
};

describe("checkRequestOrigin", () => {
  it("lets safe methods through without an origin", () => {
    expect(checkRequestOrigin({ ...base, method: "GET", origin: undefined })).toEqual({ ok: true });
  });

  it("accepts a POST from the app's own origin", () => {
    expect(checkRequestOrigin({ ...base, method: "POST", origin: "https://lodestone.example.org" }).ok).toBe(true);
  });

  it("refuses a POST from another site", () => {
    const verdict = checkRequestOrigin({ ...base, method: "POST", origin: "https://evil.example.com" });
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining("evil.example.com") });
  });

  it("refuses a POST that names no origin at all", () => {
    expect(checkRequestOrigin({ ...base, method: "POST", origin: undefined }).ok).toBe(false);
  });

  it("falls back to the Referer when the Origin is missing or null", () => {
    expect(
      checkRequestOrigin({
        ...base,
        method: "POST",
        origin: "null",
        referer: "https://lodestone.example.org/auth/login",
      }).ok,
    ).toBe(true);
    expect(
      checkRequestOrigin({ ...base, method: "DELETE", origin: undefined, referer: "https://evil.example.com/x" }).ok,
    ).toBe(false);
  });

  it("accepts the Host the request was sent to, for local use on another port", () => {
    expect(
      checkRequestOrigin({
        ...base,
        appUrl: "http://localhost:3000",
        host: "127.0.0.1:3100",
        method: "POST",
        origin: "http://127.0.0.1:3100",
      }).ok,
    ).toBe(true);
  });

  it("lets a mail provider's one-click unsubscribe POST through with no origin, on that exact path only", () => {
    // RFC 8058: the provider posts to the List-Unsubscribe URL without cookies or Origin; the signed token authorizes.
    expect(checkRequestOrigin({ ...base, method: "POST", path: "/unsubscribe", origin: undefined })).toEqual({
      ok: true,
    });
    for (const path of ["/unsubscribe-other", "/unsubscribe/extra", "/projects", "/unsubscribe.data"]) {
      expect(checkRequestOrigin({ ...base, method: "POST", path, origin: undefined }).ok, path).toBe(false);
    }
  });
});
