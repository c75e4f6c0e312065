// Responses of the public log's API (/api/v1/log/...): what apiLoader checks each answer against,
// so nothing the schema does not declare can reach the public.
import { z } from "./zod";

const Base64 = z.string().openapi({ description: "Bytes in standard base64." });

export const CheckpointSchema = z
  .object({
    id: z.number().int(),
    treeSize: z.number().int(),
    rootHash: Base64,
    signedAt: z.string(),
    keyId: z.string(),
    note: z.string().openapi({ description: "The exact signed text (a C2SP-style checkpoint note)." }),
    signature: Base64.openapi({ description: "Ed25519 signature over the note's UTF-8 bytes, base64." }),
  })
  .openapi("LogCheckpoint");

export const CheckpointPageSchema = z.object({
  checkpoints: z.array(CheckpointSchema),
  next: z.string().nullable(),
});

export const EntryPageSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  entries: z.array(
    z.object({
      sequence: z.number().int(),
      body: z.string().openapi({ description: "Canonical JSON (RFC 8785); the leaf hashes these exact bytes." }),
      sequencedAt: z.string(),
    }),
  ),
});

export const InclusionProofSchema = z.object({
  index: z.number().int(),
  treeSize: z.number().int(),
  hashes: z.array(Base64),
});

export const ConsistencyProofSchema = z.object({
  first: z.number().int(),
  second: z.number().int(),
  hashes: z.array(Base64),
});

export const PublicKeysSchema = z.object({
  keys: z.array(
    z.object({ keyId: z.string(), algorithm: z.literal("Ed25519"), publicKey: Base64, firstUsedAt: z.string() }),
  ),
});

export const RecordStateSchema = z.object({
  projects: z.array(z.object({ id: z.string(), slug: z.string(), stage: z.string(), status: z.string() })),
  milestones: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      targetDate: z.string().nullable(),
      actualDate: z.string().nullable(),
    }),
  ),
  commentPeriods: z.array(z.object({ id: z.string(), projectId: z.string(), closesAt: z.string() })),
});
