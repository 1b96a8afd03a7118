// Word tokens with offsets, a light normaliser (case, accents, plural and
// feminine endings) and a token trie for multi-word alias look-up. Everything
// here is linear in the length of the text.

export interface Token {
  start: number;
  end: number;
  /** Lower case, no diacritics, light stemming (see `normWord`). */
  norm: string;
  /** Lower case, no diacritics, not stemmed. */
  lower: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const DIACRITICS_RE = /\p{M}+/gu;

/** Lower case without diacritics ("Égypte" -> "egypte", "Œ" kept as "œ"). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(DIACRITICS_RE, "").toLowerCase();
}

/** Folded word with plural -s/-x and feminine -ne/-e endings removed, so that
 * "sud-coréennes" and "sud-coréen", "services" and "service" compare equal. */
export function normWord(folded: string): string {
  let w = folded;
  if (w.length > 3 && (w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("enne")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("aine")) w = w.slice(0, -1);
  return w;
}

const ASCII_WORD_RE = /^[a-z0-9]+$/;

/**
 * A copy of `s` that shares no characters with the string it was cut from. V8 makes a slice of
 * 13 or more characters a view of its parent, so a cache that kept a slice of an article as it
 * is would keep the whole article alive.
 */
export function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * A cache of the values computed from strings cut from articles: at most `max` entries (emptied
 * when full), keyed by a copy of the string (see detached), and each value computed from that copy,
 * so that neither keeps an article alive.
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, compute: (own: string) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      const own = detached(key);
      value = compute(own);
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(own, value);
    }
    return value;
  }
}

// Words repeat across a corpus: fold each distinct word once.
const FOLDED = new TextCache<[string, string]>(200_000);

function foldedForms(word: string): [string, string] {
  const lower = ASCII_WORD_RE.test(word) ? word : fold(word);
  return [lower, normWord(lower)];
}

function folded(word: string): [string, string] {
  return FOLDED.get(word, foldedForms);
}

// Which UTF-16 code units are word characters (WORD_RE), looked up instead of running
// the Unicode regex: tokenize is called on every article and was its costliest loop.
const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR_RE.test(String.fromCharCode(c))) WORD_UNIT[c] = 1;
}

const LETTER_RE = /^\p{L}$/u;
const LETTER_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (WORD_UNIT[c] === 1 && LETTER_RE.test(String.fromCharCode(c))) LETTER_UNIT[c] = 1;
}

/**
 * A pattern whose matches start a word, searched like a global RegExp (`lastIndex`, `exec`):
 * the same matches as `(?=[first])(?<![\p{L}\p{N}])(?:pattern)` (or `(?<![\p{L}])` with
 * `after: "letter"`), found faster: V8 tests a leading lookaround at every position of the
 * text, where the extractor's large patterns spent much of their time; here a loop over the
 * text's code units finds the positions that start a word with one of the first characters,
 * and the pattern is tried (sticky) only there. Measured on bench articles: personnel nouns
 * about twice as fast, extraction as a whole 5-9% (pipeline/bench/README.md, the log). Building
 * one costs 1-3 ms (the first-character table).
 */
export class WordStartPattern {
  lastIndex = 0;
  private readonly sticky: RegExp;
  /** Code units a match can start with: those the `[first]` class matches under the pattern's flags. */
  private readonly first: Uint8Array;
  private readonly firstRe: RegExp;
  /** What may not come right before a match: letters, or letters and numbers. */
  private readonly blocking: Uint8Array;
  private readonly blockingRe: RegExp;

  constructor(
    private readonly pattern: string,
    private readonly flags: "iu" | "u",
    private readonly firstClass: string,
    private readonly after: "word" | "letter" = "word",
  ) {
    this.sticky = new RegExp(pattern, `${flags}y`);
    this.firstRe = new RegExp(`^[${firstClass}]$`, flags);
    this.first = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (this.firstRe.test(String.fromCharCode(c))) this.first[c] = 1;
    this.blocking = after === "word" ? WORD_UNIT : LETTER_UNIT;
    this.blockingRe = after === "word" ? WORD_CHAR_RE : LETTER_RE;
  }

  /**
   * The global RegExp with leading lookarounds that this pattern stands for (what tests compare
   * it with); without `first`, with no lookahead for the first character: then it equals this
   * pattern only if the first characters given cover every match.
   */
  reference(first = true): RegExp {
    const lookbehind = this.after === "word" ? String.raw`(?<![\p{L}\p{N}])` : String.raw`(?<![\p{L}])`;
    return new RegExp(`${first ? `(?=[${this.firstClass}])` : ""}${lookbehind}(?:${this.pattern})`, `g${this.flags}`);
  }

  exec(s: string): RegExpExecArray | null {
    const n = s.length;
    let i = this.lastIndex;
    let blocked = false;
    if (i > 0) {
      const pair = i >= 2 && isLow(s.charCodeAt(i - 1)) && isHigh(s.charCodeAt(i - 2));
      blocked = pair ? this.blockingRe.test(s.slice(i - 2, i)) : this.blocking[s.charCodeAt(i - 1)] === 1;
    }
    while (i < n) {
      const c = s.charCodeAt(i);
      // An astral character (a surrogate pair) is looked up by the regular expressions, not the tables.
      const pair = isHigh(c) && i + 1 < n && isLow(s.charCodeAt(i + 1));
      if (!blocked && (pair ? this.firstRe.test(s.slice(i, i + 2)) : this.first[c] === 1)) {
        this.sticky.lastIndex = i;
        const m = this.sticky.exec(s);
        if (m !== null) {
          this.lastIndex = this.sticky.lastIndex;
          return m;
        }
      }
      if (pair) {
        blocked = this.blockingRe.test(s.slice(i, i + 2));
        i += 2;
      } else {
        blocked = this.blocking[c] === 1;
        i++;
      }
    }
    this.lastIndex = 0;
    return null;
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Length in code units of the word character at i (2 for an astral letter), or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (WORD_UNIT[c] === 1) return 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff && WORD_CHAR_RE.test(text.slice(i, i + 2))) return 2;
  }
  return 0;
}

/** Maximal runs of letters and digits (the matches of WORD_RE), with their folded forms. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    // Most French words are lower-case ASCII: their folded form is the word itself, with no cache look-up.
    let ascii = true;
    while (w > 0) {
      if (ascii) {
        const c = text.charCodeAt(i);
        ascii = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      }
      i += w;
      w = i < n ? wordCharAt(text, i) : 0;
    }
    const word = text.slice(start, i);
    if (ascii) {
      out.push({ start, end: i, lower: word, norm: normWord(word) });
      continue;
    }
    const [lower, norm] = folded(word);
    out.push({ start, end: i, lower, norm });
  }
  return out;
}

/** tokenize as the regex defines it, for the test that the two agree. */
export function tokenizeByRegex(text: string): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const [lower, norm] = folded(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, lower, norm });
  }
  return out;
}

/** Characters allowed between the words of one alias ("Kim Jong-un", "l'OTAN"). */
const JOINER_RE = /^[\s'’\-‐‑–]*$/;

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export interface TrieMatch<T> {
  value: T;
  /** Index of the first and one past the last token. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Multi-word phrase dictionary over normalised tokens; longest match wins. */
export class PhraseTrie<T> {
  private root: TrieNode<T> = { next: new Map() };

  /** Adds a phrase; an existing identical phrase keeps its first value unless `override`. */
  add(phrase: string, value: T, override = false): void {
    const words = tokenize(phrase).map((t) => t.norm);
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    if (node.value === undefined || override) node.value = value;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(text: string, tokens: Token[]): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node = this.root.next.get(tokens[i]!.norm);
      let best: TrieMatch<T> | null = null;
      let j = i;
      while (node) {
        if (node.value !== undefined) {
          best = { value: node.value, first: i, last: j + 1, start: tokens[i]!.start, end: tokens[j]!.end };
        }
        const nt = tokens[j + 1];
        if (!nt || !JOINER_RE.test(text.slice(tokens[j]!.end, nt.start))) break;
        node = node.next.get(nt.norm);
        j++;
      }
      if (best) {
        out.push(best);
        i = best.last;
      } else i++;
    }
    return out;
  }
}

/** Index of the first item whose `start` is >= pos (items sorted by start). */
export function lowerBound<T extends { start: number }>(items: readonly T[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items with start >= from and end <= to (items sorted by start). */
export function within<T extends { start: number; end: number }>(items: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = lowerBound(items, from); k < items.length && items[k]!.start < to; k++) {
    if (items[k]!.end <= to) out.push(items[k]!);
  }
  return out;
}
