// Light helpers of the per-document work (no stage module loaded): what the
// main thread of the parallel build needs to write interim lines.
import { createHash } from "node:crypto";
import type { CleanedDoc, OffsetMap, RemovedBlock, Source } from "../types.js";
import { withFields } from "../objects.js";

/** Languages the extractor reads; other documents are kept, with zero claims and a note. */
export const SUPPORTED_LANGUAGES = new Set(["fr"]);

/** A document's metadata as clean.jsonl writes it: the manifest row without its line. */
export type DocMeta = Omit<Source, "line">;

export function docMeta(source: Source): DocMeta {
  const { line: _line, ...meta } = source;
  return meta;
}

export interface CleanedBody {
  encoding: string;
  text: string;
  map: OffsetMap;
  removed: RemovedBlock[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The CleanedDoc of clean.jsonl, keys in the stage's order. */
export function cleanedDoc(meta: DocMeta, body: CleanedBody, rawSha256: string, rawBytes: number): CleanedDoc {
  return withFields(meta, { encoding: body.encoding, raw_sha256: rawSha256, raw_bytes: rawBytes, text: body.text, map: body.map, removed: body.removed });
}

/**
 * The clean.jsonl line of a document, from its head (metadata, encoding, hash,
 * size) and the cached JSON of its body (`"text":...,"map":...,"removed":...}`):
 * the same bytes as JSON.stringify(cleanedDoc(...)).
 */
export function cleanLine(meta: DocMeta, encoding: string, rawSha256: string, rawBytes: number, bodyTail: string): string {
  const head = JSON.stringify(withFields(meta, { encoding, raw_sha256: rawSha256, raw_bytes: rawBytes }));
  return `${head.slice(0, -1)},${bodyTail}`;
}

/** `"text":...,"map":...,"removed":...}`: the end of a clean.jsonl line. */
export function bodyTail(body: CleanedBody): string {
  return JSON.stringify({ text: body.text, map: body.map, removed: body.removed }).slice(1);
}

