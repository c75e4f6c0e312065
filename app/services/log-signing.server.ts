// The Ed25519 key that signs the public log's checkpoints. From LOG_SIGNING_KEY (PEM) or
// LOG_SIGNING_KEY_FILE; by default the file $LODESTONE_DATA_DIR/log-signing-key.pem, created on
// first start (local use: env.server refuses a public deployment without a configured key). Its
// public key is stored in LogSigningKey when it first signs, so old checkpoints stay checkable
// after a rotation.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env.server";

export type SigningKey = { privateKey: KeyObject; publicKey: Buffer; keyId: string };

/** The raw 32-byte public key from its DER SubjectPublicKeyInfo (a fixed 12-byte prefix). */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: "spki", format: "der" });
  return der.subarray(der.length - 32);
}

/** First 8 bytes of SHA-256 of the raw public key, hex: names the key in each checkpoint. */
export function keyIdOf(publicKey: Buffer): string {
  return createHash("sha256").update(publicKey).digest("hex").slice(0, 16);
}

function fromPem(pem: string, where: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${where} is not a PEM private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`${where} is a ${privateKey.asymmetricKeyType} key; the log signs with Ed25519.`);
  }
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

function readOrCreate(file: string): SigningKey {
  try {
    return fromPem(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // wx: two processes starting at once keep the first one's key.
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fromPem(readFileSync(file, "utf8"), file);
}

let cached: SigningKey | undefined;

export function signingKey(): SigningKey {
  if (cached) return cached;
  const settings = env();
  if (settings.LOG_SIGNING_KEY) cached = fromPem(settings.LOG_SIGNING_KEY.replace(/\\n/g, "\n"), "LOG_SIGNING_KEY");
  else {
    const file = path.resolve(
      settings.LOG_SIGNING_KEY_FILE ?? path.join(settings.LODESTONE_DATA_DIR, "log-signing-key.pem"),
    );
    cached = readOrCreate(file);
  }
  return cached;
}

export function signNote(note: string, key: SigningKey = signingKey()): Buffer {
  return sign(null, Buffer.from(note, "utf8"), key.privateKey);
}
