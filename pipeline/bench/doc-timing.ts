// The worker threads' per-document work (decode + clean, then extract + validate),
// timed in this thread: `npm run bench-docs` over a corpus folder, and the speed
// probe `npm run bench` runs before each build (this machine's speed drifts from
// hour to hour; the probe says how fast it was when the figures were taken).
import { createHash } from "node:crypto";
import { bodyTail, cleanBytes, cleanedDoc, extractDoc, type DocMeta } from "../parallel/doc-work.js";

export interface TimedDoc {
  meta: DocMeta;
  bytes: Uint8Array;
}

export interface DocTiming {
  /** Documents timed (after the warm-up ones). */
  docs: number;
  /** Microseconds per timed document. */
  clean_us: number;
  extract_us: number;
  claims: number;
  /** SHA-256 of the timed documents' clean tails and claims.jsonl/valid.jsonl lines, in order. */
  output_sha256: string;
}

/** Runs every document; times those from index `warm` on (the first ones warm V8 up). */
export function timeDocWork(items: readonly TimedDoc[], warm: number): DocTiming {
  const hash = createHash("sha256");
  let clean = 0;
  let extract = 0;
  let claims = 0;
  items.forEach(({ meta, bytes }, i) => {
    const t0 = performance.now();
    const outcome = cleanBytes(bytes);
    const t1 = performance.now();
    const body = outcome.body;
    const result = body ? extractDoc(cleanedDoc(meta, body, "0".repeat(64), bytes.length)) : null;
    const t2 = performance.now();
    if (i < warm) return;
    clean += t1 - t0;
    extract += t2 - t1;
    claims += result?.claims.length ?? 0;
    hash.update(`${meta.doc_id}\n${body ? bodyTail(body) : "null"}\n${result?.claims.join("\n") ?? ""}\n${result?.valid.join("\n") ?? ""}\n`);
  });
  const n = Math.max(0, items.length - warm);
  const us = (ms: number) => (n === 0 ? 0 : Math.round((ms / n) * 1000));
  return { docs: n, clean_us: us(clean), extract_us: us(extract), claims, output_sha256: hash.digest("hex") };
}
