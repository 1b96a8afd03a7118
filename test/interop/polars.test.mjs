// polars (nodejs-polars) reads claims.arrow, claims.parquet and documents.arrow
// with the right types and exactly the source values.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import pl from "nodejs-polars";
import { CLAIMS, DOCUMENTS, expectedClaims, expectedDocuments, isoDate, releases } from "./expected.mjs";

function plain(records, columns) {
  return records.map((r) => Object.fromEntries(columns.all.map((c) => [c, columns.date.includes(c) ? isoDate(r[c]) : r[c]])));
}

for (const release of releases()) {
  describe(`polars on the ${release.name} release`, () => {
    // pl.readIPC takes a path only when it ends in .ipc, and content otherwise: give it the bytes.
    const read = (name, reader) => reader(fs.readFileSync(path.join(release.dir, name)));

    for (const [name, reader] of [["claims.arrow", pl.readIPC], ["claims.parquet", pl.readParquet]]) {
      it(`${name}: typed columns, every value equal to the source records`, () => {
        const df = read(name, reader);
        assert.deepEqual(df.columns, CLAIMS.all);
        const types = Object.fromEntries(Object.entries(df.schema).map(([k, v]) => [k, String(v)]));
        assert.equal(types.measure, "DataType(Categorical)");
        assert.equal(types.count, "DataType(Int32)");
        assert.equal(types.published_at, "DataType(Date)");
        assert.equal(types.places, "DataType(List(DataType(String)))");
        assert.deepEqual(plain(df.toRecords(), CLAIMS), plain(expectedClaims(release), CLAIMS));
      });
    }

    it("claims.arrow answers a group-by like the source records do", () => {
      const counts = read("claims.arrow", pl.readIPC).groupBy("measure").len().toRecords();
      const got = Object.fromEntries(counts.map((r) => [r.measure, r.len]));
      const want = {};
      for (const c of expectedClaims(release)) want[c.measure] = (want[c.measure] ?? 0) + 1;
      assert.deepEqual(got, want);
    });

    it("documents.arrow: every value equal to what clean.jsonl and the claims give", () => {
      const df = read("documents.arrow", pl.readIPC);
      assert.deepEqual(plain(df.toRecords(), DOCUMENTS), plain(expectedDocuments(release), DOCUMENTS));
    });
  });
}
