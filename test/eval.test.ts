// CI thresholds: the seed corpus built as users get it (clean -> extract ->
// validate -> publish into a temporary dist), scored against the gold.
import { describe, expect, it } from "vitest";
import { claimsFromBuild, readGold } from "../pipeline/eval/io.js";
import { checkThresholds, formatReport, score } from "../pipeline/eval/score.js";

describe("extraction quality on the seed corpus", () => {
  it("meets the CI thresholds", async () => {
    const result = score(readGold("test/fixtures/gold"), await claimsFromBuild("data"));
    const failures = checkThresholds(result, { minF1Numeric: 0.95, minF1All: 0.85, minField: 0.9 });
    expect(failures, formatReport(result)).toEqual([]);
  });
});
