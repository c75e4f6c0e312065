// Time and chance for the training project: every date is an offset from the moment of the first
// start, so the project is always live; every "random" choice comes from a seeded generator, so two
// first starts write the same record (only shifted in time).

const DAY_MS = 86_400_000;

/** Instants relative to the first start. */
export type DemoClock = {
  now: Date;
  /** `days` from now (negative: ago), at the same time of day, plus `hours`. */
  at(days: number, hours?: number): Date;
  /** The calendar date `days` from now, as a `@db.Date` value (UTC midnight). */
  day(days: number): Date;
};

export function demoClock(now: Date): DemoClock {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    now,
    at: (days, hours = 0) => new Date(now.getTime() + days * DAY_MS + hours * 3_600_000),
    day: (days) => new Date(today + days * DAY_MS),
  };
}

/** Mulberry32: small, fast and good enough to pick names and sentences deterministically. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    /** `count` distinct items, in the order drawn. */
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(...pool.splice(Math.floor(next() * pool.length), 1));
      return out;
    },
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
