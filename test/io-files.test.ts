// File I/O helpers: writeAllv (many buffers written with writev, no joined copy) and forEachLine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { writeAllv, AtomicJsonlWriter } from "../pipeline/bin/io.js";
import { forEachLine } from "../pipeline/publish/read-inputs.js";

describe("writeAllv", () => {
  it("writes more buffers than one writev takes, empty ones included, at the file offset and at a position", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-writev-"));
    const file = path.join(dir, "out");
    const parts = Array.from({ length: 3000 }, (_, i) => Buffer.from(i % 7 === 0 ? "" : `${i}é,`));
    const expected = Buffer.concat(parts);
    const fd = fs.openSync(file, "w+");
    expect(writeAllv(fd, [Buffer.from("head|")])).toBe(5);
    expect(writeAllv(fd, parts)).toBe(expected.length);
    // At a position: overwrites in place, the file offset stays where it was.
    expect(writeAllv(fd, [Buffer.from("HE"), Buffer.from("AD")], 0)).toBe(4);
    expect(writeAllv(fd, [Buffer.from("|tail")])).toBe(5);
    fs.closeSync(fd);
    expect(fs.readFileSync(file)).toEqual(Buffer.concat([Buffer.from("HEAD|"), expected, Buffer.from("|tail")]));
    fs.rmSync(dir, { recursive: true });
  });

  it("gives AtomicJsonlWriter the bytes and digest of the lines it was given", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-writev-"));
    const w = new AtomicJsonlWriter(path.join(dir, "x.jsonl"), true);
    const lines = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ i, s: "« é ’ »".repeat(i % 5) }));
    for (const l of lines) w.writeLine(l);
    w.close();
    const bytes = fs.readFileSync(path.join(dir, "x.jsonl"));
    expect(bytes.toString("utf8")).toBe(lines.join("\n") + "\n");
    expect(w.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(w.bytes).toBe(bytes.length);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("forEachLine", () => {
  it("gives every line, whatever the block size, when lines and multi-byte characters straddle blocks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-lines-"));
    const file = path.join(dir, "x.jsonl");
    const lines = Array.from({ length: 200 }, (_, i) => "é’«".repeat(i % 13) + `line ${i}` + "x".repeat((i * 37) % 50));
    for (const ending of ["\n", ""]) {
      const text = lines.join("\n") + ending;
      fs.writeFileSync(file, text);
      for (const size of [1, 2, 3, 7, 64, 1000, 1 << 20]) {
        const got: [string, number][] = [];
        const hash = createHash("sha256");
        forEachLine(file, (l, n) => got.push([l, n]), hash, size);
        expect(got.map(([l]) => l), `block ${size}`).toEqual(lines);
        expect(got.map(([, n]) => n)).toEqual(lines.map((_, i) => i + 1));
        expect(hash.digest("hex")).toBe(createHash("sha256").update(text).digest("hex"));
      }
    }
    fs.rmSync(dir, { recursive: true });
  });
});
