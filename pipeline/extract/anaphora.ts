// Troops referred to rather than named: a sentence may speak of the North Korean
// troops of the sentence before with a pronoun ("ils participent aux combats",
// "va les utiliser") or a casualty noun ("de premières pertes"), and may leave
// the place to the sentence before ("location may come from the sentence before
// when the reference is unambiguous", CODEBOOK.md).
import type { Measure } from "../generated/types.js";
import type { ClaimDraft } from "../types.js";
import type { Clause } from "./clauses.js";
import { findPersonnel, mentionsNorthKorea, type PersonnelMention } from "./measures.js";
import type { QuoteSpan, Sentence } from "./sentences.js";

export interface TroopContext {
  /** The sentence names North Korean personnel. */
  nkHere: boolean;
  /** The sentence may refer back to North Korean troops of the sentence before. */
  refOk: boolean;
  /** Its personnel nouns (findPersonnel), found once for the claims of the sentence too. */
  personnel: readonly PersonnelMention[];
}

const TROOP_PRONOUN_RE = /(?<![\p{L}])(?:ils|elles)(?![\p{L}])/iu;
const OPENS_WITH_PRONOUN_RE = /^[«"“\s]*(?:ils|elles)(?![\p{L}])/iu;

/**
 * Per sentence: whether it names North Korean personnel, and whether it can refer back to them:
 * the sentence before (in the same paragraph, or any paragraph when it opens with "Ils") names
 * them or refers to them in turn.
 */
export function troopContext(sentences: readonly Sentence[], _quotes: readonly QuoteSpan[]): TroopContext[] {
  const out: TroopContext[] = [];
  let prevTroops = false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const prev = sentences[i - 1];
    const personnel = findPersonnel(s.text);
    const nkHere = personnel.some((p) => p.nationality === "nk") || (personnel.length > 0 && mentionsNorthKorea(s.text));
    const linked = prev !== undefined && !prev.headline && !s.headline && (prev.para === s.para || OPENS_WITH_PRONOUN_RE.test(s.text));
    const refOk: boolean = linked && prevTroops;
    out.push({ nkHere, refOk, personnel });
    // The chain goes on through a pronoun or a personnel noun of no stated nationality ("d'autres renforts").
    prevTroops = nkHere || (refOk && (TROOP_PRONOUN_RE.test(s.text) || personnel.length > 0));
  }
  return out;
}

const CLITIC_BEFORE_RE = /(?:^|[\s'’])(?:les|en|leur)\s+$/iu;
// "ils", and a part of them: "la plupart d'entre eux", "les premiers d'entre eux".
const PRONOUN_G_RE = /(?<![\p{L}])(?:ils|elles|d['’]entre\s+(?:eux|elles))(?![\p{L}])/giu;
const CASUALTY_NOUN_RE = /^(?:pertes|victimes)$/iu;

/**
 * Where a clause with no personnel noun speaks of troops known from the context: a subject
 * pronoun, an object pronoun before a measure verb, or a casualty noun that is not anaphoric
 * ("ces pertes" takes them for granted).
 */
export function anaphoricPeople(
  s: string,
  c: Clause,
  triggers: readonly { start: number; end: number; measure: Measure | "planned-mod"; bare: boolean }[],
  /** Only an object pronoun before a measure verb: "« La Russie les envoie à l'assaut », a dénoncé ...". */
  cliticsOnly = false,
): { start: number }[] {
  const text = s.slice(c.start, c.end);
  PRONOUN_G_RE.lastIndex = 0;
  const p = cliticsOnly ? null : PRONOUN_G_RE.exec(text);
  if (p) return [{ start: c.start + p.index }];
  for (const t of triggers) {
    if (t.start < c.start || t.end > c.end || t.measure === "planned-mod") continue;
    if (CLITIC_BEFORE_RE.test(s.slice(Math.max(c.start, t.start - 8), t.start))) return [{ start: t.start }];
    if (!cliticsOnly && !t.bare && CASUALTY_NOUN_RE.test(s.slice(t.start, t.end))) return [{ start: t.start }];
  }
  return [];
}

const FIGURE_ANAPHOR_RE = /(?:^|[\s,])(?:ce|cet|cette)\s+(?:chiffre|nombre|bilan|estimation|total|décompte)(?![\p{L}])/iu;

/** "Ce chiffre est supérieur aux 3 000 hommes ...": the sentence compares a figure with the one just given. */
export function figureAnaphor(s: string): boolean {
  return FIGURE_ANAPHOR_RE.test(s);
}

/**
 * A claim that names no place takes the location of the claims of the sentence just before it
 * in the same paragraph, when they name places and agree on one location. `places` stays empty:
 * it lists only what the evidence sentence names. Denials and planned moves are left alone.
 */
export function carryLocations(sentences: readonly Sentence[], bySentence: readonly { draft: ClaimDraft }[][]): void {
  for (let i = 1; i < sentences.length; i++) {
    const here = bySentence[i]!;
    if (here.length === 0 || sentences[i - 1]!.para !== sentences[i]!.para || sentences[i - 1]!.headline) continue;
    const locs = new Set<string>();
    for (const c of bySentence[i - 1]!) if (c.draft.places.length > 0 && c.draft.location) locs.add(c.draft.location);
    if (locs.size !== 1) continue;
    const loc = [...locs][0]!;
    // A denial ("rejetaient l'intention d'une mission de combat") is about the reports, not a place.
    // Nor is a planned move: it goes somewhere else ("d'autres renforts devraient arriver").
    for (const c of here) {
      const d = c.draft;
      if (d.location === null && d.places.length === 0 && d.certainty !== "denied" && d.measure !== "planned") d.location = loc;
    }
  }
}
