// Lines of the raw text, and the features the rules look at.

/** One raw line: content [start, end), next line starts at `next`. */
export interface RawLine {
  start: number;
  end: number;
  next: number;
}

const ODD_BREAK = /[\r\u2028\u2029]/;

/** Splits on \n, \r\n, \r, U+2028 and U+2029; the last line may be empty. */
export function splitLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  if (!ODD_BREAK.test(raw)) {
    // Only \n: let indexOf do the scanning.
    for (let i = raw.indexOf("\n"); i >= 0; i = raw.indexOf("\n", start)) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    }
    lines.push({ start, end: raw.length, next: raw.length });
    return lines;
  }
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      const next = c === 0x0d && raw.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: raw.length, next: raw.length });
  return lines;
}

/** What a rule sees of a line: its normalised text and a few cheap features. */
export interface LineView {
  /** Normalised text: NFC, single spaces, trimmed. */
  readonly text: string;
  /** Lowercased, typographic apostrophes made ASCII: for phrase matching ("" past KEY_MAX chars). */
  readonly key: string;
  readonly words: number;
  /** Ends like a sentence: a full stop or ellipsis, possibly before closing quotes. */
  readonly endsWithStop: boolean;
}

export const KEY_MAX = 800;
const APOSTROPHES = /[’‘`´ʼ]/g;

/** Closing quotes and brackets that may follow a sentence's full stop. */
function isCloser(c: number): boolean {
  return c === 0x20 || c === 0x22 || c === 0x27 || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

/** The key is built on first use: most lines are paragraphs that no phrase rule reads. */
class View implements LineView {
  readonly endsWithStop: boolean;
  private lowered: string | null = null;
  private wordCount = -1;

  constructor(readonly text: string) {
    // Scanned by hand: a regex anchored at $ would rescan runs of closers.
    let k = text.length - 1;
    while (k >= 0 && isCloser(text.charCodeAt(k))) k--;
    const last = k >= 0 ? text.charCodeAt(k) : -1;
    this.endsWithStop = last === 0x2e || last === 0x2026;
  }

  /** Words, counted on first use: long paragraphs are mostly judged by length. */
  get words(): number {
    if (this.wordCount < 0) {
      const t = this.text;
      let n = t.length ? 1 : 0;
      for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 0x20) n++;
      this.wordCount = n;
    }
    return this.wordCount;
  }

  get key(): string {
    if (this.lowered === null) {
      // Every phrase rule gives up on lines this long before looking at the key.
      this.lowered = this.text.length <= KEY_MAX ? this.text.toLowerCase().replace(APOSTROPHES, "'") : "";
    }
    return this.lowered;
  }
}

export function viewOf(text: string): LineView {
  return new View(text);
}

/** Looks like a paragraph of the article: a sentence of some length. */
export function isBodyLike(v: LineView): boolean {
  return v.text.length >= 200 || (v.endsWithStop && v.words >= 8);
}

/** Looks like the title of a linked article: short, no sentence end, one sentence. */
export function isTeaserLike(v: LineView): boolean {
  return v.text.length <= 180 && v.words <= 30 && !v.endsWithStop && !INNER_SENTENCE_END.test(v.text);
}

const INNER_SENTENCE_END = /[\p{Ll}\p{Nd}][.!?] \p{Lu}/u;
