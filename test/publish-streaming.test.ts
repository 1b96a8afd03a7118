// Publish's memory savings must not change a byte: the CSVs reach the sink block by
// block (digested as they go), and the claims read from valid.jsonl share equal
// strings between records but stay the records of their lines.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Claim } from "../pipeline/generated/types.js";
import { csvBytes } from "../pipeline/publish/csv-bytes.js";
import { readPublishInput } from "../pipeline/publish/read-inputs.js";
import { buildRelease, MemorySink, type ReleaseSink } from "../pipeline/publish/release.js";
import { claimSchema, documentSchema, encodeCsv } from "../pipeline/schema/index.js";
import { recordTable } from "../pipeline/publish/arrow-table.js";
import { goldCorpus, writeInterim, type Corpus } from "./publish-fixture.js";

/** The gold corpus with each claim repeated `times` over under new ids: enough rows for several CSV blocks. */
function manyClaims(times: number): Corpus {
  const corpus = goldCorpus();
  const claims: Claim[] = [];
  for (let k = 0; k < times; k++) {
    for (const c of corpus.claims) claims.push({ ...c, claim_id: createHash("sha256").update(`${c.claim_id}/${k}`).digest("hex").slice(0, 16) });
  }
  return { ...corpus, claims };
}

/** A sink that takes each chunk as it comes, as the staging folder does. */
class CountingSink implements ReleaseSink {
  readonly chunks = new Map<string, number>();
  readonly files = new Map<string, Buffer>();
  write(name: string, chunks: Iterable<Uint8Array>): void {
    const parts: Buffer[] = [];
    for (const c of chunks) parts.push(Buffer.from(c));
    this.chunks.set(name, parts.length);
    this.files.set(name, Buffer.concat(parts));
  }
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("publish streams its CSVs", () => {
  it("hands claims.csv to the sink block by block, with size and SHA-256 of the bytes the sink took", async () => {
    const corpus = manyClaims(20);
    expect(corpus.claims.length).toBeGreaterThan(512);
    const expected = csvBytes([...corpus.claims].sort((a, b) => (a.claim_id < b.claim_id ? -1 : 1)), claimSchema);
    const sink = new CountingSink();
    const input = { claims: corpus.claims, docs: corpus.docs.map((d) => ({ ...d, cleaned_length: d.text.length, removed_blocks: d.removed.length })), rejected: corpus.rejected, problems: corpus.problems, inputsSha256: "0".repeat(64) };
    const plan = await buildRelease(input, null, { sourceDateEpoch: "1733000000" }, sink);
    if (plan.status !== "new") throw new Error("expected a new release");
    expect(sink.chunks.get("claims.csv")).toBeGreaterThan(2);
    expect(sink.files.get("claims.csv")!.equals(expected)).toBe(true);
    for (const [name, bytes] of sink.files) {
      expect(plan.files.get(name), name).toEqual({ bytes: bytes.length, sha256: sha256(bytes) });
    }
  });

  it("gives the same files through a streaming sink as through the in-memory one", async () => {
    const inputOf = () => {
      const corpus = manyClaims(12);
      return { claims: corpus.claims, docs: corpus.docs.map((d) => ({ ...d, cleaned_length: d.text.length, removed_blocks: d.removed.length })), rejected: corpus.rejected, problems: corpus.problems, inputsSha256: "1".repeat(64) };
    };
    const streaming = new CountingSink();
    const memory = new MemorySink();
    await buildRelease(inputOf(), null, { sourceDateEpoch: "1733000000" }, streaming);
    await buildRelease(inputOf(), null, { sourceDateEpoch: "1733000000" }, memory);
    expect([...streaming.files.keys()].sort()).toEqual([...memory.files.keys()].sort());
    for (const [name, bytes] of memory.files) expect(sha256(streaming.files.get(name)!), name).toBe(sha256(bytes));
  });
});

describe("the CSV and Arrow writers", () => {
  it("write the bytes of the codec's encodeCsv, stress records (formulas, quotes, line breaks, lists, nulls) included", () => {
    const corpus = manyClaims(2);
    expect(csvBytes(corpus.claims, claimSchema).equals(Buffer.from(encodeCsv(corpus.claims, claimSchema), "utf8"))).toBe(true);
    const docs = corpus.docs.map((d) => ({ ...d, cleaned_length: d.text.length, claims: 1, removed_blocks: d.removed.length }));
    expect(csvBytes(docs, documentSchema).equals(Buffer.from(encodeCsv(docs, documentSchema), "utf8"))).toBe(true);
    expect(csvBytes([], claimSchema).toString("utf8")).toBe(encodeCsv([], claimSchema));
  });

  it("refuse a record that lacks a column, naming the column", () => {
    const [first, second] = goldCorpus().claims;
    const { certainty: _certainty, ...lacking } = second!;
    expect(() => recordTable([first!, lacking], claimSchema, new Map())).toThrow(/record lacks certainty/);
  });
});

describe("claims read for publishing", () => {
  it("are exactly the records of valid.jsonl's lines, long quotes, lists and repeated values included", () => {
    const corpus = manyClaims(3);
    // Values the string sharing must keep apart or keep whole: a quote longer than the
    // sharing limit repeated in two records, a list item equal to another field's value,
    // and values that differ only by case or by a trailing space.
    const long = `« ${"Des milliers de soldats nord-coréens ont été vus près de Koursk. ".repeat(8)}»`;
    corpus.claims[0] = { ...corpus.claims[0]!, quote: long, places: ["Kursk Oblast", corpus.claims[0]!.publisher] };
    corpus.claims[1] = { ...corpus.claims[1]!, quote: long, claimant: "kim jong un", location: "Kursk Oblast " };
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "publish-read-"));
    writeInterim(root, corpus);
    const lines = fs.readFileSync(path.join(root, "interim", "valid.jsonl"), "utf8").split("\n").filter((l) => l !== "");
    const input = readPublishInput(root);
    expect(input.claims.length).toBe(lines.length);
    expect(input.claims).toEqual(lines.map((l) => JSON.parse(l)));
    const first = input.claims.find((c) => c.quote === long && c.places.length === 2)!;
    expect(first.places).toEqual(["Kursk Oblast", first.publisher]);
    expect(input.claims.some((c) => c.location === "Kursk Oblast ")).toBe(true);
  });
});
