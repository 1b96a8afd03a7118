// Publish copies the rows of the previous release's CSV that did not change
// (csv-splice.ts): the file must be byte for byte the one a full rendering gives,
// whatever rows were added, removed or changed, and the rows it copies must be
// read from the previous file, not rendered again.
import { describe, expect, it } from "vitest";
import type { Claim } from "../pipeline/generated/types.js";
import { csvBytes } from "../pipeline/publish/csv-bytes.js";
import { LineLengths, splicedCsvChunks, type PreviousCsv } from "../pipeline/publish/csv-splice.js";
import { compareText } from "../pipeline/publish/order.js";
import { rowHash } from "../pipeline/publish/row-digests.js";
import { claimSchema, documentSchema } from "../pipeline/schema/index.js";
import { goldCorpus } from "./publish-fixture.js";

const byId = (claims: readonly Claim[]) => [...claims].sort((a, b) => compareText(a.claim_id, b.claim_id));
const hashes = (claims: readonly Claim[]) => claims.map((c) => rowHash(JSON.stringify(c)));

/** Line lengths of a whole CSV, fed to LineLengths in pieces of `step` bytes. */
function linesOf(bytes: Buffer, step = bytes.length || 1): number[] {
  const tally = new LineLengths();
  for (let at = 0; at < bytes.length; at += step) tally.push(bytes.subarray(at, at + step));
  return tally.finish();
}

/** A previous release's claims.csv of `claims`, counting the bytes the splice reads from it. */
function previousOf(claims: readonly Claim[]): PreviousCsv & { bytesRead: number } {
  const bytes = csvBytes(claims, claimSchema);
  const prev = {
    lines: linesOf(bytes),
    ids: claims.map((c) => c.claim_id),
    hashes: hashes(claims),
    bytesRead: 0,
    read(offset: number, length: number) {
      prev.bytesRead += length;
      return bytes.subarray(offset, offset + length);
    },
  };
  return prev;
}

function splice(claims: readonly Claim[], previous: PreviousCsv | null): { bytes: Buffer; lines: number[] } {
  const lines: number[] = [];
  const bytes = Buffer.concat([...splicedCsvChunks(claims, claims.map((c) => c.claim_id), hashes(claims), claimSchema, previous, lines)]);
  return { bytes, lines };
}

const claims = byId(goldCorpus().claims);

describe("LineLengths", () => {
  it("measures every line of claims.csv, quoted line breaks and doubled quotes included, however the bytes are cut", () => {
    const bytes = csvBytes(claims, claimSchema);
    // The fixture's stress records put line breaks and quotes inside cells.
    const text = bytes.toString("utf8");
    expect(text).toMatch(/"[^"\n]*\n/);
    expect(text).toContain('""');
    // Each row rendered alone: the length of its line in the whole file.
    const header = csvBytes([], claimSchema).length;
    const expected = [header, ...claims.map((c) => csvBytes([c], claimSchema).length - header)];
    for (const step of [1, 2, 3, 7, 64, 4096, bytes.length]) expect(linesOf(bytes, step), `pieces of ${step}`).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(bytes.length);
  });

  it("refuses a file that ends inside a line or inside a quoted cell", () => {
    const t = new LineLengths();
    t.push(Buffer.from('a,b\n"x\n'));
    expect(() => t.finish()).toThrow(/ended inside a line/);
    const u = new LineLengths();
    u.push(Buffer.from("a,b\nc"));
    expect(() => u.finish()).toThrow(/ended inside a line/);
  });
});

describe("splicedCsvChunks", () => {
  const changed = (c: Claim): Claim => ({ ...c, quote: `${c.quote} "révisé",\nligne`, places: [...c.places, "Koursk, « nord »"] });
  const added = (id: string): Claim => ({ ...claims[1]!, claim_id: id, count: 4321, count_text: "4 321" });
  const cases: [string, Claim[]][] = [
    ["nothing changed", claims],
    ["first row removed", claims.slice(1)],
    ["last row removed", claims.slice(0, -1)],
    ["every other row removed", claims.filter((_, i) => i % 2 === 0)],
    ["a row added first, one in the middle, one last", byId([...claims, added("0000000000000000"), added(`${claims[3]!.claim_id.slice(0, 15)}z`), added("zzzzzzzzzzzzzzzz")])],
    ["first, middle and last rows changed", claims.map((c, i) => (i === 0 || i === 5 || i === claims.length - 1 ? changed(c) : c))],
    ["every row changed", claims.map(changed)],
    ["added, removed and changed at once", byId([...claims.slice(2).map((c, i) => (i % 3 === 0 ? changed(c) : c)), added("5555555555555555")])],
    ["no rows left", []],
  ];

  for (const [name, next] of cases) {
    it(`gives the bytes and line lengths of a full rendering: ${name}`, () => {
      const prev = previousOf(claims);
      const full = csvBytes(next, claimSchema);
      const out = splice(next, prev);
      expect(out.bytes.equals(full)).toBe(true);
      expect(out.lines).toEqual(linesOf(full));
      // The unchanged rows (same id, same digest) were read from the previous file.
      const previousRows = new Map(claims.map((c, i) => [c.claim_id, { hash: prev.hashes[i], length: prev.lines[i + 1]! }]));
      const header = prev.lines[0]!;
      const copied = next.reduce((sum, c) => {
        const p = previousRows.get(c.claim_id);
        return sum + (p && p.hash === rowHash(JSON.stringify(c)) ? p.length : 0);
      }, 0);
      expect(prev.bytesRead).toBe(header + copied);
    });
  }

  it("renders everything, and reads no row, when there is no previous file or its header is another table's", () => {
    const none = splice(claims, null);
    expect(none.bytes.equals(csvBytes(claims, claimSchema))).toBe(true);
    expect(none.lines).toEqual(linesOf(none.bytes));

    const docs = goldCorpus().docs;
    const otherTable = csvBytes(docs, documentSchema);
    let rowsRead = 0;
    const foreign: PreviousCsv = {
      lines: linesOf(otherTable),
      ids: claims.slice(0, docs.length).map((c) => c.claim_id),
      hashes: hashes(claims.slice(0, docs.length)),
      read: (offset, length) => {
        if (offset > 0) rowsRead++;
        return otherTable.subarray(offset, offset + length);
      },
    };
    const out = splice(claims, foreign);
    expect(out.bytes.equals(csvBytes(claims, claimSchema))).toBe(true);
    expect(rowsRead).toBe(0);
  });

  it("renders a row whose digest differs even when its id is the same", () => {
    const prev = previousOf(claims);
    // The previous file says something else in row 0 than the digest the new record has.
    prev.hashes = prev.hashes.map((h, i) => (i === 0 ? h + 1 : h));
    const out = splice(claims, prev);
    expect(out.bytes.equals(csvBytes(claims, claimSchema))).toBe(true);
    expect(prev.bytesRead).toBe(prev.lines.reduce((a, b) => a + b, 0) - prev.lines[1]!);
  });
});
