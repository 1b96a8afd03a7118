// Places a claim names (canonical English names from data/reference/places.csv)
// and the most specific single place covering them.
import { PLACE_TRIE, commonPlace, ancestors, type Place } from "./reference.js";
import type { Token } from "./tokens.js";

export interface PlaceMention {
  /** Document offsets. */
  start: number;
  end: number;
  place: Place;
}

export function findPlaceMentions(text: string, tokens: Token[]): PlaceMention[] {
  return PLACE_TRIE.findAll(text, tokens).map((m) => ({ start: m.start, end: m.end, place: m.value }));
}

// A place that is an opponent, an ally or a war, not where the troops are.
const NOT_LOCATION_BEFORE_RE = new RegExp(
  "(?:contre|aux\\s+côtés\\s+d['’e]|guerre\\s+(?:en|de|d['’]|contre)|soutenir|soutien\\s+(?:à|de)|alliance\\s+avec|allié(?:e|s)?\\s+d['’e]|de\\s+la\\s+part\\s+d['’e]|entre|avec|envahi\\w*|attaqu\\w*|campagne\\s+(?:militaire\\s+)?contre|depuis" +
    // a beneficiary: "tués en combattant pour la Russie" (not "partir pour la Russie")
    "|(?<!part\\p{L}*\\s)pour" +
    // a neighbour, a border or a distance: "voisine de l'Ukraine", "frontalière de l'Ukraine", "rapprochée de l'Ukraine"
    "|voisine?s?\\s+d['’e]|frontali[eè]re?s?\\s+d['’e]|proches?\\s+d['’e]|rapproch\\w*\\s+d['’e]|à\\s+la\\s+frontière\\s+(?:avec|d['’e])|loin\\s+d['’e])\\s*(?:l['’]|la\\s+|le\\s+)?$",
  "iu",
);
// A country as the subject of a verb is an actor, not a place: "la Russie pourrait envoyer", "que la Russie utilise".
const SUBJECT_BEFORE_RE = /(?:^|[«"“,;:]|(?:^|\s)(?:que|qu['’]|et|mais|car))\s*(?:la|le|l['’])?\s*$/iu;
const VERB_AFTER_RE = /^\s+(?:ne\s+|n['’]\s*)?(?:a|ont|est|sont|va|vont|ait|aient|peut|pourrait|devrait|doit|\p{Ll}+(?:e|ent|ait|aient|era|erait))(?![\p{L}])/u;
const LOCATIVE_BEFORE_RE = /(?:à|vers|près\s+de|autour\s+de|en\s+direction\s+de|aux\s+abords\s+de)\s*$/iu;
const CONTAINER_GAP_RE = /^\s*(?:,\s*)?(?:en|au|dans\s+la|dans\s+le|dans\s+l['’])?\s*$/iu;

/**
 * Canonical places among the mentions in [from, to) of the document, in text
 * order, leaving out spans that name a claimant and places that are only an
 * origin (Pyongyang), an opponent ("contre l'Ukraine") or a seat of government
 * used for its government ("Moscou a entraîné").
 */
export function placesIn(
  text: string,
  mentions: readonly PlaceMention[],
  from: number,
  to: number,
  exclude: readonly { start: number; end: number }[],
): string[] {
  const kept: PlaceMention[] = [];
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue;
    if (m.place.kind === "origin") continue;
    if (exclude.some((x) => x.start < m.end && m.start < x.end)) continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (NOT_LOCATION_BEFORE_RE.test(before)) continue;
    if (m.place.kind === "capital" && !LOCATIVE_BEFORE_RE.test(before)) continue;
    if (m.place.kind === "country" && SUBJECT_BEFORE_RE.test(before) && VERB_AFTER_RE.test(text.slice(m.end, m.end + 30))) continue;
    // "dans la région de Koursk en Russie": Russia only qualifies Kursk.
    const prev = kept[kept.length - 1];
    if (prev && CONTAINER_GAP_RE.test(text.slice(prev.end, m.start)) && ancestors(prev.place.name).includes(m.place.name)) continue;
    kept.push(m);
  }
  const names: string[] = [];
  for (const k of kept) if (!names.includes(k.place.name)) names.push(k.place.name);
  return names;
}

export function locationOf(places: readonly string[]): string | null {
  return commonPlace(places);
}
