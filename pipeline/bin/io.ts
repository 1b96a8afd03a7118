// File I/O shared by stage scripts: JSONL streams and atomic writes, so a
// killed stage never leaves half a file for the next stage to trust.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createHash, randomBytes, type Hash } from "node:crypto";
import { UserError } from "./cli.js";
import { Utf8Block } from "../utf8-block.js";

export function interimDir(data: string): string {
  return path.join(data, "interim");
}

/** Yields [lineNumber, parsedObject | Error] for each non-empty line of a JSONL file. */
export async function* readJsonl(file: string): AsyncGenerator<[number, unknown]> {
  if (!fs.existsSync(file)) {
    throw new UserError(`${file} does not exist: run the previous stage first (npm run build-data runs them all)`);
  }
  const rl = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    try {
      yield [n, JSON.parse(line)];
    } catch (e) {
      yield [n, new Error(`${file}:${n}: not JSON: ${(e as Error).message}`)];
    }
  }
}

/** Writes text to `file` through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

const NL = 0x0a;
const NEWLINE = Buffer.from("\n");

/**
 * Writes `buffers` one after the other at `position` (or the file's offset when null), with
 * writev: no joined copy of them (Buffer.concat of each megabyte written was 15% of the docs
 * pass's main thread). Returns the bytes written.
 */
export function writeAllv(fd: number, buffers: readonly Uint8Array[], position: number | null = null): number {
  let rest = buffers.filter((b) => b.length > 0);
  let total = 0;
  while (rest.length > 0) {
    // At most IOV_MAX (1024 on Linux) buffers per call.
    const batch = rest.slice(0, 1024);
    let n = fs.writevSync(fd, batch, position === null ? undefined : position + total);
    total += n;
    let i = 0;
    while (i < batch.length && n >= batch[i]!.length) n -= batch[i++]!.length;
    rest = i < batch.length ? [batch[i]!.subarray(n), ...rest.slice(i + 1)] : rest.slice(i);
  }
  return total;
}

/** A JSONL writer that streams to a temporary file and renames it into place on close. */
export class AtomicJsonlWriter {
  private readonly tmp: string;
  private readonly fd: number;
  /** Lines encoded as they come (their byte lengths are then known) into one block, written when it fills. */
  private readonly block = new Utf8Block();
  private readonly hash: Hash | null;
  /** A byte range of another file still to be copied here: consecutive copies are one. */
  private copy: { fd: number; from: number; to: number } | null = null;
  count = 0;
  /** Bytes written so far (UTF-8), pending ones included. */
  bytes = 0;

  /** With `hashed`, the SHA-256 of what was written is kept (`sha256` after close). */
  constructor(
    private readonly file: string,
    hashed = false,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    this.fd = fs.openSync(this.tmp, "w");
    this.hash = hashed ? createHash("sha256") : null;
  }

  /** SHA-256 (hex) of the file's bytes, set by close() when constructed with `hashed`. */
  sha256: string | null = null;

  write(obj: unknown): void {
    this.writeLine(JSON.stringify(obj));
  }

  /** Writes one line already serialised as JSON (without its "\n"). */
  writeLine(json: string): void {
    if (this.copy) this.flushCopy();
    this.count++;
    if (!this.block.fits(json, 1)) {
      this.flush();
      if (!this.block.fits(json, 1)) {
        // Longer than a block can surely hold: on its own.
        const line = Buffer.from(json, "utf8");
        this.writeOut([line, NEWLINE]);
        this.bytes += line.length + 1;
        return;
      }
    }
    this.bytes += this.block.append(json) + 1;
    this.block.appendByte(NL);
  }

  /** Appends `length` bytes of the open file `fd` from `offset`, holding `lines` whole lines. */
  copyFrom(fd: number, offset: number, length: number, lines: number): void {
    if (length === 0) return;
    this.count += lines;
    this.bytes += length;
    if (this.copy && this.copy.fd === fd && this.copy.to === offset) {
      this.copy.to += length;
      return;
    }
    if (this.copy) this.flushCopy();
    this.flush();
    this.copy = { fd, from: offset, to: offset + length };
  }

  private flushCopy(): void {
    const c = this.copy!;
    this.copy = null;
    const block = Buffer.allocUnsafe(Math.min(4 << 20, c.to - c.from));
    for (let at = c.from; at < c.to; ) {
      const r = fs.readSync(c.fd, block, 0, Math.min(block.length, c.to - at), at);
      if (r === 0) throw new Error(`${this.file}: the file copied from ended early (changed during the build?)`);
      const bytes = block.subarray(0, r);
      this.hash?.update(bytes);
      let n = 0;
      while (n < r) n += fs.writeSync(this.fd, bytes, n, r - n);
      at += r;
    }
  }

  private flush(): void {
    if (this.block.length > 0) this.writeOut([this.block.view()]);
    this.block.reset();
  }

  private writeOut(buffers: readonly Uint8Array[]): void {
    if (this.hash) for (const b of buffers) this.hash.update(b);
    writeAllv(this.fd, buffers);
  }

  close(): void {
    if (this.copy) this.flushCopy();
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
    if (this.hash) this.sha256 = this.hash.digest("hex");
  }

  /** Drops what was written: the previous file, if any, stays as it was. */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.tmp, { force: true });
  }
}
