// The offset map: builder, toRaw, rawPieces, and the map that clean() builds
// for the seeds and for awkward inputs.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { normaliseForCompare } from "../pipeline/clean/verify.js";
import { OffsetMapBuilder, checkMap, cleanLength, rawPieces, segmentCount, toRaw } from "../pipeline/offsets.js";

describe("OffsetMapBuilder", () => {
  it("merges contiguous one-to-one segments, keeps the others apart", () => {
    const b = new OffsetMapBuilder();
    b.push(3, 0, 3);
    b.push(2, 3, 2); // contiguous: merged
    b.push(1, 5, 3); // collapsed blank run
    b.push(1, 8, 0); // inserted space
    b.push(4, 10, 4); // after a gap
    b.push(0, 14, 5); // nothing cleaned: ignored
    expect(b.map).toEqual([0, 0, 5, 5, 5, 5, 1, 3, 6, 8, 1, 0, 7, 10, 4, 4]);
    expect(b.length).toBe(11);
    expect(checkMap(b.map, 11, 14)).toBeNull();
  });

  it("checkMap reports holes, overlaps and overruns", () => {
    expect(checkMap([0, 0, 2, 2, 3, 2, 1, 1], 4, 10)).toMatch(/starts at 3/);
    expect(checkMap([0, 5, 2, 2, 2, 3, 1, 1], 3, 10)).toMatch(/goes back/);
    expect(checkMap([0, 0, 2, 2], 2, 1)).toMatch(/ends at raw 2/);
    expect(checkMap([0, 0, 2], 2, 2)).toMatch(/multiple/);
  });
});

describe("toRaw", () => {
  // raw "a  b\u0065\u0301c" -> clean "a bée"? Built by hand: "a" 1:1, blank run 2->1, "b" 1:1, "é" from 2, "c" 1:1
  const map = [0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 1, 1, 3, 4, 1, 2, 4, 6, 1, 1];
  it("maps one-to-one characters exactly, and widens inside a composite segment", () => {
    expect(toRaw(map, 0, 1)).toEqual([0, 1]);
    expect(toRaw(map, 1, 2)).toEqual([1, 3]);
    expect(toRaw(map, 3, 4)).toEqual([4, 6]);
    expect(toRaw(map, 2, 5)).toEqual([3, 7]);
    expect(toRaw(map, 0, 5)).toEqual([0, 7]);
  });
  it("empty spans map to a point; out-of-range and reversed input are clamped", () => {
    expect(toRaw(map, 4, 4)).toEqual([6, 6]);
    expect(toRaw(map, 5, 5)).toEqual([7, 7]);
    expect(toRaw(map, -10, 100)).toEqual([0, 7]);
    expect(toRaw(map, 3, 1)).toEqual([4, 4]);
    expect(toRaw(map, Number.NaN, Number.POSITIVE_INFINITY)).toEqual([0, 7]);
  });
  it("an empty map maps everything to [0, 0]", () => {
    expect(toRaw([], 0, 0)).toEqual([0, 0]);
    expect(toRaw([], 3, 9)).toEqual([0, 0]);
    expect(rawPieces([], 0, 5)).toEqual([]);
  });
});

describe("maps built by clean()", () => {
  it("empty input", () => {
    const r = clean("");
    expect(r).toEqual({ text: "", map: [], removed: [] });
    expect(toRaw(r.map, 0, 0)).toEqual([0, 0]);
  });

  it("input of only boilerplate: no text, an empty map, every line audited", () => {
    const raw = "Publicité\nPartager cet article\n\nLoader\n  \nFor Latest Updates Follow us on Google News\n";
    const r = clean(raw);
    expect(r.text).toBe("");
    expect(r.map).toEqual([]);
    expect(r.removed.map((b) => b.rule)).toEqual(["advertising", "share-widget", "navigation", "follow-promo"]);
    expect(toRaw(r.map, 0, 0)).toEqual([0, 0]);
  });

  it("combining characters: e + U+0301 maps to both raw units, neighbours stay exact", () => {
    const raw = "Le de\u0301ploiement";
    const r = clean(raw);
    expect(r.text).toBe("Le déploiement");
    expect(toRaw(r.map, 3, 4)).toEqual([3, 4]); // "d"
    expect(toRaw(r.map, 4, 5)).toEqual([4, 6]); // "é" <- "e\u0301"
    expect(toRaw(r.map, 5, 6)).toEqual([6, 7]); // "p"
    expect(toRaw(r.map, 3, 14)).toEqual([3, 15]);
    expect(raw.slice(...toRaw(r.map, 4, 5)).normalize("NFC")).toBe("é");
    expect(segmentCount(r.map)).toBe(3);
  });

  it("an inserted space maps to an empty raw span at the glue point", () => {
    const raw = "en décembre.Cette annonce";
    const r = clean(raw);
    const at = r.text.indexOf(" Cette");
    expect(toRaw(r.map, at, at + 1)).toEqual([12, 12]);
    expect(toRaw(r.map, at + 1, at + 6)).toEqual([12, 17]);
  });

  it("a span across a removed line has the removed line in its hull but not in its pieces", () => {
    const raw = "Premier paragraphe.\nPublicité\nSecond paragraphe.";
    const r = clean(raw);
    expect(r.text).toBe("Premier paragraphe.\n\nSecond paragraphe.");
    expect(toRaw(r.map, 0, r.text.length)).toEqual([0, raw.length]);
    const pieces = rawPieces(r.map, 0, r.text.length);
    expect(pieces.map(([a, b]) => raw.slice(a, b))).toEqual(["Premier paragraphe.\n", "Second paragraphe."]);
  });
});

/** Deterministic PRNG (mulberry32), so a failing span can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("seed maps", () => {
  const dir = join(import.meta.dirname, "..", "data/raw");
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) {
    const raw = readFileSync(join(dir, f), "utf8").replace(/^\uFEFF/, "");
    const r = clean(raw);

    it(`${f}: the map is compact and well formed`, () => {
      expect(checkMap(r.map, r.text.length, raw.length)).toBeNull();
      expect(cleanLength(r.map)).toBe(r.text.length);
      // segments, not characters: a handful per removed block at most
      expect(segmentCount(r.map)).toBeLessThanOrEqual(2 * r.removed.length + 4);
    });

    it(`${f}: toRaw of the full text is within bounds and starts and ends on kept text`, () => {
      const [a, b] = toRaw(r.map, 0, r.text.length);
      expect(0 <= a && a < b && b <= raw.length).toBe(true);
      expect(raw[a]).toBe(r.text[0]);
      expect(raw[b - 1]).toBe(r.text[r.text.length - 1]);
    });

    it(`${f}: for random spans, the raw pieces normalised equal the cleaned slice`, () => {
      const next = rng(f.length * 7919 + raw.length);
      let hullChecked = 0;
      for (let k = 0; k < 400; k++) {
        const s = Math.floor(next() * r.text.length);
        const e = s + 1 + Math.floor(next() * Math.min(300, r.text.length - s));
        const want = normaliseForCompare(r.text.slice(s, e));
        const pieces = rawPieces(r.map, s, e);
        expect(normaliseForCompare(pieces.map(([a, b]) => raw.slice(a, b)).join(""))).toBe(want);
        const [a, b] = toRaw(r.map, s, e);
        expect([a, b]).toEqual([pieces[0]![0], pieces[pieces.length - 1]![1]]);
        // When nothing was removed inside the span, the hull itself is the source.
        if (!r.removed.some((x) => x.raw_start >= a && x.raw_end <= b)) {
          expect(normaliseForCompare(raw.slice(a, b))).toBe(want);
          hullChecked++;
        }
      }
      expect(hullChecked).toBeGreaterThan(100);
    });

    it(`${f}: every paragraph maps back to its raw paragraph`, () => {
      let s = 0;
      for (const para of r.text.split("\n\n")) {
        const pieces = rawPieces(r.map, s, s + para.length);
        const cut = r.removed.filter((x) => x.raw_start >= pieces[0]![0] && x.raw_end <= pieces[pieces.length - 1]![1]);
        // The pieces skip exactly the inline cuts audited inside the paragraph.
        expect(pieces.length - 1).toBe(cut.length);
        expect(normaliseForCompare(pieces.map(([a, b]) => raw.slice(a, b)).join(""))).toBe(normaliseForCompare(para));
        s += para.length + 2;
      }
    });
  }
});
