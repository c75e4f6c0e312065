// Where uploaded Documents live. Everything else talks to the DocumentStorage interface, so the
// local disk store used by default can be swapped for an S3-compatible one without touching
// models or routes. Document rows are immutable once stored, and so are the bytes behind them.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env.server";

export interface DocumentStorage {
  /**
   * Streams `source` to `key` and reports its size and SHA-256. Either the whole object is stored
   * or nothing is: a failed source, or one longer than `maxBytes` (UploadTooLargeError), leaves no
   * trace under the key.
   */
  put(key: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export type StoredObject = { sizeBytes: number; sha256: string };

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is larger than the ${maxBytes} bytes allowed.`);
    this.name = "UploadTooLargeError";
  }
}

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Refused storage key ${JSON.stringify(key.slice(0, 200))}: use only letters, digits, "_", "-" and "/".`);
    this.name = "InvalidStorageKeyError";
  }
}

// Keys come from our own code, but they become file paths: no dots (so no ".." and no hidden
// names, which is where partial uploads live), no empty segments, no leading slash.
const KEY_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
const MAX_KEY_LENGTH = 512;

export function assertValidStorageKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key) || key.split("/").includes("..")) {
    throw new InvalidStorageKeyError(key);
  }
}

const READ_CHUNK_BYTES = 64 * 1024;

export class LocalDiskStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject> {
    const target = this.pathFor(key);
    const directory = path.dirname(target);
    await mkdir(directory, { recursive: true });
    // Same directory as the target so the final rename is atomic (no cross-device copy); the
    // leading dot keeps it out of reach of any valid key, so a partial file is never served.
    const temp = path.join(directory, `.${path.basename(target)}.${randomUUID()}.partial`);
    const handle = await open(temp, "wx");
    const hash = createHash("sha256");
    let sizeBytes = 0;
    try {
      for await (const chunk of source) {
        sizeBytes += chunk.byteLength;
        // Checked before writing, so an oversized upload is cut off at the limit, not after it.
        if (sizeBytes > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
        hash.update(chunk);
        await writeAll(handle, chunk);
      }
      // Flushed before the rename so a crash cannot leave a complete-looking but empty Document.
      await handle.sync();
      await handle.close();
      await rename(temp, target);
    } catch (error) {
      await handle.close();
      try {
        await rm(temp, { force: true });
      } catch (cleanupError) {
        throw new AggregateError([error, cleanupError], `A failed upload left a partial file at ${temp}.`);
      }
      throw error;
    }
    return { sizeBytes, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathFor(key);
    let handle: FileHandle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // A key that names a directory (the prefix of other keys) holds no Document.
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      return null;
    }
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const buffer = new Uint8Array(READ_CHUNK_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
          if (bytesRead === 0) {
            await handle.close();
            controller.close();
          } else {
            controller.enqueue(buffer.subarray(0, bytesRead));
          }
        } catch (error) {
          await handle.close();
          controller.error(error);
        }
      },
      // A client that stops downloading must not leave the file descriptor open.
      async cancel() {
        await handle.close();
      },
    });
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  private pathFor(key: string): string {
    assertValidStorageKey(key);
    const file = path.resolve(this.root, key);
    // The pattern already rules out escaping the root; this guards against a future edit to it.
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key);
    return file;
  }
}

// FileHandle.write may write fewer bytes than asked; a silently short file would still carry
// the checksum of the full upload.
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, null);
    offset += bytesWritten;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

export function createLocalDiskStorage(root: string): LocalDiskStorage {
  return new LocalDiskStorage(root);
}

/** Where Documents are kept on disk; relative paths resolve against the working directory. */
export function documentStorageRoot(): string {
  return env().DOCUMENT_STORAGE_DIR;
}

let instance: DocumentStorage | undefined;

/**
 * The store the app uses. An S3-compatible implementation (AWS SDK v3 PutObject via
 * @aws-sdk/lib-storage's multipart Upload for streaming, counting bytes and hashing as the chunks
 * pass, then aborting the upload on UploadTooLargeError) would be chosen here from a setting such
 * as DOCUMENT_STORAGE=s3; callers only ever see DocumentStorage.
 */
export function documentStorage(): DocumentStorage {
  instance ??= createLocalDiskStorage(documentStorageRoot());
  return instance;
}
