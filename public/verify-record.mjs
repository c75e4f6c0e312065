#!/usr/bin/env node
// Checks a Lodestone deployment's public record, with Node.js alone (18 or later, no packages).
//
//   node verify-record.mjs --url https://lodestone.example.org [--state record-state.json]
//
// It downloads the signed checkpoints and every log entry, checks each checkpoint's Ed25519
// signature, recomputes the Merkle tree (RFC 9162) from the entries and compares its root with
// every checkpoint, checks that the log still extends the checkpoints it saw on earlier runs (kept
// in the state file) with consistency proofs, and compares the state the entries lead to with the
// record as the site shows it now. It exits 0 when everything matches, 1 naming the first entry
// or checkpoint that does not, 2 when it could not run. The same file runs as
// `npm run verify-record -- --url <app url>` in Lodestone's repository; get it from any deployment
// at /verify-record.mjs.
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// ---- RFC 8785 canonical JSON ----------------------------------------------------------------

export function canonicalize(value) {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(value[key])}`).join(",")}}`;
  }
  throw new Error(`a ${typeof value} has no JSON form`);
}

// ---- RFC 9162 Merkle tree ---------------------------------------------------------------------

const sha256 = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};
export const leafHash = (data) => sha256(Buffer.from([0]), Buffer.from(data));
export const nodeHash = (left, right) => sha256(Buffer.from([1]), left, right);
export const EMPTY_ROOT = sha256();

/** Adds leaves one at a time and gives the root of the tree so far (complete subtrees on a stack). */
export class TreeBuilder {
  constructor() {
    this.size = 0;
    this.stack = []; // [{ size, hash }], sizes strictly decreasing powers of two
  }
  push(leaf) {
    let node = { size: 1, hash: leaf };
    while (this.stack.length > 0 && this.stack.at(-1).size === node.size) {
      const left = this.stack.pop();
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += 1;
  }
  root() {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack.at(-1).hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}

export function rootOf(leaves) {
  const tree = new TreeBuilder();
  for (const leaf of leaves) tree.push(leaf);
  return tree.root();
}

const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `proof` place `leaf` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `second` extends the tree of `first`? */
export function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// ---- Checkpoints ----------------------------------------------------------------------------------

const SPKI_ED25519 = Buffer.from("302a300506032b6570032100", "hex");

export function verifyNote(note, signatureB64, publicKeyB64) {
  const key = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, Buffer.from(publicKeyB64, "base64")]),
    format: "der",
    type: "spki",
  });
  return verifySignature(null, Buffer.from(note, "utf8"), key, Buffer.from(signatureB64, "base64"));
}

/** The note's lines: origin, size, base64 root, "time <ISO>". */
export function parseNote(note) {
  const lines = note.split("\n");
  if (lines.length !== 5 || lines[4] !== "" || !/^\d+$/.test(lines[1]) || !lines[3].startsWith("time ")) return null;
  return { origin: lines[0], treeSize: Number(lines[1]), rootHash: lines[2], time: lines[3].slice(5) };
}

const describeCheckpoint = (c) => `checkpoint ${c.id} (tree size ${c.treeSize}, signed ${c.signedAt})`;

// ---- The run --------------------------------------------------------------------------------------

class Mismatch extends Error {}

function replay(state, seq, body) {
  const d = body.data ?? {};
  const project = (id) => state.projects.get(id) ?? state.projects.set(id, {}).get(id);
  const milestone = (id) => state.milestones.get(id) ?? state.milestones.set(id, {}).get(id);
  switch (body.type) {
    case "project.created":
      Object.assign(project(d.projectId), { stage: d.stage, status: d.status, seq });
      break;
    case "project.stageChanged":
      Object.assign(project(d.projectId), { stage: d.toStage, status: d.toStatus, seq });
      break;
    case "milestone.added":
      Object.assign(milestone(d.milestoneId), { targetDate: d.targetDate, seq });
      break;
    case "milestone.dateChanged":
      Object.assign(milestone(d.milestoneId), { targetDate: d.newDate, seq });
      break;
    case "milestone.actualDateRecorded":
      Object.assign(milestone(d.milestoneId), { actualDate: d.actualDate, actualSeq: seq });
      break;
    case "record.baseline":
      // Rows written before or without the log (a seed, an import): their state when the log began.
      if (d.stage) Object.assign(project(d.projectId), { stage: d.stage, status: d.status, seq });
      for (const m of d.milestones ?? []) {
        Object.assign(milestone(m.milestoneId), {
          targetDate: m.targetDate,
          actualDate: m.actualDate,
          actualSeq: seq,
          seq,
        });
      }
      break;
    case "commentPeriod.opened":
    case "commentPeriod.extended":
    case "commentPeriod.reopened":
      state.periods.set(d.periodId, { closesAt: d.closesAt, seq });
      break;
    default:
  }
}

/** Compares the state the log leads to with the record now; the first difference is returned. */
function compareState(expected, current) {
  for (const p of current.projects ?? []) {
    const log = expected.projects.get(p.id);
    if (!log) continue;
    if (log.stage !== p.stage || log.status !== p.status) {
      return `project ${p.slug}: the record shows stage "${p.stage}" (${p.status}), but its last log entry, #${log.seq}, says "${log.stage}" (${log.status}): the record changed without an entry`;
    }
  }
  for (const m of current.milestones ?? []) {
    const log = expected.milestones.get(m.id);
    if (!log) continue;
    if ("targetDate" in log && log.targetDate !== m.targetDate) {
      return `milestone ${m.id}: the record shows target date ${m.targetDate ?? "none"}, but its last log entry, #${log.seq}, says ${log.targetDate ?? "none"}: the record changed without an entry`;
    }
    if ("actualDate" in log && log.actualDate !== m.actualDate) {
      return `milestone ${m.id}: the record shows actual date ${m.actualDate ?? "none"}, but its last log entry, #${log.actualSeq}, says ${log.actualDate}: the record changed without an entry`;
    }
  }
  for (const c of current.commentPeriods ?? []) {
    const log = expected.periods.get(c.id);
    if (log && Date.parse(log.closesAt) !== Date.parse(c.closesAt)) {
      return `comment period ${c.id}: the record shows it closing ${c.closesAt}, but its last log entry, #${log.seq}, says ${log.closesAt}: the record changed without an entry`;
    }
  }
  return null;
}

/**
 * Verifies the record served at `url` (or through `fetchJson(path)`); `state` is what earlier runs
 * saw (keys and checkpoints), and the new state is returned to be kept. Never throws on a mismatch:
 * `problem` names the first one.
 */
export async function verifyRecord({ url, fetchJson, state = {}, log = () => {} }) {
  const get =
    fetchJson ??
    (async (path) => {
      let response = await fetch(new URL(path, url));
      // The API's rate limit: wait as it asks (Retry-After), a few times, rather than fail.
      for (let tries = 0; response.status === 429 && tries < 5; tries += 1) {
        const seconds = Math.min(120, Number(response.headers.get("retry-after")) || 10);
        log(`The server asks to slow down; waiting ${seconds} s.`);
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        response = await fetch(new URL(path, url));
      }
      const text = await response.text();
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        throw new Error(`${path} answered ${response.status} with something that is not JSON.`);
      }
      if (!response.ok)
        throw new Error(`${path} answered ${response.status}: ${data.detail ?? data.error ?? text.slice(0, 200)}`);
      return data;
    });
  const seen = { keys: { ...(state.keys ?? {}) }, checkpoints: [...(state.checkpoints ?? [])] };
  try {
    // Keys: one that changed since the last run is refused (a rotation adds a key, never replaces one).
    const { keys } = await get("/api/v1/log/public-key");
    const byId = new Map(keys.map((k) => [k.keyId, k.publicKey]));
    for (const [keyId, publicKey] of Object.entries(seen.keys)) {
      if (byId.has(keyId) && byId.get(keyId) !== publicKey) {
        throw new Mismatch(`signing key ${keyId} is not the key this verifier saw before`);
      }
      byId.set(keyId, publicKey);
    }

    // Checkpoints, newest first, every page.
    const checkpoints = [];
    let page = await get("/api/v1/log/checkpoints");
    checkpoints.push(...page.checkpoints);
    while (page.next) {
      page = await get(page.next);
      checkpoints.push(...page.checkpoints);
    }
    if (checkpoints.length === 0) throw new Mismatch("the log has no checkpoint yet");
    checkpoints.reverse();
    for (const c of checkpoints) {
      const key = byId.get(c.keyId);
      if (!key)
        throw new Mismatch(`${describeCheckpoint(c)} is signed by key ${c.keyId}, which the log does not publish`);
      if (!verifyNote(c.note, c.signature, key)) {
        throw new Mismatch(`${describeCheckpoint(c)}: its signature does not match its note`);
      }
      const note = parseNote(c.note);
      if (
        !note ||
        note.treeSize !== c.treeSize ||
        note.rootHash !== c.rootHash ||
        Date.parse(note.time) !== Date.parse(c.signedAt)
      ) {
        throw new Mismatch(
          `${describeCheckpoint(c)}: the signed note says size ${note?.treeSize}, root ${note?.rootHash}, but the checkpoint says size ${c.treeSize}, root ${c.rootHash}`,
        );
      }
    }
    const latest = checkpoints.reduce((a, b) => (b.treeSize >= a.treeSize ? b : a));
    for (const c of checkpoints) {
      if (c.treeSize > latest.treeSize) throw new Mismatch(`${describeCheckpoint(c)} is larger than the latest`);
    }

    // Sizes at which a root must match: every checkpoint and every one seen on an earlier run.
    const wanted = new Map();
    const want = (size, root, what) => {
      if (size > latest.treeSize) {
        throw new Mismatch(
          `${what} has ${size} entries, but the log now signs only ${latest.treeSize}: entries were removed`,
        );
      }
      const list = wanted.get(size) ?? [];
      list.push({ root, what });
      wanted.set(size, list);
    };
    for (const c of checkpoints) want(c.treeSize, c.rootHash, describeCheckpoint(c));
    for (const c of seen.checkpoints)
      want(c.treeSize, c.rootHash, `the checkpoint of size ${c.treeSize} seen on ${c.signedAt}`);

    // Entries, recomputing the tree.
    const tree = new TreeBuilder();
    // Leaf hashes since the last size that matched a checkpoint: only those can need naming, so
    // memory stays bounded by the distance between checkpoints, not by the log's size.
    let leaves = [];
    let leavesFrom = 0;
    const replayed = { projects: new Map(), milestones: new Map(), periods: new Map() };
    let firstBadSize = null;
    let lastGoodSize = 0;
    const check = () => {
      for (const { root, what } of wanted.get(tree.size) ?? []) {
        if (tree.root().toString("base64") !== root) {
          firstBadSize ??= { size: tree.size, root, what };
        }
      }
      if (!firstBadSize && wanted.has(tree.size)) {
        lastGoodSize = tree.size;
        leaves = [];
        leavesFrom = tree.size;
      }
    };
    check();
    while (tree.size < latest.treeSize && !firstBadSize) {
      const start = tree.size;
      const { entries } = await get(`/api/v1/log/entries?start=${start}&end=${latest.treeSize}`);
      if (entries.length === 0)
        throw new Mismatch(
          `entry #${start} is missing: the log signs ${latest.treeSize} entries but serves none from #${start}`,
        );
      for (const entry of entries) {
        if (entry.sequence !== tree.size) {
          throw new Mismatch(
            `entry #${tree.size} is missing: the log goes from #${tree.size - 1} to #${entry.sequence}`,
          );
        }
        let body;
        try {
          body = JSON.parse(entry.body);
        } catch {
          throw new Mismatch(`entry #${entry.sequence}: its body is not JSON`);
        }
        if (canonicalize(body) !== entry.body)
          throw new Mismatch(`entry #${entry.sequence}: its body is not canonical JSON (RFC 8785)`);
        if (body.v !== 1)
          throw new Mismatch(`entry #${entry.sequence}: body version ${body.v} is unknown to this verifier`);
        const leaf = leafHash(entry.body);
        leaves.push(leaf);
        tree.push(leaf);
        replay(replayed, entry.sequence, body);
        check();
        if (firstBadSize) break;
      }
    }

    if (firstBadSize) {
      // Name the entry: each one between the last matching size and the first failing one is
      // checked with an inclusion proof against the signed root it fails.
      const { size, root, what } = firstBadSize;
      const rootBytes = Buffer.from(root, "base64");
      for (let index = lastGoodSize; index < size; index += 1) {
        const proof = await get(`/api/v1/log/proof/inclusion?index=${index}&size=${size}`);
        const hashes = proof.hashes.map((h) => Buffer.from(h, "base64"));
        if (!verifyInclusion(index, size, leaves[index - leavesFrom], hashes, rootBytes)) {
          throw new Mismatch(
            `entry #${index} does not match ${what}: it was changed, moved or replaced after it was signed`,
          );
        }
      }
      throw new Mismatch(
        `the entries up to #${size - 1} do not add up to ${what} (entries #${lastGoodSize} to #${size - 1}; the server's proofs hide which)`,
      );
    }

    // Consistency proofs from each size seen before to the latest (what a light client relies on).
    const latestRoot = Buffer.from(latest.rootHash, "base64");
    for (const old of seen.checkpoints) {
      if (old.treeSize === 0) continue;
      const proof = await get(`/api/v1/log/proof/consistency?first=${old.treeSize}&second=${latest.treeSize}`);
      const hashes = proof.hashes.map((h) => Buffer.from(h, "base64"));
      if (!verifyConsistency(old.treeSize, latest.treeSize, Buffer.from(old.rootHash, "base64"), latestRoot, hashes)) {
        throw new Mismatch(
          `the log's consistency proof from the checkpoint of size ${old.treeSize} seen on ${old.signedAt} to ${describeCheckpoint(latest)} does not verify`,
        );
      }
    }

    // The record now against the state its history leads to.
    const current = await get("/api/v1/log/state");
    const difference = compareState(replayed, current);
    if (difference) throw new Mismatch(difference);

    const kept = new Map(seen.checkpoints.map((c) => [c.treeSize, c]));
    kept.set(latest.treeSize, { treeSize: latest.treeSize, rootHash: latest.rootHash, signedAt: latest.signedAt });
    const keysSeen = Object.fromEntries(byId);
    log(
      `Verified ${latest.treeSize} entries and ${checkpoints.length} signed checkpoints; the latest, ${describeCheckpoint(latest)}, has root ${latest.rootHash}.`,
    );
    return {
      ok: true,
      problem: null,
      latest,
      entries: latest.treeSize,
      checkpoints: checkpoints.length,
      state: { keys: keysSeen, checkpoints: [...kept.values()].sort((a, b) => a.treeSize - b.treeSize).slice(-1000) },
    };
  } catch (error) {
    if (error instanceof Mismatch) return { ok: false, problem: error.message, state: seen };
    throw error;
  }
}

// ---- Command line -------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { url: null, state: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--url") args.url = argv[++i];
    else if (argv[i] === "--state") args.state = argv[++i];
    else if (argv[i] === "--help" || argv[i] === "-h") args.help = true;
    else throw new Error(`Unknown argument ${argv[i]}`);
  }
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    args = { help: true };
  }
  if (args.help || !args.url) {
    console.error("Usage: node verify-record.mjs --url <Lodestone address> [--state <file>]");
    process.exit(2);
  }
  const stateFile = args.state ?? `lodestone-record-${new URL(args.url).host.replace(/[^a-z0-9.-]/gi, "_")}.json`;
  const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")) : {};
  try {
    const result = await verifyRecord({ url: args.url, state, log: (line) => console.log(line) });
    if (!result.ok) {
      console.error(`NOT VERIFIED: ${result.problem}.`);
      process.exit(1);
    }
    writeFileSync(stateFile, `${JSON.stringify(result.state, null, 2)}\n`);
    console.log(`Checkpoints seen are kept in ${stateFile}; the next run checks the log still extends them.`);
  } catch (error) {
    console.error(`Could not check the record: ${error.message}`);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
