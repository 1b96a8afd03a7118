// Offset maps between cleaned text and raw text (see OffsetMap in types.ts).
// The map is a flat number array so that 100k documents' maps stay small in
// interim JSONL: one segment per run, not one entry per character.

import type { OffsetMap } from "./types.js";

/** Fields of one segment, in the order they are stored in an OffsetMap. */
const CLEAN_START = 0;
const RAW_START = 1;
const CLEAN_LEN = 2;
const RAW_LEN = 3;
const STRIDE = 4;

/**
 * Builds an OffsetMap while cleaned text is appended left to right.
 * Adjacent one-to-one segments that are contiguous in the raw text are merged,
 * so an untouched document has a single segment.
 */
export class OffsetMapBuilder {
  readonly map: OffsetMap = [];
  private cleanPos = 0;

  /** Cleaned length so far. */
  get length(): number {
    return this.cleanPos;
  }

  /**
   * Records that the next `cleanLen` cleaned units come from raw
   * [rawStart, rawStart + rawLen). cleanLen 0 is ignored: a segment must own
   * at least one cleaned unit, otherwise lookups would be ambiguous.
   */
  push(cleanLen: number, rawStart: number, rawLen: number): void {
    if (cleanLen <= 0) return;
    const m = this.map;
    const n = m.length;
    if (cleanLen === rawLen && n >= STRIDE) {
      const lastRawStart = m[n - STRIDE + RAW_START]!;
      const lastCleanLen = m[n - STRIDE + CLEAN_LEN]!;
      const lastRawLen = m[n - STRIDE + RAW_LEN]!;
      if (lastCleanLen === lastRawLen && lastRawStart + lastRawLen === rawStart) {
        m[n - STRIDE + CLEAN_LEN] = lastCleanLen + cleanLen;
        m[n - STRIDE + RAW_LEN] = lastRawLen + rawLen;
        this.cleanPos += cleanLen;
        return;
      }
    }
    m.push(this.cleanPos, rawStart, cleanLen, rawLen);
    this.cleanPos += cleanLen;
  }

  /** Appends segments expressed relative to a local cleaned origin (offset 0). */
  append(local: readonly number[]): void {
    for (let k = 0; k + 3 < local.length; k += STRIDE) {
      this.push(local[k + CLEAN_LEN]!, local[k + RAW_START]!, local[k + RAW_LEN]!);
    }
  }
}

/** Number of segments in a map. */
export function segmentCount(map: OffsetMap): number {
  return Math.floor(map.length / STRIDE);
}

/** Index (in segments) of the segment holding cleaned offset `pos`; -1 if none. */
function segmentAt(map: OffsetMap, pos: number): number {
  let lo = 0;
  let hi = segmentCount(map) - 1;
  if (hi < 0 || pos < map[CLEAN_START]!) return -1;
  // Binary search for the last segment starting at or before pos.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid * STRIDE + CLEAN_START]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  const base = lo * STRIDE;
  return pos < map[base + CLEAN_START]! + map[base + CLEAN_LEN]! ? lo : -1;
}

/** Cleaned length covered by the map (end of its last segment). */
export function cleanLength(map: OffsetMap): number {
  const n = segmentCount(map);
  if (n === 0) return 0;
  const base = (n - 1) * STRIDE;
  return map[base + CLEAN_START]! + map[base + CLEAN_LEN]!;
}

/** Raw offset where the cleaned character at `pos` starts. */
function rawStartOf(map: OffsetMap, seg: number, pos: number): number {
  const base = seg * STRIDE;
  const cs = map[base + CLEAN_START]!;
  const rs = map[base + RAW_START]!;
  // A segment that is not one-to-one maps as a whole: any position inside it
  // starts at the segment's raw start.
  return map[base + CLEAN_LEN] === map[base + RAW_LEN] ? rs + (pos - cs) : rs;
}

/** Raw offset (exclusive) where the cleaned character at `pos` ends. */
function rawEndOf(map: OffsetMap, seg: number, pos: number): number {
  const base = seg * STRIDE;
  const cs = map[base + CLEAN_START]!;
  const rs = map[base + RAW_START]!;
  const rl = map[base + RAW_LEN]!;
  return map[base + CLEAN_LEN] === rl ? rs + (pos - cs) + 1 : rs + rl;
}

/**
 * Maps the cleaned span [start, end) to the raw span it came from (end
 * exclusive). Positions are clamped to the cleaned text; a position inside a
 * segment that is not one-to-one widens to the whole segment. An empty span
 * maps to an empty raw span at the raw position of `start`. Never throws.
 */
export function toRaw(map: OffsetMap, start: number, end: number): [number, number] {
  const len = cleanLength(map);
  if (len === 0) return [0, 0];
  let s = Number.isFinite(start) ? Math.trunc(start) : 0;
  let e = Number.isFinite(end) ? Math.trunc(end) : len;
  s = Math.min(Math.max(s, 0), len);
  e = Math.min(Math.max(e, s), len);
  if (s === e) {
    if (s === len) {
      const base = (segmentCount(map) - 1) * STRIDE;
      const r = map[base + RAW_START]! + map[base + RAW_LEN]!;
      return [r, r];
    }
    const r = rawStartOf(map, segmentAt(map, s), s);
    return [r, r];
  }
  const a = segmentAt(map, s);
  const b = segmentAt(map, e - 1);
  if (a < 0 || b < 0) return [0, 0]; // only for a malformed map with holes
  return [rawStartOf(map, a, s), rawEndOf(map, b, e - 1)];
}

/**
 * The raw pieces a cleaned span is made of, in order, as [rawStart, rawEnd]
 * pairs; consecutive contiguous pieces are joined. toRaw gives the hull of
 * these; the pieces leave out what cleaning removed in between (a widget line,
 * a link marker), so concatenating them shows exactly where the span came from.
 */
export function rawPieces(map: OffsetMap, start: number, end: number): Array<[number, number]> {
  const len = cleanLength(map);
  const s = Math.min(Math.max(Math.trunc(start) || 0, 0), len);
  const e = Math.min(Math.max(Math.trunc(end) || 0, s), len);
  const out: Array<[number, number]> = [];
  if (s === e) return out;
  const first = segmentAt(map, s);
  const last = segmentAt(map, e - 1);
  if (first < 0 || last < 0) return out;
  for (let seg = first; seg <= last; seg++) {
    const base = seg * STRIDE;
    const cs = map[base + CLEAN_START]!;
    const cl = map[base + CLEAN_LEN]!;
    const from = Math.max(s, cs);
    const to = Math.min(e, cs + cl) - 1;
    const rs = rawStartOf(map, seg, from);
    const re = rawEndOf(map, seg, to);
    const prev = out[out.length - 1];
    if (prev && prev[1] === rs) prev[1] = re;
    else out.push([rs, re]);
  }
  return out;
}

/**
 * Checks the structural invariants of a map: segments tile [0, cleanLen)
 * without gaps, raw offsets never go backwards, all within bounds.
 * Returns a reason string, or null when the map is well formed.
 */
export function checkMap(map: OffsetMap, cleanLen: number, rawLen: number): string | null {
  if (map.length % STRIDE !== 0) return `length ${map.length} is not a multiple of ${STRIDE}`;
  let expectClean = 0;
  let minRaw = 0;
  for (let k = 0; k < map.length; k += STRIDE) {
    const [cs, rs, cl, rl] = [map[k]!, map[k + 1]!, map[k + 2]!, map[k + 3]!];
    if (cs !== expectClean) return `segment ${k / STRIDE} starts at ${cs}, expected ${expectClean}`;
    if (cl <= 0 || rl < 0) return `segment ${k / STRIDE} has lengths ${cl}/${rl}`;
    if (rs < minRaw) return `segment ${k / STRIDE} raw start ${rs} goes back before ${minRaw}`;
    if (rs + rl > rawLen) return `segment ${k / STRIDE} ends at raw ${rs + rl} > ${rawLen}`;
    expectClean = cs + cl;
    minRaw = rs + rl;
  }
  if (expectClean !== cleanLen) return `map covers ${expectClean} cleaned units, text has ${cleanLen}`;
  return null;
}
