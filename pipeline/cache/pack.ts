// A content-addressed store of strings in one append-only file (NAME.pack) and
// its index (NAME.idx), inside DATA/interim/cache/.
//
// Record: a header line `@ <key> <byteLength> <crc32 hex>\n`, the payload bytes, `\n`.
// The index (key -> offset, length, crc) is rewritten by temporary file and rename at
// close, with the pack's size and inode; records appended after the last index
// (a killed build) are found again by scanning from there.
//
// Never trusted: every read checks the header and the payload's CRC-32, and a record
// that fails (a torn write, a disk error, an edit) is dropped and reported as a miss,
// so the caller recomputes it. A pack that does not parse from some point on is cut
// there. Keys are hashes of everything the value depends on (pipeline/cache/keys.ts).
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { writeAllv } from "../bin/io.js";
import { Utf8Block } from "../utf8-block.js";

interface Entry {
  off: number;
  len: number;
  crc: number;
}

const MAGIC = 0x4e4b5031; // "NKP1"
/** Records are written 4 MB at a time. */
const PENDING_BYTES = 4 << 20;

export class PackStore {
  readonly packPath: string;
  readonly indexPath: string;
  private fd: number;
  private size: number;
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Set<string>();
  /** Records not yet written, encoded in place (pipeline/utf8-block.ts); `body` is one payload being encoded. */
  private readonly pending = new Utf8Block(PENDING_BYTES);
  private readonly body = new Utf8Block(PENDING_BYTES);
  /** Records dropped because they failed a check (for tests and the build log). */
  corrupt = 0;

  constructor(dir: string, name: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.packPath = path.join(dir, `${name}.pack`);
    this.indexPath = path.join(dir, `${name}.idx`);
    this.fd = fs.openSync(this.packPath, fs.constants.O_RDWR | fs.constants.O_CREAT);
    this.size = fs.fstatSync(this.fd).size;
    const indexed = this.readIndex();
    this.scan(indexed);
  }

  /** Loads the index when it describes this pack file; returns the offset it covers. */
  private readIndex(): number {
    let buf: Buffer;
    try {
      buf = fs.readFileSync(this.indexPath);
    } catch {
      return 0;
    }
    const ino = fs.fstatSync(this.fd).ino;
    if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC) return 0;
    const covered = Number(buf.readBigUInt64LE(4));
    const packIno = Number(buf.readBigUInt64LE(12));
    const count = buf.readUInt32LE(20);
    if (packIno !== ino || covered > this.size || buf.length !== 24 + count * 48 + 4) return 0;
    if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4)) return 0;
    for (let i = 0, o = 24; i < count; i++, o += 48) {
      const key = buf.toString("hex", o, o + 32);
      this.entries.set(key, { off: Number(buf.readBigUInt64LE(o + 32)), len: buf.readUInt32LE(o + 40), crc: buf.readUInt32LE(o + 44) });
    }
    return covered;
  }

  /** Indexes the records from `from` to the end; cuts the pack at the first one that does not parse. */
  private scan(from: number): void {
    let off = from;
    const head = Buffer.alloc(160);
    while (off < this.size) {
      const n = fs.readSync(this.fd, head, 0, head.length, off);
      const nl = head.subarray(0, n).indexOf(10);
      const m = nl > 0 ? /^@ ([0-9a-f]{64}) (\d+) ([0-9a-f]{8})$/.exec(head.toString("latin1", 0, nl)) : null;
      if (!m) break;
      const len = Number(m[2]);
      const end = off + nl + 1 + len + 1;
      if (end > this.size) break;
      this.entries.set(m[1]!, { off: off + nl + 1, len, crc: parseInt(m[3]!, 16) });
      off = end;
    }
    if (off < this.size) {
      fs.ftruncateSync(this.fd, off);
      this.size = off;
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Marks `key` as used by this build without reading it (its value was reused from elsewhere), so compaction keeps it. */
  touch(key: string): void {
    if (this.entries.has(key)) this.used.add(key);
  }

  /** The payload stored under `key`, or null when absent or failing its checks (then forgotten). */
  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    this.flush();
    if (e.off + e.len > this.size) return this.drop(key);
    const buf = Buffer.allocUnsafe(e.len);
    let n = 0;
    try {
      while (n < e.len) {
        const r = fs.readSync(this.fd, buf, n, e.len - n, e.off + n);
        if (r === 0) break;
        n += r;
      }
    } catch {
      return this.drop(key);
    }
    if (n !== e.len || crc32(buf) !== e.crc) return this.drop(key);
    this.used.add(key);
    return buf.toString("utf8");
  }

  private drop(key: string): null {
    this.entries.delete(key);
    this.corrupt++;
    return null;
  }

  put(key: string, payload: string): void {
    // Already stored (the caller computed it without looking it up): keep it only if it reads back whole.
    if (this.entries.has(key) && this.get(key) !== null) return;
    let body: Buffer;
    if (this.body.fits(payload)) {
      this.body.reset();
      this.body.append(payload);
      body = this.body.view();
    } else {
      body = Buffer.from(payload, "utf8"); // longer than a block: on its own
    }
    const crc = crc32(body);
    const header = `@ ${key} ${body.length} ${crc.toString(16).padStart(8, "0")}\n`;
    if (this.pending.length + header.length + body.length + 1 > this.pending.capacity) this.flush();
    let off: number;
    if (header.length + body.length + 1 <= this.pending.capacity) {
      this.pending.appendLatin1(header);
      off = this.size + this.pending.length;
      this.pending.appendBytes(body);
      this.pending.appendByte(0x0a);
    } else {
      off = this.size + header.length;
      this.size += writeAllv(this.fd, [Buffer.from(header, "latin1"), body, Buffer.from("\n")], this.size);
    }
    this.entries.set(key, { off, len: body.length, crc });
    this.used.add(key);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.size += writeAllv(this.fd, [this.pending.view()], this.size);
    this.pending.reset();
  }

  /**
   * Writes what is pending and the index. With `compact`, when records unused in
   * this build take more room than the used ones (plus 64 MB), the pack is
   * rewritten with the used records only.
   */
  close(compact = true): void {
    this.flush();
    let liveBytes = 0;
    for (const k of this.used) liveBytes += this.entries.get(k)?.len ?? 0;
    if (compact && this.size > 2 * liveBytes + (64 << 20)) this.compact();
    this.writeIndex();
    fs.closeSync(this.fd);
  }

  private compact(): void {
    const tmp = `${this.packPath}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const out = fs.openSync(tmp, "w");
    const kept = new Map<string, Entry>();
    let size = 0;
    try {
      for (const key of this.used) {
        const e = this.entries.get(key);
        if (!e) continue;
        const buf = Buffer.allocUnsafe(e.len);
        fs.readSync(this.fd, buf, 0, e.len, e.off);
        if (crc32(buf) !== e.crc) continue;
        const header = Buffer.from(`@ ${key} ${e.len} ${e.crc.toString(16).padStart(8, "0")}\n`, "latin1");
        fs.writeSync(out, Buffer.concat([header, buf, Buffer.from("\n")]));
        kept.set(key, { off: size + header.length, len: e.len, crc: e.crc });
        size += header.length + e.len + 1;
      }
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(tmp, this.packPath);
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.packPath, fs.constants.O_RDWR);
    this.size = size;
    this.entries.clear();
    for (const [k, e] of kept) this.entries.set(k, e);
  }

  private writeIndex(): void {
    const count = this.entries.size;
    const buf = Buffer.alloc(24 + count * 48 + 4);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeBigUInt64LE(BigInt(this.size), 4);
    buf.writeBigUInt64LE(BigInt(fs.fstatSync(this.fd).ino), 12);
    buf.writeUInt32LE(count, 20);
    let o = 24;
    for (const [key, e] of this.entries) {
      buf.write(key, o, 32, "hex");
      buf.writeBigUInt64LE(BigInt(e.off), o + 32);
      buf.writeUInt32LE(e.len, o + 40);
      buf.writeUInt32LE(e.crc, o + 44);
      o += 48;
    }
    buf.writeUInt32LE(crc32(buf.subarray(0, o)), o);
    const tmp = `${this.indexPath}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, this.indexPath);
  }
}
