// Hostile input: clean() must never throw, must keep its contract on any
// string, and must run in linear time (no regex that backtracks on long runs).

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { verifyClean } from "../pipeline/clean/verify.js";
import { toRaw } from "../pipeline/offsets.js";

// Fragments that exercise every branch: blanks of all kinds, line breaks,
// marks, invisible characters, surrogates, markup, widget phrases, glue.
const FRAGMENTS = [
  " ", "  ", "\t", "\u00a0", "\u202f", "\u3000", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u0085",
  "\u0301", "e\u0301", "\u1100\u1161\u11a8", "\u212b", "\u200b", "\u00ad", "\ufeff", "\u0000",
  "\ud800", "\udc00", "😀", "🇰🇵", "a", "Z", ".", "!", "?", "«", "»", "“", "”", "’", "(", ")", "<", ">", "=", '"',
  "décembre.Cette", "10.000", "U.S.", "www.Lemonde.fr", "(nouvelle fenêtre)", "(nouvelle\u00a0fenêtre)",
  "<strong>", "</p>", 'class="jsx-1">', "Publicité", "Partager", "Lire aussi", "Related News :",
  "Tous droits réservés", "© AFP", "Par Jean Dupont", "PREV", "Loader", "Newsletter Podcasts Vidéos",
  "Le ministère a confirmé jeudi que plusieurs centaines de soldats étaient arrivés.",
];

const hostile = fc.array(
  fc.oneof(
    fc.constantFrom(...FRAGMENTS),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: "grapheme", maxLength: 6 }),
  ),
  { maxLength: 80 },
).map((parts) => parts.join(""));

describe("clean() on arbitrary strings", () => {
  it("never throws, and keeps its contract (map, normal form, audit)", () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const r = clean(raw);
        expect(verifyClean(raw, r)).toEqual([]);
        const [a, b] = toRaw(r.map, 0, r.text.length);
        expect(0 <= a && a <= b && b <= raw.length).toBe(true);
      }),
      { numRuns: 3000, seed: 20241023 },
    );
  });

  it("never throws on raw UTF-16 noise", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 }), (raw) => {
        expect(verifyClean(raw, clean(raw))).toEqual([]);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("is idempotent on text that is already clean (seeds)", () => {
    const dir = join(import.meta.dirname, "..", "data/raw");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
      const once = clean(readFileSync(join(dir, f), "utf8")).text;
      expect(clean(once).text).toBe(once);
    }
  });
});

/** Milliseconds to clean `raw`, best of three runs (JIT and GC noise). */
function timeOf(raw: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    clean(raw);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe("clean() runs in linear time", () => {
  // Runs that would make a backtracking regex or a rescanning loop quadratic.
  const PATHOLOGICAL: Record<string, (n: number) => string> = {
    letters: (n) => "a".repeat(n),
    stops: (n) => ".".repeat(n),
    "word.Word": (n) => "ab.Cd".repeat(n / 5),
    "lower then stop": (n) => "x".repeat(n - 2) + ".A",
    attributes: (n) => 'a="b" '.repeat(n / 6) + ">",
    "open attributes": (n) => 'a="'.repeat(n / 3) + ">",
    "words then >": (n) => "word ".repeat(n / 5) + ">",
    angles: (n) => "<".repeat(n / 2) + ">".repeat(n / 2),
    "tags unclosed": (n) => "<div ".repeat(n / 5),
    closers: (n) => "»".repeat(n - 1) + "x",
    blanks: (n) => " \u00a0".repeat(n / 2),
    marks: (n) => "e" + "\u0301".repeat(n - 1),
    "marks after spaces": (n) => " \u0301".repeat(n / 2),
    parens: (n) => "(nouvelle ".repeat(n / 10),
    "credit words": (n) => " ©".repeat(n / 2),
    lines: (n) => "Publicité\n".repeat(n / 10),
    "short lines": (n) => "a\n".repeat(n / 2),
    "teasers": (n) => "Lire aussi\n" + "Un titre court\n".repeat(n / 15),
  };

  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const small = make(10_000);
      const large = make(160_000);
      clean(large); // warm up the JIT on the same shapes
      const tSmall = Math.max(timeOf(small), 0.5);
      const tLarge = timeOf(large);
      // 16x the input should take about 16x the time; a quadratic scan would
      // take 256x. The margins absorb GC pauses and a loaded machine.
      expect(tLarge).toBeLessThan(Math.max(64 * tSmall, 150));
      expect(tLarge).toBeLessThan(1500);
    });
  }

  it("cleans seed-sized articles at a rate that makes 100,000 articles take seconds", () => {
    const dir = join(import.meta.dirname, "..", "data/raw");
    const raws = readdirSync(dir).filter((n) => n.endsWith(".txt")).map((f) => readFileSync(join(dir, f), "utf8"));
    for (const r of raws) clean(r); // warm up
    const n = 5000;
    const t = performance.now();
    let chars = 0;
    for (let k = 0; k < n; k++) {
      const raw = raws[k % raws.length]!;
      chars += raw.length;
      clean(raw);
    }
    const ms = performance.now() - t;
    // eslint-disable-next-line no-console
    console.log(`clean: ${n} seed articles (${(chars / 1e6).toFixed(1)} M chars) in ${ms.toFixed(0)} ms -> 100k articles ~ ${((ms * 20) / 1000).toFixed(1)} s`);
    expect(ms * 20).toBeLessThan(60_000);
  });
});
