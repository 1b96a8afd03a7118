// Reads the interim files the publish stage works from (file I/O: used by the
// publish script, not by the pure modules).
//
// Streaming: files are read line by line in chunks, never as one string, and the
// documents table needs only each document's metadata and two lengths, so the
// cleaned texts and offset maps of clean.jsonl are not kept. When the parallel build
// (pipeline/parallel/docs.ts) wrote the interim files, its DATA/interim/cache/outputs.json
// gives each file's sha256 and a metadata-only documents.jsonl; they are used only
// while the files' stamps (inode, size, mtime, ctime) are the ones it recorded.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Claim } from "../generated/types.js";
import type { CleanedDoc, Problem } from "../types.js";
import { UserError } from "../bin/cli.js";
import { sha256Hex } from "./checksums.js";
import type { DocSummary, PublishInput, RejectedRecord } from "./inputs.js";
import { compareText } from "./order.js";
import { rowHash } from "./row-digests.js";
import { collectGarbageIfGrown } from "../gc.js";
import { sameStamp, stampOfPath, type FileStamp } from "../corpus-files.js";

/** Calls `each` with every line of `file` (1-based numbers), reading `blockSize` bytes (4 MB) at a time. */
export function forEachLine(file: string, each: (line: string, n: number) => void, hash?: ReturnType<typeof createHash>, blockSize = 4 << 20): void {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(blockSize);
    // The start of a line that the block before ended in (copied: `buf` is reused).
    let rest: Buffer = Buffer.alloc(0);
    let n = 0;
    for (;;) {
      const r = fs.readSync(fd, buf, 0, buf.length, null);
      if (r === 0) break;
      const chunk = buf.subarray(0, r);
      hash?.update(chunk);
      let start = 0;
      let nl = chunk.indexOf(10);
      if (rest.length) {
        // Only the line across the two blocks is joined, not the whole block to it.
        if (nl === -1) {
          rest = Buffer.concat([rest, chunk]);
          continue;
        }
        each(Buffer.concat([rest, chunk.subarray(0, nl)]).toString("utf8"), ++n);
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      for (; nl !== -1; nl = chunk.indexOf(10, start)) {
        each(chunk.toString("utf8", start, nl), ++n);
        start = nl + 1;
      }
      rest = Buffer.from(chunk.subarray(start));
    }
    if (rest.length) each(rest.toString("utf8"), ++n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Claims read between two checks of the heap's growth, and the growth that makes a collection. */
const GC_CHECK_EVERY = 32768;
const READ_GC_GROWTH = 192 << 20;

/** Longest string value looked up in the pool; longer ones (sentences, URLs) are only compared with the previous record's. */
const POOLED_MAX = 128;

/**
 * Makes equal string values of `record` (and of its string lists) one string in
 * memory: a claim repeats its document's id, URL, publisher and dates, and most of
 * its other fields take few values. Measured on 100k synthetic claims: 72.7 MB of
 * heap -> 47.0 MB; at 480k claims that is about 120 MB less of publish's peak.
 * `unique` (the row key) is left alone: sharing it would only cost a map entry.
 *
 * A long value (a quote, a URL) is shared only with the previous record's: the
 * claims of one document, and of one sentence, are consecutive lines. Pooling every
 * value up to 256 characters made a map of ~600k entries at 480k claims and cost
 * 1.35 s of a 22 s publish.
 */
function shareStrings(record: Record<string, unknown>, previous: Record<string, unknown> | null, pool: Map<string, string>, unique: string): void {
  const share = (v: string, before: unknown): string => {
    if (v === before) return before as string;
    if (v.length > POOLED_MAX) return v;
    const s = pool.get(v);
    if (s !== undefined) return s;
    pool.set(v, v);
    return v;
  };
  for (const k in record) {
    if (k === unique) continue;
    const v = record[k];
    const before = previous?.[k];
    if (typeof v === "string") record[k] = share(v, before);
    else if (Array.isArray(v)) {
      const same = Array.isArray(before) ? before : null;
      for (let i = 0; i < v.length; i++) if (typeof v[i] === "string") v[i] = share(v[i] as string, same?.[i]);
    }
  }
}

function parseJsonl<T>(file: string, keep: (value: T, line: string) => void, hash?: ReturnType<typeof createHash>): void {
  forEachLine(
    file,
    (line, n) => {
      if (line.trim() === "") return;
      let value: T;
      try {
        value = JSON.parse(line) as T;
      } catch (e) {
        throw new UserError(`${file}:${n}: not JSON (${(e as Error).message}); rerun the stage that wrote it`);
      }
      keep(value, line);
    },
    hash,
  );
}


interface Outputs {
  files: Record<string, { stamp: FileStamp | null; sha256: string | null }>;
  documents: { file: string; stamp: FileStamp | null; sha256: string | null; for: string };
}

function readOutputs(dir: string): Outputs | null {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(dir, "cache", "outputs.json"), "utf8")) as Outputs & { format: number };
    return o.format === 1 ? o : null;
  } catch {
    return null;
  }
}

function summaryOf(d: CleanedDoc): DocSummary {
  return {
    doc_id: d.doc_id,
    file: d.file,
    publisher: d.publisher,
    url: d.url,
    published_at: d.published_at,
    language: d.language,
    encoding: d.encoding,
    raw_sha256: d.raw_sha256,
    raw_bytes: d.raw_bytes,
    cleaned_length: d.text.length,
    removed_blocks: d.removed.length,
  };
}

/**
 * Reads DATA/interim/{valid,rejected,clean,problems.*}.jsonl. valid.jsonl and
 * clean.jsonl must exist; rejected.jsonl and problems files are optional (a
 * stage that found nothing may not write one). The inputs hash covers every
 * file read, by name and content, in a fixed order.
 */
export function readPublishInput(data: string): PublishInput {
  const dir = path.join(data, "interim");
  const required = ["valid.jsonl", "clean.jsonl"];
  for (const name of required) {
    if (!fs.existsSync(path.join(dir, name))) throw new UserError(`${path.join(dir, name)} does not exist: run the earlier stages first (npm run build-data runs them all)`);
  }
  const problemFiles = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /^problems\.[^/]+\.jsonl$/.test(n)).sort(compareText) : [];
  const names = [...required, ...(fs.existsSync(path.join(dir, "rejected.jsonl")) ? ["rejected.jsonl"] : []), ...problemFiles];
  const outputs = readOutputs(dir);
  /** The recorded sha256 of an interim file, when it is still the file that was recorded. */
  const known = (name: string): string | null => {
    const o = outputs?.files[name];
    return o?.sha256 && o.stamp && sameStamp(o.stamp, stampOfPath(path.join(dir, name)) ?? undefined) ? o.sha256 : null;
  };
  const digests = new Map<string, string>();
  const read = <T>(name: string, keep: (v: T, line: string) => void): void => {
    const file = path.join(dir, name);
    const sha = known(name);
    const hash = sha ? undefined : createHash("sha256");
    parseJsonl<T>(file, keep, hash);
    digests.set(name, sha ?? hash!.digest("hex"));
  };

  const claims: Claim[] = [];
  // Each claim's digest, of its line as validate wrote it (the record's JSON in column order): the diff against the previous release compares these.
  const claimHashes: number[] = [];
  const pool = new Map<string, string>();
  read<Claim>("valid.jsonl", (c, line) => {
    shareStrings(c as unknown as Record<string, unknown>, (claims.at(-1) ?? null) as Record<string, unknown> | null, pool, "claim_id");
    claims.push(c);
    // Measured at 480k claims after a docs pass: RSS climbed from 650 MB to 1,110 MB while
    // reading, garbage included; collections by growth keep it near the live size.
    if (claims.length % GC_CHECK_EVERY === 0) collectGarbageIfGrown(READ_GC_GROWTH);
    claimHashes.push(rowHash(line));
  });
  pool.clear();
  const docs: DocSummary[] = [];
  const sidecar = outputs?.documents;
  const cleanSha = known("clean.jsonl");
  const sidecarFile = sidecar ? path.join(dir, "cache", sidecar.file) : "";
  if (sidecar && cleanSha && sidecar.for === "clean.jsonl" && sidecar.stamp && sameStamp(sidecar.stamp, stampOfPath(sidecarFile) ?? undefined)) {
    parseJsonl<DocSummary>(sidecarFile, (d) => docs.push(d));
    digests.set("clean.jsonl", cleanSha);
  } else {
    read<CleanedDoc>("clean.jsonl", (d) => docs.push(summaryOf(d)));
  }
  const rejected: RejectedRecord[] = [];
  if (names.includes("rejected.jsonl")) read<RejectedRecord>("rejected.jsonl", (r) => rejected.push(r));
  const problems: Problem[] = [];
  for (const n of problemFiles) read<Problem>(n, (p) => problems.push(p));
  const digest = names.map((name) => `${digests.get(name)}  ${name}\n`);
  return { claims, claimHashes, docs, rejected, problems, inputsSha256: sha256Hex(Buffer.from(digest.join(""))) };
}
