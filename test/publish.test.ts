// The publish stage end to end on a temporary DIST: versioning, determinism,
// datapackage.json, and that every file reads back to the records it was made from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import formatsModule from "ajv-formats";
import { DataType, tableFromIPC } from "apache-arrow";
import Papa from "papaparse";
import { readParquet } from "parquet-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { runPublish, type PublishOptions } from "../pipeline/bin/publish.js";
import { recordsFromTable } from "../pipeline/publish/arrow-read.js";
import { sha256Hex } from "../pipeline/publish/checksums.js";
import { LineLengths } from "../pipeline/publish/csv-splice.js";
import { listedSha256, parseRowDigests, ROW_DIGESTS } from "../pipeline/publish/row-digests.js";
import { PARQUET_METADATA_KEY } from "../pipeline/publish/parquet.js";
import { claimSchema, documentSchema, fromCsvRow, parseCsv, type RecordSchema } from "../pipeline/schema/index.js";
import { dataPackageV2Profile } from "./publish-dp-profile.js";
import { goldCorpus, writeInterim, type Corpus } from "./publish-fixture.js";
import { snapshot } from "./helpers/tree.js";

const addFormats = formatsModule as unknown as (ajv: Ajv) => Ajv;

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "publish-test-"));
}

function setup(corpus: Corpus = goldCorpus()): { data: string; dist: string; corpus: Corpus; publish: (extra?: Partial<PublishOptions>) => ReturnType<typeof runPublish> } {
  const root = tmp();
  const data = path.join(root, "data");
  const dist = path.join(root, "dist");
  writeInterim(data, corpus);
  return { data, dist, corpus, publish: (extra = {}) => runPublish({ data, dist, strict: false, ...extra }) };
}

function readChanges(dir: string): { claim_id: string; change: string; fields: string }[] {
  return Papa.parse<{ claim_id: string; change: string; fields: string }>(fs.readFileSync(path.join(dir, "CHANGES.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
}

function sortedById<T extends { claim_id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.claim_id < b.claim_id ? -1 : 1));
}

describe("first release", () => {
  let env: ReturnType<typeof setup>;
  let dir: string;
  beforeAll(async () => {
    env = setup();
    const s = await env.publish();
    expect(s.status).toBe("published");
    expect(s.version).toBe("1.0.0");
    dir = s.path;
  });

  it("holds the release layout, and latest/ and index.json follow it", () => {
    expect(fs.readdirSync(dir).sort()).toEqual(
      ["CHANGES.csv", "README.md", "SHA256SUMS", "claims.arrow", "claims.csv", "claims.parquet", "datapackage.json", "documents.arrow", "documents.csv", "problems.csv", "rejected.jsonl"].sort(),
    );
    expect(snapshot(path.join(env.dist, "latest"))).toEqual(snapshot(dir));
    const index = JSON.parse(fs.readFileSync(path.join(env.dist, "index.json"), "utf8"));
    expect(index.latest).toBe("1.0.0");
    expect(index.versions).toEqual([
      { version: "1.0.0", created: "2024-11-14T00:00:00Z", path: "v1.0.0/", claims: env.corpus.claims.length, documents: 5, rejected: 1, problems: 1, added: env.corpus.claims.length, changed: 0, removed: 0 },
    ]);
    expect(fs.readdirSync(env.dist).sort()).toEqual(["index.json", "latest", "v1.0.0"]);
  });

  it("lists every claim as added in CHANGES.csv", () => {
    const changes = readChanges(dir);
    expect(changes.map((c) => c.claim_id)).toEqual(env.corpus.claims.map((c) => c.claim_id).sort());
    expect(new Set(changes.map((c) => c.change))).toEqual(new Set(["added"]));
  });

  it("SHA256SUMS covers every other file with its digest", () => {
    const lines = fs.readFileSync(path.join(dir, "SHA256SUMS"), "utf8").trimEnd().split("\n");
    const listed = new Map(lines.map((l) => { const [hash, name] = l.split("  "); return [name!, hash!]; }));
    const files = fs.readdirSync(dir).filter((n) => n !== "SHA256SUMS");
    expect([...listed.keys()].sort()).toEqual(files.sort());
    for (const name of files) expect(listed.get(name), name).toBe(sha256Hex(fs.readFileSync(path.join(dir, name))));
  });

  it("datapackage.json follows Data Package v2, and every resource's bytes and hash match its file", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "datapackage.json"), "utf8"));
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const valid = ajv.validate(dataPackageV2Profile, pkg);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(pkg).toMatchObject({ name: "nk-troops-claims", version: "1.0.0", created: "2024-11-14T00:00:00Z", licenses: [{ name: "CC-BY-4.0" }] });
    expect(pkg.sources).toHaveLength(5);
    const paths = pkg.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual(fs.readdirSync(dir).filter((n) => !["SHA256SUMS", "datapackage.json", "README.md"].includes(n)).sort());
    for (const r of pkg.resources as { path: string; bytes: number; hash: string }[]) {
      const bytes = fs.readFileSync(path.join(dir, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${sha256Hex(bytes)}`);
    }
    const claims = pkg.resources.find((r: { name: string }) => r.name === "claims");
    expect(claims.schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(claimSchema.properties));
    expect(claims.schema.primaryKey).toEqual(["claim_id"]);
  });

  it("claims.csv reads back through the CSV codec to the same records, formula-like cells included", () => {
    const text = fs.readFileSync(path.join(dir, "claims.csv"), "utf8");
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.header).toEqual(Object.keys(claimSchema.properties));
    const back = parsed.rows.map((r) => fromCsvRow(r.cells, claimSchema));
    expect(back).toEqual(sortedById(env.corpus.claims));
    // The stress records really exercise the neutralisation: their cells are escaped in the file.
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""clic"")"`);
    expect(text).toContain(",'+5 000,");
    expect(text).toContain(",'@someone,");
    expect(text).toContain(",''=quoted,");
  });

  it("documents.csv has one row per document with counts from the data", () => {
    const back = parseCsv(fs.readFileSync(path.join(dir, "documents.csv"), "utf8")).rows.map((r) => fromCsvRow(r.cells, documentSchema));
    const expected = env.corpus.docs.map((d) => ({
      doc_id: d.doc_id, file: d.file, publisher: d.publisher, url: d.url, published_at: d.published_at, language: d.language,
      encoding: d.encoding, raw_sha256: d.raw_sha256, raw_bytes: d.raw_bytes, cleaned_length: d.text.length,
      claims: env.corpus.claims.filter((c) => c.doc_id === d.doc_id).length, removed_blocks: d.removed.length,
    }));
    expect(back).toEqual(expected);
  });

  it("claims.arrow reads back with typed columns, the exact values and the metadata", () => {
    const table = tableFromIPC(fs.readFileSync(path.join(dir, "claims.arrow")));
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)!;
    expect(DataType.isDictionary(type("measure").type)).toBe(true);
    expect(DataType.isDate(type("published_at").type)).toBe(true);
    expect(DataType.isInt(type("count").type) && type("count").nullable).toBe(true);
    expect(DataType.isList(type("places").type)).toBe(true);
    expect(type("quote").metadata.get("description")).toBe(claimSchema.properties.quote!.description);
    expect(Object.fromEntries(table.schema.metadata)).toMatchObject({
      dataset_version: "1.0.0",
      json_schema_id: claimSchema.$id,
      inputs_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(recordsFromTable(table)).toEqual(sortedById(env.corpus.claims));
  });

  it("claims.parquet holds the same table and metadata", () => {
    const bytes = fs.readFileSync(path.join(dir, "claims.parquet"));
    const table = tableFromIPC(readParquet(bytes).intoIPCStream());
    expect(recordsFromTable(table)).toEqual(sortedById(env.corpus.claims));
    expect(table.schema.metadata.get("dataset_version")).toBe("1.0.0");
    expect(bytes.includes(Buffer.from(PARQUET_METADATA_KEY))).toBe(true);
  });

  it("rejected.jsonl and problems.csv keep what was set aside, with the reasons", () => {
    const rejected = fs.readFileSync(path.join(dir, "rejected.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(rejected).toEqual(env.corpus.rejected);
    const problems = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, "problems.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(problems).toEqual([{ stage: "clean", doc_id: "", file: "raw/missing.txt", line: "7", reason: "'=file not found; row skipped" }]);
  });

  it("the dataset card describes rows, columns, counts, conventions and loading", () => {
    const card = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    expect(card).toContain("version 1.0.0");
    for (const column of Object.keys(claimSchema.properties)) expect(card).toContain(`| \`${column}\` |`);
    const deployed = env.corpus.claims.filter((c) => c.measure === "deployed").length;
    expect(card).toContain(`| deployed | ${deployed} |`);
    expect(card).toContain("1 extracted records were rejected");
    for (const tool of ["pandas", "polars", "R:", "DuckDB"]) expect(card).toContain(tool);
    expect(card).toMatch(/## Cite/);
  });
});

describe("versions", () => {
  it("two builds of the same data are byte-identical, and publishing again says unchanged and writes nothing", async () => {
    const a = setup();
    const b = setup();
    await a.publish();
    await b.publish();
    expect(snapshot(b.dist)).toEqual(snapshot(a.dist));
    const before = snapshot(a.dist);
    const again = await a.publish();
    expect(again).toMatchObject({ status: "unchanged", version: "1.0.0", bump: null });
    expect(again.message).toMatch(/^unchanged/);
    expect(snapshot(a.dist)).toEqual(before);
  });

  it("adding one record gives a minor version whose CHANGES.csv lists exactly it", async () => {
    const env = setup();
    await env.publish();
    const extra = { ...env.corpus.claims[0]!, claim_id: "ffffffffffffff00", count: 123, count_low: 123, count_high: 123, count_qualifier: "exact" as const, count_text: "123" };
    writeInterim(env.data, { ...env.corpus, claims: [...env.corpus.claims, extra] });
    const s = await env.publish();
    expect(s).toMatchObject({ status: "published", version: "1.1.0", bump: "minor", previousVersion: "1.0.0", changes: { added: 1, changed: 0, removed: 0 } });
    expect(readChanges(s.path)).toEqual([{ claim_id: extra.claim_id, change: "added", fields: "" }]);
  });

  it("correcting one field gives a patch version listing that record and field; removing one is a patch too", async () => {
    const env = setup();
    await env.publish();
    const claims = env.corpus.claims.map((c) => ({ ...c }));
    claims[2]!.certainty = claims[2]!.certainty === "denied" ? "asserted" : "denied";
    writeInterim(env.data, { ...env.corpus, claims });
    const s = await env.publish();
    expect(s).toMatchObject({ version: "1.0.1", bump: "patch", changes: { added: 0, changed: 1, removed: 0 } });
    expect(readChanges(s.path)).toEqual([{ claim_id: claims[2]!.claim_id, change: "changed", fields: "certainty" }]);

    writeInterim(env.data, { ...env.corpus, claims: claims.slice(1) });
    const removed = await env.publish();
    expect(removed).toMatchObject({ version: "1.0.2", bump: "patch" });
    expect(readChanges(removed.path)).toEqual([{ claim_id: claims[0]!.claim_id, change: "removed", fields: "" }]);
  });

  it("a change only to the rejected records is a patch", async () => {
    const env = setup();
    await env.publish();
    writeInterim(env.data, { ...env.corpus, rejected: [] });
    const s = await env.publish();
    expect(s).toMatchObject({ version: "1.0.1", bump: "patch", changes: { added: 0, changed: 0, removed: 0 } });
    expect(fs.existsSync(path.join(s.path, "rejected.jsonl"))).toBe(false);
  });

  it("a schema change gives a major version; the old versions stay as they were and latest/ follows the newest", async () => {
    const env = setup();
    await env.publish();
    const v1 = snapshot(path.join(env.dist, "v1.0.0"));
    const { extractor_version: _dropped, ...properties } = claimSchema.properties;
    const changed: RecordSchema = {
      ...claimSchema,
      $id: claimSchema.$id.replace("/1.0.0/", "/2.0.0/"),
      properties,
      required: claimSchema.required.filter((n) => n !== "extractor_version"),
    };
    const s = await env.publish({ claimSchema: changed });
    expect(s).toMatchObject({ version: "2.0.0", bump: "major" });
    expect(readChanges(s.path).every((c) => c.change === "changed" && c.fields === "extractor_version")).toBe(true);
    const table = tableFromIPC(fs.readFileSync(path.join(s.path, "claims.arrow")));
    expect(table.schema.metadata.get("json_schema_id")).toBe(changed.$id);
    expect(table.schema.fields.map((f) => f.name)).not.toContain("extractor_version");
    expect(snapshot(path.join(env.dist, "v1.0.0"))).toEqual(v1);
    expect(snapshot(path.join(env.dist, "latest"))).toEqual(snapshot(s.path));
    const index = JSON.parse(fs.readFileSync(path.join(env.dist, "index.json"), "utf8"));
    expect(index.versions.map((v: { version: string }) => v.version)).toEqual(["2.0.0", "1.0.0"]);
  });

  it("SOURCE_DATE_EPOCH sets created; otherwise the newest publication date does", async () => {
    const env = setup();
    const s = await env.publish({ sourceDateEpoch: "1735689600" });
    const pkg = JSON.parse(fs.readFileSync(path.join(s.path, "datapackage.json"), "utf8"));
    expect(pkg.created).toBe("2025-01-01T00:00:00Z");
    await expect(setup().publish({ sourceDateEpoch: "yesterday" })).rejects.toThrow(/SOURCE_DATE_EPOCH/);
  });

  it("removes what a killed run left behind, and refuses to publish claims of unknown documents", async () => {
    const env = setup();
    fs.mkdirSync(path.join(env.dist, ".tmp-v1.0.0-abc"), { recursive: true });
    fs.writeFileSync(path.join(env.dist, ".tmp-v1.0.0-abc", "claims.csv"), "partial");
    fs.writeFileSync(path.join(env.dist, ".tmp-index-abc"), "{");
    await env.publish();
    expect(fs.readdirSync(env.dist).sort()).toEqual(["index.json", "latest", "v1.0.0"]);

    const orphan = setup({ ...goldCorpus(), docs: goldCorpus().docs.slice(1) });
    await expect(orphan.publish()).rejects.toThrow(/missing from clean.jsonl/);
    expect(fs.existsSync(orphan.dist) ? fs.readdirSync(orphan.dist) : []).toEqual([]);
  });

  it("--strict still publishes but exits 1 when records were rejected or problems found", async () => {
    const env = setup();
    expect((await env.publish({ strict: true })).exitCode).toBe(1);
    const clean = setup({ ...goldCorpus(), rejected: [], problems: [] });
    const s = await clean.publish({ strict: true });
    expect(s.exitCode).toBe(0);
    expect(fs.readdirSync(s.path)).not.toContain("problems.csv");
  });
});

describe("row digests of the previous release", () => {
  const digestsFile = (data: string) => path.join(data, "interim", "cache", ROW_DIGESTS);
  /** New interim files, keeping the build cache (writeInterim starts the interim folder afresh). */
  const rewrite = (data: string, corpus: Corpus) => {
    const file = digestsFile(data);
    const kept = fs.existsSync(file) ? fs.readFileSync(file) : null;
    writeInterim(data, corpus);
    if (kept) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, kept);
    }
  };
  /** The same edits published with and without the digests. */
  const editions = (corpus: Corpus): Corpus[] => {
    const corrected = corpus.claims.map((c) => ({ ...c }));
    corrected[2]!.certainty = corrected[2]!.certainty === "denied" ? "asserted" : "denied";
    corrected[4]!.places = [...corrected[4]!.places, "Kursk Oblast"];
    const added = { ...corpus.claims[0]!, claim_id: "ffffffffffffff00", count: 123, count_low: 123, count_high: 123, count_qualifier: "exact" as const, count_text: "123" };
    const docs = corpus.docs.map((d, i) => (i === 1 ? { ...d, publisher: "Renamed" } : d));
    return [corpus, { ...corpus, claims: [...corrected, added] }, { ...corpus, claims: corrected.slice(1) }, { ...corpus, claims: corrected.slice(1), docs }];
  };

  it("are kept after each release, for that release's Arrow files", async () => {
    const env = setup();
    const s = await env.publish();
    const sums = fs.readFileSync(path.join(s.path, "SHA256SUMS"), "utf8");
    const d = parseRowDigests(fs.readFileSync(digestsFile(env.data), "utf8"), listedSha256(sums, "claims.arrow"), listedSha256(sums, "documents.arrow"));
    expect(d).not.toBeNull();
    expect(d!.claims.ids).toEqual(sortedById(env.corpus.claims).map((c) => c.claim_id));
    expect(d!.documents.ids.length).toBe(env.corpus.docs.length);
    expect(parseRowDigests(fs.readFileSync(digestsFile(env.data), "utf8"), "0".repeat(64), listedSha256(sums, "documents.arrow"))).toBeNull();
  });

  it("give the same releases and CHANGES.csv as reading the previous Arrow files, edit after edit", async () => {
    const withDigests = setup();
    const without = setup();
    const summaries: [unknown, unknown][] = [];
    const copied: [unknown, unknown][] = [];
    for (const corpus of editions(goldCorpus())) {
      rewrite(withDigests.data, corpus);
      writeInterim(without.data, corpus);
      const a = await withDigests.publish();
      const b = await without.publish({ rowDigests: false });
      summaries.push([[a.version, a.changes], [b.version, b.changes]]);
      copied.push([a.copiedRows, b.copiedRows]);
    }
    expect(fs.existsSync(digestsFile(without.data))).toBe(false);
    expect(snapshot(withDigests.dist)).toEqual(snapshot(without.dist));
    for (const [a, b] of summaries) expect(a).toEqual(b);
    const n = goldCorpus().claims.length;
    expect(summaries.map(([a]) => a)).toEqual([
      ["1.0.0", { added: n, changed: 0, removed: 0 }],
      ["1.1.0", { added: 1, changed: 2, removed: 0 }],
      ["1.1.1", { added: 0, changed: 0, removed: 2 }],
      // Only a document's publisher: no claim changes, a patch for the documents table.
      ["1.1.2", { added: 0, changed: 0, removed: 0 }],
    ]);
    // Unchanged rows were copied from the previous release's CSVs (the byte comparison above says they are right).
    const rows = editions(goldCorpus()).map((c) => ({ claims: c.claims.length, documents: c.docs.length }));
    expect(copied).toEqual([
      [{ claims: 0, documents: 0 }, { claims: 0, documents: 0 }],
      // Edition 1: two claims corrected, one added; the documents' claim counts unchanged but for the one of the added claim.
      [{ claims: rows[0]!.claims - 2, documents: rows[1]!.documents - 1 }, { claims: 0, documents: 0 }],
      // Edition 2: the first claim removed; the other rows as in edition 1.
      [{ claims: rows[2]!.claims, documents: rows[2]!.documents - 1 }, { claims: 0, documents: 0 }],
      // Edition 3: one document's publisher; every claim row the same.
      [{ claims: rows[3]!.claims, documents: rows[3]!.documents - 1 }, { claims: 0, documents: 0 }],
    ]);
  });

  it("keep the line lengths of the release's CSVs, for the next publish to copy its unchanged rows", async () => {
    const env = setup();
    const s = await env.publish();
    const d = JSON.parse(fs.readFileSync(digestsFile(env.data), "utf8")) as { csv: { key: string; claims: number[]; documents: number[] } };
    for (const name of ["claims", "documents"] as const) {
      const bytes = fs.readFileSync(path.join(s.path, `${name}.csv`));
      const tally = new LineLengths();
      tally.push(bytes);
      expect(d.csv[name]).toEqual(tally.finish());
    }
    expect(d.csv.key).toMatch(/^[0-9a-f]{64}$/);
  });

  /**
   * Publishes editions 0 then 1 with the row digests, spoiling something between the two,
   * and without them: the CSVs of the second release must be the same bytes.
   */
  const csvsAfterSpoiling = async (spoil: (v1: string, data: string) => void) => {
    const spoiled = setup();
    const clean = setup();
    const [first, second] = editions(goldCorpus());
    rewrite(spoiled.data, first!);
    writeInterim(clean.data, first!);
    const v1 = await spoiled.publish();
    await clean.publish({ rowDigests: false });
    spoil(v1.path, spoiled.data);
    rewrite(spoiled.data, second!);
    writeInterim(clean.data, second!);
    const a = await spoiled.publish();
    const b = await clean.publish({ rowDigests: false });
    expect(a.version).toBe("1.1.0");
    for (const name of ["claims.csv", "documents.csv"]) {
      expect(fs.readFileSync(path.join(a.path, name)).equals(fs.readFileSync(path.join(b.path, name))), name).toBe(true);
    }
    return a.copiedRows!;
  };

  it("copy no row from a previous CSV edited since it was published: the new CSVs are rendered", async () => {
    const copied = await csvsAfterSpoiling((v1) => {
      // Same size, other bytes, in every row: SHA256SUMS no longer matches it.
      for (const [name, from, to] of [["claims.csv", "é", "è"], ["documents.csv", ",fr,", ",FR,"]] as const) {
        const file = path.join(v1, name);
        const text = fs.readFileSync(file, "utf8");
        expect(text).toContain(from);
        fs.writeFileSync(file, text.replaceAll(from, to));
      }
    });
    expect(copied).toEqual({ claims: 0, documents: 0 });
  });

  it("copy no row from a previous CSV that is gone, or that is a folder (and still from the other)", async () => {
    const gone = await csvsAfterSpoiling((v1) => fs.rmSync(path.join(v1, "claims.csv")));
    expect(gone.claims).toBe(0);
    expect(gone.documents).toBeGreaterThan(0);
    const folder = await csvsAfterSpoiling((v1) => {
      fs.rmSync(path.join(v1, "documents.csv"));
      fs.mkdirSync(path.join(v1, "documents.csv"));
    });
    expect(folder.documents).toBe(0);
    expect(folder.claims).toBeGreaterThan(0);
  });

  it("copy no row when the kept line lengths are not the previous CSV's own (same total size)", async () => {
    const copied = await csvsAfterSpoiling((_v1, data) => {
      const file = digestsFile(data);
      const d = JSON.parse(fs.readFileSync(file, "utf8")) as { csv: { claims: number[]; documents: number[] } };
      // One byte moved from every other row to the next: the file's size is still their sum.
      for (const lines of [d.csv.claims, d.csv.documents]) {
        for (let i = 1; i + 1 < lines.length; i += 2) {
          lines[i]! += 1;
          lines[i + 1]! -= 1;
        }
      }
      fs.writeFileSync(file, JSON.stringify(d));
    });
    expect(copied).toEqual({ claims: 0, documents: 0 });
  });

  it("are used only for the release they were written for", async () => {
    const env = setup();
    await env.publish();
    const file = digestsFile(env.data);
    const digests = JSON.parse(fs.readFileSync(file, "utf8"));
    // Digests that forget the last row: trusted, that row reads as added; for another release, ignored.
    const forgetful = { ...digests, claims: { ...digests.claims, ids: digests.claims.ids.slice(0, -1), hashes: digests.claims.hashes.slice(0, -1) } };
    const corpus = editions(goldCorpus())[1]!;
    rewrite(env.data, corpus);
    fs.writeFileSync(file, JSON.stringify({ ...forgetful, claimsArrow: "0".repeat(64) }));
    const ignored = await env.publish();
    expect(ignored.changes).toEqual({ added: 1, changed: 2, removed: 0 });

    const other = setup();
    await other.publish();
    rewrite(other.data, corpus);
    fs.writeFileSync(digestsFile(other.data), JSON.stringify(forgetful));
    const trusted = await other.publish();
    expect(trusted.changes).toEqual({ added: 2, changed: 2, removed: 0 });
  });

  it("are ignored when not of the shape publish writes (ids out of order, a digest that is not a 53-bit integer)", async () => {
    const corpus = editions(goldCorpus())[1]!;
    type Digests = { claims: { ids: unknown[]; hashes: unknown[] } };
    const spoil: ((d: Digests) => void)[] = [
      (d) => d.claims.ids.reverse(),
      (d) => (d.claims.hashes[0] = 1.5),
      (d) => (d.claims.hashes[1] = "12"),
      (d) => (d.claims.ids[0] = 7),
    ];
    for (const change of spoil) {
      const env = setup();
      await env.publish();
      const file = digestsFile(env.data);
      const digests = JSON.parse(fs.readFileSync(file, "utf8")) as Digests;
      change(digests);
      fs.writeFileSync(file, JSON.stringify(digests));
      rewrite(env.data, corpus);
      // The same changes as without digests (read from the previous claims.arrow).
      expect((await env.publish()).changes).toEqual({ added: 1, changed: 2, removed: 0 });
    }
  });
});

