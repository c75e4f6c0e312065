// The one way a test waits: on a condition, never on a fixed sleep. `waitUntil` polls until the
// check returns something truthy (and returns it); when time runs out it says what it waited for
// and what the check saw last, so a failure reads as a sentence rather than "timed out".

export type WaitOptions = { timeoutMs?: number; intervalMs?: number };

export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeoutMs = 20_000, intervalMs = 50 }: WaitOptions = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Waited ${timeoutMs} ms for ${what}; the last check gave ${JSON.stringify(value)}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
