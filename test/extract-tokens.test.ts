// The tokenizer scans code units against a table (for speed); its contract is the
// regex /[\p{L}\p{N}]+/gu, which tokenizeByRegex still runs. The two must agree on
// the seed articles and on hostile text: astral letters, lone surrogates,
// combining marks, digits of other scripts, upper case and accents.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import v8 from "node:v8";
import { collectGarbage } from "../pipeline/gc.js";
import { tokenize, tokenizeByRegex, WordStartPattern } from "../pipeline/extract/tokens.js";
import { PERSONNEL_RE, TRIGGER_RE } from "../pipeline/extract/measures.js";
import { SELON_RE, SPEECH_RE } from "../pipeline/extract/claimants.js";
import { NUMBER_RE } from "../pipeline/extract/numbers.js";

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

  it("does not keep the articles it has read alive through its cache of folded words", () => {
    // A word of 13 characters or more is a slice of its article's text in V8 (the characters
    // are shared): cached as it is, it would keep the whole article alive, up to 200,000 of them.
    const filler = " la suite du texte".repeat(8000); // 144 KB
    const texts = (n: number) => Array.from({ length: n }, (_, i) => `Überprüfungsverfahren${i.toString(36)}${filler}`);
    tokenize(texts(1)[0]!);
    collectGarbage();
    const before = v8.getHeapStatistics().used_heap_size;
    let tokens = 0;
    for (const t of texts(200)) tokens += tokenize(t).length;
    collectGarbage();
    const grown = v8.getHeapStatistics().used_heap_size - before;
    expect(tokens).toBeGreaterThan(200 * 24000);
    // 200 articles of 144 KB are 29 MB: kept, they would show.
    expect(grown).toBeLessThan(8 * 2 ** 20);
  });

  it("folds case and accents and stems plurals, for ASCII and non-ASCII words alike", () => {
    expect(tokenize("soldats Soldats SOLDATS").map((t) => t.norm)).toEqual(["soldat", "soldat", "soldat"]);
    expect(tokenize("coréennes Coréennes").map((t) => [t.lower, t.norm])).toEqual([["coreennes", "coreen"], ["coreennes", "coreen"]]);
  });
});

// WordStartPattern stands for a global RegExp with a leading (?=[first])(?<![\p{L}\p{N}]) or
// (?<![\p{L}]): both must give the same matches, groups included, in the same order.
describe("WordStartPattern", () => {
  const CASES: [string, "iu" | "u", string, "word" | "letter"][] = [
    [String.raw`(soldats?|Nord-Coréens|(?=éléments)(?<=premiers\s)éléments|ß|𝐀b)(?![\p{L}\p{N}])`, "iu", "snéß", "word"],
    [String.raw`(?:selon|d['’]après|à\s+en\s+croire)\s+`, "iu", "sdà", "letter"],
    [String.raw`(?:(\d+)|(deux|trois)|(x*))`, "iu", String.raw`\p{L}\p{N}`, "word"],
    [String.raw`(?:entre\s+(\d+)\s+et\s+(\d+)|(\d+)|\s*)`, "u", String.raw`\p{L}\p{N}\s`, "letter"],
  ];
  const matches = (exec: () => RegExpExecArray | null, bump: () => void) => {
    const out: (string | number | undefined)[][] = [];
    for (let m = exec(); m !== null; m = exec()) {
      out.push([m.index, ...m]);
      if (m[0].length === 0) bump();
      if (out.length > 5000) throw new Error("no progress");
    }
    return out;
  };
  const PATTERNS = CASES.map(([pattern, flags, first, after]) => {
    const wp = new WordStartPattern(pattern, flags, first, after);
    return { re: wp.reference(), wp };
  });
  const both = (t: string, patterns = PATTERNS) =>
    patterns.map(({ re, wp }) => {
      re.lastIndex = 0;
      wp.lastIndex = 0;
      // Past an empty match by one code point, as String.prototype.matchAll does (a unicode
      // RegExp started inside a surrogate pair starts at the pair).
      const next = (i: number) => i + (t.codePointAt(i)! > 0xffff ? 2 : 1);
      return [
        matches(() => wp.exec(t), () => (wp.lastIndex = next(wp.lastIndex))),
        matches(() => re.exec(t), () => (re.lastIndex = next(re.lastIndex))),
      ];
    });

  it("matches as the lookbehind pattern does on the seed articles", () => {
    const raw = path.join(root, "data", "raw");
    for (const f of fs.readdirSync(raw)) {
      const text = fs.readFileSync(path.join(raw, f), "utf8") + " selon 3selon Soldats 2soldats xsoldats";
      for (const [mine, theirs] of both(text)) expect(mine).toEqual(theirs);
    }
    // Not vacuous: the patterns do match there, and not everywhere.
    const [[soldiers]] = both("Selon eux, 3 000 soldats et des SOLDATS, pas des xsoldats ni 2soldats.") as [unknown[][][]];
    expect(soldiers!.map((m) => m[0])).toEqual([17, 32]);
  });

  it("matches as the lookbehind pattern does on hostile text", () => {
    const pieces = [...PIECES, "soldats", "selon", "d’après ", "à en croire ", "entre 3 et 4", "premiers éléments", "𝐀b", "SS", "ẞ", "ſoldats", "x"];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (t) => {
        for (const [mine, theirs] of both(t)) expect(mine).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the extractor's own patterns the matches of their lookbehind forms", () => {
    // The first three had the lookahead of their first letters already; the last two had none,
    // so they are compared with the lookbehind alone: their first characters must cover every match.
    const extractor = [
      ...[TRIGGER_RE, PERSONNEL_RE, SPEECH_RE].map((wp) => ({ re: wp.reference(), wp })),
      ...[SELON_RE, NUMBER_RE].map((wp) => ({ re: wp.reference(false), wp })),
    ];
    const raw = path.join(root, "data", "raw");
    const every =
      "Selon lui, à en croire les, À en croire X, d’après eux, D'après Y, de l'avis d'un, citant X, cité par Y, citées par Z, " +
      "Entre 3 000 et 4 000 soldats, près de 2 000, Deux mille hommes, ١٢ soldats, une dizaine, Quelques centaines, x3 000, a déclaré, Ont affirmé.";
    let found = 0;
    for (const text of [every, ...fs.readdirSync(raw).map((f) => fs.readFileSync(path.join(raw, f), "utf8"))]) {
      for (const [mine, theirs] of both(text, extractor)) {
        expect(mine).toEqual(theirs);
        found += mine!.length;
      }
    }
    expect(found).toBeGreaterThan(100);
    const words = [
      "soldats", "Nord-Coréens", "tués", "blessés", "déployés", "Selon", "selon", "D’après", "à en croire", "À en croire", "citant", "cité par", "a déclaré", "a-t-il affirmé",
      "entre 3 000 et 4 000", "Près de 10 000", "une dizaine", "quelques centaines", "Deux mille", "combattent", "x", "3", "٣", "é", "É", "ſ", "𝐀", "\ud800", " ", "-", "’", ",", "«",
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (t) => {
        for (const [mine, theirs] of both(t, extractor)) expect(mine).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it("starts over after a failed search, as a global RegExp does", () => {
    const wp = new WordStartPattern("soldats", "iu", "s");
    expect(wp.exec("des soldats")?.index).toBe(4);
    expect(wp.lastIndex).toBe(11);
    expect(wp.exec("des soldats")).toBeNull();
    expect(wp.lastIndex).toBe(0);
    expect(wp.exec("soldats")?.index).toBe(0);
  });
});
