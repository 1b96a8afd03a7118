// Contracts between stages that are not part of the published schema.
// Published record types (Claim, DocumentRow) are generated from schema/*.json
// into pipeline/generated/; everything here is interim, inside one build.
import type { Claim, DocumentRow } from "./generated/types.js";

/** One row of the corpus manifest `sources.csv`, after checking: the documents table's identity columns. */
export interface Source extends Pick<DocumentRow, "doc_id" | "file" | "publisher" | "url" | "published_at" | "language"> {
  /** 1-based line of the manifest the row came from (for messages). */
  line: number;
}

/**
 * Monotone map from cleaned-text offsets to raw-text offsets (UTF-16 code
 * units of the decoded raw file, BOM removed), as a flat list of segments
 * [cleanStart, rawStart, cleanLen, rawLen, ...] in cleaned-text order.
 * When cleanLen === rawLen the segment maps one to one; otherwise the whole
 * cleaned segment comes from the whole raw segment (NFC composition, an
 * inserted space has rawLen 0, a collapsed run of blanks has cleanLen 1).
 */
export type OffsetMap = number[];

/** A stretch of raw text the clean stage removed, and why. */
export interface RemovedBlock {
  /** Offsets in the raw text (UTF-16 code units, end exclusive). */
  raw_start: number;
  raw_end: number;
  /** Name of the rule that removed it, e.g. "share-widget". */
  rule: string;
  /** The removed text, trimmed, at most 200 characters. */
  text: string;
}

/** Output of the pure clean function. */
export interface CleanResult {
  text: string;
  map: OffsetMap;
  removed: RemovedBlock[];
}

/** One line of interim/clean.jsonl: a decoded, cleaned document. */
export interface CleanedDoc extends Omit<Source, "line"> {
  encoding: string;
  raw_sha256: string;
  raw_bytes: number;
  text: string;
  map: OffsetMap;
  removed: RemovedBlock[];
}

/** A problem found while building: never silently dropped. */
export interface Problem {
  stage: "manifest" | "read" | "clean" | "extract" | "validate" | "publish";
  doc_id: string | null;
  file: string | null;
  /** 1-based manifest line, when the problem is about a manifest row. */
  line: number | null;
  /** One line, for humans: what is wrong and what was done about it. */
  reason: string;
}


/** Fields a claim record takes from its document, added by the extract stage. */
export type DocumentFields = "doc_id" | "publisher" | "published_at" | "language" | "url";

/** What the French extractor returns for one sentence-level claim. */
export type ClaimDraft = Omit<Claim, DocumentFields | "claim_id" | "raw_span_start" | "raw_span_end" | "extractor_version">;

/** Document metadata the extractor may use (dates resolve against published_at). */
export interface ExtractInput {
  text: string;
  doc_id: string;
  published_at: string;
  language: string;
}
