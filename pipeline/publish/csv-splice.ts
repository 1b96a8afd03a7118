// A table's CSV made from the previous release's file: a row whose id and digest are
// the same as in the previous release is copied from that file's bytes, and only the
// other rows are rendered. Rendering the 480k rows of claims.csv through papaparse was
// ~5 s of a 27 s publish after one article was added; a row's text depends on its
// values alone (the codec in schema/csv.ts quotes and escapes cell by cell), so
// copying it gives the bytes a full rendering would.
//
// It needs the byte length of every line of the previous file. csvChunks records them
// when it writes a file (LineLengths), and publish keeps them with the row digests.
import { csvChunks } from "./csv-bytes.js";
import { compareText } from "./order.js";
import type { RecordSchema } from "../schema/index.js";

/**
 * Byte length of each line of a CSV as its chunks go by, "\n" included: the header's,
 * then each row's. A "\n" inside a quoted cell is not a line end; papaparse doubles a
 * quote inside a quoted cell and quotes any cell with a quote in it, so every quote
 * toggles "inside a quoted cell".
 */
export class LineLengths {
  private quoted = false;
  private current = 0;

  /** Each line's length is pushed onto `lengths` as its "\n" goes by. */
  constructor(readonly lengths: number[] = []) {}

  push(chunk: Uint8Array): void {
    // indexOf is memchr: the 210 MB of claims.csv at 100k articles go by without a JS loop per byte.
    let start = 0;
    let i = 0;
    for (;;) {
      const quote = chunk.indexOf(0x22, i);
      if (this.quoted) {
        if (quote < 0) break;
        this.quoted = false;
        i = quote + 1;
        continue;
      }
      const nl = chunk.indexOf(0x0a, i);
      if (nl >= 0 && (quote < 0 || nl < quote)) {
        this.lengths.push(this.current + nl + 1 - start);
        this.current = 0;
        start = i = nl + 1;
      } else if (quote >= 0) {
        this.quoted = true;
        i = quote + 1;
      } else break;
    }
    this.current += chunk.length - start;
  }

  /** The lengths, once the whole file went by (which ends with "\n"). */
  finish(): number[] {
    if (this.current !== 0 || this.quoted) throw new Error("CSV ended inside a line");
    return this.lengths;
  }
}

/** The previous release's CSV of a table, as the splice reads it. */
export interface PreviousCsv {
  /** Byte length of each line (header first), as LineLengths gave them. */
  lines: readonly number[];
  /** Its rows' ids and digests, in row order (row-digests.ts). */
  ids: readonly string[];
  hashes: readonly number[];
  /** `length` bytes of the file from `offset`. */
  read(offset: number, length: number): Uint8Array;
}

/** Most bytes read from the previous file at once. */
const READ_BLOCK = 4 << 20;

/**
 * The CSV of `records` (in row order, with their ids and digests), the same bytes as
 * csvChunks(records, schema), taking every unchanged row from `previous` (none: all
 * rendered). The header is rendered (it must equal the previous one, else nothing is
 * copied). `lines` gets the new file's line lengths once the last chunk is taken, and
 * `copied.rows` the number of rows copied.
 */
export function* splicedCsvChunks(
  records: readonly object[],
  ids: readonly string[],
  hashes: readonly number[],
  schema: RecordSchema,
  previous: PreviousCsv | null,
  lines: number[],
  copied: { rows: number } = { rows: 0 },
): Generator<Uint8Array> {
  const header = Buffer.concat([...csvChunks([], schema)]);
  const prevHeader = previous && previous.lines[0] === header.length ? previous.read(0, header.length) : null;
  if (!previous || !prevHeader || !header.equals(prevHeader) || previous.lines.length !== previous.ids.length + 1) {
    // Not the same columns (or not a file of these rows): render it all.
    const tally = new LineLengths(lines);
    for (const chunk of csvChunks(records, schema)) {
      tally.push(chunk);
      yield chunk;
    }
    tally.finish();
    return;
  }
  const prev: PreviousCsv = previous;
  lines.push(header.length);
  yield header;

  // Where each previous row starts in its file.
  const offsets = new Float64Array(prev.lines.length + 1);
  for (let k = 0; k < prev.lines.length; k++) offsets[k + 1] = offsets[k]! + prev.lines[k]!;

  let copyFrom = -1; // a run of previous rows copyFrom..copyTo (inclusive) waiting to be copied
  let copyTo = -1;
  let render: number[] = []; // new rows waiting to be rendered
  function* flushCopy(): Generator<Uint8Array> {
    if (copyFrom < 0) return;
    // Row k is line k + 1 of the file (the header is line 0).
    const end = offsets[copyTo + 2]!;
    for (let at = offsets[copyFrom + 1]!; at < end; ) {
      const n = Math.min(READ_BLOCK, end - at);
      yield prev.read(at, n);
      at += n;
    }
    copyFrom = copyTo = -1;
  }
  function* flushRender(): Generator<Uint8Array> {
    if (render.length === 0) return;
    const rows = render.map((i) => records[i]!);
    render = [];
    const tally = new LineLengths(lines);
    for (const chunk of csvChunks(rows, schema, false)) {
      tally.push(chunk);
      yield chunk;
    }
    tally.finish();
  }

  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    // Both are in ascending id order (order.ts): skip the previous rows that are gone.
    while (j < prev.ids.length && compareText(prev.ids[j]!, id) < 0) j++;
    if (j < prev.ids.length && prev.ids[j] === id && prev.hashes[j] === hashes[i]) {
      yield* flushRender();
      if (copyFrom >= 0 && copyTo !== j - 1) yield* flushCopy();
      if (copyFrom < 0) copyFrom = j;
      copyTo = j;
      lines.push(prev.lines[j + 1]!);
      copied.rows++;
      j++;
    } else {
      yield* flushCopy();
      render.push(i);
    }
  }
  yield* flushCopy();
  yield* flushRender();
}
