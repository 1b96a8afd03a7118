// Arrow column data built straight from buffers. Going through vectorFromArray
// costs about ten times more on big string columns (see LIBRARIES.md), and
// building the buffers ourselves also pins down every byte of the output, which
// the byte-identical rebuilds rely on.
import { makeData, makeVector, type Data, type DataType, type DateDay, type Dictionary, type Int32, type List, type Utf8 } from "apache-arrow";

/** Validity bitmap (bit set = value present, least significant bit first), or undefined when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap: nullCount === 0 ? undefined : bitmap, nullCount };
}

/**
 * Offsets + one UTF-8 buffer for a list of strings (nulls take no bytes): sizes
 * first, then each string written in place. Encoding each string to its own
 * array and copying was three times slower on 100k-row columns.
 */
function utf8Buffers(values: readonly (string | null | undefined)[]): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(values.length + 1);
  let total = 0;
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) total += Buffer.byteLength(v, "utf8");
    if (total > 0x7fffffff) throw new Error("Utf8 column exceeds 2 GiB; it would need LargeUtf8");
    valueOffsets[i + 1] = total;
  });
  const data = Buffer.alloc(total);
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) data.write(v, valueOffsets[i]!, "utf8");
  });
  return { valueOffsets, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function utf8Data(type: Utf8, values: readonly (string | null)[]): Data<Utf8> {
  return makeData({ type, length: values.length, ...validity(values), ...utf8Buffers(values) });
}

export function int32Data(type: Int32, values: readonly (number | null)[]): Data<Int32> {
  const data = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`value ${v} does not fit Int32`);
    data[i] = v;
  });
  return makeData({ type, length: values.length, ...validity(values), data });
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date; throws on anything else so a bad date never turns into a wrong one. */
export function epochDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return ms / DAY_MS;
}

export function dateDayData(type: DateDay, values: readonly (string | null)[]): Data<DateDay> {
  const data = new Int32Array(values.length);
  // A corpus has a few hundred distinct dates over hundreds of thousands of rows: convert each once.
  const days = new Map<string, number>();
  values.forEach((v, i) => {
    if (v === null) return;
    let d = days.get(v);
    if (d === undefined) days.set(v, (d = epochDay(v)));
    data[i] = d;
  });
  return makeData({ type, length: values.length, ...validity(values), data });
}

/**
 * Dictionary column whose dictionary is every allowed value in schema order, used
 * or not: the dictionary, and so the file, depends only on the schema and the
 * values, and readers see the full category set (pandas/polars categoricals).
 */
export function dictionaryData(type: Dictionary<Utf8, Int32>, allowed: readonly string[], values: readonly (string | null)[]): Data<Dictionary<Utf8, Int32>> {
  const index = new Map(allowed.map((v, i) => [v, i]));
  const data = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    const k = index.get(v);
    if (k === undefined) throw new Error(`value ${JSON.stringify(v)} is not one of ${allowed.join(", ")}`);
    data[i] = k;
  });
  const dictionary = makeVector(utf8Data(type.dictionary, allowed));
  return makeData({ type, length: values.length, ...validity(values), data, dictionary });
}

export function utf8ListData(type: List<Utf8>, values: readonly (readonly string[] | null)[]): Data<List<Utf8>> {
  const valueOffsets = new Int32Array(values.length + 1);
  const items: string[] = [];
  values.forEach((list, i) => {
    if (list) items.push(...list);
    valueOffsets[i + 1] = items.length;
  });
  const child = utf8Data(type.children[0]!.type, items);
  return makeData({ type, length: values.length, ...validity(values), valueOffsets, child });
}

export type AnyData = Data<DataType>;
