// A 53-bit digest of every row of a published release, by id, so that the next
// publish can tell unchanged rows from changed ones without reading the previous
// claims.arrow back. At 480k claims, reading that file into records and hashing them
// took ~30 s, and the new records' JSON ~20 s more, of a 140 s publish.
//
// The digests of a release are kept in the build cache (DATA/interim/cache/, not in
// dist/: they are not part of any release) and are used only for the release whose
// claims.arrow and documents.arrow have the SHA-256s they were written for (the
// previous release's SHA256SUMS says which). Any other case, publish reads the
// Arrow files as before. A digest only says "same"; a row whose digest differs is
// compared value by value against the previous release's Arrow file.
import { compareText } from "./order.js";

/**
 * 53-bit hash of a row's JSON text (cyrb53: two 32-bit multiply-xorshift lanes), in
 * plain JS: a native hash object per row (createHash) left ~1 GB of freed-but-kept
 * malloc memory after 500k rows. A changed row has a 2^-53 chance to look unchanged.
 */
export function rowHash(json: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** One table of a release: its Arrow schema's signature, and its rows' ids and digests in row order. */
export interface TableDigests {
  schema: string;
  ids: string[];
  hashes: number[];
}

export interface RowDigests {
  format: 1;
  /** SHA-256 of the release's claims.arrow and documents.arrow: which release these rows are. */
  claimsArrow: string;
  documentsArrow: string;
  claims: TableDigests;
  documents: TableDigests;
  /** The byte length of every line of the release's CSVs (csv-splice.ts), for the next publish to copy unchanged rows. */
  csv?: CsvLines;
}

export interface CsvLines {
  /** What made the CSVs (publish code and schemas): another key, and the lines are not used. */
  key: string;
  /** Line lengths of claims.csv and documents.csv, header first. */
  claims: number[];
  documents: number[];
}

export const ROW_DIGESTS = "release-rows.json";

/** The digests, when `text` holds them for exactly these two Arrow files; else null. */
export function parseRowDigests(text: string, claimsArrow: string | undefined, documentsArrow: string | undefined): RowDigests | null {
  let d: RowDigests;
  try {
    d = JSON.parse(text) as RowDigests;
  } catch {
    return null;
  }
  if (d?.format !== 1 || !claimsArrow || d.claimsArrow !== claimsArrow || d.documentsArrow !== documentsArrow) return null;
  // Rows of a published table are in strictly ascending key order (order.ts), and a digest is a 53-bit integer:
  // anything else is not what publish wrote, and a wrong id would make a wrong CHANGES.csv.
  const ok = (t: TableDigests | undefined) =>
    t !== undefined &&
    typeof t.schema === "string" &&
    Array.isArray(t.ids) &&
    Array.isArray(t.hashes) &&
    t.ids.length === t.hashes.length &&
    t.ids.every((id, i) => typeof id === "string" && (i === 0 || compareText(id, t.ids[i - 1]!) > 0)) &&
    t.hashes.every((h) => Number.isSafeInteger(h) && h >= 0);
  if (!ok(d.claims) || !ok(d.documents)) return null;
  // Line lengths that do not fit the rows are dropped: the CSVs are then rendered in full.
  const lines = (l: unknown, rows: number) => Array.isArray(l) && l.length === rows + 1 && l.every((n) => Number.isSafeInteger(n) && n > 0);
  const csv = d.csv;
  if (csv !== undefined && !(typeof csv?.key === "string" && lines(csv.claims, d.claims.ids.length) && lines(csv.documents, d.documents.ids.length))) delete d.csv;
  return d;
}

/** The SHA-256 a SHA256SUMS file gives for `name`, if any. */
export function listedSha256(sums: string, name: string): string | undefined {
  for (const line of sums.split("\n")) {
    const m = /^([0-9a-f]{64})  (.+)$/.exec(line);
    if (m && m[2] === name) return m[1];
  }
  return undefined;
}
