// DuckDB reads claims.csv (type detection on, as an analyst would) and
// claims.parquet, and gives exactly the source values.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { CLAIMS, expectedClaims, releases, unescapeFormula } from "./expected.mjs";

let connection;
before(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
});
after(() => connection?.closeSync?.());

const sqlString = (s) => `'${s.replace(/'/g, "''")}'`;

async function rows(sql) {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson();
}

for (const release of releases()) {
  describe(`DuckDB on the ${release.name} release`, () => {
    const file = (name) => sqlString(path.join(release.dir, name));

    it("claims.parquet: every value equal to the source records", async () => {
      const got = await rows(`SELECT * FROM read_parquet(${file("claims.parquet")}) ORDER BY claim_id`);
      assert.deepEqual(got, expectedClaims(release));
    });

    it("claims.parquet carries the dataset version in its key-value metadata", async () => {
      const kv = await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${file("claims.parquet")})`);
      const ours = kv.find((r) => r.key === "nk_troops_claims");
      assert.ok(ours, "nk_troops_claims key present");
      assert.equal(JSON.parse(ours.value).dataset_version, release.version);
    });

    it("claims.csv with type detection: integers, dates, nulls and text as in the source records", async () => {
      const types = Object.fromEntries(
        (await rows(`DESCRIBE SELECT * FROM read_csv(${file("claims.csv")}, header = true)`)).map((r) => [r.column_name, r.column_type]),
      );
      for (const c of CLAIMS.date) assert.equal(types[c], "DATE", c);
      for (const c of ["span_start", "span_end"]) assert.match(types[c], /INT/, c);

      const got = await rows(`SELECT * FROM read_csv(${file("claims.csv")}, header = true) ORDER BY claim_id`);
      const decoded = got.map((r) =>
        Object.fromEntries(
          CLAIMS.all.map((c) => {
            const v = r[c];
            if (v === null) return [c, CLAIMS.list.includes(c) ? [] : null];
            if (CLAIMS.list.includes(c)) return [c, unescapeFormula(String(v)).split("; ")];
            if (CLAIMS.integer.includes(c)) return [c, Number(v)];
            return [c, typeof v === "string" ? unescapeFormula(v) : v];
          }),
        ),
      );
      assert.deepEqual(decoded, expectedClaims(release));
    });

    it("joins claims.parquet to documents.csv on doc_id, as the dataset card shows", async () => {
      const got = await rows(
        `SELECT c.claim_id, d.publisher FROM read_parquet(${file("claims.parquet")}) c JOIN read_csv(${file("documents.csv")}, header = true) d USING (doc_id) ORDER BY claim_id`,
      );
      assert.deepEqual(got, expectedClaims(release).map((c) => ({ claim_id: c.claim_id, publisher: c.publisher })));
    });
  });
}
