// The tokenizer scans code units against a table (for speed); its contract is the
// regex /[\p{L}\p{N}]+/gu, which tokenizeByRegex still runs. The two must agree on
// the seed articles and on hostile text: astral letters, lone surrogates,
// combining marks, digits of other scripts, upper case and accents.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, tokenizeByRegex } from "../pipeline/extract/tokens.js";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

const PIECES = [
  "soldats", "Nord-Coréens", "ÉTATS", "l’armée", "e\u0301", "\u0301", "10 000", "٣٤", "१२", "𝐀𝐁", "𠀀", "😀", "\ud800", "\udc00",
  "\ud835\udc00", "ǅ", "ß", "İ", "Œuvre", "œ", "x2", "2x", "_", "-", " ", "\u00a0", "\n", "'", "Ⅻ", "ﬁ",
];

describe("tokenize", () => {
  it("gives the regex's tokens on every seed article", () => {
    const raw = path.join(root, "data", "raw");
    const files = fs.readdirSync(raw);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(raw, f), "utf8");
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(100);
      expect(tokens).toEqual(tokenizeByRegex(text));
    }
  });

  it("gives the regex's tokens on hostile text", () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(tokenizeByRegex(t));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps an astral letter inside its word and splits at a lone surrogate", () => {
    expect(tokenize("a𝐀b c").map((t) => [t.start, t.end])).toEqual([[0, 4], [5, 6]]);
    expect(tokenize("ab\ud800cd").map((t) => [t.start, t.end])).toEqual([[0, 2], [3, 5]]);
  });

  it("folds case and accents and stems plurals, for ASCII and non-ASCII words alike", () => {
    expect(tokenize("soldats Soldats SOLDATS").map((t) => t.norm)).toEqual(["soldat", "soldat", "soldat"]);
    expect(tokenize("coréennes Coréennes").map((t) => [t.lower, t.norm])).toEqual([["coreennes", "coreen"], ["coreennes", "coreen"]]);
  });
});
