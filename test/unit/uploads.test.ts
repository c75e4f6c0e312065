import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import {
  ALLOWED_TYPES,
  allowedTypeFor,
  downloadHeaders,
  sanitizeFileName,
  UploadError,
  uploadLimits,
  verifiedContent,
} from "~/services/uploads.server";

const MB = 1024 * 1024;
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const join = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const filler = ascii("\x00\x01\x02 some more bytes of the body");

// The leading bytes of a real file of each kind, followed by arbitrary content.
const SAMPLES: Record<string, Uint8Array> = {
  pdf: join(ascii("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), filler),
  png: join([0x89], ascii("PNG\r\n\x1a\n"), [0, 0, 0, 13], ascii("IHDR"), filler),
  jpg: join([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], ascii("JFIF\0"), filler),
  jpeg: join([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10], ascii("Exif\0\0"), filler),
  gif: join(ascii("GIF89a"), [1, 0, 1, 0], filler),
  webp: join(ascii("RIFF"), [0x24, 0, 0, 0], ascii("WEBPVP8 "), filler),
  tif: join([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0], filler),
  tiff: join([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], filler),
  doc: join([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], filler),
  xls: join([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], filler),
  ppt: join([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], filler),
  docx: join(ascii("PK\x03\x04\x14\x00\x06\x00"), ascii("[Content_Types].xml"), filler),
  xlsx: join(ascii("PK\x03\x04\x14\x00\x06\x00"), ascii("[Content_Types].xml"), filler),
  pptx: join(ascii("PK\x03\x04\x14\x00\x06\x00"), ascii("[Content_Types].xml"), filler),
  odt: join(ascii("PK\x03\x04\x14\x00\x00\x08"), ascii("mimetypeapplication/vnd.oasis.opendocument.text")),
  ods: join(ascii("PK\x03\x04\x14\x00\x00\x08"), ascii("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")),
  zip: join(ascii("PK\x03\x04\x0a\x00\x00\x00"), ascii("tailings_dam.shp"), filler),
  csv: new TextEncoder().encode("permit,agency,issued\nRecord of Decision,USFS,2021-01-15\n"),
  txt: new TextEncoder().encode("Comments on the draft EIS — Section 3.2 (Water)\n"),
  geojson: new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
  kml: new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"/>'),
};

async function* chunked(data: Uint8Array, size = data.byteLength || 1): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.byteLength; offset += size) yield data.slice(offset, offset + size);
}

/** Runs the content check over `data` as an upload of `fileName` would, returning what passed. */
async function check(fileName: string, data: Uint8Array, chunkSize?: number): Promise<Uint8Array> {
  const passed: number[] = [];
  for await (const chunk of verifiedContent(fileName, allowedTypeFor(fileName), chunked(data, chunkSize))) {
    passed.push(...chunk);
  }
  return Uint8Array.from(passed);
}

async function refusal(fileName: string, data: Uint8Array): Promise<UploadError> {
  const error = await check(fileName, data).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

describe("file type checks", () => {
  it("has a real sample for every allowed extension", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(ALLOWED_TYPES).sort());
  });

  it.each(Object.keys(SAMPLES))("accepts a genuine .%s file and passes its bytes through unchanged", async (ext) => {
    expect(await check(`sample.${ext}`, SAMPLES[ext])).toEqual(SAMPLES[ext]);
  });

  it("accepts an upper-case extension", async () => {
    expect(await check("SITE-PLAN.PDF", SAMPLES.pdf)).toEqual(SAMPLES.pdf);
  });

  it("recognises magic bytes that arrive one byte at a time", async () => {
    expect(await check("plan.webp", SAMPLES.webp, 1)).toEqual(SAMPLES.webp);
    expect(await check("plan.pdf", SAMPLES.pdf, 1)).toEqual(SAMPLES.pdf);
  });

  it("accepts UTF-8 text whose multi-byte characters are split across chunks", async () => {
    expect(await check("notes.txt", SAMPLES.txt, 1)).toEqual(SAMPLES.txt);
  });

  it("refuses a Windows program renamed .pdf, naming the file", async () => {
    const exe = join(ascii("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00"), filler);
    const error = await refusal("Plan of Operations.pdf", exe);
    expect(error.message).toContain('"Plan of Operations.pdf"');
    expect(error.message).toContain("PDF document");
    expect(error.fileName).toBe("Plan of Operations.pdf");
    expect(error.status).toBe(415);
  });

  it("refuses an HTML page renamed .pdf or .png", async () => {
    const html = ascii("<!doctype html><script>alert(document.cookie)</script>");
    await refusal("report.pdf", html);
    await refusal("map.png", html);
  });

  it("refuses an Office file whose extension claims another family", async () => {
    await refusal("budget.xlsx", SAMPLES.xls);
    await refusal("scan.png", SAMPLES.jpg);
  });

  it("refuses text with a NUL byte or invalid UTF-8", async () => {
    await refusal("data.csv", ascii("a,b\n1,\x002\n"));
    await refusal("notes.txt", Uint8Array.from([0x68, 0x69, 0xff, 0xfe]));
    await refusal("area.geojson", Uint8Array.from([0x7b, 0xe2, 0x82]));
  });

  it("refuses a binary file that stops before its signature is complete", async () => {
    await refusal("tiny.png", Uint8Array.from([0x89, 0x50]));
  });

  it("refuses an empty file", async () => {
    expect((await refusal("empty.txt", new Uint8Array())).message).toBe('"empty.txt" is empty.');
  });

  it.each(["setup.exe", "page.html", "drawing.svg", "script.js", "README", "archive.tar.gz", "x.constructor"])(
    "refuses the extension of %s",
    (name) => {
      expect(() => allowedTypeFor(name)).toThrow(UploadError);
      expect(() => allowedTypeFor(name)).toThrow(`"${name}" is not a file type we accept`);
    },
  );
});

describe("sanitizeFileName", () => {
  it("keeps an ordinary name", () => {
    expect(sanitizeFileName("Draft EIS – Chapter 3 (Water).pdf")).toBe("Draft EIS – Chapter 3 (Water).pdf");
  });

  it("strips directories from either kind of path", () => {
    expect(sanitizeFileName("C:\\Users\\ana\\Desktop\\plan.pdf")).toBe("plan.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
  });

  it("removes control characters and bidirectional overrides", () => {
    expect(sanitizeFileName("evil\r\nname\u0000.pdf")).toBe("evilname.pdf");
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
  });

  it("collapses whitespace and drops leading dots", () => {
    expect(sanitizeFileName("  ..hidden   report .csv ")).toBe("hidden report .csv");
  });

  it("caps the length but keeps the extension", () => {
    const name = sanitizeFileName(`${"é".repeat(300)}.xlsx`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith(".xlsx")).toBe(true);
  });

  it("falls back to a placeholder when nothing is left", () => {
    expect(sanitizeFileName("\u0001\u0002")).toBe("upload");
  });
});

describe("downloadHeaders", () => {
  const pdf = { originalName: "Record of Decision.pdf", contentType: "application/pdf", sizeBytes: 1234 };

  it("shows a PDF inline when asked, with the protective headers", () => {
    expect(downloadHeaders(pdf, "inline")).toEqual({
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="Record of Decision.pdf"; filename*=UTF-8''Record%20of%20Decision.pdf`,
      "Content-Length": "1234",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-cache",
    });
  });

  it.each([
    ["text/plain", "text/plain; charset=utf-8"],
    ["text/csv", "text/csv; charset=utf-8"],
    ["application/vnd.google-earth.kml+xml", "application/vnd.google-earth.kml+xml"],
    ["application/zip", "application/zip"],
    ["text/html", "application/octet-stream"],
    ["image/svg+xml", "application/octet-stream"],
  ])("forces %s to download as %s", (contentType, served) => {
    const headers = downloadHeaders({ originalName: "file", contentType, sizeBytes: 1 }, "inline");
    expect(headers["Content-Type"]).toBe(served);
    expect(headers["Content-Disposition"]).toMatch(/^attachment;/);
  });

  it("encodes a non-ASCII name in filename* with an ASCII fallback", () => {
    const headers = downloadHeaders(
      { originalName: "Évaluation d'impact (rivière) 水.pdf", contentType: "application/pdf", sizeBytes: 9 },
      "attachment",
    );
    expect(headers["Content-Disposition"]).toBe(
      `attachment; filename="Evaluation d'impact (riviere) _.pdf"; ` +
        `filename*=UTF-8''%C3%89valuation%20d%27impact%20%28rivi%C3%A8re%29%20%E6%B0%B4.pdf`,
    );
  });

  it("cannot be broken out of by quotes or line breaks in the stored name", () => {
    const headers = downloadHeaders(
      { originalName: 'a"b\r\nSet-Cookie: x=1.pdf', contentType: "application/pdf", sizeBytes: 1 },
      "attachment",
    );
    expect(headers["Content-Disposition"]).toBe(
      `attachment; filename="a_bSet-Cookie: x=1.pdf"; filename*=UTF-8''a%22bSet-Cookie%3A%20x%3D1.pdf`,
    );
  });
});

describe("upload limits", () => {
  it("defaults to 50 MB x 20 Documents and 10 MB x 10 comment attachments", () => {
    expect(uploadLimits(parseEnv({}))).toEqual({
      documents: { maxFileBytes: 50 * MB, maxFiles: 20 },
      commentAttachments: { maxFileBytes: 10 * MB, maxFiles: 10 },
    });
  });

  it("takes sizes in megabytes from the environment", () => {
    const limits = uploadLimits(parseEnv({ DOCUMENT_MAX_MB: " 200 ", COMMENT_ATTACHMENT_MAX_MB: "2.5" }));
    expect(limits.documents.maxFileBytes).toBe(200 * MB);
    expect(limits.commentAttachments.maxFileBytes).toBe(2.5 * MB);
  });

  it.each(["abc", "-5", "0", "Infinity", "50MB", "99999"])("refuses to boot with the size setting %j", (value) => {
    expect(() => parseEnv({ DOCUMENT_MAX_MB: value })).toThrow(/DOCUMENT_MAX_MB/);
    expect(() => parseEnv({ COMMENT_ATTACHMENT_MAX_MB: value })).toThrow(/COMMENT_ATTACHMENT_MAX_MB/);
  });
});
