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
  /** One bit per WordSet (or PhraseTrie's first words) that holds this word: see WordSet. */
  flags: number;
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

// Words repeat across a corpus: fold each distinct word once (bounded cache).
interface FoldedWord {
  lower: string;
  norm: string;
  flags: number;
  /** The value of `setsVersion` the flags were computed at. */
  version: number;
}
const CACHE = new Map<string, FoldedWord>();
const CACHE_MAX = 200_000;
const ASCII_WORD_RE = /^[a-z0-9]+$/;

/**
 * A copy of `s` that shares no characters with the string it was cut from. V8 makes a slice of
 * 13 or more characters a view of its parent, so a cache that kept a slice of an article as it
 * is would keep the whole article alive.
 */
export function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The folded forms of `own`, a word that shares no characters with an article (see detached). */
function foldedWord(own: string): FoldedWord {
  const lower = ASCII_WORD_RE.test(own) ? own : fold(own);
  return { lower, norm: normWord(lower), flags: 0, version: -1 };
}

function withFlags(hit: FoldedWord): FoldedWord {
  if (hit.version !== setsVersion) {
    hit.flags = flagsOf(hit.lower, hit.norm);
    hit.version = setsVersion;
  }
  return hit;
}

function folded(word: string): FoldedWord {
  let hit = CACHE.get(word);
  if (hit === undefined) {
    const own = detached(word);
    hit = foldedWord(own);
    if (CACHE.size >= CACHE_MAX) CACHE.clear();
    CACHE.set(own, hit);
  }
  return withFlags(hit);
}

// Short lower-case ASCII words ("de", "les", "pour", "2024") are most of an article's tokens.
// They are cached by a number computed while tokenize scans them (base 37, one digit per
// character: a-z are 1-26, 0-9 are 27-36), so that finding one neither cuts the word out of the
// text nor hashes a new string: the string cache's look-up was two thirds of tokenize's time.
const SHORT_MAX = 5; // 37^5 < 2^30: the key is a small integer
const SHORT = new Map<number, FoldedWord>();

function shortCode(c: number): number {
  return c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : 0;
}

function foldedShort(key: number, text: string, start: number, end: number): FoldedWord {
  let hit = SHORT.get(key);
  if (hit === undefined) {
    hit = foldedWord(detached(text.slice(start, end)));
    // Some 62 million possible words: bounded as the other cache is.
    if (SHORT.size >= CACHE_MAX) SHORT.clear();
    SHORT.set(key, hit);
  }
  return withFlags(hit);
}

// The extractor asks of every token whether it is one of a few sets of words (personnel nouns,
// speech verbs, the words of the actor and place names): a Set or Map look-up per token and per
// set (the name tries' look-ups alone were 6% of extraction's time in a profile). Each distinct
// word is looked up once instead, when a cache folds it, and a token carries the answers as bits.
interface Registered {
  words: { has(word: string): boolean };
  by: "lower" | "norm";
  bit: number;
}
const SETS: Registered[] = [];
/** Changes whenever a set is registered or grows: cached flags computed before are stale. */
let setsVersion = 0;

function flagsOf(lower: string, norm: string): number {
  let flags = 0;
  for (const r of SETS) if (r.words.has(r.by === "lower" ? lower : norm)) flags |= r.bit;
  return flags;
}

function register(words: { has(word: string): boolean }, by: "lower" | "norm"): number {
  if (SETS.length >= 30) throw new Error("tokens: more than 30 word sets");
  const bit = 1 << SETS.length;
  SETS.push({ words, by, bit });
  setsVersion++;
  return bit;
}

/**
 * A fixed set of folded words (`by: "norm"`, stemmed as Token.norm, or `"lower"`) that a token
 * is tested against by one of its flag bits. Only tokens made after the set is will answer.
 */
export class WordSet {
  private readonly bit: number;

  constructor(words: Iterable<string>, by: "lower" | "norm" = "norm") {
    this.bit = register(new Set(words), by);
  }

  has(t: Token): boolean {
    return (t.flags & this.bit) !== 0;
  }
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
 * about twice as fast, extraction as a whole 5-9% (README, Performance). Building
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
    let key = 0; // see SHORT; -1 once the word is not a short lower-case ASCII word
    while (w > 0) {
      if (key >= 0) {
        const code = i - start < SHORT_MAX ? shortCode(text.charCodeAt(i)) : 0;
        key = code === 0 ? -1 : key * 37 + code;
      }
      i += w;
      w = i < n ? wordCharAt(text, i) : 0;
    }
    const f = key > 0 ? foldedShort(key, text, start, i) : folded(text.slice(start, i));
    out.push({ start, end: i, lower: f.lower, norm: f.norm, flags: f.flags });
  }
  return out;
}

/** tokenize as the regex defines it, for the test that the two agree. */
export function tokenizeByRegex(text: string): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const f = folded(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, lower: f.lower, norm: f.norm, flags: f.flags });
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

/**
 * Multi-word phrase dictionary over normalised tokens; longest match wins. Tokens must be made
 * after the phrases are added: a token's flags say whether a phrase can start at it.
 */
export class PhraseTrie<T> {
  private root: TrieNode<T> = { next: new Map() };
  private readonly firstBit = register(this.root.next, "norm");
  /** Words after the first of some phrase ("de", "nord" in "Corée du Nord"). */
  private readonly later = new Set<string>();
  private readonly laterBit = register(this.later, "norm");

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
        if (node === this.root) setsVersion++;
      }
      if (node !== this.root && !this.later.has(w)) {
        this.later.add(w);
        setsVersion++;
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
      if ((tokens[i]!.flags & this.firstBit) === 0) {
        i++;
        continue;
      }
      let node = this.root.next.get(tokens[i]!.norm);
      let best: TrieMatch<T> | null = null;
      let j = i;
      while (node) {
        if (node.value !== undefined) {
          best = { value: node.value, first: i, last: j + 1, start: tokens[i]!.start, end: tokens[j]!.end };
        }
        const nt = tokens[j + 1];
        if (!nt || (nt.flags & this.laterBit) === 0 || !JOINER_RE.test(text.slice(tokens[j]!.end, nt.start))) break;
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
