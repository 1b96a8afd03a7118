// The scorer agrees with the codebook's score.py: the same hand-written CSV
// (pipeline/eval/testdata/hand.csv) gives the figures score.py printed for it
// (pipeline/eval/testdata/hand.score-py.json, from `score.py --json`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readClaims, readGold } from "../pipeline/eval/io.js";
import { checkThresholds, compatible, score, toJson } from "../pipeline/eval/score.js";

const gold = readGold("test/fixtures/gold");
const expected = JSON.parse(readFileSync("pipeline/eval/testdata/hand.score-py.json", "utf8")) as Record<string, unknown>;

describe("score", () => {
  it("gives score.py's figures on the hand-written CSV", () => {
    const r = toJson(score(gold, readClaims("pipeline/eval/testdata/hand.csv"))) as Record<string, unknown>;
    expect(r.numeric).toEqual(expected.numeric);
    expect(r.all).toEqual(expected.all);
    expect(r.fields).toEqual(expected.fields);
  });
  it("lists misses and extras", () => {
    const r = score(gold, readClaims("pipeline/eval/testdata/hand.csv"));
    expect(r.extras.map((e) => String(e.claim.quote))).toEqual(["hand row 5: extra numberless", "hand row 8: numeric extra", "hand row 13: duplicate -> extra"]);
    expect(r.misses).toHaveLength(19);
  });
  it("matches numbers by count or bounds, numberless claims by organisation", () => {
    expect(compatible({ measure: "training", count_high: "6000" }, { measure: "training", count: 6000 })).toBe(true);
    expect(compatible({ measure: "deployed", count: null }, { measure: "deployed", count: null, claimant_org: "NATO" })).toBe(false);
    expect(compatible({ measure: "deployed", claimant_org: "nato" }, { measure: "deployed", claimant_org: "NATO" })).toBe(true);
    expect(compatible({ measure: "planned", count: 12000 }, { measure: "deployed", count: 12000 })).toBe(false);
  });
  it("reads JSONL and checks thresholds", () => {
    const perfect = gold.flatMap((d) => d.claims.filter((c) => !c.optional).map((c) => ({ ...c, doc_id: d.doc_id })));
    const r = score(gold, perfect);
    expect(r.all.f1).toBe(1);
    expect(checkThresholds(r, { minF1Numeric: 0.95, minF1All: 0.85, minField: 0.9 })).toEqual([]);
    expect(checkThresholds(score(gold, []), { minF1All: 0.5 })).toHaveLength(1);
  });
});
