// RFC 9162 §2.1 Merkle tree hashing and proofs, over a store of complete-subtree hashes.
// Leaf hash: SHA-256(0x00 || leaf); node hash: SHA-256(0x01 || left || right) (domain separation,
// so a leaf can never pass for a node). The tree over n leaves splits at k, the largest power of
// two below n. Every range the proofs need is a run of complete subtrees whose hashes are stored
// (LogNode, level L index i covers leaves [i*2^L, (i+1)*2^L)), so a proof costs one read of
// O(log n) rows: `plan` collects the keys, the caller fetches them, `build` computes the proof.
import { createHash } from "node:crypto";

export function leafHash(leaf: Buffer | string): Buffer {
  return createHash("sha256")
    .update(Buffer.from([0]))
    .update(leaf)
    .digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash("sha256")
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** Largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A complete subtree: level L, index i. */
export type NodeKey = { level: number; index: number };
export type NodeLookup = (level: number, index: number) => Buffer;

const isPowerOfTwo = (n: number) => n > 0 && Number.isInteger(Math.log2(n));

/** MTH(D[start:end]) from complete-subtree hashes; start is aligned as RFC 9162's splits leave it. */
export function rangeHash(start: number, end: number, node: NodeLookup): Buffer {
  const size = end - start;
  if (size <= 0) throw new Error(`Empty range ${start}..${end}.`);
  if (isPowerOfTwo(size) && start % size === 0) return node(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(start, start + k, node), rangeHash(start + k, end, node));
}

/** The root of a tree of `size` leaves; the empty tree's root is SHA-256 of nothing. */
export function rootHash(size: number, node: NodeLookup): Buffer {
  if (size === 0) return createHash("sha256").digest();
  return rangeHash(0, size, node);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]). */
function path(m: number, start: number, end: number, node: NodeLookup): Buffer[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...path(m, start, start + k, node), rangeHash(start + k, end, node)];
  return [...path(m - k, start + k, end, node), rangeHash(start, start + k, node)];
}

export function inclusionProof(index: number, size: number, node: NodeLookup): Buffer[] {
  if (index < 0 || index >= size) throw new RangeError(`Entry ${index} is not in a tree of ${size}.`);
  return path(index, 0, size, node);
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:end], b). */
function subproof(m: number, start: number, end: number, complete: boolean, node: NodeLookup): Buffer[] {
  const n = end - start;
  if (m === n) return complete ? [] : [rangeHash(start, end, node)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(m, start, start + k, complete, node), rangeHash(start + k, end, node)];
  return [...subproof(m - k, start + k, end, false, node), rangeHash(start, start + k, node)];
}

export function consistencyProof(first: number, second: number, node: NodeLookup): Buffer[] {
  if (first < 1 || first > second) throw new RangeError(`No consistency proof from ${first} to ${second}.`);
  if (first === second) return [];
  return subproof(first, 0, second, true, node);
}

/**
 * Runs `compute` twice: once to learn which stored subtrees it reads, then (after `fetch` loads
 * them in one query) for real.
 */
export async function withStoredNodes<T>(
  compute: (node: NodeLookup) => T,
  fetch: (keys: NodeKey[]) => Promise<Map<string, Buffer>>,
): Promise<T> {
  const wanted = new Map<string, NodeKey>();
  const zero = Buffer.alloc(32);
  compute((level, index) => {
    wanted.set(`${level}:${index}`, { level, index });
    return zero;
  });
  const found = await fetch([...wanted.values()]);
  return compute((level, index) => {
    const hash = found.get(`${level}:${index}`);
    if (!hash) throw new Error(`The log's tree has no node at level ${level}, index ${index}.`);
    return hash;
  });
}

/**
 * The complete subtrees that appending leaves [size, size + added) creates, given a lookup for
 * the ones that already exist (only the right frontier's left siblings are read).
 */
export function extend(
  size: number,
  leaves: Buffer[],
  existing: NodeLookup,
): { level: number; index: number; hash: Buffer }[] {
  const created: { level: number; index: number; hash: Buffer }[] = [];
  const fresh = new Map<string, Buffer>();
  const get = (level: number, index: number) => fresh.get(`${level}:${index}`) ?? existing(level, index);
  leaves.forEach((leaf, offset) => {
    const key = `0:${size + offset}`;
    fresh.set(key, leaf);
    created.push({ level: 0, index: size + offset, hash: leaf });
  });
  const total = size + leaves.length;
  for (let level = 1; 2 ** level <= total; level += 1) {
    const from = Math.floor(size / 2 ** level);
    const to = Math.floor(total / 2 ** level);
    for (let index = from; index < to; index += 1) {
      const hash = nodeHash(get(level - 1, 2 * index), get(level - 1, 2 * index + 1));
      fresh.set(`${level}:${index}`, hash);
      created.push({ level, index, hash });
    }
  }
  return created;
}

/** The stored nodes `extend` may read from a tree of `size`: the left siblings on its right edge. */
export function frontier(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  for (let level = 0; 2 ** level <= size; level += 1) {
    const count = Math.floor(size / 2 ** level);
    if (count % 2 === 1) keys.push({ level, index: count - 1 });
  }
  return keys;
}
