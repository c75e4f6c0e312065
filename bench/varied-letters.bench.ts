// Campaigns that vary their wording: seeded mad-lib letters (bench/support/madlib-letters.ts) from two
// templates on the same mine and river, with independent letters on the same subject borrowing their
// stock phrases, grouped first by the form-letter rules alone (app/models/comments/form-letters.ts classify,
// each letter against every group's representative) and then with the varied-wording pass
// (app/models/comments/varied-letters.ts findVariedCampaigns over the groups' representatives). Printed:
// groups per template, the largest, pairwise precision and recall against the generator's truth,
// and the pass's time per 1,000 letters.
//
// Run with `npx tsx bench/varied-letters.bench.ts [--seed=N] [--independent=N]`.
import { classify, fingerprint, type CommentFingerprint } from "../app/models/comments/form-letters";
import { findVariedCampaigns } from "../app/models/comments/varied-letters";
import { createMadLibGenerator, type MadLib } from "./support/madlib-letters";

const argument = (name: string, fallback: number) => {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const SEED = argument("seed", 16);
const INDEPENDENT = argument("independent", 200);

function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The form-letter rules alone: each letter joins the first group whose representative classify accepts. */
function formLetterGroups(prints: CommentFingerprint[]): number[] {
  const representatives: CommentFingerprint[] = [];
  const groupOf: number[] = [];
  for (const print of prints) {
    const result = classify(print, representatives);
    if (result.campaignIndex !== undefined) groupOf.push(result.campaignIndex);
    else groupOf.push(representatives.push(print) - 1);
  }
  return groupOf;
}

function withVariants(prints: CommentFingerprint[], groupOf: number[]): { groups: number[]; ms: number } {
  const representativeOf = new Map<number, number>();
  groupOf.forEach((group, index) => representativeOf.has(group) || representativeOf.set(group, index));
  const groups = [...representativeOf.keys()];
  const start = performance.now();
  const campaigns = findVariedCampaigns(groups.map((group) => prints[representativeOf.get(group)!]));
  const ms = performance.now() - start;
  const merged = new Map<number, number>();
  for (const campaign of campaigns)
    for (const member of campaign.members) merged.set(groups[member], groups[campaign.members[0]]);
  return { groups: groupOf.map((group) => merged.get(group) ?? group), ms };
}

function score(letters: MadLib[], groups: number[]) {
  let [both, predicted, truth] = [0, 0, 0];
  for (let i = 0; i < letters.length; i++) {
    for (let j = i + 1; j < letters.length; j++) {
      const sameTruth = letters[i].truthGroup >= 0 && letters[i].truthGroup === letters[j].truthGroup;
      const samePredicted = groups[i] === groups[j];
      if (sameTruth) truth++;
      if (samePredicted) predicted++;
      if (sameTruth && samePredicted) both++;
    }
  }
  const perTemplate = [0, 1].map((t) => {
    const sizes = new Map<number, number>();
    letters.forEach((letter, i) => letter.truthGroup === t && sizes.set(groups[i], (sizes.get(groups[i]) ?? 0) + 1));
    return { groups: sizes.size, largest: Math.max(...sizes.values()) };
  });
  const independentMerged = letters.filter(
    (letter, i) => letter.truthGroup < 0 && groups.filter((g) => g === groups[i]).length > 1,
  ).length;
  return {
    precision: predicted === 0 ? 1 : both / predicted,
    recall: truth === 0 ? 1 : both / truth,
    perTemplate,
    independentMerged,
  };
}

function scenario(name: string, make: (g: ReturnType<typeof createMadLibGenerator>) => MadLib[]) {
  const letters = shuffled(make(createMadLibGenerator(SEED)), SEED);
  const prints = letters.map((letter) => fingerprint(letter.text));
  const before = formLetterGroups(prints);
  const after = withVariants(prints, before);
  const [b, a] = [score(letters, before), score(letters, after.groups)];
  const row = (label: string, s: typeof b) =>
    `  ${label.padEnd(22)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  template A: ${s.perTemplate[0].groups} groups (largest ${s.perTemplate[0].largest})  template B: ${s.perTemplate[1].groups} groups (largest ${s.perTemplate[1].largest})  independent letters merged: ${s.independentMerged}`;
  console.log(`${name} (${letters.length} letters)`);
  console.log(row("form-letter rules", b));
  console.log(row("+ varied wording pass", a));
  return after.ms;
}

const madLibs = (
  g: ReturnType<typeof createMadLibGenerator>,
  t: number,
  n: number,
  reorder: boolean,
  personal: boolean,
) => Array.from({ length: n }, (_, i) => g.madLib(t, { reorder, personal: personal ? i % 3 : 0 }));
const independents = (g: ReturnType<typeof createMadLibGenerator>, n: number) =>
  Array.from({ length: n }, () => g.independent());

console.log(
  `[bench] varied wording, seed ${SEED}, ${INDEPENDENT} independent letters on the same subject per scenario`,
);
scenario("synonyms only", (g) => [
  ...madLibs(g, 0, 120, false, false),
  ...madLibs(g, 1, 60, false, false),
  ...independents(g, INDEPENDENT),
]);
scenario("synonyms + reordered sentences", (g) => [
  ...madLibs(g, 0, 120, true, false),
  ...madLibs(g, 1, 60, true, false),
  ...independents(g, INDEPENDENT),
]);
scenario("synonyms + reordered + personal lines", (g) => [
  ...madLibs(g, 0, 120, true, true),
  ...madLibs(g, 1, 60, true, true),
  ...independents(g, INDEPENDENT),
]);
scenario("small campaigns (6 and 5 letters)", (g) => [
  ...madLibs(g, 0, 6, true, true),
  ...madLibs(g, 1, 5, true, true),
  ...independents(g, INDEPENDENT),
]);

// Cost of the pass alone, per 1,000 letters, at sizes a period's representatives reach.
for (const total of [1_000, 10_000]) {
  const g = createMadLibGenerator(SEED + total);
  const letters = [
    ...madLibs(g, 0, total / 10, true, true),
    ...madLibs(g, 1, total / 20, true, true),
    ...independents(g, total - total / 10 - total / 20),
  ];
  const prints = letters.map((letter) => fingerprint(letter.text));
  const start = performance.now();
  const campaigns = findVariedCampaigns(prints);
  const ms = performance.now() - start;
  console.log(
    `pass over ${total.toLocaleString("en-US")} letters: ${ms.toFixed(0)} ms (${((ms * 1000) / total).toFixed(0)} ms per 1,000), ${campaigns.length} campaigns of ${campaigns.map((c) => c.members.length).join(", ")}`,
  );
}
