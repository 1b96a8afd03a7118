// Edits inside a line, found by scanning the whole raw text once with
// module-level regexes: link markers and markup to cut, credits glued to a
// caption, and the points where a sentence end is glued to the next sentence.

import { isInvisible, joinsPrevious } from "./normalise.js";

/** A stretch of one line to drop, with the rule that drops it. */
export interface InlineCut {
  start: number;
  end: number;
  rule: string;
}

/** Any blank a raw line may hold, before normalisation. */
const B = "[ \\t\\u00A0\\u202F]";

// "(nouvelle fenêtre)" and its kin: screen-reader hints of a link that were
// flattened into the sentence ("Yonhap. (nouvelle fenêtre)ce vendredi").
const LINK_MARKER = new RegExp(
  `\\((?:${B}*)(?:nouvelle${B}+fen(?:ê|e\\u0302|e)tre|nouvel${B}+onglet|new${B}+(?:window|tab)|opens?${B}+in${B}+(?:a${B}+)?new${B}+(?:window|tab)|s'ouvre${B}+dans${B}+(?:un${B}+nouvel${B}+onglet|une${B}+nouvelle${B}+fen(?:ê|e)tre)|lien${B}+externe|external${B}+link|link${B}+is${B}+external)${B}*\\)`,
  "giu",
);

// Real HTML tags left in the text. Only known tag names, so that "x < y" or
// "<Kim>" in prose is never taken for markup.
const HTML_TAG =
  /<\/?(?:a|abbr|article|aside|b|blockquote|br|button|div|em|figcaption|figure|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|option|p|path|picture|script|section|select|source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|time|tr|u|ul|video)(?=[\s/>])[^<>\n\r]{0,500}>/giu;

// Attribute debris of a tag whose "<name" was lost: `type="image/avif" class="jsx-1">`.
// It takes at least one attribute and the closing '>' to count as debris.
// The lookbehind keeps the scan linear: a match can only start at a word start.
const ATTR_DEBRIS = /(?<![\w:-])(?:[\w:-]+=(?:"[^"\n\r]{0,300}"|'[^'\n\r]{0,300}')[ \t]*)+\/?>+/gu;

// A sentence end glued to the next sentence: "décembre.Cette", "2024.Le",
// "font-ils?Personne", "« prêt ».Ensuite". The word before the stop must start
// at a word boundary and be a lowercase-tailed word or a number, so
// "U.S.Army", "BFMTV.Com", "10.000" and "e.g.Foo" are left alone; titles such
// as "Mme.Durand" are skipped; the word after must be a capitalised word that
// is not part of a host name or path ("www.Lemonde.fr").
// The stop comes first and the lookbehinds repeat it: V8 tries a pattern's
// items left to right at every position, so a leading lookbehind would scan
// back over a whole word at each of its letters (quadratic on long runs).
const GLUED_SENTENCE = new RegExp(
  "[.!?]" +
    "(?<=(?:^|[^\\p{L}\\p{M}\\p{N}._/@:\\\\])(?:\\p{L}[\\p{Ll}\\p{M}]+|\\p{Nd}+)(?:[ \\u00A0\\u202F]?[)\\]»”\"’'])?[.!?])" +
    "(?<!(?:^|[^\\p{L}])(?:Mme|Mmes|Mlle|Mlles|Dr|Pr|Me|Mgr|St|Ste|Mr|Mrs|Ms|Prof|Gen|Gén|Col|Lt|Sgt|Capt|Jr|Sr|Rev|Sen|Gov|cf|vs|av|bd|art|al)\\.)" +
    "(?=\\p{Lu}\\p{M}*\\p{Ll}[\\p{L}\\p{M}]*(?![\\p{L}\\p{M}]|[.@/][\\p{L}\\p{N}]))",
  "gu",
);

// A photo credit glued to the end of a caption line (the blank before it is
// checked in code, so the scan only stops where a credit phrase starts).
const CREDIT_SUFFIX =
  /(?:Tous droits réservés|All rights reserved|©|Crédits? photos? ?:|Photo ?:|Credits? ?:)[^\n\r\u2028\u2029]{0,100}$/gmu;

/**
 * The cut, taking with it the combining marks right after it (and the invisible characters among them).
 * Left in the line, such a mark would compose with the character before the cut ("s<p>\u0301" would
 * read "ś"), and no segment of the offset map could hold that character: raw text that the map says is
 * gone lies inside it. A mark on the far side of markup is debris too; it goes in the removed block.
 */
function withFollowingMarks(raw: string, c: InlineCut): InlineCut {
  let end = c.end;
  for (let k = c.end; k < raw.length; ) {
    const cp = raw.codePointAt(k)!;
    const next = k + (cp > 0xffff ? 2 : 1);
    if (joinsPrevious(cp)) end = next;
    else if (!isInvisible(cp)) break;
    k = next;
  }
  return end === c.end ? c : { ...c, end };
}

function collect(re: RegExp, raw: string, rule: string, out: InlineCut[]): void {
  re.lastIndex = 0;
  for (const m of raw.matchAll(re)) {
    if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length, rule });
  }
}

/** Inline cuts that apply wherever they occur: sorted, non-overlapping. */
export function findInlineCuts(raw: string): InlineCut[] {
  const found: InlineCut[] = [];
  collect(LINK_MARKER, raw, "link-marker", found);
  if (raw.includes("<")) collect(HTML_TAG, raw, "html-debris", found);
  collectAttributeDebris(raw, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: InlineCut[] = [];
  for (const c of found.map((f) => withFollowingMarks(raw, f))) {
    const last = merged[merged.length - 1];
    if (last && c.start < last.end) last.end = Math.max(last.end, c.end);
    else merged.push({ ...c });
  }
  return merged;
}

/**
 * Runs ATTR_DEBRIS only on the lines that hold `="` or `='`: its leading
 * lookbehind costs a little at every position, and most lines have no markup.
 */
function collectAttributeDebris(raw: string, out: InlineCut[]): void {
  let from = 0;
  for (let p = raw.indexOf("=", 0); p >= 0; p = raw.indexOf("=", from)) {
    const q = raw.charCodeAt(p + 1);
    if (q !== 0x22 && q !== 0x27) {
      from = p + 1;
      continue;
    }
    let ls = p;
    while (ls > from && !isBreak(raw.charCodeAt(ls - 1))) ls--;
    let le = p;
    while (le < raw.length && !isBreak(raw.charCodeAt(le))) le++;
    for (const m of raw.slice(ls, le).matchAll(ATTR_DEBRIS)) {
      out.push({ start: ls + m.index, end: ls + m.index + m[0].length, rule: "html-debris" });
    }
    from = le + 1;
  }
}

/** Credits glued at the end of a line after some text; applied only to lines that are kept. */
export function findCreditSuffixes(raw: string): InlineCut[] {
  const out: InlineCut[] = [];
  CREDIT_SUFFIX.lastIndex = 0;
  for (const m of raw.matchAll(CREDIT_SUFFIX)) {
    // Back over the blank before the phrase; there must be one, and text before it.
    let s = m.index;
    while (s > 0 && isBlank(raw.charCodeAt(s - 1))) s--;
    if (s === m.index || s === 0 || isBreak(raw.charCodeAt(s - 1))) continue;
    out.push({ start: s, end: m.index + m[0].length, rule: "image-credit" });
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Raw offsets where a missing space after a sentence end is restored. */
export function findGluedSentences(raw: string): number[] {
  const out: number[] = [];
  GLUED_SENTENCE.lastIndex = 0;
  for (const m of raw.matchAll(GLUED_SENTENCE)) out.push(m.index + 1);
  return out;
}
