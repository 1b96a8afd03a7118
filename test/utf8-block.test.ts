// The block encoder under the docs pass's writers (pipeline/utf8-block.ts), and the two
// writers on it: AtomicJsonlWriter (interim JSONL files) and PackStore (the cache packs).
// Hostile strings: lone surrogates, astral characters, lines longer than a block.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Utf8Block } from "../pipeline/utf8-block.js";
import { AtomicJsonlWriter } from "../pipeline/bin/io.js";
import { PackStore } from "../pipeline/cache/pack.js";

const HOSTILE = ["", "a", "é", "« ’ »", "\u{1F600}x", "\uD800", "a\uDC00b", "\uDBFF\uDFFF", "\u0000\u007F\u0080\u07FF\u0800\uFFFF", "\uD83D"];

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "nk-utf8block-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("Utf8Block", () => {
  it("encodes every string exactly as Buffer.from does, lone surrogates included", () => {
    const b = new Utf8Block(64);
    for (const s of HOSTILE) {
      b.reset();
      expect(b.fits(s)).toBe(true);
      const n = b.append(s);
      expect(Buffer.from(b.view())).toEqual(Buffer.from(s, "utf8"));
      expect(n).toBe(Buffer.byteLength(s, "utf8"));
    }
  });

  it("says a string does not fit when its worst case (3 bytes per code unit) would overflow", () => {
    const b = new Utf8Block(10);
    expect(b.fits("abc")).toBe(true); // 9 bytes at worst
    expect(b.fits("abcd")).toBe(false);
    b.append("ab");
    expect(b.fits("ab", 2)).toBe(true);
    expect(b.fits("ab", 3)).toBe(false);
    b.appendByte(10);
    b.appendBytes(Uint8Array.of(1, 2));
    b.appendLatin1("Z");
    expect([...b.view()]).toEqual([97, 98, 10, 1, 2, 90]);
    expect([...b.view().subarray(3)]).toEqual([1, 2, 90]);
    b.reset();
    expect(b.length).toBe(0);
  });
});

describe("AtomicJsonlWriter on a block", () => {
  it("writes lines longer than a block, hostile characters and copied ranges in order, with exact byte counts", () => {
    const dir = tmp();
    const src = path.join(dir, "src.jsonl");
    fs.writeFileSync(src, "copied-1\ncopied-2\n");
    const fd = fs.openSync(src, "r");
    const w = new AtomicJsonlWriter(path.join(dir, "x.jsonl"), true);
    const huge = JSON.stringify({ t: "é«\uD800".repeat(200_000) }); // 600,000+ code units: more than a 1 MB block holds at worst
    const expected: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const line = JSON.stringify({ i, s: HOSTILE[i % HOSTILE.length]!.repeat(i % 50) });
      w.writeLine(line);
      expected.push(line);
      if (i === 1000) {
        w.writeLine(huge);
        expected.push(huge);
      }
      if (i === 2000) {
        w.copyFrom(fd, 0, 18, 2);
        expected.push("copied-1", "copied-2");
      }
      counts.push(w.bytes);
    }
    w.close();
    fs.closeSync(fd);
    const bytes = fs.readFileSync(path.join(dir, "x.jsonl"));
    // equals, not toEqual: a deep comparison of megabytes byte by byte takes seconds.
    expect(bytes.equals(Buffer.from(expected.join("\n") + "\n", "utf8"))).toBe(true);
    expect(w.bytes).toBe(bytes.length);
    expect(w.count).toBe(expected.length);
    expect(w.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    // The running byte count is where each line ends in the file (the ledger's offsets rely on it).
    expect(bytes.subarray(0, counts[999]!).toString("utf8").split("\n").length - 1).toBe(1000);
  });
});

describe("PackStore on a block", () => {
  it("gives back every payload, before and after closing, across 4 MB flushes and payloads larger than a block", () => {
    const dir = tmp();
    const store = new PackStore(dir, "t");
    const payloads = new Map<string, string>();
    const key = (i: number) => createHash("sha256").update(String(i)).digest("hex");
    for (let i = 0; i < 4000; i++) {
      const p = i === 1234 ? "x\uD800é".repeat(1_500_000) : `${HOSTILE[i % HOSTILE.length]}\n${"é".repeat(i * 3)}`;
      store.put(key(i), p);
      payloads.set(key(i), p);
      // A pending record reads back (get writes what is pending first).
      if (i % 997 === 0) expect(store.get(key(i))).toBe(Buffer.from(p, "utf8").toString("utf8"));
    }
    store.close();
    const again = new PackStore(dir, "t");
    for (const [k, p] of payloads) expect(again.get(k)).toBe(Buffer.from(p, "utf8").toString("utf8"));
    expect(again.corrupt).toBe(0);
    again.close();
    // The same records without the index: found again by scanning the pack.
    fs.rmSync(path.join(dir, "t.idx"));
    const scanned = new PackStore(dir, "t");
    for (const [k, p] of payloads) expect(scanned.get(k)).toBe(Buffer.from(p, "utf8").toString("utf8"));
    scanned.close();
  });
});
