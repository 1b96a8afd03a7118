// Restatements: one record per (claimant, measure, number, place) in a document.
// A headline, standfirst, quote or paraphrase repeating a claim merges into it;
// a restatement without a number merges into a record of the same claimant and
// measure whose places cover its own.
import type { ClaimDraft } from "../types.js";
import { ancestors, isGenericOrg } from "./reference.js";

export interface Candidate {
  draft: ClaimDraft;
  headline: boolean;
}

const PRECISION_RANK: Record<string, number> = { day: 3, month: 2, published: 1 };

function rank(d: ClaimDraft): number {
  return PRECISION_RANK[d.date_precision ?? ""] ?? 0;
}

function sameClaimant(a: ClaimDraft, b: ClaimDraft): boolean {
  if (a.claimant_org === b.claimant_org) return a.claimant === b.claimant || a.claimant === null || b.claimant === null;
  // "Les États-Unis ont confirmé ..." and "..., a déclaré le porte-parole du département d'État":
  // a country's catch-all organisation and one of its institutions.
  return a.claimant_country !== null && a.claimant_country === b.claimant_country && (isGenericOrg(a.claimant_org) || isGenericOrg(b.claimant_org));
}

function numberKey(d: ClaimDraft): string {
  return `${d.count_qualifier}|${d.count}|${d.count_low}|${d.count_high}`;
}

function covers(target: ClaimDraft, sub: ClaimDraft): boolean {
  return sub.places.every((p) => target.places.includes(p));
}

/**
 * Like covers, and a place that contains one of the target's is covered too: a lead saying "en Russie"
 * before the body gives "à Vladivostok".
 */
function coversWithin(target: ClaimDraft, sub: ClaimDraft): boolean {
  return sub.places.every((p) => target.places.includes(p) || target.places.some((t) => ancestors(t).includes(p)));
}

/** Fold `b` into `a`: `a` keeps its evidence; the more specific claimant and the more precise date win. */
function absorb(a: Candidate, b: Candidate): void {
  const x = a.draft;
  const y = b.draft;
  if (x.claimant === null && y.claimant !== null && (x.claimant_org === y.claimant_org || isGenericOrg(x.claimant_org))) {
    x.claimant = y.claimant;
    x.claimant_org = y.claimant_org;
    x.claimant_country = y.claimant_country;
  } else if (isGenericOrg(x.claimant_org) && !isGenericOrg(y.claimant_org) && x.claimant === null) {
    x.claimant_org = y.claimant_org;
    x.claimant_country = y.claimant_country;
    x.claimant = y.claimant;
  }
  if (rank(y) > rank(x)) {
    x.statement_date = y.statement_date;
    x.date_precision = y.date_precision;
  }
  if (x.location === null && y.location !== null) {
    x.location = y.location;
    x.places = [...y.places];
  }
  a.headline = a.headline && b.headline;
}

/** Which of two candidates keeps its evidence: the body over the headline, then the earlier. */
function keeper(a: Candidate, b: Candidate): [Candidate, Candidate] {
  if (a.headline !== b.headline) return a.headline ? [b, a] : [a, b];
  return a.draft.span_start <= b.draft.span_start ? [a, b] : [b, a];
}

/**
 * A lead sentence that gives the body's figure before the body does ("quelque 12 000 hommes pourraient
 * rejoindre la Russie" before "Pas loin de 12 000 militaires pourraient être dépêchés"): a restatement, when
 * it names no place the body contradicts.
 */
function leadRestates(lead: ClaimDraft, body: ClaimDraft): boolean {
  if (lead.span_start >= body.span_start || lead.count_qualifier === "range" || body.count_qualifier === "range") return false;
  return body.location === null || lead.location === null || lead.location === body.location || ancestors(body.location).includes(lead.location);
}

/** The same figure said for a place that contains the other's ("en Russie" and "dans la région de Koursk"). */
function widerPlace(wide: ClaimDraft, narrow: ClaimDraft): boolean {
  return wide.location !== null && narrow.location !== null && numberKey(wide) === numberKey(narrow) && ancestors(narrow.location).includes(wide.location);
}

export function mergeRestatements(cands: Candidate[]): ClaimDraft[] {
  // 1. Same claimant, measure, number and place.
  const byKey = new Map<string, number>();
  const list: Candidate[] = [];
  for (const c of cands) {
    const d = c.draft;
    const key = [d.measure, numberKey(d), d.claimant_org, d.claimant ?? "", d.location ?? "", d.certainty === "denied"].join("\u0000");
    const idx = byKey.get(key);
    if (idx === undefined) {
      byKey.set(key, list.length);
      list.push(c);
      continue;
    }
    const [keep, drop] = keeper(list[idx]!, c);
    list[idx] = keep; // the body sentence replaces the headline as evidence
    absorb(keep, drop);
  }
  const alive = new Set(list);
  // 1b. A headline, or a restatement that names no place, with the same measure and count as a
  // record of the same claimant: "10.000 soldats envoyés, selon le Pentagone" over "Environ 10.000
  // soldats ont été envoyés ..., a affirmé la porte-parole du Pentagone". An unattributed headline
  // is the outlet's summary of a body claim with that count.
  const byCount = new Map<string, Candidate[]>();
  for (const c of list) {
    const d = c.draft;
    if (d.count === null) continue;
    const k = `${d.measure}|${d.count}|${d.certainty === "denied"}`;
    const b = byCount.get(k) ?? [];
    b.push(c);
    byCount.set(k, b);
  }
  for (const group of byCount.values()) {
    if (group.length < 2 || group.length > 200) continue;
    for (const c of group) {
      if (!alive.has(c)) continue;
      // A body restatement merges when it names no place, or (a standfirst before the body) the same place as
      // its target, in the same mood: a hedged summary of an asserted figure with a place of its own is a record.
      const target = group.find(
        (t) =>
          t !== c &&
          alive.has(t) &&
          !t.headline &&
          (c.headline ||
            (c.draft.certainty === t.draft.certainty &&
              ((c.draft.location === null && t.draft.location !== null && numberKey(c.draft) === numberKey(t.draft)) ||
                (c.draft.location !== null && c.draft.location === t.draft.location && c.draft.span_start < t.draft.span_start) ||
                leadRestates(c.draft, t.draft) ||
                widerPlace(c.draft, t.draft)))) &&
          (sameClaimant(c.draft, t.draft) || (c.draft.claimant_org === "Unattributed" && (c.headline || c.draft.span_start < t.draft.span_start))),
      );
      if (!target) continue;
      absorb(target, c);
      alive.delete(c);
    }
  }
  // 2. Restatements without a number, looked for among records of the same measure and country.
  const buckets = new Map<string, Candidate[]>();
  const bucketOf = (d: ClaimDraft) => `${d.measure}|${d.claimant_country ?? d.claimant_org}|${d.certainty === "denied"}`;
  for (const c of list) {
    const k = bucketOf(c.draft);
    const b = buckets.get(k) ?? [];
    b.push(c);
    buckets.set(k, b);
  }
  const numberless = list.filter((c) => c.draft.count_qualifier === null).sort((a, b) => Number(a.headline) - Number(b.headline) || a.draft.span_start - b.draft.span_start);
  for (const c of numberless) {
    if (!alive.has(c)) continue;
    const d = c.draft;
    let target: Candidate | null = null;
    let looked = 0;
    for (const t of buckets.get(bucketOf(d)) ?? []) {
      if (++looked > 200) break; // bound the work on pathological documents
      if (t === c || !alive.has(t)) continue;
      const e = t.draft;
      if (!sameClaimant(d, e)) continue;
      const tNumbered = e.count_qualifier !== null;
      const placesFit = tNumbered
        ? covers(e, d) || (d.span_start < e.span_start && coversWithin(e, d))
        : d.places.length === 0 || e.places.length === 0 || (covers(e, d) && covers(d, e));
      if (!placesFit) continue;
      // Prefer a numbered record, then the earliest body sentence.
      if (!target || (tNumbered && target.draft.count_qualifier === null)) target = t;
      if (tNumbered) break;
    }
    if (!target) continue;
    if (target.draft.count_qualifier !== null) {
      absorb(target, c);
      alive.delete(c);
    } else {
      const [keep, drop] = keeper(target, c);
      absorb(keep, drop);
      alive.delete(drop);
    }
  }
  // 3. A headline with no number that the body does not state is a summary, not a claim.
  const out: ClaimDraft[] = [];
  for (const c of list) {
    if (!alive.has(c)) continue;
    if (c.headline && c.draft.count_qualifier === null) continue;
    out.push(c.draft);
  }
  return out.sort((a, b) => a.span_start - b.span_start || a.measure.localeCompare(b.measure));
}
