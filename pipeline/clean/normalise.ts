// Character-level normalisation of one line of raw text, with its offset map.
// Everything the clean stage changes inside a kept line happens here, so the
// map stays exact: NFC, blanks to one plain space, invisible characters
// dropped, inline cuts skipped, missing spaces inserted.

import { OffsetMapBuilder } from "../offsets.js";

/** Horizontal whitespace: all of it becomes a plain space (runs collapse to one). */
export function isHSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/**
 * Characters with no visible form that only get in the way of matching quotes:
 * control characters, soft hyphen, zero-width space, direction marks, word
 * joiner, stray BOMs. ZWJ/ZWNJ (U+200C/D) are kept: they change how some
 * scripts and emoji render.
 */
export function isInvisible(c: number): boolean {
  return (
    (c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) || c === 0xad || c === 0x200b || c === 0x200e || c === 0x200f ||
    c === 0x2060 || c === 0xfeff
  );
}

const MARK = /^\p{M}$/u;

/** True for code points that NFC may compose with what precedes them. */
function joinsPrevious(cp: number): boolean {
  if (cp < 0x300) return false;
  // Hangul vowel and trailing jamo compose with a preceding syllable or jamo.
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return MARK.test(String.fromCodePoint(cp));
}

export interface NormalisedLine {
  text: string;
  /** OffsetMap segments with cleaned offsets local to this line's text. */
  segs: number[];
}

/** Instructions for one line: raw [start, end), ranges to skip, points where a space goes. */
export interface LineEdits {
  /** Flat sorted [cutStart, cutEnd, ...] raw ranges to drop (inline removals). */
  cuts: readonly number[];
  /** Sorted raw offsets before which a missing space is inserted. */
  inserts: readonly number[];
}

const NO_EDITS: LineEdits = { cuts: [], inserts: [] };

/**
 * Normalises raw[start, end) (one line, no line breaks) into trimmed text with
 * single spaces, NFC, and its map. Leading and trailing blanks are dropped by
 * emitting a space only when something visible follows it.
 */
export function normaliseLine(raw: string, start: number, end: number, edits: LineEdits = NO_EDITS): NormalisedLine {
  const b = new OffsetMapBuilder();
  const parts: string[] = [];
  // Raw text is usually NFC already; only then can chars be copied one to one.
  const slice = raw.slice(start, end);
  const needsNfc = slice.normalize("NFC") !== slice;

  // Current run of raw chars copied unchanged: [runStart, runEnd).
  let runStart = -1;
  let runEnd = -1;
  const flushRun = () => {
    if (runStart >= 0) {
      parts.push(raw.slice(runStart, runEnd));
      b.push(runEnd - runStart, runStart, runEnd - runStart);
      runStart = runEnd = -1;
    }
  };
  const copy = (from: number, to: number) => {
    if (runStart >= 0 && runEnd === from) runEnd = to;
    else {
      flushRun();
      runStart = from;
      runEnd = to;
    }
  };

  // Pending blank: written only when a visible char follows (trims both ends).
  let pendStart = -1;
  let pendLen = 0;
  let pendCut = false; // a cut happened inside the pending blank
  const flushPending = (next: number) => {
    if (pendStart < 0) return;
    const drop =
      b.length + (runStart >= 0 ? runEnd - runStart : 0) === 0 ||
      // "lien (nouvelle fenêtre)." must not become "lien ."
      (pendCut && (next === 0x2e || next === 0x2c || next === 0x29));
    if (!drop) {
      if (pendLen === 1 && raw.charCodeAt(pendStart) === 0x20) copy(pendStart, pendStart + 1);
      else {
        flushRun();
        parts.push(" ");
        // A lone no-break space maps one to one; a run or an inserted space does not.
        b.push(1, pendStart, pendLen);
      }
    }
    pendStart = -1;
    pendLen = 0;
    pendCut = false;
  };

  const { cuts, inserts } = edits;
  let ci = 0;
  let ii = 0;
  let i = start;
  while (i < end) {
    while (ci < cuts.length && cuts[ci + 1]! <= i) ci += 2;
    if (ci < cuts.length && cuts[ci]! <= i) {
      i = cuts[ci + 1]!;
      if (pendStart >= 0) pendCut = true;
      continue;
    }
    while (ii < inserts.length && inserts[ii]! < i) ii++;
    const c = raw.charCodeAt(i);
    if (isHSpace(c)) {
      if (pendStart < 0) {
        pendStart = i;
        pendLen = 1;
      } else if (pendStart + pendLen === i) pendLen++;
      i++;
      continue;
    }
    if (isInvisible(c)) {
      i++;
      continue;
    }
    if (ii < inserts.length && inserts[ii] === i && pendStart < 0) {
      pendStart = i;
      pendLen = 0;
    }
    flushPending(c);
    const cp = raw.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    if (!needsNfc) {
      copy(i, j);
      i = j;
      continue;
    }
    // Take the base char with every mark (and invisible) that follows, and
    // compose that cluster on its own; the cluster maps as one segment if NFC
    // changed it.
    let hasInvisible = false;
    while (j < end && !(ci < cuts.length && cuts[ci]! <= j)) {
      const n = raw.codePointAt(j)!;
      if (isInvisible(n)) hasInvisible = true;
      else if (!joinsPrevious(n)) break;
      j += n > 0xffff ? 2 : 1;
    }
    const cluster = raw.slice(i, j);
    const visible = hasInvisible ? stripInvisible(cluster) : cluster;
    const nfc = visible.normalize("NFC");
    if (nfc === cluster) copy(i, j);
    else {
      flushRun();
      parts.push(nfc);
      b.push(nfc.length, i, j - i);
    }
    i = j;
  }
  flushRun();
  const text = parts.join("");
  if (needsNfc && text.normalize("NFC") !== text) {
    // A mark left next to a different base by a cut: give up precision for
    // this line only, and map the whole line as one segment.
    const nfc = text.normalize("NFC");
    return { text: nfc, segs: nfc.length ? [0, start, nfc.length, end - start] : [] };
  }
  return { text, segs: b.map };
}

function stripInvisible(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) if (!isInvisible(s.charCodeAt(k))) out += s[k];
  return out;
}
