// Rows of the documents table, from the cleaned documents and the published claims.
import type { Claim, DocumentRow } from "../generated/types.js";
import type { DocSummary } from "./inputs.js";
import { byKey } from "./order.js";

export function documentRows(docs: readonly DocSummary[], claims: readonly Claim[]): DocumentRow[] {
  const claimsPerDoc = new Map<string, number>();
  for (const c of claims) claimsPerDoc.set(c.doc_id, (claimsPerDoc.get(c.doc_id) ?? 0) + 1);
  const rows = docs.map((d) => ({
    doc_id: d.doc_id,
    file: d.file,
    publisher: d.publisher,
    url: d.url,
    published_at: d.published_at,
    language: d.language,
    encoding: d.encoding,
    raw_sha256: d.raw_sha256,
    raw_bytes: d.raw_bytes,
    cleaned_length: d.cleaned_length,
    claims: claimsPerDoc.get(d.doc_id) ?? 0,
    removed_blocks: d.removed_blocks,
  }));
  return byKey(rows, (r) => r.doc_id);
}
