// The one way an action reads its form. Everything a client can get wrong about the body itself is
// refused here with a 4xx and a sentence a person can act on, before any route logic runs: the
// Content-Type (415), the size (413), a multipart body that is malformed or cut short (400), and
// control characters PostgreSQL cannot store or that have no place in a form (400, naming the
// field). Routes never call request.formData(); a lint rule keeps it that way.
//
// Plain forms: a refusal is a thrown Response, rendered by the route's ErrorBoundary.
// Upload forms (`uploads`): a refusal about the files is an UploadError the route shows next to the
// file input, as before; whatever this request stored is removed on every failure path.
import type { z } from "zod";
import type { DocumentStorage } from "~/services/storage.server";
import {
  discardUploads,
  receiveUploads,
  UploadError,
  uploadTooLarge,
  type StoredUpload,
  type UploadLimits,
} from "~/services/uploads.server";
import { parseFormData, type FormFailure, type FormSuccess } from "~/utils/forms.server";

export type Fields = Record<string, string | string[]>;

export type UploadOptions = { field: string; limits: UploadLimits; storage: DocumentStorage; keyPrefix: string };

export type SubmissionOptions = {
  uploads?: UploadOptions;
  /** The body budget of a form without files. */
  maxBytes?: number;
  /**
   * The body may be absent or of any type, and then reads as no fields: for the one-click
   * unsubscribe that mail providers post (RFC 8058), whose authority is a token in the URL.
   */
  optionalBody?: boolean;
};

/** A form read and checked; `parse` validates it with a zod schema as often as the route needs. */
export type Submission = {
  fields: Fields;
  files: StoredUpload[];
  parse<S extends z.ZodTypeAny>(schema: S): FormSuccess<z.output<S>> | FormFailure;
  /** Removes the stored files when the route's own step fails after reading (saving rows, say). */
  discard(cause?: unknown): Promise<void>;
  /** The first value sent under `name`, as FormData has it. */
  get(name: string): string | null;
  getAll(name: string): string[];
  /** Every [name, value] pair, repeated names once per value. */
  [Symbol.iterator](): Iterator<[string, string]>;
};

// A long comment (5,000 characters, each up to 9 bytes once percent-encoded) fits many times over.
export const MAX_FORM_BYTES = 1024 * 1024;

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** A 4xx Response with a plain-text message for the error boundary; `statusText` keeps logs readable. */
export function refusal(status: 400 | 403 | 404 | 409 | 413 | 415 | 422, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Reads the body of `request` as a form, or throws a 4xx (see the header). */
export async function readSubmission(request: Request, options: SubmissionOptions = {}): Promise<Submission> {
  const fields = await readFields(request, options);
  const files = fields.files;
  const submission: Submission = {
    fields: fields.values,
    files,
    parse: (schema) => parseFormData(fields.values, schema),
    discard: (cause) => (options.uploads ? discardUploads(options.uploads.storage, files, cause) : Promise.resolve()),
    get: (name) => submission.getAll(name)[0] ?? null,
    getAll: (name) => {
      const value = Object.hasOwn(fields.values, name) ? fields.values[name] : undefined;
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    },
    *[Symbol.iterator]() {
      for (const [name, value] of Object.entries(fields.values)) {
        for (const item of Array.isArray(value) ? value : [value]) yield [name, item];
      }
    },
  };
  const control = findControlCharacter(fields.values);
  if (control) {
    await submission.discard();
    throw refusal(
      400,
      `The field "${control.field}" contains an invisible control character (${control.codePoint}) that cannot be stored. Remove it (it often comes from copying text out of another program) and send the form again.`,
    );
  }
  return submission;
}

/**
 * Reads and validates in one step. On a validation failure the stored files are already removed,
 * so the route only re-renders the form.
 */
export async function parseSubmission<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: SubmissionOptions = {},
): Promise<(FormSuccess<z.output<S>> & { files: StoredUpload[]; submission: Submission }) | FormFailure> {
  const submission = await readSubmission(request, options);
  const parsed = submission.parse(schema);
  if (!parsed.ok) {
    await submission.discard();
    return parsed;
  }
  return { ...parsed, files: submission.files, submission };
}

async function readFields(
  request: Request,
  options: SubmissionOptions,
): Promise<{ values: Fields; files: StoredUpload[] }> {
  const header = request.headers.get("Content-Type") ?? "";
  const [type = "", ...params] = header.split(";").map((piece) => piece.trim());
  const mediaType = type.toLowerCase();
  if (mediaType !== URLENCODED && mediaType !== MULTIPART) {
    if (options.optionalBody) return { values: {}, files: [] };
    throw refusal(
      415,
      header
        ? `This form cannot be read: it arrived as "${type.slice(0, 60)}", but it must be sent as ${URLENCODED} or ${MULTIPART}. Send it again from the page.`
        : `This form cannot be read: it arrived without a Content-Type. Send it again from the page.`,
    );
  }
  const charset = parameter(params, "charset");
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw refusal(415, `This form arrived in the "${charset.slice(0, 40)}" character set; only UTF-8 is accepted.`);
  }
  const limit = options.uploads
    ? (options.uploads.limits.maxRequestBytes ?? Number.POSITIVE_INFINITY)
    : (options.maxBytes ?? MAX_FORM_BYTES);
  const tooLarge = () =>
    options.uploads
      ? uploadTooLarge(options.uploads.limits, limit)
      : new UploadError(`This form is too large: at most ${Math.floor(limit / 1024)} KB can be sent at once.`, {
          status: 413,
        });
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) throw asResponse(tooLarge(), options);

  if (mediaType === URLENCODED) {
    const text = await readText(request, limit, tooLarge).catch((error: unknown) => {
      throw asResponse(error, options);
    });
    return { values: collect(new URLSearchParams(text)), files: [] };
  }

  const boundary = parameter(params, "boundary");
  if (!boundary || boundary.length > 70) {
    throw asResponse(
      new UploadError("The form arrived incomplete: its multipart boundary is missing or invalid. Send it again."),
      options,
    );
  }
  // Remix's parser wants exactly this header, and the body capped at the budget as it streams.
  const capped = new Request(request.url, {
    method: request.method,
    headers: { "Content-Type": `${MULTIPART}; boundary=${boundary}` },
    body: request.body ? capStream(request.body, limit, tooLarge) : null,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
  try {
    const received = await receiveUploads(
      capped,
      options.uploads ?? { field: null, limits: { maxFileBytes: 0, maxFiles: 0 }, storage: null, keyPrefix: "forms" },
    );
    return { values: received.fields, files: received.files };
  } catch (error) {
    throw asResponse(error, options);
  }
}

// A form without uploads answers every refusal as a Response; an upload form keeps UploadError,
// which the route shows next to its file input with the fields typed so far.
function asResponse(error: unknown, options: SubmissionOptions): unknown {
  if (!(error instanceof UploadError) || options.uploads) return error;
  const message = /interrupted/.test(error.message)
    ? "The form arrived incomplete (the connection may have dropped, or the body was cut short). Send it again."
    : error.message;
  return refusal(error.status, message);
}

function parameter(params: string[], name: string): string | undefined {
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== name) continue;
    return param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return undefined;
}

async function readText(request: Request, limit: number, tooLarge: () => Error): Promise<string> {
  if (!request.body) return "";
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of capStream(request.body, limit, tooLarge)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

// Counts bytes as they arrive: Content-Length can be absent (chunked) or understated.
function capStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
  tooLarge: () => Error,
): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array> {
  let total = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return counted as ReadableStream<Uint8Array> & AsyncIterable<Uint8Array>;
}

function collect(params: URLSearchParams): Fields {
  const fields: Fields = {};
  for (const [key, value] of params) {
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}

// C0 controls other than tab, line feed and carriage return. NUL is refused by PostgreSQL; the rest
// are never typed by a person and only serve to confuse what is later displayed or exported.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The first field (by name, or in a name) holding a forbidden control character. */
export function findControlCharacter(fields: Fields): { field: string; codePoint: string } | null {
  for (const [name, value] of Object.entries(fields)) {
    for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
      const match = CONTROL.exec(text);
      if (!match) continue;
      const codePoint = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      return { field: name.replace(CONTROL, "?").slice(0, 60), codePoint };
    }
  }
  return null;
}
