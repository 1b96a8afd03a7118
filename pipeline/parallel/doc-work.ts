// The per-document work of the clean, extract and validate stages, as pure
// functions of one document: the stage scripts (bin/clean.ts) and the parallel
// build (parallel/docs.ts, in worker threads or in-process) both call these, so
// a document gives the same bytes whichever path built it.
import type { CleanResult, Problem } from "../types.js";
import { clean } from "../clean/index.js";
import { decode } from "../decode.js";
import { htmlToText, looksLikeHtml } from "../html.js";
import { extractClaims, EXTRACTOR_VERSION } from "../extract/index.js";
import { finishClaims } from "../records.js";
import type { CleanedDoc } from "../types.js";
import { claimChecker } from "../validate/index.js";
import { SUPPORTED_LANGUAGES, cleanedDoc, type CleanedBody } from "./doc-lines.js";
export * from "./doc-lines.js";

/** What cleaning one file's bytes gave: the document (or null: not built) and its problems. */
export interface CleanOutcome {
  problems: [Problem["stage"], string][];
  body: CleanedBody | null;
  /** A crash (a bug) happened: printed with its stack, and never cached. */
  crash: string | null;
}

/** decode -> HTML to text -> clean, with the problems bin/clean.ts reports. */
export function cleanBytes(bytes: Uint8Array): CleanOutcome {
  const problems: CleanOutcome["problems"] = [];
  const decoded = decode(bytes);
  if ("error" in decoded) return { problems: [["read", `${decoded.error}; document not built`]], body: null, crash: null };
  let { text, encoding } = decoded;
  let result: CleanResult;
  let html = false;
  try {
    html = looksLikeHtml(text);
    if (html) {
      text = htmlToText(text).text;
      encoding += "+html";
      if (text.trim() === "") return { problems: [["read", "HTML page with no article text; document not built"]], body: null, crash: null };
    }
    result = clean(text);
  } catch (e) {
    const err = e as Error;
    return {
      problems: [["clean", `${html ? "HTML extraction or cleaning" : "cleaning"} failed: ${err.message}; document not built`]],
      body: null,
      crash: err.stack ?? err.message,
    };
  }
  if (result.text.trim() === "") problems.push(["clean", "cleaning removed all text; document kept with empty text"]);
  return { problems, body: { encoding, text: result.text, map: result.map, removed: result.removed }, crash: null };
}

/** What the extract and validate stages make of one cleaned document. */
export interface ExtractOutcome {
  /** Language code when the extractor does not read it (0 claims), else null. */
  unsupported: string | null;
  /** claims.jsonl lines (without "\n"). */
  claims: string[];
  /**
   * valid.jsonl lines, as the validate stage writes them for these claims; a number n
   * stands for claims[n] (a record that passed as it was is its own line), so the line
   * crosses from the worker and goes into the cache once, not twice.
   */
  valid: (string | number)[];
  /** rejected.jsonl lines. */
  rejected: string[];
  /** An extractor crash (a bug): the reason for problems.extract.jsonl and the stack. */
  crash: { reason: string; stack: string } | null;
}

/** Milliseconds a thread spent on one document: decoding and cleaning, extracting, validating. */
export type StageMs = [clean: number, extract: number, validate: number];

/**
 * extract (bin/extract.ts) then validate (bin/validate.ts) for one document. The document's
 * claims are checked by a checker of their own: what a document gives (and the cache keeps)
 * depends on that document alone, not on which documents the same thread checked before, and
 * a worker does not keep every claim id it has seen (240,000 per worker at 100,000 articles).
 * Duplicate ids across documents, which only a 64-bit hash collision can make, are refused by
 * publish (publish/order.ts).
 */
export function extractDoc(doc: CleanedDoc, ms?: StageMs): ExtractOutcome {
  let t = performance.now();
  const checker = claimChecker();
  const out: ExtractOutcome = { unsupported: null, claims: [], valid: [], rejected: [], crash: null };
  if (!SUPPORTED_LANGUAGES.has(doc.language)) {
    out.unsupported = doc.language;
    return out;
  }
  try {
    const drafts = extractClaims({ text: doc.text, doc_id: doc.doc_id, published_at: doc.published_at, language: doc.language });
    for (const claim of finishClaims(doc, drafts, EXTRACTOR_VERSION)) out.claims.push(JSON.stringify(claim));
  } catch (e) {
    const err = e as Error;
    if (ms) ms[1] += performance.now() - t;
    return { ...out, claims: [], crash: { reason: `extractor failed: ${err.message}`, stack: err.stack ?? err.message } };
  }
  if (ms) {
    const now = performance.now();
    ms[1] += now - t;
    t = now;
  }
  out.claims.forEach((line, i) => {
    // What the validate stage does with each line of claims.jsonl.
    const parsed: unknown = JSON.parse(line);
    const r = checker.check(parsed);
    if (r.rejected) out.rejected.push(JSON.stringify(r.rejected));
    // The record itself, already in column order, is the line it was parsed from.
    else out.valid.push(r.valid === parsed ? i : JSON.stringify(r.valid));
  });
  if (ms) ms[2] += performance.now() - t;
  return out;
}
