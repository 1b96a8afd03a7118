// writeAllv: many buffers written in order with writev, no joined copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { writeAllv, AtomicJsonlWriter } from "../pipeline/bin/io.js";

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
