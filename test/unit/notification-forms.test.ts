import { describe, expect, it } from "vitest";
import { DEFAULT_FREQUENCY, NOTIFICATION_TYPES } from "~/models/notifications/notification-preferences";
import { canonicalTimeZone, notificationListQuery, preferencesSchema } from "~/schemas/notifications";
import { relativeTime } from "~/utils/relative-time";
import { allTimeZoneOptions, usTimeZoneOptions } from "~/utils/time-zones";

const form = (overrides: Record<string, string> = {}) => ({
  ...DEFAULT_FREQUENCY,
  timeZone: "America/Denver",
  ...overrides,
});

describe("the notification preferences form", () => {
  it("turns the submitted fields into frequencies per type and a zone", () => {
    const parsed = preferencesSchema.parse(form({ STAGE_CHANGED: "WEEKLY", timeZone: "Europe/Paris" }));
    expect(parsed).toEqual({
      timeZone: "Europe/Paris",
      frequencies: { ...DEFAULT_FREQUENCY, STAGE_CHANGED: "WEEKLY" },
    });
    expect(Object.keys(parsed.frequencies).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  it("names the field of an unknown or missing frequency", () => {
    const wrong = preferencesSchema.safeParse(form({ COMMENT_RESPONSE: "HOURLY" }));
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join("."))).toEqual(["COMMENT_RESPONSE"]);
    const { REVIEW_ASSIGNED: _dropped, ...missing } = form();
    expect(preferencesSchema.safeParse(missing).error?.issues[0]?.path).toEqual(["REVIEW_ASSIGNED"]);
  });

  it("accepts IANA zones in their canonical spelling and refuses anything else", () => {
    expect(canonicalTimeZone("america/denver")).toBe("America/Denver");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    // Three-part names and aliases are zones too (Intl may spell them its own way).
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toMatch(/Buenos_Aires$/);
    expect(canonicalTimeZone("US/Mountain")).not.toBeNull();
    for (const bad of ["Mars/Olympus_Mons", "+05:00", "", "America/Denver; drop table", "../etc/passwd"]) {
      expect(canonicalTimeZone(bad), bad).toBeNull();
    }
    const refused = preferencesSchema.safeParse(form({ timeZone: "Mars/Olympus_Mons" }));
    expect(refused.error?.issues).toEqual([
      expect.objectContaining({ path: ["timeZone"], message: "Choose a time zone from the list." }),
    ]);
  });
});

describe("time zone choices", () => {
  it("offers every zone, UTC and the person's own, once each", () => {
    const options = allTimeZoneOptions("US/Mountain").map((o) => o.value);
    expect(options).toContain("America/Denver");
    expect(options).toContain("UTC");
    expect(options).toContain("US/Mountain");
    expect(new Set(options).size).toBe(options.length);
  });

  it("keeps a zone chosen elsewhere in the U.S. list of the profile form", () => {
    expect(usTimeZoneOptions("America/Denver").filter((o) => o.value === "America/Denver")).toHaveLength(1);
    expect(usTimeZoneOptions("Europe/Paris").at(-1)).toEqual({ value: "Europe/Paris", label: "Europe/Paris" });
  });
});

describe("the notifications page address", () => {
  it("reads the page and the unread filter, falling back to the first page of all", () => {
    expect(notificationListQuery.parse({ page: "3", unread: "1" })).toEqual({ page: 3, unread: true });
    expect(notificationListQuery.parse({})).toEqual({ page: 1, unread: false });
    expect(notificationListQuery.parse({ page: "-2", unread: "yes" })).toEqual({ page: 1, unread: false });
    expect(notificationListQuery.parse({ page: "abc" })).toEqual({ page: 1, unread: false });
  });
});

describe("relative times", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms), now);

  it("says how long ago, in whole units rounded toward zero", () => {
    expect(ago(20_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(23.9 * 3_600_000)).toBe("23 hours ago");
    expect(ago(25 * 3_600_000)).toBe("yesterday");
    expect(ago(3 * 86_400_000)).toBe("3 days ago");
    expect(ago(15 * 86_400_000)).toBe("2 weeks ago");
    expect(ago(400 * 86_400_000)).toBe("last year");
  });
});
