// Rules that need a line's neighbours: a "related" heading and the teaser
// titles under it, a caption repeated with its credit glued on, a repeated
// headline, a site name above the headline, fragments after the last paragraph.

import { isBodyLike, isTeaserLike, viewOf, type LineView } from "./lines.js";
import { isImageCredit, isRelatedHeading, isRelatedInline } from "./rules.js";

/** A line being classified: its view (null when blank) and the rule removing it. */
export interface Slot {
  view: LineView | null;
  rule: string | null;
}

/** Teasers after one heading; more than this is a list of something else. */
const MAX_TEASERS = 12;

const isLive = (s: Slot): s is Slot & { view: LineView } => s.view !== null && s.rule === null;

/** Index of the next kept non-blank line after i, or -1. */
function nextLive(slots: Slot[], i: number): number {
  for (let j = i + 1; j < slots.length; j++) if (isLive(slots[j]!)) return j;
  return -1;
}

export function markRelatedLinks(slots: Slot[]): void {
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (!isLive(s)) continue;
    if (isRelatedInline(s.view)) {
      s.rule = "related-links";
      continue;
    }
    if (!isRelatedHeading(s.view)) continue;
    s.rule = "related-links";
    let taken = 0;
    let j = i + 1;
    for (; j < slots.length && taken < MAX_TEASERS; j++) {
      const t = slots[j]!;
      if (!isLive(t)) continue; // blank, or already removed by another rule
      if (isRelatedHeading(t.view) || isTeaserLike(t.view)) {
        t.rule = "related-links";
        taken++;
      } else break;
    }
    i = j - 1;
  }
}

/** Caption then the same caption with a credit glued on: both go, they are not the article. */
export function markDuplicatedCaptions(slots: Slot[]): void {
  for (let i = 0; i < slots.length; i++) {
    const a = slots[i]!;
    if (!isLive(a)) continue;
    const j = nextLive(slots, i);
    if (j < 0) return;
    const b = slots[j]!.view!;
    const head = a.view.text;
    if (b.text.length > head.length + 1 && b.text.startsWith(head) && b.text.charCodeAt(head.length) === 0x20) {
      const rest = viewOf(b.text.slice(head.length + 1));
      if (isImageCredit(rest)) {
        a.rule = "image-caption";
        slots[j]!.rule = "duplicate-caption";
        i = j;
      }
    }
  }
}

/** The same line again right after itself (a headline printed twice or thrice). */
export function markRepeatedLines(slots: Slot[]): void {
  let prev: string | null = null;
  for (const s of slots) {
    if (!isLive(s)) continue;
    if (s.view.text === prev) s.rule = "duplicate-line";
    else prev = s.view.text;
  }
}

const DIGIT_OR_QUESTION = /[\d?!:]/u;

/** A site or section name alone above the headline ("News Day FR"). */
export function markMasthead(slots: Slot[]): void {
  const i = nextLive(slots, -1);
  if (i < 0) return;
  const v = slots[i]!.view!;
  if (v.words > 3 || v.endsWithStop || DIGIT_OR_QUESTION.test(v.text)) return;
  const j = nextLive(slots, i);
  if (j < 0) return;
  const next = slots[j]!.view!;
  if (next.words >= 5 && isTeaserLike(next)) slots[i]!.rule = "masthead";
}

const BULLET = /^[-–•*·▪] /u;
const QUOTE_END = /[»”"]$/u;
/** Longest line taken for a signature or label. */
const FRAGMENT_MAX_WORDS = 8;

/**
 * After the last paragraph, short lines are page furniture: signatures,
 * orphan headings of link lists, labels. Bullet items and quotations are
 * spared, since an article may end on a list or on a quote with no full stop.
 */
export function markTrailingFragments(slots: Slot[]): void {
  let last = -1;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (isLive(s) && isBodyLike(s.view)) last = i;
  }
  if (last < 0) return;
  for (let i = last + 1; i < slots.length; i++) {
    const s = slots[i]!;
    if (!isLive(s) || s.view.words > FRAGMENT_MAX_WORDS) continue;
    if (!BULLET.test(s.view.text) && !QUOTE_END.test(s.view.text)) s.rule = "trailing-fragment";
  }
}
