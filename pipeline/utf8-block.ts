// Strings encoded as UTF-8 straight into one reusable block of memory, for the
// writers of the docs pass (interim JSONL files, cache packs).
//
// Why not Buffer.from per line: a string longer than half of Buffer.poolSize
// (a cleaned article, 3-8 KB) gets an ArrayBuffer of its own, and the docs pass
// made about 60,000 of them per 10,000 articles. Measured on the clean.jsonl
// lines of 10,000 bench articles (2026-12-06): 139-191 ms with Buffer.from per
// line against 56-60 ms written into one block (claims lines: 78-88 against
// 49-59 ms), before counting the collector's work on those ArrayBuffers.
// buf.write encodes exactly as Buffer.from does (lone surrogates become U+FFFD).

/** UTF-8 bytes of a JavaScript string are at most 3 per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class Utf8Block {
  private readonly buf: Buffer;
  /** Bytes held. */
  length = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get capacity(): number {
    return this.buf.length;
  }

  /** Whether `s` and `extra` more bytes surely fit after what is held. */
  fits(s: string, extra = 0): boolean {
    return this.length + s.length * MAX_BYTES_PER_UNIT + extra <= this.buf.length;
  }

  /** Appends `s` encoded (the caller checked fits(s)); returns its byte length. */
  append(s: string): number {
    const n = this.buf.write(s, this.length, "utf8");
    this.length += n;
    return n;
  }

  /** Appends `s` as latin1 (ASCII headers); returns its byte length. */
  appendLatin1(s: string): number {
    const n = this.buf.write(s, this.length, "latin1");
    this.length += n;
    return n;
  }

  appendByte(b: number): void {
    this.buf[this.length++] = b;
  }

  /** Appends bytes (the caller checked there is room). */
  appendBytes(bytes: Uint8Array): void {
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes held: a view, valid until the next reset. */
  view(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}
