// Checks a CleanResult against its raw text: the contract the later stages
// rely on. Used by the tests, and cheap enough for the clean script to run on
// every document and report a Problem instead of publishing a wrong span.

import { checkMap } from "../offsets.js";
import type { CleanResult } from "../types.js";
import { isHSpace, isInvisible } from "./normalise.js";

const STRIDE = 4;

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isBlankish(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isHSpace(c) || isInvisible(c) || isBreak(c))) return false;
  }
  return true;
}

/** NFC, invisible characters dropped, blank runs as one space, trimmed. */
export function normaliseForCompare(s: string): string {
  let out = "";
  let blank = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isHSpace(c) || isBreak(c)) {
      blank = true;
      continue;
    }
    if (blank && out) out += " ";
    blank = false;
    out += s[i];
  }
  return out.normalize("NFC");
}

/**
 * Every way a CleanResult can break its contract, as messages (empty when it
 * holds): map structure, each segment's text equal to its raw text modulo the
 * normalisations, text layout, and removed blocks that stay clear of kept text.
 */
export function verifyClean(raw: string, r: CleanResult): string[] {
  const problems: string[] = [];
  const { text, map, removed } = r;
  const structural = checkMap(map, text.length, raw.length);
  if (structural) return [`map: ${structural}`];

  for (let k = 0; k < map.length; k += STRIDE) {
    const [cs, rs, cl, rl] = [map[k]!, map[k + 1]!, map[k + 2]!, map[k + 3]!];
    const c = text.slice(cs, cs + cl);
    const w = raw.slice(rs, rs + rl);
    if (cl === rl) {
      for (let i = 0; i < cl; i++) {
        const a = c.charCodeAt(i);
        const b = w.charCodeAt(i);
        const same = a === b || (a === 0x20 && isHSpace(b)) || (a === 0x0a && isBreak(b));
        // NFC singletons keep the length but change the char (U+F900 -> U+8C48).
        if (!same && normaliseForCompare(w) !== normaliseForCompare(c)) {
          problems.push(`segment at clean ${cs}: ${JSON.stringify(c[i])} maps to ${JSON.stringify(w[i])}`);
          break;
        }
      }
    } else if (isBlankish(c)) {
      if (!isBlankish(w)) problems.push(`blank at clean ${cs} maps to text ${JSON.stringify(w.slice(0, 40))}`);
    } else if (normaliseForCompare(w) !== c) {
      problems.push(`segment at clean ${cs}: ${JSON.stringify(c)} is not the normal form of ${JSON.stringify(w)}`);
    }
  }

  if (text !== text.normalize("NFC")) problems.push("text is not NFC");
  if (/[\u00a0\u202f]/u.test(text)) problems.push("text holds a no-break space");
  if (text.includes("\n\n\n")) problems.push("text holds more than one blank line in a row");
  if (/[ \t]\n|\n[ \t]|^\s|\s$/u.test(text)) problems.push("text has blanks at a line's edge");

  let last = -1;
  for (const b of removed) {
    if (b.raw_start < last) problems.push(`removed blocks out of order at ${b.raw_start}`);
    if (b.raw_start < 0 || b.raw_end > raw.length || b.raw_end <= b.raw_start)
      problems.push(`removed block [${b.raw_start}, ${b.raw_end}) out of bounds`);
    if (!b.rule) problems.push(`removed block at ${b.raw_start} has no rule`);
    if (b.text.length > 200) problems.push(`removed block at ${b.raw_start} text longer than 200`);
    last = b.raw_end;
  }
  // No kept character may come from inside a removed block.
  let bi = 0;
  for (let k = 0; k < map.length; k += STRIDE) {
    const rs = map[k + 1]!;
    const re = rs + map[k + 3]!;
    while (bi < removed.length && removed[bi]!.raw_end <= rs) bi++;
    for (let j = bi; j < removed.length && removed[j]!.raw_start < re; j++) {
      if (re > rs) problems.push(`clean ${map[k]} maps into removed block [${removed[j]!.raw_start}, ${removed[j]!.raw_end})`);
    }
  }
  return problems;
}
