import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "~/utils/session-cookie";

describe("hasSessionCookie", () => {
  it.each([
    ["lodestone_session=abc", true],
    ["theme=dark; lodestone_session=abc; other=1", true],
    ["lodestone_session=", false],
    ["lodestone_session_old=abc", false],
    ["x_lodestone_session=abc", false],
    ["", false],
  ])("%j carries a session: %s", (header, expected) => {
    expect(hasSessionCookie(header)).toBe(expected);
  });

  it("is false without a Cookie header", () => {
    expect(hasSessionCookie(null)).toBe(false);
  });
});
