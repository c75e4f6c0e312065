// What the public log serves: checkpoints, entries, proofs, keys, the sequencing delay and the
// current state a verifier compares the log's history with. Everything here is public by design
// (entry bodies hold public facts and commitments only).
import { prisma } from "~/services/db.server";
import { consistencyProof, inclusionProof, rootHash, withStoredNodes } from "./merkle";
import { fetchNodes } from "./sequencer.server";

export const MAX_ENTRIES_PER_PAGE = 1000;
export const MAX_CHECKPOINTS_PER_PAGE = 100;

type CheckpointRow = {
  id: number;
  treeSize: bigint;
  rootHash: Uint8Array;
  signedAt: Date;
  keyId: string;
  note: string;
  signature: Uint8Array;
};

export type PublicCheckpoint = {
  id: number;
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  note: string;
  signature: string;
};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function publicCheckpoint(row: CheckpointRow): PublicCheckpoint {
  return {
    id: row.id,
    treeSize: Number(row.treeSize),
    rootHash: b64(row.rootHash),
    signedAt: row.signedAt.toISOString(),
    keyId: row.keyId,
    note: row.note,
    signature: b64(row.signature),
  };
}

export async function latestCheckpoint(): Promise<PublicCheckpoint | null> {
  const rows = await prisma.$queryRaw<CheckpointRow[]>`
    select id, "treeSize", "rootHash", "signedAt", "keyId", note, signature
    from "LogCheckpoint" order by id desc limit 1`;
  return rows[0] ? publicCheckpoint(rows[0]) : null;
}

/** Newest first; `before` is the id of the last checkpoint of the previous page. */
export async function listCheckpoints(options: { before?: number; limit?: number } = {}) {
  const limit = Math.min(options.limit ?? MAX_CHECKPOINTS_PER_PAGE, MAX_CHECKPOINTS_PER_PAGE);
  const rows = await prisma.$queryRaw<CheckpointRow[]>`
    select id, "treeSize", "rootHash", "signedAt", "keyId", note, signature
    from "LogCheckpoint" where id < ${options.before ?? 2 ** 31 - 1}
    order by id desc limit ${limit}`;
  return rows.map(publicCheckpoint);
}

export type PublicEntry = { sequence: number; body: string; sequencedAt: string };

/** Entries [start, end), at most MAX_ENTRIES_PER_PAGE. */
export async function listEntries(start: number, end: number): Promise<PublicEntry[]> {
  const last = Math.min(end, start + MAX_ENTRIES_PER_PAGE);
  const rows = await prisma.$queryRaw<{ sequence: bigint; body: string; sequencedAt: Date }[]>`
    select sequence, body, "sequencedAt" from "LogEntry"
    where sequence >= ${BigInt(start)} and sequence < ${BigInt(last)} order by sequence`;
  return rows.map((row) => ({
    sequence: Number(row.sequence),
    body: row.body,
    sequencedAt: row.sequencedAt.toISOString(),
  }));
}

export async function projectEntries(projectId: string, limit = 50) {
  const rows = await prisma.$queryRaw<{ sequence: bigint; type: string; sequencedAt: Date }[]>`
    select sequence, type, "sequencedAt" from "LogEntry" where "projectId" = ${projectId}
    order by sequence desc limit ${limit}`;
  return rows.map((row) => ({ sequence: Number(row.sequence), type: row.type, sequencedAt: row.sequencedAt }));
}

export async function currentTreeSize(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ size: bigint }[]>`
    select coalesce(max(sequence) + 1, 0) as size from "LogEntry"`;
  return Number(row.size);
}

export class ProofRangeError extends Error {}

/** RFC 9162 inclusion proof of entry `index` in the tree of `size` (a checkpoint's size). */
export async function proveInclusion(index: number, size: number) {
  const stored = await currentTreeSize();
  if (size > stored) throw new ProofRangeError(`The log has ${stored} entries; there is no tree of ${size} yet.`);
  if (index >= size) throw new ProofRangeError(`Entry ${index} is not in a tree of ${size} entries.`);
  const hashes = await withStoredNodes(
    (node) => inclusionProof(index, size, node),
    (keys) => fetchNodes(prisma, keys),
  );
  return { index, treeSize: size, hashes: hashes.map(b64) };
}

/** RFC 9162 consistency proof between two tree sizes. */
export async function proveConsistency(first: number, second: number) {
  const stored = await currentTreeSize();
  if (second > stored) throw new ProofRangeError(`The log has ${stored} entries; there is no tree of ${second} yet.`);
  if (first < 1 || first > second) throw new ProofRangeError("The first size must be between 1 and the second size.");
  const hashes = await withStoredNodes(
    (node) => consistencyProof(first, second, node),
    (keys) => fetchNodes(prisma, keys),
  );
  return { first, second, hashes: hashes.map(b64) };
}

/** The root of the stored tree of `size` (for tests and the bench: checkpoints carry it signed). */
export async function storedRoot(size: number) {
  return withStoredNodes(
    (node) => rootHash(size, node),
    (keys) => fetchNodes(prisma, keys),
  );
}

export async function publicKeys() {
  const rows = await prisma.$queryRaw<{ keyId: string; publicKey: Uint8Array; createdAt: Date }[]>`
    select "keyId", "publicKey", "createdAt" from "LogSigningKey" order by "createdAt"`;
  return rows.map((row) => ({
    keyId: row.keyId,
    algorithm: "Ed25519",
    publicKey: b64(row.publicKey),
    firstUsedAt: row.createdAt.toISOString(),
  }));
}

/** How long entries waited for a sequence number, over the last `sample` entries (milliseconds). */
export async function sequencingDelay(sample = 1000) {
  const [row] = await prisma.$queryRaw<
    { median: number | null; p95: number | null; max: number | null; count: bigint }[]
  >`
    select
      percentile_cont(0.5) within group (order by d) as median,
      percentile_cont(0.95) within group (order by d) as p95,
      max(d) as max, count(*) as count
    from (select extract(epoch from ("sequencedAt" - "createdAt")) * 1000 as d
          from "LogEntry" order by sequence desc limit ${sample}) delays`;
  return {
    sample: Number(row.count),
    medianMs: row.median === null ? null : Math.round(Number(row.median)),
    p95Ms: row.p95 === null ? null : Math.round(Number(row.p95)),
    maxMs: row.max === null ? null : Math.round(Number(row.max)),
  };
}

/**
 * The public record as the tables hold it now: what a verifier replays the log to and compares.
 * A row changed without its entry shows up as a difference (the log is the history; this is the
 * present).
 */
export async function currentState() {
  const [projects, milestones, periods] = await Promise.all([
    prisma.project.findMany({
      select: { id: true, slug: true, currentStage: true, status: true },
      orderBy: { id: "asc" },
    }),
    prisma.milestone.findMany({
      select: { id: true, projectId: true, targetDate: true, actualDate: true },
      orderBy: { id: "asc" },
    }),
    prisma.commentPeriod.findMany({ select: { id: true, projectId: true, closesAt: true }, orderBy: { id: "asc" } }),
  ]);
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  return {
    projects: projects.map((p) => ({ id: p.id, slug: p.slug, stage: p.currentStage, status: p.status })),
    milestones: milestones.map((m) => ({
      id: m.id,
      projectId: m.projectId,
      targetDate: day(m.targetDate),
      actualDate: day(m.actualDate),
    })),
    commentPeriods: periods.map((p) => ({ id: p.id, projectId: p.projectId, closesAt: p.closesAt.toISOString() })),
  };
}
