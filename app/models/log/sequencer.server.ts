// The sequencer (Trillian's design): writers only insert LogPending rows, in their own
// transactions, so they never wait on each other for the log. This job, alone (an advisory lock
// makes a second copy wait), takes pending rows in insert order, numbers them after the last
// entry, extends the Merkle tree and signs a checkpoint of the new size, all in one transaction:
// a checkpoint is never published for a tree that is not stored.
import { Prisma } from "@prisma/client";
import { env } from "~/env.server";
import { prisma } from "~/services/db.server";
import { signNote, signingKey, type SigningKey } from "~/services/log-signing.server";
import { extend, frontier, leafHash, rootHash, type NodeKey } from "./merkle";

export const SEQUENCE_TASK = "sequence-log";
export const CHECKPOINT_TASK = "log-checkpoint";
const SEQUENCER_LOCK = 0x10_6c_6f_67; // any constant: only the sequencer takes it

type Tx = Prisma.TransactionClient;

/** The log's name in its checkpoints: the app's host and path, as C2SP checkpoints name a log. */
export function logOrigin(appUrl = env().APP_URL): string {
  const url = new URL(appUrl);
  return `${url.host}${url.pathname.replace(/\/$/, "")}/log`;
}

/** The signed text: origin, size, base64 root, then the time as an extension line. */
export function checkpointNote(origin: string, treeSize: number, root: Buffer, time: Date): string {
  return `${origin}\n${treeSize}\n${root.toString("base64")}\ntime ${time.toISOString()}\n`;
}

export async function fetchNodes(db: Tx | typeof prisma, keys: NodeKey[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (keys.length === 0) return found;
  const rows = await db.$queryRaw<{ level: number; index: bigint; hash: Uint8Array }[]>`
    select n.level, n.index, n.hash from "LogNode" n
    join unnest(${keys.map((k) => k.level)}::smallint[], ${keys.map((k) => BigInt(k.index))}::bigint[]) as w(level, index)
      on n.level = w.level and n.index = w.index`;
  for (const row of rows) found.set(`${row.level}:${Number(row.index)}`, Buffer.from(row.hash));
  return found;
}

async function treeSize(db: Tx | typeof prisma): Promise<number> {
  const [row] = await db.$queryRaw<{ size: bigint }[]>`select coalesce(max(sequence) + 1, 0) as size from "LogEntry"`;
  return Number(row.size);
}

async function storeKey(tx: Tx, key: SigningKey) {
  await tx.$executeRaw`
    insert into "LogSigningKey" ("keyId", "publicKey") values (${key.keyId}, ${key.publicKey})
    on conflict ("keyId") do nothing`;
}

async function writeCheckpoint(tx: Tx, size: number, root: Buffer, now = new Date()) {
  const key = signingKey();
  await storeKey(tx, key);
  const note = checkpointNote(logOrigin(), size, root, now);
  const signature = signNote(note, key);
  await tx.$executeRaw`
    insert into "LogCheckpoint" ("treeSize", "rootHash", "signedAt", "keyId", "note", "signature")
    values (${BigInt(size)}, ${root}, ${now}, ${key.keyId}, ${note}, ${signature})`;
  return { treeSize: size, rootHash: root, signedAt: now };
}

type Pending = { id: bigint; eventId: string; type: string; projectId: string | null; body: string; createdAt: Date };

/** One batch: up to `limit` pending entries sequenced, the tree extended and a checkpoint signed. */
async function sequenceBatch(limit: number): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`;
      await tx.$executeRaw`select set_config('lodestone.log_sequencer', 'on', true)`;
      const pending = await tx.$queryRaw<Pending[]>`
        delete from "LogPending" where id in (select id from "LogPending" order by id limit ${limit})
        returning id, "eventId", type, "projectId", body, "createdAt"`;
      if (pending.length === 0) return 0;
      pending.sort((a, b) => (a.id < b.id ? -1 : 1));
      const size = await treeSize(tx);
      await tx.$executeRaw`
        insert into "LogEntry" (sequence, "eventId", type, "projectId", body, "createdAt")
        select s, e, t, p, b, c from unnest(
          ${pending.map((_, i) => BigInt(size + i))}::bigint[],
          ${pending.map((row) => row.eventId)}::text[],
          ${pending.map((row) => row.type)}::text[],
          ${pending.map((row) => row.projectId)}::text[],
          ${pending.map((row) => row.body)}::text[],
          ${pending.map((row) => row.createdAt)}::timestamp(3)[]
        ) as x(s, e, t, p, b, c)`;
      const all = await fetchNodes(tx, frontier(size));
      const lookup = (level: number, index: number) => {
        const hash = all.get(`${level}:${index}`);
        if (!hash) throw new Error(`The log's tree is missing node ${level}:${index} (tree of ${size}).`);
        return hash;
      };
      const created = extend(
        size,
        pending.map((row) => leafHash(row.body)),
        lookup,
      );
      for (const node of created) all.set(`${node.level}:${node.index}`, node.hash);
      // Thousands of rows per batch: one insert per 5,000 keeps each statement's parameters small.
      for (let i = 0; i < created.length; i += 5000) {
        const chunk = created.slice(i, i + 5000);
        await tx.$executeRaw`
          insert into "LogNode" (level, index, hash)
          select * from unnest(
            ${chunk.map((n) => n.level)}::smallint[],
            ${chunk.map((n) => BigInt(n.index))}::bigint[],
            ${chunk.map((n) => n.hash)}::bytea[])`;
      }
      const total = size + pending.length;
      await writeCheckpoint(tx, total, rootHash(total, lookup));
      return pending.length;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** Sequences everything pending now, in batches; returns how many entries it added. */
export async function sequenceLog({ batchSize = 2000 }: { batchSize?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await sequenceBatch(batchSize);
    total += done;
    if (done < batchSize) return total;
  }
}

/**
 * A fresh checkpoint of the current tree even when nothing changed (hourly), so a witness can tell
 * a quiet log from a log that stopped signing. Skipped if one was signed in the last `minAgeMs`.
 */
export async function signPeriodicCheckpoint(minAgeMs = 50 * 60_000, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`;
    const [latest] = await tx.$queryRaw<{ treeSize: bigint; rootHash: Uint8Array; signedAt: Date }[]>`
      select "treeSize", "rootHash", "signedAt" from "LogCheckpoint" order by id desc limit 1`;
    const size = await treeSize(tx);
    if (latest && Number(latest.treeSize) === size && now.getTime() - latest.signedAt.getTime() < minAgeMs) return null;
    const nodes = await fetchNodes(tx, frontier(size));
    const root = rootHash(size, (level, index) => {
      const hash = nodes.get(`${level}:${index}`);
      if (!hash) throw new Error(`The log's tree is missing node ${level}:${index}.`);
      return hash;
    });
    return writeCheckpoint(tx, size, root, now);
  });
}

/** Whether anything waits to be sequenced (the worker polls this before queueing the job). */
export async function hasPendingEntries(db: { query: (sql: string) => Promise<{ rows: unknown[] }> }) {
  const { rows } = await db.query(`select 1 from "LogPending" limit 1`);
  return rows.length > 0;
}
