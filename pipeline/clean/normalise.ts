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
export function joinsPrevious(cp: number): boolean {
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

// Anything in a line that normalisation would change: blanks other than a
// single plain space, invisible characters. Lines without any (most of them)
// are copied whole.
const NEEDS_WORK = /[\t\v\f\u00a0\u1680\u2000-\u200b\u200e\u200f\u202f\u205f\u2060\u3000\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f-\u009f]| {2}/u;

/**
 * Normalises raw[start, end) (one line, no line breaks) into trimmed text with
 * single spaces, NFC, and its map. Leading and trailing blanks are dropped by
 * emitting a space only when something visible follows it.
 */
export function normaliseLine(raw: string, start: number, end: number, edits: LineEdits = NO_EDITS): NormalisedLine {
  const slice = raw.slice(start, end);
  // Raw text is usually NFC already; only then can chars be copied one to one.
  const needsNfc = slice.normalize("NFC") !== slice;
  if (!needsNfc && edits.cuts.length === 0 && edits.inserts.length === 0 && !NEEDS_WORK.test(slice)) {
    let a = 0;
    let z = slice.length;
    while (a < z && slice.charCodeAt(a) === 0x20) a++;
    while (z > a && slice.charCodeAt(z - 1) === 0x20) z--;
    return { text: slice.slice(a, z), segs: z > a ? [0, start + a, z - a, z - a] : [] };
  }
  return new LineNormaliser(raw).run(start, end, edits, needsNfc);
}

/** State of one slow-path normalisation (a class: no closures per call). */
class LineNormaliser {
  private readonly b = new OffsetMapBuilder();
  private readonly parts: string[] = [];
  /** Current run of raw chars copied unchanged: [runStart, runEnd). */
  private runStart = -1;
  private runEnd = -1;
  /** Pending blank: written only when a visible char follows (trims both ends). */
  private pendStart = -1;
  private pendLen = 0;
  /** A cut happened inside the pending blank. */
  private pendCut = false;

  constructor(private readonly raw: string) {}

  run(start: number, end: number, edits: LineEdits, needsNfc: boolean): NormalisedLine {
    const { raw } = this;
    const { cuts, inserts } = edits;
    let ci = 0;
    let ii = 0;
    let i = start;
    while (i < end) {
      while (ci < cuts.length && cuts[ci + 1]! <= i) ci += 2;
      if (ci < cuts.length && cuts[ci]! <= i) {
        i = cuts[ci + 1]!;
        if (this.pendStart >= 0) this.pendCut = true;
        continue;
      }
      while (ii < inserts.length && inserts[ii]! < i) ii++;
      const c = raw.charCodeAt(i);
      if (isHSpace(c)) {
        if (this.pendStart < 0) {
          this.pendStart = i;
          this.pendLen = 1;
        } else if (this.pendStart + this.pendLen === i) this.pendLen++;
        i++;
        continue;
      }
      if (isInvisible(c)) {
        i++;
        continue;
      }
      if (ii < inserts.length && inserts[ii] === i && this.pendStart < 0) {
        this.pendStart = i;
        this.pendLen = 0;
      }
      this.flushPending(c);
      const lo = i + 1 < end ? raw.charCodeAt(i + 1) : 0;
      let j = i + (c >= 0xd800 && c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1);
      if (!needsNfc) {
        this.copy(i, j);
        i = j;
        continue;
      }
      // Take the base char with every mark (and invisible) that follows, and
      // compose that cluster on its own; the cluster maps as one segment if
      // NFC changed it.
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
      if (nfc === cluster) this.copy(i, j);
      else {
        this.flushRun();
        this.parts.push(nfc);
        this.b.push(nfc.length, i, j - i);
      }
      i = j;
    }
    this.flushRun();
    const text = this.parts.join("");
    if (needsNfc && text.normalize("NFC") !== text) {
      // A mark left next to a different base by a cut: give up precision for
      // this line only, and map the whole line as one segment.
      const nfc = text.normalize("NFC");
      return { text: nfc, segs: nfc.length ? [0, start, nfc.length, end - start] : [] };
    }
    return { text, segs: this.b.map };
  }

  private flushRun(): void {
    if (this.runStart >= 0) {
      this.parts.push(this.raw.slice(this.runStart, this.runEnd));
      this.b.push(this.runEnd - this.runStart, this.runStart, this.runEnd - this.runStart);
      this.runStart = this.runEnd = -1;
    }
  }

  private copy(from: number, to: number): void {
    if (this.runStart >= 0 && this.runEnd === from) this.runEnd = to;
    else {
      this.flushRun();
      this.runStart = from;
      this.runEnd = to;
    }
  }

  private flushPending(next: number): void {
    if (this.pendStart < 0) return;
    const empty = this.b.length === 0 && this.runStart < 0;
    // "lien (nouvelle fenêtre)." must not become "lien ."
    const beforeCloser = this.pendCut && (next === 0x2e || next === 0x2c || next === 0x29);
    if (!empty && !beforeCloser) {
      if (this.pendLen === 1 && this.raw.charCodeAt(this.pendStart) === 0x20) this.copy(this.pendStart, this.pendStart + 1);
      else {
        this.flushRun();
        this.parts.push(" ");
        // A lone no-break space maps one to one; a run or an inserted space does not.
        this.b.push(1, this.pendStart, this.pendLen);
      }
    }
    this.pendStart = -1;
    this.pendLen = 0;
    this.pendCut = false;
  }
}

function stripInvisible(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) if (!isInvisible(s.charCodeAt(k))) out += s[k];
  return out;
}
