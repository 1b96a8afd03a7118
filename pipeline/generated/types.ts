// PLACEHOLDER written by hand until `npm run gen` generates this file from schema/*.json.
export type Measure = "deployed" | "planned" | "training" | "combat" | "killed" | "wounded" | "killed_or_wounded" | "captured";
export type CountQualifier = "exact" | "approx" | "at_least" | "up_to" | "range" | "vague";
export type DatePrecision = "day" | "month" | "published";
export type Certainty = "asserted" | "hedged" | "unconfirmed" | "denied";
export interface Claim {
  claim_id: string;
  doc_id: string;
  publisher: string;
  published_at: string;
  language: string;
  url: string | null;
  measure: Measure;
  count: number | null;
  count_low: number | null;
  count_high: number | null;
  count_qualifier: CountQualifier | null;
  count_text: string | null;
  claimant: string | null;
  claimant_org: string;
  claimant_country: string | null;
  location: string | null;
  places: string[];
  statement_date: string | null;
  date_precision: DatePrecision | null;
  certainty: Certainty;
  quote: string;
  span_start: number;
  span_end: number;
  raw_span_start: number;
  raw_span_end: number;
  extractor_version: string;
}
export interface DocumentRow {
  doc_id: string;
  file: string;
  publisher: string;
  url: string | null;
  published_at: string;
  language: string;
  encoding: string;
  raw_sha256: string;
  raw_bytes: number;
  cleaned_length: number;
  claims: number;
  removed_blocks: number;
}
