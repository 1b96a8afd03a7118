// pandas (Debian's python3-pandas) reads the CSV files exactly; the comparison
// runs in Python (pandas_check.py) against the source records written here.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { CLAIMS, DOCUMENTS, expectedClaims, expectedDocuments, releases } from "./expected.mjs";

for (const release of releases()) {
  describe(`pandas on the ${release.name} release`, () => {
    it("claims.csv and documents.csv: every cell equal to the source records", () => {
      const expected = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pandas-")), "expected.json");
      fs.writeFileSync(
        expected,
        JSON.stringify({
          claims: expectedClaims(release).map((r) => Object.fromEntries(CLAIMS.all.map((c) => [c, r[c]]))),
          documents: expectedDocuments(release),
          integer: { claims: CLAIMS.integer, documents: DOCUMENTS.integer },
          list: { claims: CLAIMS.list, documents: DOCUMENTS.list },
        }),
      );
      const run = spawnSync("/usr/bin/python3", [path.join(import.meta.dirname, "pandas_check.py"), release.dir, expected], { encoding: "utf8" });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, /: 0 mismatches/);
    });
  });
}
