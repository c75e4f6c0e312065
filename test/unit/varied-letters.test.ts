import { describe, expect, it } from "vitest";
import { seededRandom } from "../../prisma/seed/training/clock";
import { individualComment } from "../../prisma/seed/training/texts";
import { createMadLibGenerator, PERSONAL_LINES, type MadLib } from "../../bench/support/madlib-letters";
import { addedTextAgainst, classify, fingerprint, normalizeText } from "~/models/comments/form-letters";
import { findVariedCampaigns, VARIANT_COVERAGE } from "~/models/comments/varied-letters";

const prints = (letters: MadLib[]) => letters.map((letter) => fingerprint(letter.text));

describe("findVariedCampaigns", () => {
  it("finds 120 mad-lib letters (synonyms, reordered sentences, personal lines) as one campaign, apart from another template and independent letters on the same subject", () => {
    const g = createMadLibGenerator(7);
    const letters = [
      ...Array.from({ length: 120 }, (_, i) => g.madLib(0, { personal: i % 3 })),
      ...Array.from({ length: 40 }, (_, i) => g.madLib(1, { personal: i % 2 })),
      ...Array.from({ length: 100 }, () => g.independent()),
    ];
    const texts = prints(letters);
    // The form-letter rules alone see almost no copies among them.
    const joined = texts.slice(1, 120).filter((text) => classify(text, [texts[0]]).kind !== "unique").length;
    expect(joined).toBeLessThan(3);

    const campaigns = findVariedCampaigns(texts);
    expect(campaigns.map((c) => c.members.length)).toEqual([120, 40]);
    expect(campaigns[0].members.every((m) => letters[m].truthGroup === 0)).toBe(true);
    expect(campaigns[1].members.every((m) => letters[m].truthGroup === 1)).toBe(true);
    expect(Math.min(...campaigns.flatMap((c) => c.coverage))).toBeGreaterThanOrEqual(VARIANT_COVERAGE);
  });

  it("finds nothing among independent letters on the same subject that borrow the templates' stock phrases", () => {
    const g = createMadLibGenerator(8);
    expect(findVariedCampaigns(prints(Array.from({ length: 300 }, () => g.independent())))).toEqual([]);
  });

  it("finds nothing among independent comments assembled from a shared pool of whole sentences (the training seed's)", () => {
    for (const seed of [1, 2, 3, 4]) {
      const random = seededRandom(seed);
      const letters = Array.from({ length: 150 }, () => fingerprint(individualComment(random)));
      expect(findVariedCampaigns(letters)).toEqual([]);
    }
  });

  it("finds no campaign in fewer than five letters", () => {
    const g = createMadLibGenerator(9);
    expect(findVariedCampaigns(prints(Array.from({ length: 4 }, () => g.madLib(0))))).toEqual([]);
  });

  it("leaves a letter's personal line as its added text against the campaign's recurring phrases", () => {
    const g = createMadLibGenerator(10);
    const letters = Array.from({ length: 30 }, (_, i) => g.madLib(0, { personal: i === 0 ? 1 : 0 }));
    const texts = prints(letters);
    const [campaign] = findVariedCampaigns(texts);
    expect(campaign.members).toContain(0);
    // The personal line (a common one with the sender's own clause), give or take a word at its edge.
    const added = addedTextAgainst(campaign.recurring, texts[0].normalized);
    expect(added.split(" ").length).toBeGreaterThanOrEqual(8);
    const opening = (line: string) => normalizeText(line).split(" ").slice(1, 7).join(" ");
    expect(PERSONAL_LINES.some((line) => added.includes(opening(line)))).toBe(true);
    expect(addedTextAgainst(campaign.recurring, texts[1].normalized)).toBe("");
  });
});
