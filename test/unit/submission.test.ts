import { describe, expect, it } from "vitest";
import { z } from "zod";
import { int32 } from "~/schemas/fields";
import { parseSubmission, readSubmission } from "~/utils/submission.server";

const url = "http://localhost:3000/form";
const schema = z.object({ title: z.string().min(1), version: int32() });

function post(body: BodyInit | null, contentType: string | null, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: "POST",
    body,
    headers: { ...(contentType ? { "Content-Type": contentType } : {}), ...headers },
  });
}

async function refused(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
  throw new Error("expected a refusal");
}

const multipart = (boundary: string, parts: string) =>
  post(parts.replaceAll("\n", "\r\n"), `multipart/form-data; boundary=${boundary}`);

describe("readSubmission", () => {
  it("reads url-encoded and multipart forms alike, repeated names as lists", async () => {
    const plain = await readSubmission(post("title=Hello&tag=a&tag=b", "application/x-www-form-urlencoded"));
    expect(plain.fields).toEqual({ title: "Hello", tag: ["a", "b"] });
    const form = new FormData();
    form.set("title", "Hello");
    const encoded = new Request(url, { method: "POST", body: form });
    expect((await readSubmission(encoded)).fields).toEqual({ title: "Hello" });
  });

  it("refuses a missing or foreign Content-Type with 415 and says what to send", async () => {
    for (const type of [null, "application/json", "text/plain", "multipart/mixed; boundary=x"]) {
      const result = await refused(readSubmission(post("title=x", type)));
      expect(result.status).toBe(415);
      expect(result.text).toMatch(/application\/x-www-form-urlencoded or multipart\/form-data/);
    }
  });

  it("reads no fields from a bodiless one-click post when the body is optional", async () => {
    expect((await readSubmission(post(null, null), { optionalBody: true })).fields).toEqual({});
  });

  it("refuses a multipart body without a boundary, or cut short, as an incomplete form (400)", async () => {
    const noBoundary = await refused(readSubmission(post("--x\r\n", "multipart/form-data")));
    expect(noBoundary).toMatchObject({ status: 400, text: expect.stringMatching(/incomplete/) });
    const cut = await refused(
      readSubmission(multipart("xyz", '--xyz\nContent-Disposition: form-data; name="title"\n\nHel')),
    );
    expect(cut).toMatchObject({ status: 400, text: expect.stringMatching(/incomplete/) });
  });

  it("refuses a file sent to a form that takes none", async () => {
    const form = new FormData();
    form.set("title", "x");
    form.set("file", new File(["%PDF-1.4"], "a.pdf"));
    const result = await refused(readSubmission(new Request(url, { method: "POST", body: form })));
    expect(result).toMatchObject({ status: 400, text: expect.stringMatching(/does not take files/) });
  });

  it("refuses a body over the budget with 413, declared or streamed", async () => {
    const big = "title=" + "a".repeat(2048);
    const declared = await refused(
      readSubmission(post(big, "application/x-www-form-urlencoded", { "Content-Length": "999999999" })),
    );
    expect(declared).toMatchObject({ status: 413, text: expect.stringMatching(/too large/) });
    const streamed = await refused(readSubmission(post(big, "application/x-www-form-urlencoded"), { maxBytes: 1024 }));
    expect(streamed.status).toBe(413);
  });

  it("refuses a NUL or other control character in any field, naming the field", async () => {
    for (const body of ["title=a%00b", "title=a%1Bb", "ti%00tle=x"]) {
      const result = await refused(readSubmission(post(body, "application/x-www-form-urlencoded")));
      expect(result.status).toBe(400);
      expect(result.text).toMatch(/"ti\??tle" contains an invisible control character \(U\+00(00|1B)\)/);
    }
    const fine = await readSubmission(post("title=a%09b%0D%0Ac", "application/x-www-form-urlencoded"));
    expect(fine.fields.title).toBe("a\tb\r\nc");
  });
});

describe("parseSubmission", () => {
  it("validates with the schema and refuses integers beyond 32 bits as a field error", async () => {
    const ok = await parseSubmission(post("title=x&version=3", "application/x-www-form-urlencoded"), schema);
    expect(ok).toMatchObject({ ok: true, data: { title: "x", version: 3 } });
    const huge = await parseSubmission(post("title=x&version=2147483648", "application/x-www-form-urlencoded"), schema);
    expect(huge).toMatchObject({ ok: false, errors: { version: expect.stringMatching(/reload/i) } });
  });
});
