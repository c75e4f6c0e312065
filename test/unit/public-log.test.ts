// The public log's pure parts: RFC 8785 canonical JSON (the RFC's own examples), RFC 9162 hashing
// (Certificate Transparency's test vectors), and the server's proofs checked by the standalone
// verifier's independent code, for every leaf and size up to 40.
import { describe, expect, it } from "vitest";
import { canonicalize } from "~/models/log/canonical-json";
import {
  consistencyProof,
  extend,
  frontier,
  inclusionProof,
  leafHash,
  rootHash,
  type NodeLookup,
} from "~/models/log/merkle";
import { PUBLIC_LOG } from "~/models/events/public-log";
import { EVENT_TYPES } from "~/models/events/catalogue";
import * as verifier from "../../public/verify-record.mjs";

describe("canonical JSON (RFC 8785)", () => {
  it("serializes the RFC's §3.2.2 example exactly", () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalize(input)).toBe(expected);
    expect(verifier.canonicalize(input)).toBe(expected);
  });

  it("sorts members by UTF-16 code units (the RFC's §3.2.3 example)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    // Read the values in text order (JSON.parse would move the integer-like key "1" first).
    const order = [...canonicalize(input).matchAll(/:"([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
    expect(verifier.canonicalize(input)).toBe(canonicalize(input));
  });

  it("refuses what JSON cannot say", () => {
    expect(() => canonicalize({ a: Number.NaN })).toThrow();
    expect(() => canonicalize({ a: "\ud800" })).toThrow(/surrogate/);
  });
});

// Certificate Transparency's reference leaves and roots (RFC 6962 hashing, the same in RFC 9162).
const CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/** A stored tree built the way the sequencer builds it: batch by batch, through `extend`. */
function storedTree(leaves: Buffer[], batch: number) {
  const nodes = new Map<string, Buffer>();
  const lookup: NodeLookup = (level, index) => {
    const hash = nodes.get(`${level}:${index}`);
    if (!hash) throw new Error(`missing ${level}:${index}`);
    return hash;
  };
  for (let size = 0; size < leaves.length; size += batch) {
    for (const key of frontier(size)) lookup(key.level, key.index);
    for (const node of extend(size, leaves.slice(size, size + batch), lookup)) {
      nodes.set(`${node.level}:${node.index}`, node.hash);
    }
  }
  return lookup;
}

describe("Merkle tree (RFC 9162)", () => {
  const ctLeaves = CT_LEAVES.map((hex) => leafHash(Buffer.from(hex, "hex")));

  it("gives Certificate Transparency's roots for its reference leaves, stored in batches of any size", () => {
    for (const batch of [1, 3, 8]) {
      const node = storedTree(ctLeaves, batch);
      CT_ROOTS.forEach((root, i) => expect(rootHash(i + 1, node).toString("hex")).toBe(root));
    }
    CT_ROOTS.forEach((root, i) => expect(verifier.rootOf(ctLeaves.slice(0, i + 1)).toString("hex")).toBe(root));
  });

  it("separates leaves from nodes (a node's bytes hashed as a leaf differ)", () => {
    const node = storedTree(ctLeaves, 8);
    const pair = Buffer.concat([node(0, 0), node(0, 1)]);
    expect(leafHash(pair).equals(node(1, 0))).toBe(false);
  });

  it("makes inclusion and consistency proofs the standalone verifier accepts, and only for the right leaf", () => {
    const leaves = Array.from({ length: 40 }, (_, i) => leafHash(`entry ${i}`));
    const node = storedTree(leaves, 7);
    for (let size = 1; size <= leaves.length; size += 1) {
      const root = rootHash(size, node);
      expect(verifier.rootOf(leaves.slice(0, size)).equals(root)).toBe(true);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(index, size, node);
        expect(verifier.verifyInclusion(index, size, leaves[index], proof, root)).toBe(true);
        const other = leaves[(index + 1) % size];
        if (size > 1) expect(verifier.verifyInclusion(index, size, other, proof, root)).toBe(false);
      }
      for (let first = 1; first <= size; first += 1) {
        const proof = consistencyProof(first, size, node);
        const firstRoot = rootHash(first, node);
        expect(verifier.verifyConsistency(first, size, firstRoot, root, proof)).toBe(true);
        if (first < size) {
          expect(verifier.verifyConsistency(first, size, leafHash("forged"), root, proof)).toBe(false);
        }
      }
    }
  });
});

describe("which events are public record", () => {
  it("decides for every event type, with a reason for each one left out", () => {
    for (const type of EVENT_TYPES) {
      const rule = PUBLIC_LOG[type];
      if (!rule.public) expect(rule.why.length).toBeGreaterThan(10);
    }
    expect(EVENT_TYPES.filter((type) => !PUBLIC_LOG[type].public)).toEqual([
      "commentPeriod.closingSoon",
      "review.assigned",
      "savedSearch.matched",
      "milestone.targetPassed",
      "statutoryDeadline.alert",
    ]);
  });
});
