// The Resend stand-in, driven by the real resend SDK, so what tests and benchmarks learn from it holds
// for the SDK our app uses.
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailRecorder, type MailRecorder } from "../support/mail-recorder";
import { waitUntil } from "../support/wait";

let recorder: MailRecorder;
let resend: Resend;

beforeAll(async () => {
  recorder = await startMailRecorder();
  resend = new Resend("re_test", { baseUrl: recorder.url });
});
afterAll(() => recorder.close());
beforeEach(() => recorder.reset());

const email = (to: string | string[], subject = "Comment period opens") => ({
  from: "Lodestone <notices@lodestone.test>",
  to,
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});

async function control(path: string, method: string, body?: unknown) {
  const response = await fetch(`${recorder.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("sending", () => {
  it("records a single email with the request's key and authorization", async () => {
    const { data, error } = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "welcome/1" });

    expect(error).toBeNull();
    expect(recorder.emails()).toEqual([
      expect.objectContaining({
        id: data?.id,
        to: "ada@example.org",
        subject: "Comment period opens",
        idempotencyKey: "welcome/1",
        authorization: "Bearer re_test",
        endpoint: "/emails",
        batchIndex: null,
      }),
    ]);
    expect(recorder.emailsTo("ada@example.org")).toHaveLength(1);
  });

  it("refuses a single email to an address that cannot work, recording nothing", async () => {
    const { data, error } = await resend.emails.send(email("nobody@bounce.invalid"));

    expect(data).toBeNull();
    expect(error).toMatchObject({ name: "validation_error", statusCode: 422 });
    expect(recorder.emails()).toEqual([]);
  });

  it("records a strict batch in order and answers one id per email", async () => {
    const { data, error } = await resend.batch.send([
      email("a@example.org"),
      email(["b@example.org", "c@example.org"]),
    ]);

    expect(error).toBeNull();
    const recorded = recorder.emails();
    expect(data?.data).toEqual(recorded.map(({ id }) => ({ id })));
    expect(recorded.map(({ to, batchIndex, endpoint }) => ({ to, batchIndex, endpoint }))).toEqual([
      { to: "a@example.org", batchIndex: 0, endpoint: "/emails/batch" },
      { to: ["b@example.org", "c@example.org"], batchIndex: 1, endpoint: "/emails/batch" },
    ]);
  });

  it("refuses a whole strict batch when one email is invalid", async () => {
    const { data, error } = await resend.batch.send([email("a@example.org"), email("nobody@bounce.invalid")]);

    expect(data).toBeNull();
    expect(error).toMatchObject({ name: "validation_error", statusCode: 422 });
    expect(error?.message).toContain("emails[1]");
    expect(recorder.emails()).toEqual([]);
  });

  it("records the valid emails of a permissive batch and names the invalid ones by index", async () => {
    const { data, error } = await resend.batch.send(
      [email("a@example.org"), email("nobody@bounce.invalid"), email("not-an-address"), email("d@example.org")],
      { batchValidation: "permissive" },
    );

    expect(error).toBeNull();
    const recorded = recorder.emails();
    expect(recorded.map(({ to, batchIndex }) => [to, batchIndex])).toEqual([
      ["a@example.org", 0],
      ["d@example.org", 3],
    ]);
    expect(data?.data).toEqual(recorded.map(({ id }) => ({ id })));
    expect(data?.errors).toEqual([
      { index: 1, message: expect.stringContaining("nobody@bounce.invalid") },
      { index: 2, message: expect.stringContaining("Invalid `to` field") },
    ]);
  });

  it("refuses a batch of more than 100 emails", async () => {
    const emails = Array.from({ length: 101 }, (_, i) => email(`r${i}@example.org`));
    const { error } = await resend.batch.send(emails);

    expect(error).toMatchObject({ name: "validation_error", statusCode: 422 });
    expect(recorder.emails()).toEqual([]);
  });
});

describe("idempotency", () => {
  it("answers a repeated key with the first answer and records once", async () => {
    const first = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "receipt/1" });
    const again = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "receipt/1" });

    expect(again.data).toEqual(first.data);
    expect(recorder.emails()).toHaveLength(1);
    expect(recorder.stats()).toMatchObject({ requests: 2, accepted: 2, replayed: 1 });
  });

  it("answers a repeated batch key with the same ids and records once", async () => {
    const batch = [email("a@example.org"), email("b@example.org")];
    const first = await resend.batch.send(batch, { idempotencyKey: "digest/7" });
    const again = await resend.batch.send(batch, { idempotencyKey: "digest/7" });

    expect(first.data?.data).toHaveLength(2);
    expect(again.data).toEqual(first.data);
    expect(recorder.emails()).toHaveLength(2);
  });

  it("refuses a known key with a different body", async () => {
    await resend.emails.send(email("ada@example.org"), { idempotencyKey: "receipt/2" });
    const { error } = await resend.emails.send(email("ada@example.org", "Another subject"), {
      idempotencyKey: "receipt/2",
    });

    expect(error).toMatchObject({ name: "invalid_idempotent_request", statusCode: 409 });
    expect(recorder.emails()).toHaveLength(1);
  });

  it("does not remember a key whose request was refused as invalid", async () => {
    await resend.emails.send(email("nobody@bounce.invalid"), { idempotencyKey: "receipt/3" });
    const { error } = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "receipt/3" });

    expect(error).toBeNull();
    expect(recorder.emails()).toHaveLength(1);
  });
});

describe("faults", () => {
  it("fails with the queued status, then sends, and forgets the failed key", async () => {
    recorder.fault({ kind: "status", status: 500 });

    const failed = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "k/1" });
    expect(failed.error).toMatchObject({ name: "application_error", statusCode: 500 });
    expect(recorder.emails()).toEqual([]);

    const retried = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "k/1" });
    expect(retried.error).toBeNull();
    expect(recorder.emails()).toHaveLength(1);
    expect(recorder.stats()).toMatchObject({ requests: 2, accepted: 1, faultsServed: 1 });
  });

  it("serves faults in the order queued, one per request, across both endpoints", async () => {
    recorder.failNext(1, 502);
    recorder.fault({ kind: "status", status: 503 });

    expect((await resend.batch.send([email("a@example.org")])).error?.statusCode).toBe(502);
    expect((await resend.emails.send(email("a@example.org"))).error?.statusCode).toBe(503);
    expect((await resend.emails.send(email("a@example.org"))).error).toBeNull();
  });

  it("forgets queued faults on clearFaults", async () => {
    recorder.failNext(3, 500);
    recorder.clearFaults();

    expect((await resend.emails.send(email("a@example.org"))).error).toBeNull();
  });

  it("throttles with the configured retry-after", async () => {
    recorder.fault({ kind: "rateLimit", retryAfterSeconds: 7 });

    const { error, headers } = await resend.emails.send(email("ada@example.org"));

    expect(error).toMatchObject({ name: "rate_limit_exceeded", statusCode: 429 });
    expect(headers?.["retry-after"]).toBe("7");
    expect(recorder.emails()).toEqual([]);
  });

  it("hangs up without recording on drop, which the SDK reports with no status", async () => {
    recorder.fault({ kind: "drop" });

    const { data, error, headers } = await resend.emails.send(email("ada@example.org"));

    expect(data).toBeNull();
    expect(headers).toBeNull();
    expect(error).toMatchObject({ name: "application_error", statusCode: null });
    expect(recorder.emails()).toEqual([]);
  });

  it("records, then hangs up, on dropAfterAccept; a retry with the key records nothing new", async () => {
    recorder.fault({ kind: "dropAfterAccept" });

    const lost = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "k/2" });
    expect(lost.error).toMatchObject({ statusCode: null });
    const [recorded] = recorder.emails();
    expect(recorded).toMatchObject({ to: "ada@example.org", idempotencyKey: "k/2" });

    const retried = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "k/2" });
    expect(retried.error).toBeNull();
    expect(retried.data).toEqual({ id: recorded.id });
    expect(recorder.emails()).toHaveLength(1);
  });

  it("records at once but answers late on timeout", async () => {
    recorder.fault({ kind: "timeout", ms: 300 });

    const started = performance.now();
    const { data, error } = await resend.emails.send(email("ada@example.org"));

    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeNull();
    expect(data).toEqual({ id: recorder.emails()[0].id });
  });

  it("keeps the email of a slow send whose client gave up, and keeps serving", async () => {
    recorder.fault({ kind: "timeout", ms: 2_000 });

    const started = performance.now();
    const { error } = await resend.emails.send(email("ada@example.org"), {
      idempotencyKey: "k/3",
      signal: AbortSignal.timeout(100),
    });

    // The SDK forwards the signal to fetch and reports the abort like any network failure.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ name: "application_error", statusCode: null });
    expect(recorder.emails()).toHaveLength(1);
    const retried = await resend.emails.send(email("ada@example.org"), { idempotencyKey: "k/3" });
    expect(retried.data).toEqual({ id: recorder.emails()[0].id });
    expect(recorder.emails()).toHaveLength(1);
  });
});

describe("rate limit", () => {
  it("lets through the configured number per second and throttles the rest", async () => {
    recorder.setRateLimit(2);

    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => resend.emails.send(email(`r${i}@example.org`))),
    );

    const throttled = results.filter(({ error }) => error?.statusCode === 429);
    expect(results.filter(({ error }) => error === null)).toHaveLength(2);
    expect(throttled).toHaveLength(3);
    expect(throttled.map(({ headers }) => headers?.["retry-after"])).toEqual(["1", "1", "1"]);
    expect(recorder.emails()).toHaveLength(2);
    const stats = recorder.stats();
    expect(stats).toMatchObject({ requests: 5, accepted: 2, rejectedRateLimit: 3 });
    expect(stats.acceptedAt).toHaveLength(2);
  });

  it("lets requests through again once the second has passed", async () => {
    recorder.setRateLimit(1);
    expect((await resend.emails.send(email("a@example.org"))).error).toBeNull();
    expect((await resend.emails.send(email("a@example.org"))).error?.statusCode).toBe(429);

    const refusedAt = Date.now();

    // Refused until the window of the first accepted request has passed, then accepted.
    await waitUntil(
      "the limiter to accept again",
      async () => (await resend.emails.send(email("a@example.org"))).error === null,
      { timeoutMs: 3_000, intervalMs: 100 },
    );
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(800);
  });
});

describe("over HTTP, for other processes", () => {
  it("queues faults, sets the rate limit, reports stats and resets", async () => {
    expect((await control("/__faults", "POST", [{ kind: "status", status: 503 }])).status).toBe(200);
    expect((await resend.emails.send(email("a@example.org"))).error?.statusCode).toBe(503);

    expect((await control("/__rate-limit", "POST", { requestsPerSecond: 1 })).status).toBe(200);
    await resend.emails.send(email("a@example.org"));
    await resend.emails.send(email("b@example.org"));

    const stats = await control("/__stats", "GET");
    expect(stats.body).toMatchObject({ requests: 3, accepted: 1, rejectedRateLimit: 1, faultsServed: 1 });

    expect((await control("/__reset", "POST")).status).toBe(200);
    expect(recorder.stats()).toMatchObject({ requests: 0, accepted: 0, acceptedAt: [] });
    expect(recorder.emails()).toEqual([]);
    await resend.emails.send(email("a@example.org"));
    await resend.emails.send(email("b@example.org"));
    expect(recorder.emails()).toHaveLength(2);
  });

  it("lists emails, filtered by recipient, and clears them", async () => {
    await resend.batch.send([email("a@example.org"), email("b@example.org")]);

    expect(await control("/__emails", "GET")).toMatchObject({ status: 200, body: [{}, {}] });
    expect((await control("/__emails?to=b@example.org", "GET")).body).toEqual([
      expect.objectContaining({ to: "b@example.org", batchIndex: 1 }),
    ]);
    await control("/__emails", "DELETE");
    expect(recorder.emails()).toEqual([]);
  });

  it("refuses malformed controls and bodies without falling over", async () => {
    expect((await control("/__faults", "POST", [{ kind: "explode" }])).status).toBe(400);
    expect((await control("/__rate-limit", "POST", { requestsPerSecond: -1 })).status).toBe(400);
    const malformed = await fetch(`${recorder.url}/emails`, { method: "POST", body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ name: "validation_error", statusCode: 400 });

    expect((await resend.emails.send(email("a@example.org"))).error).toBeNull();
  });
});

describe("closing", () => {
  it("closes promptly while an answer is held on a kept-alive connection", async () => {
    const own = await startMailRecorder();
    const client = new Resend("re_test", { baseUrl: own.url });
    await client.emails.send(email("a@example.org"));
    own.fault({ kind: "timeout", ms: 10_000 });
    const pending = client.emails.send(email("b@example.org"));
    await expect.poll(() => own.emails().length).toBe(2);

    const started = performance.now();
    await own.close();

    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await pending).error).toMatchObject({ statusCode: null });
  });
});
