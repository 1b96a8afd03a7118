// Size limits of the inputs, and their messages. Kept apart from decode.ts so
// that reading files does not load the encoding detectors.

/**
 * Largest file we decode. A long news article is well under 200 KB; 10 MB leaves
 * fifty-fold headroom while keeping one document's bytes, text, offset map and
 * JSON line comfortably in memory. Anything bigger is a dump or a mistake.
 */
export const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Largest manifest (sources.csv) we read: a row is about 160 bytes, so 256 MB is
 * over a million documents. The article limit above would stop at ~65,000 rows.
 */
export const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

export function tooLarge(size: number, limit = MAX_BYTES): string {
  return `file too large: ${formatBytes(size)} (${size} bytes), the limit is ${formatBytes(limit)}`;
}
