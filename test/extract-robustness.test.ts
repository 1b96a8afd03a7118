// The extractor is total and linear: random and hostile strings never make it
// throw, records always point at their quote, and a long document takes time
// proportional to its length.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractOrThrow } from "../pipeline/extract/index.js";

const MEASURES = ["deployed", "planned", "training", "combat", "killed", "wounded", "killed_or_wounded", "captured"];
const PIECES = [
  "Selon Kiev, ", "a déclaré Mark Rutte", "« ", " »", "“", "”", "\"", "soldats nord-coréens", "troupes", " 2 600 ", "10.000", "plus de ",
  "de 10 à 12 000", "une dizaine de milliers", "en Russie", "dans la région de Koursk", "serait", "ne peut pas confirmer", "rejette",
  ", où ", " et ont ", "afin de", ". ", "\n", "\n\n", "a-t-il dit", "mardi", "le 1er novembre", "fin octobre", "Pyongyang", "il", "cette source",
  ", qui ", ";", "’", "\u00a0", "\u202f", "é", "\ud83d\ude00", "\ud800", "",
];

function check(text: string, published_at = "2024-11-14") {
  const out = extractOrThrow({ text, doc_id: "f", published_at, language: "fr" });
  for (const c of out) {
    expect(text.slice(c.span_start, c.span_end)).toBe(c.quote);
    expect(MEASURES).toContain(c.measure);
    expect(c.claimant_org.length).toBeGreaterThan(0);
    if (c.count_qualifier === null) expect(c.count).toBeNull();
    if (c.count !== null) expect(Number.isInteger(c.count) && c.count >= 0).toBe(true);
    if (c.statement_date !== null) expect(c.statement_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  return out;
}

describe("robustness", () => {
  it("never throws on random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => void check(s)), { numRuns: 300 });
  });
  it("never throws on random French-looking text", () => {
    const arb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(""));
    fc.assert(fc.property(arb, fc.constantFrom("2024-11-14", "2024-01-01", "", "not a date"), (s, d) => void check(s, d)), { numRuns: 500 });
  });
  it("handles empty and odd input", () => {
    expect(check("")).toEqual([]);
    expect(check("nord-coréens")).toEqual([]);
    expect(check("«««««« nord-coréens »»»»»")).toEqual([]);
  });
  it("takes linear time, even on a run-on paragraph", () => {
    const unit = "Selon Kiev, « 3 000 soldats nord-coréens, qui sont arrivés, où ils sont, et ont combattu » a-t-il dit ; ";
    const time = (n: number) => {
      const t = performance.now();
      check(unit.repeat(n));
      return performance.now() - t;
    };
    time(200); // warm up
    const small = time(500);
    const large = time(4000);
    expect(large).toBeLessThan(small * 8 * 3 + 200);
  });
});
