// Sentence and quotation boundaries, with paragraph information.

export interface Sentence {
  /** Offsets in the document text (UTF-16), trimmed. */
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) the sentence is in. */
  para: number;
  /** Index of the sentence in its paragraph. */
  indexInPara: number;
  /** A headline, subhead or caption: a paragraph of one line with no final punctuation. */
  headline: boolean;
}

export interface QuoteSpan {
  /** Offset of the opening and of the closing quotation mark (document offsets). */
  open: number;
  close: number;
}

// A sentence ends at . ! ? … (with closing quotes/brackets) followed by space and a
// capital, a digit, an opening quote or bracket.
const END_RE = /[.!?…]+["»”’)\]]*(?=\s+["«“(\[]?[\p{Lu}\p{N}«“(\["])/gu;
const ABBREV_RE = /(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|St|Ste|av|apr|J\.-C|etc|cf|ex|env|p|n°|vol|art|[\p{Lu}])\.$/u;
const MAX_SENTENCE = 1500;
const MAX_HEADLINE = 200;
const FINAL_PUNCT_RE = /[.!?…:;"»”’)]\s*$/u;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      const pieces: [number, number][] = [];
      let from = 0;
      END_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = END_RE.exec(line)) !== null) {
        const cut = m.index + m[0].length;
        if (m[0].startsWith(".") && ABBREV_RE.test(line.slice(Math.max(from, m.index - 8), m.index + 1))) continue;
        pieces.push([from, cut]);
        from = cut;
      }
      pieces.push([from, line.length]);
      // No real sentence is this long: cut run-ons at a semicolon, comma or space so that the
      // work per sentence (clauses x numbers x triggers) stays bounded.
      for (let k = 0; k < pieces.length; k++) {
        const [a, b] = pieces[k]!;
        if (b - a <= MAX_SENTENCE) continue;
        const window = line.slice(a + MAX_SENTENCE / 2, a + MAX_SENTENCE);
        let cut = Math.max(window.lastIndexOf("; "), window.lastIndexOf(", "));
        if (cut < 0) cut = window.lastIndexOf(" ");
        const at = cut < 0 ? a + MAX_SENTENCE : a + MAX_SENTENCE / 2 + cut + 1;
        pieces.splice(k, 1, [a, at], [at, b]);
      }
      // A short line with no final punctuation, even with a kicker before a full stop
      // ("Guerre en Ukraine. Au moins 100 soldats tués, selon Séoul").
      const headline = pieces.length <= 2 && line.length <= MAX_HEADLINE && !FINAL_PUNCT_RE.test(line);
      let k = 0;
      for (const [a, b] of pieces) {
        let s = a;
        let e = b;
        while (s < e && /\s/.test(line[s]!)) s++;
        while (e > s && /\s/.test(line[e - 1]!)) e--;
        if (e <= s) continue;
        out.push({ start: lineStart + s, end: lineStart + e, text: line.slice(s, e), para, indexInPara: k++, headline });
      }
      para++;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

const QUOTE_CHARS_RE = /[«»“”„"\n]/g;

/** Quotation spans inside each line (a quotation never crosses a line break). */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let guillemet = -1;
  let curly = -1;
  let ascii = -1;
  QUOTE_CHARS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_CHARS_RE.exec(text)) !== null) {
    const i = m.index;
    const c = m[0];
    if (c === "\n") guillemet = curly = ascii = -1; // new line: forget unclosed quotes
    else if (c === "«") guillemet = i;
    else if (c === "»") {
      if (guillemet >= 0) out.push({ open: guillemet, close: i });
      guillemet = -1;
    } else if (c === "“" || c === "„") {
      if (curly >= 0 && c === "“" && text[curly] === "„") {
        out.push({ open: curly, close: i });
        curly = -1;
      } else curly = i;
    } else if (c === "”") {
      if (curly >= 0) out.push({ open: curly, close: i });
      curly = -1;
    } else if (ascii >= 0) {
      out.push({ open: ascii, close: i });
      ascii = -1;
    } else ascii = i;
  }
  return out.sort((a, b) => a.open - b.open);
}
