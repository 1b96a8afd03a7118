// The clean stage's pure function: raw article text in, article text out,
// with an offset map back to the raw text and an audit of what was removed.

import { OffsetMapBuilder } from "../offsets.js";
import type { CleanResult, RemovedBlock } from "../types.js";
import {
  markDuplicatedCaptions,
  markMasthead,
  markRelatedLinks,
  markRepeatedLines,
  markTrailingFragments,
  type Slot,
} from "./blocks.js";
import { findCreditSuffixes, findGluedSentences, findInlineCuts, type InlineCut } from "./inline.js";
import { splitLines, viewOf, type RawLine } from "./lines.js";
import { isHSpace, isInvisible, normaliseLine, type LineEdits, type NormalisedLine } from "./normalise.js";
import { lineRule } from "./rules.js";
import { withFields } from "../objects.js";

export { LINE_RULES } from "./rules.js";
export { RULE_CATALOG } from "./catalog.js";

/** Longest text kept in a RemovedBlock. */
const AUDIT_TEXT_MAX = 200;

interface LineState extends Slot {
  line: RawLine;
  norm: NormalisedLine;
  /** Inline cuts inside this line (already applied to norm). */
  cuts: InlineCut[];
  inserts: number[];
}

/**
 * Cleans one decoded article. Never throws; runs in time linear in the input
 * (every regex is compiled once, at module load).
 */
export function clean(raw: string): CleanResult {
  if (typeof raw !== "string" || raw.length === 0) return { text: "", map: [], removed: [] };

  const lines = splitLines(raw);
  const cuts = findInlineCuts(raw);
  const inserts = findGluedSentences(raw);

  // Normalise every line, applying the inline cuts and inserted spaces that fall in it.
  const states: LineState[] = [];
  let ci = 0;
  let ii = 0;
  for (const line of lines) {
    const lineCuts: InlineCut[] = [];
    while (ci < cuts.length && cuts[ci]!.start < line.end) {
      const c = cuts[ci]!;
      if (c.end > line.start) lineCuts.push(withFields(c, { start: Math.max(c.start, line.start), end: Math.min(c.end, line.end) }));
      if (c.end <= line.end) ci++;
      else break;
    }
    const lineInserts: number[] = [];
    while (ii < inserts.length && inserts[ii]! < line.end) {
      if (inserts[ii]! > line.start) lineInserts.push(inserts[ii]!);
      ii++;
    }
    const norm = normaliseLine(raw, line.start, line.end, editsOf(lineCuts, lineInserts));
    states.push({
      line,
      norm,
      cuts: lineCuts,
      inserts: lineInserts,
      view: norm.text.length ? viewOf(norm.text) : null,
      rule: null,
    });
  }

  for (const s of states) {
    if (s.view) s.rule = lineRule(s.view);
    // A line that was nothing but inline debris is removed by that debris' rule.
    if (s.cuts.length > 0 && (s.view === null || s.rule === "no-text")) s.rule = s.cuts[0]!.rule;
  }
  markRelatedLinks(states);
  markDuplicatedCaptions(states);
  markRepeatedLines(states);
  markMasthead(states);
  markTrailingFragments(states);

  const removed: RemovedBlock[] = [];
  applyCreditSuffixes(raw, states);
  for (const s of states) {
    if (s.rule === null && s.view) for (const c of s.cuts) removed.push(block(raw, c.start, c.end, c.rule));
  }
  collectRemovedLines(raw, states, removed);
  removed.sort((a, b) => a.raw_start - b.raw_start);

  const { text, map } = assemble(raw, states);
  return { text, map, removed };
}

function editsOf(cuts: InlineCut[], inserts: number[]): LineEdits {
  const flat: number[] = [];
  for (const c of cuts) flat.push(c.start, c.end);
  return { cuts: flat, inserts };
}

/** Credits glued to the end of a kept line are cut from it (the line stays). */
function applyCreditSuffixes(raw: string, states: LineState[]): void {
  const credits = findCreditSuffixes(raw);
  if (credits.length === 0) return;
  let k = 0;
  for (const s of states) {
    while (k < credits.length && credits[k]!.end <= s.line.start) k++;
    const c = credits[k];
    if (!c || c.start < s.line.start || c.end > s.line.end) continue;
    if (s.rule !== null || !s.view) continue;
    // The credit swallows any inline cut it overlaps (markup after "© AFP").
    const credit = { ...c };
    const cuts: InlineCut[] = [];
    for (const x of s.cuts) {
      if (x.end <= credit.start || x.start >= credit.end) cuts.push(x);
      else {
        credit.start = Math.min(credit.start, x.start);
        credit.end = Math.max(credit.end, x.end);
      }
    }
    cuts.push(credit);
    cuts.sort((a, b) => a.start - b.start);
    const norm = normaliseLine(raw, s.line.start, s.line.end, editsOf(cuts, s.inserts));
    if (norm.text.length === 0) continue; // the credit was the whole line: leave it to the line rules
    s.norm = norm;
    s.view = viewOf(norm.text);
    s.cuts = cuts; // audited with the other inline cuts of kept lines
  }
}

/** Removed lines as audit blocks; neighbouring lines removed by one rule make one block. */
function collectRemovedLines(raw: string, states: LineState[], removed: RemovedBlock[]): void {
  let open: { start: number; end: number; rule: string } | null = null;
  const close = () => {
    if (open) removed.push(block(raw, open.start, open.end, open.rule));
    open = null;
  };
  for (const s of states) {
    if (s.rule === null) {
      if (!s.view) continue; // blank lines neither break nor join a block
      close();
      continue;
    }
    if (open && open.rule === s.rule) open.end = s.line.end;
    else {
      close();
      open = { start: s.line.start, end: s.line.end, rule: s.rule };
    }
  }
  close();
}

function block(raw: string, start: number, end: number, rule: string): RemovedBlock {
  let text = raw.slice(start, end).trim();
  if (text.length > AUDIT_TEXT_MAX) {
    let cut = AUDIT_TEXT_MAX;
    // Do not split a surrogate pair.
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    text = text.slice(0, cut);
  }
  return { raw_start: start, raw_end: end, rule, text };
}

/**
 * Joins the kept lines. Lines adjacent in the raw text stay on adjacent lines;
 * anything between them (a blank or a removed line) becomes one blank line.
 * A separator maps to raw whitespace: the whole blank gap when nothing was
 * removed in it, else the end of the previous kept line (its trailing blanks
 * and line break), so no separator ever maps onto removed text.
 */
function assemble(raw: string, states: LineState[]): { text: string; map: number[] } {
  const b = new OffsetMapBuilder();
  const parts: string[] = [];
  let prev: LineState | null = null;
  let removedSince = false;
  let linesSince = 0;
  for (const s of states) {
    if (s.rule !== null) {
      removedSince = true;
      linesSince++;
      continue;
    }
    if (!s.view) {
      linesSince++;
      continue;
    }
    if (prev) {
      const sep = linesSince === 0 ? "\n" : "\n\n";
      let from = rawEndOfText(prev);
      let to = removedSince ? prev.line.next : rawStartOfText(s);
      if (!isBlankRaw(raw, from, to)) {
        // An inline cut at the edge of a line: map to the bare line break.
        from = prev.line.end;
        to = prev.line.next;
      }
      parts.push(sep);
      b.push(sep.length, from, to - from);
    }
    parts.push(s.norm.text);
    b.append(s.norm.segs);
    prev = s;
    removedSince = false;
    linesSince = 0;
  }
  return { text: parts.join(""), map: b.map };
}

function isBlankRaw(raw: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (!(isHSpace(c) || isInvisible(c) || c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029)) return false;
  }
  return true;
}

/** Raw offset just after the last raw char the line's text maps to. */
function rawEndOfText(s: LineState): number {
  const segs = s.norm.segs;
  const n = segs.length;
  return n ? segs[n - 3]! + segs[n - 1]! : s.line.end;
}

/** Raw offset of the first raw char the line's text maps to. */
function rawStartOfText(s: LineState): number {
  return s.norm.segs.length ? s.norm.segs[1]! : s.line.start;
}
