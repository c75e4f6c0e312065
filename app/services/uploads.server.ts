// The upload rules shared by Documents and comment attachments, and the multipart handling that
// applies them while the bytes stream to storage. A file's type is decided by its extension AND
// its first bytes; the browser's Content-Type is ignored because anyone can set it. Whatever goes
// wrong, the files this request already stored are removed, so a rejected upload keeps nothing.
import { randomUUID } from "node:crypto";
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { env, type Env } from "~/env.server";
import { assertValidStorageKey, UploadTooLargeError, type DocumentStorage } from "~/services/storage.server";

type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "tiff" | "zip" | "ole" | "text";
export type AllowedType = { mime: string; name: string; signature: Signature };

const OOXML = "application/vnd.openxmlformats-officedocument";
export const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  pdf: { mime: "application/pdf", name: "PDF document", signature: "pdf" },
  png: { mime: "image/png", name: "PNG image", signature: "png" },
  jpg: { mime: "image/jpeg", name: "JPEG image", signature: "jpeg" },
  jpeg: { mime: "image/jpeg", name: "JPEG image", signature: "jpeg" },
  gif: { mime: "image/gif", name: "GIF image", signature: "gif" },
  webp: { mime: "image/webp", name: "WebP image", signature: "webp" },
  tif: { mime: "image/tiff", name: "TIFF image", signature: "tiff" },
  tiff: { mime: "image/tiff", name: "TIFF image", signature: "tiff" },
  doc: { mime: "application/msword", name: "Word document", signature: "ole" },
  docx: { mime: `${OOXML}.wordprocessingml.document`, name: "Word document", signature: "zip" },
  xls: { mime: "application/vnd.ms-excel", name: "Excel spreadsheet", signature: "ole" },
  xlsx: { mime: `${OOXML}.spreadsheetml.sheet`, name: "Excel spreadsheet", signature: "zip" },
  ppt: { mime: "application/vnd.ms-powerpoint", name: "PowerPoint presentation", signature: "ole" },
  pptx: { mime: `${OOXML}.presentationml.presentation`, name: "PowerPoint presentation", signature: "zip" },
  odt: { mime: "application/vnd.oasis.opendocument.text", name: "OpenDocument text", signature: "zip" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", name: "OpenDocument spreadsheet", signature: "zip" },
  csv: { mime: "text/csv", name: "CSV table", signature: "text" },
  txt: { mime: "text/plain", name: "text file", signature: "text" },
  zip: { mime: "application/zip", name: "ZIP archive (such as a GIS shapefile)", signature: "zip" },
  geojson: { mime: "application/geo+json", name: "GeoJSON file", signature: "text" },
  kml: { mime: "application/vnd.google-earth.kml+xml", name: "KML file", signature: "text" },
};

const ACCEPTED_LIST = Object.keys(ALLOWED_TYPES).join(", ");

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
// Each binary signature is a list of alternatives; null in a pattern matches any byte.
const MAGIC: Record<Exclude<Signature, "text">, (number | null)[][]> = {
  pdf: [[...bytes("%PDF-")]],
  png: [[0x89, ...bytes("PNG\r\n\x1a\n")]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[...bytes("GIF87a")], [...bytes("GIF89a")]],
  webp: [[...bytes("RIFF"), null, null, null, null, ...bytes("WEBP")]],
  tiff: [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
  // Office Open XML and OpenDocument files are ZIP archives, so they share its local file header.
  zip: [[0x50, 0x4b, 0x03, 0x04]],
  // The OLE2 compound file header of legacy .doc, .xls and .ppt.
  ole: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
};
const HEAD_BYTES = 12;

export type UploadErrorStatus = 400 | 413 | 415;

/** An upload refused for a reason the person uploading can act on; `message` is shown to them. */
export class UploadError extends Error {
  readonly fileName: string | undefined;
  readonly status: UploadErrorStatus;

  /** The text fields read before the failure, so a form can be shown again with nothing typed lost. */
  fields: Record<string, string | string[]> = {};

  constructor(message: string, options: { fileName?: string; status?: UploadErrorStatus; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "UploadError";
    this.fileName = options.fileName;
    this.status = options.status ?? 400;
  }
}

export type UploadLimits = {
  maxFileBytes: number;
  maxFiles: number;
  /** The whole request, files and fields together; without it, every file at its limit plus framing. */
  maxRequestBytes?: number;
};
export type StoredUpload = {
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

const MEGABYTE = 1024 * 1024;

/** The limits for the configured sizes in megabytes (env.server.ts bounds them by Document.sizeBytes). */
export function uploadLimits(settings: Pick<Env, "DOCUMENT_MAX_MB" | "COMMENT_ATTACHMENT_MAX_MB">): {
  documents: UploadLimits;
  commentAttachments: UploadLimits;
} {
  return {
    documents: { maxFileBytes: Math.floor(settings.DOCUMENT_MAX_MB * MEGABYTE), maxFiles: 20 },
    commentAttachments: { maxFileBytes: Math.floor(settings.COMMENT_ATTACHMENT_MAX_MB * MEGABYTE), maxFiles: 10 },
  };
}

const configured = uploadLimits(env());
// One request may not carry every file at its own limit (20 x 50 MB would be 1 GB held open by one
// client): it gets a budget of a few full-size files, never less than one file at its limit.
const requestCap = (limits: UploadLimits, budgetMb: number) =>
  Math.min(limits.maxFiles * limits.maxFileBytes, Math.max(budgetMb * MEGABYTE, limits.maxFileBytes)) + MEGABYTE;
export const DOCUMENT_LIMITS: UploadLimits = {
  ...configured.documents,
  maxRequestBytes: requestCap(configured.documents, 200),
};
// Anyone may post a comment, so its request budget is smaller.
export const COMMENT_ATTACHMENT_LIMITS: UploadLimits = {
  ...configured.commentAttachments,
  maxRequestBytes: requestCap(configured.commentAttachments, 30),
};

export function formatMegabytes(byteCount: number): string {
  const megabytes = byteCount / MEGABYTE;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

const MAX_NAME_LENGTH = 200;
// Control characters, and the bidirectional overrides that can make "report‮fdp.exe" read as
// "reportexe.pdf".
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The file's name as people will see it: no directories, no control characters, bounded length. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(UNSAFE_NAME_CHARACTERS, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .trim();
  const characters = Array.from(cleaned);
  if (characters.length === 0) return "upload";
  if (characters.length <= MAX_NAME_LENGTH) return cleaned;
  // Keep the extension when shortening, since the type check and the download name rely on it.
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  const keep = extension.length < 20 ? extension : [];
  return characters.slice(0, MAX_NAME_LENGTH - keep.length).join("") + keep.join("");
}

/** The allowed type named by the file's extension, or an UploadError naming the file. */
export function allowedTypeFor(fileName: string): AllowedType {
  const dot = fileName.lastIndexOf(".");
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  const type = Object.hasOwn(ALLOWED_TYPES, extension) ? ALLOWED_TYPES[extension] : undefined;
  if (!type) {
    throw new UploadError(`"${fileName}" is not a file type we accept. Accepted types: ${ACCEPTED_LIST}.`, {
      fileName,
      status: 415,
    });
  }
  return type;
}

/**
 * Passes `source` through unchanged once its contents are seen to match `type`: binary types by
 * their leading magic bytes (held back until enough have arrived), text types by being valid UTF-8
 * with no NUL bytes all the way to the end. Throws UploadError naming the file otherwise.
 */
export async function* verifiedContent(
  fileName: string,
  type: AllowedType,
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const mismatch = () =>
    new UploadError(`"${fileName}" is not a real ${type.name}: its contents do not match its file extension.`, {
      fileName,
      status: 415,
    });
  let total = 0;

  if (type.signature === "text") {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (chunk.includes(0) || !decodes(decoder, chunk, true)) throw mismatch();
      yield chunk;
    }
    if (!decodes(decoder, new Uint8Array(), false)) throw mismatch();
  } else {
    const patterns = MAGIC[type.signature];
    let held: Uint8Array[] = [];
    let checked = false;
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (checked) {
        yield chunk;
        continue;
      }
      held.push(chunk);
      if (total < HEAD_BYTES) continue;
      if (!matchesAny(patterns, concat(held))) throw mismatch();
      checked = true;
      yield* held;
      held = [];
    }
    if (!checked && total > 0) {
      if (!matchesAny(patterns, concat(held))) throw mismatch();
      yield* held;
    }
  }
  if (total === 0) throw new UploadError(`"${fileName}" is empty.`, { fileName });
}

function decodes(decoder: TextDecoder, chunk: Uint8Array, more: boolean): boolean {
  try {
    decoder.decode(chunk, { stream: more });
    return true;
  } catch {
    return false;
  }
}

function matchesAny(patterns: (number | null)[][], head: Uint8Array): boolean {
  return patterns.some(
    (pattern) => head.length >= pattern.length && pattern.every((byte, i) => byte === null || head[i] === byte),
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// Room for the text fields and multipart framing on top of the files themselves.
const REQUEST_OVERHEAD_BYTES = MEGABYTE;
// Text fields are held in memory, so they get a budget of their own (a long comment fits easily).
const MAX_TEXT_FIELD_BYTES = 512 * 1024;

/**
 * Reads a multipart form, streaming each file in `options.field` to storage under `keyPrefix/`.
 * Text fields come back in `fields` (repeated names as arrays). Throws UploadError for anything the
 * uploader can fix, after removing every file this request stored; a storage failure is rethrown
 * unchanged (after the same cleanup) so it reaches the 500 page and the log.
 */
export async function receiveUploads(
  request: Request,
  // Without a field (and storage) the form takes no files: its text fields are read the same way.
  options:
    | { field: string; limits: UploadLimits; storage: DocumentStorage; keyPrefix: string }
    | { field: null; limits: UploadLimits; storage: DocumentStorage | null; keyPrefix: string },
): Promise<{ fields: Record<string, string | string[]>; files: StoredUpload[] }> {
  const { field, limits, storage, keyPrefix } = options;
  assertValidStorageKey(keyPrefix);

  // The same test Remix applies, made here because Remix reports a failure as a bare TypeError.
  if (!request.body || !/^multipart\/form-data\s*;\s*boundary=/.test(request.headers.get("Content-Type") ?? "")) {
    throw new UploadError("The form was not sent as a file upload.");
  }
  const requestLimit = limits.maxRequestBytes ?? limits.maxFiles * limits.maxFileBytes + REQUEST_OVERHEAD_BYTES;
  const declaredLength = Number(request.headers.get("Content-Length") ?? 0);
  if (declaredLength > requestLimit) throw uploadTooLarge(limits, requestLimit);

  const fields: Record<string, string | string[]> = {};
  const files: StoredUpload[] = [];
  let textBytes = 0;
  let serverFailure: unknown;

  async function handlePart(part: UploadHandlerPart): Promise<undefined> {
    if (part.filename === undefined && part.name !== field) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of interruptible(part.data)) {
        textBytes += chunk.byteLength;
        if (textBytes > MAX_TEXT_FIELD_BYTES) {
          throw new UploadError("The text sent with these files is too long.", { status: 413 });
        }
        chunks.push(chunk);
      }
      addField(fields, part.name, new TextDecoder().decode(concat(chunks)));
      return undefined;
    }
    // A file input left empty still sends a part with no bytes: browsers give it filename="",
    // fetch's FormData no filename at all.
    if (!part.filename) {
      if ((await drain(interruptible(part.data))) > 0) {
        throw new UploadError("A file was sent without a file name.");
      }
      return undefined;
    }
    const fileName = sanitizeFileName(part.filename);
    if (field === null || storage === null) {
      throw new UploadError(`"${fileName}" was sent, but this form does not take files.`, { fileName });
    }
    if (part.name !== field) {
      throw new UploadError(`"${fileName}" was sent from an unexpected part of the form.`, { fileName });
    }
    if (files.length >= limits.maxFiles) {
      throw new UploadError(`Too many files: at most ${limits.maxFiles} can be uploaded at once.`, {
        fileName,
        status: 413,
      });
    }
    const type = allowedTypeFor(fileName);
    const storageKey = `${keyPrefix}/${randomUUID()}`;
    const content = verifiedContent(fileName, type, interruptible(part.data, fileName));
    try {
      const stored = await storage.put(storageKey, content, { maxBytes: limits.maxFileBytes });
      files.push({ storageKey, originalName: fileName, contentType: type.mime, ...stored });
    } catch (error) {
      if (error instanceof UploadTooLargeError) {
        throw new UploadError(`"${fileName}" is larger than the ${formatMegabytes(limits.maxFileBytes)} limit.`, {
          fileName,
          status: 413,
        });
      }
      throw error;
    }
    return undefined;
  }

  try {
    // Every part is consumed and answered with undefined: the fields and files are collected
    // above, so the FormData Remix builds stays empty and no file is ever buffered in memory.
    await unstable_parseMultipartFormData(request, async (part) => {
      try {
        return await handlePart(part);
      } catch (error) {
        if (!(error instanceof UploadError)) serverFailure = error;
        throw error;
      }
    });
  } catch (error) {
    if (storage) await discardUploads(storage, files, error);
    if (error === serverFailure) throw error;
    // What remains failed while reading the request itself: malformed or cut off.
    const failure =
      error instanceof UploadError
        ? error
        : new UploadError("The upload was interrupted. Please try again.", { cause: error });
    failure.fields = fields;
    throw failure;
  }
  return { fields, files };
}

/** The 413 for a request over its total budget, said in the terms a person can act on. */
export function uploadTooLarge(limits: UploadLimits, requestLimit: number): UploadError {
  const total = formatMegabytes(Math.max(requestLimit - REQUEST_OVERHEAD_BYTES, limits.maxFileBytes));
  return new UploadError(
    `This upload is too large: one upload can carry at most ${total} in total (${limits.maxFiles} files of up to ${formatMegabytes(limits.maxFileBytes)} each). Send the files in several uploads.`,
    { status: 413 },
  );
}

/**
 * Removes uploads that will not be kept: after a rejected request here, or when the caller's own
 * step fails after receiveUploads returned (say, saving the Document rows).
 */
export async function discardUploads(storage: DocumentStorage, files: StoredUpload[], cause?: unknown): Promise<void> {
  const results = await Promise.allSettled(files.map((file) => storage.delete(file.storageKey)));
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  if (failures.length > 0) {
    const reasons = cause === undefined ? failures : [cause, ...failures];
    throw new AggregateError(reasons, `Could not remove ${failures.length} uploaded file(s) that should not be kept.`);
  }
}

// A read that fails mid-stream means the client went away or the body was cut short.
async function* interruptible(source: AsyncIterable<Uint8Array>, fileName?: string): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (error) {
    // A refusal made while reading (the request's size budget) keeps its own message and status.
    if (error instanceof UploadError) throw error;
    const what = fileName ? `The upload of "${fileName}"` : "The upload";
    throw new UploadError(`${what} was interrupted. Please try again.`, { fileName, cause: error });
  }
}

// Reads a part that is not kept (the parser cannot reach the next part until this one is read).
async function drain(source: AsyncIterable<Uint8Array>): Promise<number> {
  let byteCount = 0;
  for await (const chunk of source) byteCount += chunk.byteLength;
  return byteCount;
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else fields[name] = [existing, value];
}

// Only types a browser shows passively may be displayed inline; everything else (including text,
// which a browser might render) downloads.
const INLINE_SAFE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);
const KNOWN_TYPES = new Set(Object.values(ALLOWED_TYPES).map((type) => type.mime));

/** Response headers for serving a stored Document or attachment. */
export function downloadHeaders(
  doc: { originalName: string; contentType: string; sizeBytes: number },
  disposition: "attachment" | "inline",
): Record<string, string> {
  // A type we did not assign on upload is treated as unknown bytes.
  const contentType = KNOWN_TYPES.has(doc.contentType) ? doc.contentType : "application/octet-stream";
  const mode = disposition === "inline" && INLINE_SAFE_TYPES.has(contentType) ? "inline" : "attachment";
  const name = sanitizeFileName(doc.originalName);
  return {
    "Content-Type": contentType.startsWith("text/") ? `${contentType}; charset=utf-8` : contentType,
    "Content-Disposition": `${mode}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`,
    "Content-Length": String(doc.sizeBytes),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-cache",
  };
}

// For old clients that ignore filename*: accents dropped, anything else outside printable ASCII
// (and the quote and backslash that would end the quoted string) replaced.
function asciiFileName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
}

// RFC 8187 attr-char excludes ' ( ) * which encodeURIComponent leaves alone.
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
