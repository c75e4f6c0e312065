// Uploads against a real directory: what ends up on disk after good and bad requests.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLocalDiskStorage,
  InvalidStorageKeyError,
  type DocumentStorage,
  type LocalDiskStorage,
} from "~/services/storage.server";
import { receiveUploads, UploadError, type UploadLimits } from "~/services/uploads.server";

const LIMITS: UploadLimits = { maxFileBytes: 64 * 1024, maxFiles: 3 };
const PREFIX = "projects/p1/documents";

let root: string;
let storage: LocalDiskStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lodestone-uploads-"));
  storage = createLocalDiskStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function pdf(size: number, seed = 0): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(size);
  body.set(new TextEncoder().encode("%PDF-1.7\n"));
  for (let i = 9; i < size; i++) body[i] = (i * 31 + seed) % 251;
  return body;
}

function form(files: File[], fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append("documents", file);
  return data;
}

const post = (body: FormData) => new Request("http://localhost/projects/p1/documents", { method: "POST", body });
const upload = (request: Request, limits = LIMITS, to: DocumentStorage = storage) =>
  receiveUploads(request, { field: "documents", limits, storage: to, keyPrefix: PREFIX });

/** The real storage, noting which keys were completely stored, to prove cleanup had work to do. */
function recording(): { storage: DocumentStorage; stored: string[] } {
  const stored: string[] = [];
  return {
    stored,
    storage: {
      put: async (key, source, options) => {
        const result = await storage.put(key, source, options);
        stored.push(key);
        return result;
      },
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
    },
  };
}

/** Every file under the root, including hidden partial files. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function uploadError(promise: Promise<unknown>): Promise<UploadError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("receiveUploads", () => {
  it("stores a PDF with its size, checksum and canonical type, and returns the text fields", async () => {
    const bytes = pdf(20_000);
    const file = new File([bytes], "Plan of Operations.pdf", { type: "text/html" });
    const result = await upload(post(form([file], { title: "Plan of Operations", tag: "a" })));

    expect(result.fields).toEqual({ title: "Plan of Operations", tag: "a" });
    expect(result.files).toEqual([
      {
        storageKey: expect.stringMatching(/^projects\/p1\/documents\/[0-9a-f-]{36}$/),
        originalName: "Plan of Operations.pdf",
        contentType: "application/pdf",
        sizeBytes: 20_000,
        sha256: sha256(bytes),
      },
    ]);
    const onDisk = await readFile(path.join(root, result.files[0].storageKey));
    expect(sha256(onDisk)).toBe(sha256(bytes));
    expect(await filesOnDisk()).toHaveLength(1);
  });

  it("refuses a file over the limit and leaves nothing on disk, not even a partial file", async () => {
    const error = await uploadError(upload(post(form([new File([pdf(LIMITS.maxFileBytes + 1)], "big.pdf")]))));
    expect(error.message).toBe('"big.pdf" is larger than the 0.1 MB limit.');
    expect(error.fileName).toBe("big.pdf");
    expect(error.status).toBe(413);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("removes the files already stored when a later file in the same request is bad", async () => {
    const good = new File([pdf(5_000)], "good.pdf");
    const renamedPage = new File(["<html><script>alert(1)</script></html>"], "fake.pdf");
    const recorder = recording();
    const error = await uploadError(upload(post(form([good, renamedPage])), LIMITS, recorder.storage));
    expect(recorder.stored).toHaveLength(1);
    expect(error.fileName).toBe("fake.pdf");
    expect(error.message).toContain('"fake.pdf" is not a real PDF document');
    expect(await filesOnDisk()).toEqual([]);
  });

  it("refuses more files than the limit allows and keeps none of them", async () => {
    const files = [1, 2, 3, 4].map((n) => new File([pdf(1_000, n)], `part-${n}.pdf`));
    const recorder = recording();
    const error = await uploadError(upload(post(form(files)), LIMITS, recorder.storage));
    expect(recorder.stored).toHaveLength(3);
    expect(error.message).toBe("Too many files: at most 3 can be uploaded at once.");
    expect(error.fileName).toBe("part-4.pdf");
    expect(await filesOnDisk()).toEqual([]);
  });

  it("skips an empty file input, as fetch sends it", async () => {
    const empty = new File([], "", { type: "application/octet-stream" });
    const result = await upload(post(form([empty, new File([pdf(100)], "kept.pdf")], { title: "x" })));
    expect(result.files.map((file) => file.originalName)).toEqual(["kept.pdf"]);
    expect(result.fields).toEqual({ title: "x" });
  });

  it("skips an empty file input, as a browser sends it", async () => {
    const boundary = "----lodestone-test-boundary";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nDraft EIS\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename=""\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n\r\n--${boundary}--\r\n`;
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(await upload(request)).toEqual({ fields: { title: "Draft EIS" }, files: [] });
  });

  it("refuses a request whose declared length is beyond what the limits allow, before reading it", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(500 * 1024 * 1024) },
      body: "--x--\r\n",
    });
    expect((await uploadError(upload(request))).status).toBe(413);
  });

  it("refuses a file sent from another field of the form", async () => {
    const data = form([new File([pdf(100)], "kept.pdf")]);
    data.append("avatar", new File([pdf(100)], "other.pdf"));
    const error = await uploadError(upload(post(data)));
    expect(error.message).toBe('"other.pdf" was sent from an unexpected part of the form.');
    expect(await filesOnDisk()).toEqual([]);
  });

  it("refuses a request that is not multipart", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    expect((await uploadError(upload(request))).message).toBe("The form was not sent as a file upload.");
  });

  it("removes what was stored when the client goes away mid-upload", async () => {
    const complete = new Uint8Array(
      await new Response(
        form([new File([pdf(8_000)], "first.pdf"), new File([pdf(40_000)], "second.pdf")]),
      ).arrayBuffer(),
    );
    const contentType = new Response(form([])).headers.get("Content-Type") ?? "";
    const sent = complete.slice(0, complete.byteLength - 20_000);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      // Fails on the read after the data, as a dropped connection does (an error raised at once
      // would discard the queued data too).
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(sent);
        else controller.error(new Error("socket hang up"));
      },
    });
    const boundary = new TextDecoder().decode(complete.slice(2, complete.indexOf(13)));
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "Content-Type": contentType.replace(/boundary=.*/, `boundary=${boundary}`) },
      body,
      duplex: "half",
    } as RequestInit);

    const recorder = recording();
    const error = await uploadError(upload(request, LIMITS, recorder.storage));
    expect(recorder.stored).toHaveLength(1);
    expect(error.message).toBe('The upload of "second.pdf" was interrupted. Please try again.');
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe("LocalDiskStorage", () => {
  async function* from(...chunks: Uint8Array[]) {
    yield* chunks;
  }

  it("streams stored bytes back", async () => {
    const bytes = pdf(200_000);
    await storage.put("a/b/c", from(bytes.slice(0, 70_000), bytes.slice(70_000)), { maxBytes: 1_000_000 });
    const stream = await storage.get("a/b/c");
    expect(stream).not.toBeNull();
    const read = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(sha256(read)).toBe(sha256(bytes));
  });

  it("answers null for a key that holds nothing, and deleting it is not an error", async () => {
    await storage.put("a/b", from(pdf(10)), { maxBytes: 100 });
    expect(await storage.get("missing")).toBeNull();
    expect(await storage.get("a")).toBeNull();
    await storage.delete("missing");
    await storage.delete("a/b");
    expect(await storage.get("a/b")).toBeNull();
  });

  it.each(["../escape", "a/../../b", "/etc/passwd", "a//b", "a/./b", ".hidden", "a\\b", "a b", ""])(
    "refuses the key %j",
    async (key) => {
      await expect(storage.put(key, from(pdf(10)), { maxBytes: 100 })).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    },
  );

  it("keeps nothing when the source fails part way", async () => {
    async function* failing() {
      yield pdf(1_000);
      throw new Error("read error");
    }
    await expect(storage.put("x", failing(), { maxBytes: 100_000 })).rejects.toThrow("read error");
    expect(await filesOnDisk()).toEqual([]);
  });
});
