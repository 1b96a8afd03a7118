// Turns the extractor's sentence-level drafts into complete claim records:
// document identity, a content-derived claim_id and spans in the raw text.
import { createHash } from "node:crypto";
import type { Claim } from "./generated/types.js";
import type { ClaimDraft, CleanedDoc } from "./types.js";
import { toRaw } from "./offsets.js";

/**
 * The id hashes what makes a claim this claim in the codebook — document,
 * claimant, measure, number, place — and not the fields a correction may
 * change (certainty, date, quote wording), so a corrected record keeps its id
 * and shows up in CHANGES.csv as "changed" rather than removed + added.
 */
export function claimKey(doc_id: string, d: ClaimDraft): string {
  return JSON.stringify([
    doc_id,
    d.measure,
    d.claimant_org,
    d.claimant,
    d.count,
    d.count_low,
    d.count_high,
    d.count_qualifier,
    d.location,
  ]);
}

function hash16(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex").slice(0, 16);
}

/** Completes one document's drafts, in text order; duplicate keys get an ordinal so ids stay unique. */
export function finishClaims(doc: CleanedDoc, drafts: readonly ClaimDraft[], extractorVersion: string): Claim[] {
  const ordered = [...drafts].sort((a, b) => a.span_start - b.span_start || a.span_end - b.span_end);
  const seen = new Map<string, number>();
  return ordered.map((d) => {
    const key = claimKey(doc.doc_id, d);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const [raw_span_start, raw_span_end] = toRaw(doc.map, d.span_start, d.span_end);
    return {
      claim_id: hash16(n === 1 ? key : `${key}#${n}`),
      doc_id: doc.doc_id,
      publisher: doc.publisher,
      published_at: doc.published_at,
      language: doc.language,
      url: doc.url,
      measure: d.measure,
      count: d.count,
      count_low: d.count_low,
      count_high: d.count_high,
      count_qualifier: d.count_qualifier,
      count_text: d.count_text,
      claimant: d.claimant,
      claimant_org: d.claimant_org,
      claimant_country: d.claimant_country,
      location: d.location,
      places: d.places,
      statement_date: d.statement_date,
      date_precision: d.date_precision,
      certainty: d.certainty,
      quote: d.quote,
      span_start: d.span_start,
      span_end: d.span_end,
      raw_span_start,
      raw_span_end,
      extractor_version: extractorVersion,
    };
  });
}
