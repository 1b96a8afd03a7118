// DATA/interim/cache/ledger.json: what each document contributed to the interim
// files of the last docs pass, byte for byte. A rebuild after adding or editing a
// few documents copies every other document's bytes from the previous interim files
// (in runs, as big reads) instead of reading its cached results from the packs,
// decoding them and writing them out again line by line: at 100k documents that
// was most of the docs pass (pipeline/parallel/docs.ts).
//
// Trusted only while every file it describes has the stamp it recorded and the size
// its entries add up to; a document's bytes are reused only under the same
// document key (cache/keys.ts: extract code, clean code, raw bytes, metadata), which
// fixes every byte the pass writes for it.
import fs from "node:fs";
import path from "node:path";
import { sameStamp, stampOfPath, type FileStamp } from "../corpus-files.js";

export const LEDGER = "ledger.json";

/** The files a document writes to, in the order of LedgerEntry.bytes (paths relative to DATA/interim/). */
export const LEDGER_FILES = ["clean.jsonl", "cache/documents.jsonl", "claims.jsonl", "valid.jsonl", "rejected.jsonl"] as const;

export interface LedgerEntry {
  doc_id: string;
  docKey: string;
  /** The clean stage's problems for the document: [stage, reason]. */
  problems: [string, string][];
  /** The language it was not extracted in, or null. */
  unsupported: string | null;
  /** Lines in claims.jsonl, valid.jsonl, rejected.jsonl. */
  claims: number;
  valid: number;
  rejected: number;
  /** Bytes written to each of LEDGER_FILES. */
  bytes: number[];
}

/** A ledger entry located in the previous files: where its bytes start in each. */
export interface PlacedEntry extends LedgerEntry {
  offsets: number[];
}

interface LedgerFile {
  format: 1;
  stamps: (FileStamp | null)[];
  docs: [string, string, [string, string][], string | null, number, number, number, number[]][];
}

/** Written after the files it describes are in place (their stamps are taken then). */
export function writeLedger(interim: string, entries: readonly LedgerEntry[], write: (file: string, value: unknown) => void): void {
  const value: LedgerFile = {
    format: 1,
    stamps: LEDGER_FILES.map((f) => stampOfPath(path.join(interim, f))),
    docs: entries.map((e) => [e.doc_id, e.docKey, e.problems, e.unsupported, e.claims, e.valid, e.rejected, e.bytes]),
  };
  write(path.join(interim, "cache", LEDGER), value);
}

/** The previous pass's entries by doc_id, or null when the ledger is missing, malformed or not about the files there now. */
export function readLedger(interim: string): Map<string, PlacedEntry> | null {
  let raw: LedgerFile;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(interim, "cache", LEDGER), "utf8")) as LedgerFile;
  } catch {
    return null;
  }
  if (raw?.format !== 1 || !Array.isArray(raw.stamps) || !Array.isArray(raw.docs) || raw.stamps.length !== LEDGER_FILES.length) return null;
  const stamps = LEDGER_FILES.map((f) => stampOfPath(path.join(interim, f)));
  if (!stamps.every((s, i) => s && sameStamp(raw.stamps[i] ?? undefined, s))) return null;
  const offsets = LEDGER_FILES.map(() => 0);
  const placed = new Map<string, PlacedEntry>();
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  for (const d of raw.docs) {
    // Any entry of the wrong shape means a ledger this code did not write: none of it is used.
    if (!Array.isArray(d) || d.length !== 8) return null;
    const [doc_id, docKey, problems, unsupported, claims, valid, rejected, bytes] = d;
    if (typeof doc_id !== "string" || typeof docKey !== "string" || placed.has(doc_id)) return null;
    if (!Array.isArray(problems) || !problems.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === "string"))) return null;
    if (unsupported !== null && typeof unsupported !== "string") return null;
    if (![claims, valid, rejected].every(count) || !Array.isArray(bytes) || bytes.length !== LEDGER_FILES.length || !bytes.every(count)) return null;
    placed.set(doc_id, { doc_id, docKey, problems, unsupported, claims, valid, rejected, bytes, offsets: [...offsets] });
    bytes.forEach((b, i) => (offsets[i]! += b));
  }
  // The entries must tile each file exactly, or they are not this pass's.
  if (!offsets.every((o, i) => o === stamps[i]!.size)) return null;
  return placed;
}
