// csvkit's csvclean finds no malformed row in any CSV of the release. It exits 0
// even when it finds errors, so its report is what is checked.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { releases } from "./expected.mjs";

for (const release of releases()) {
  describe(`csvclean on the ${release.name} release`, () => {
    const csvs = fs.readdirSync(release.dir).filter((n) => n.endsWith(".csv"));
    it("the release has its CSV files", () => assert.ok(csvs.includes("claims.csv") && csvs.includes("documents.csv"), csvs.join(", ")));
    for (const name of csvs) {
      it(`${name}: no errors`, () => {
        // -n: report only, write no _out/_err files next to the release.
        const run = spawnSync("csvclean", ["-n", path.join(release.dir, name)], { encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout.trim(), "No errors.", run.stdout);
      });
    }
  });
}
