// The clean, extract and validate stages in one pass over the documents, in
// parallel and incremental: what `build-data` runs (the stage scripts remain for
// running one stage alone). It writes the same interim files, byte for byte, as
// runClean + runExtract + runValidate (test/incremental.test.ts checks it).
//
// The main thread reads the manifest, stats and reads the files, looks results up
// in the cache, and writes the interim files in doc_id order; worker threads
// (parallel/pool.ts) clean, extract and validate the documents the cache does not
// have, in batches. Chunks of documents are pipelined: the main thread prepares
// chunk k+1 while the workers compute chunk k.
//
// Cache (DATA/interim/cache/, pipeline/README.md "Build cache"), when enabled:
// - files.json: per manifest file, its stat stamp (dev, inode, size, mtime, ctime)
//   and the sha256 of its bytes: an unchanged stamp means the file is not read.
// - clean.pack: cleaned body by hash(clean code, raw sha256).
// - docs.pack: claims, valid and rejected lines by hash(extract code, clean key, metadata).
// A crash (a bug) is never cached; an entry failing its checks is recomputed.
import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import type { Problem, Source } from "../types.js";
import { CorpusReader, listUnlistedFiles, MANIFEST_NAME, racyStamp, sameStamp, stampOfPath, type FileStamp } from "../corpus-files.js";
import { formatProblem, listedButRejected, readManifestBytes, type CleanSummary } from "../bin/clean.js";
import type { ExtractSummary } from "../bin/extract.js";
import type { ValidateSummary } from "../bin/validate.js";
import { UserError } from "../bin/cli.js";
import { AtomicJsonlWriter, interimDir } from "../bin/io.js";
import { codeKeys, hashOf } from "../cache/keys.js";
import { PackStore } from "../cache/pack.js";
import { statLine } from "../cache/state.js";
import { LEDGER_FILES, readLedger, writeLedger, type LedgerEntry, type PlacedEntry } from "../cache/ledger.js";
import { collectGarbageIfGrown } from "../gc.js";
import { cleanLine, docMeta, sha256Hex, type DocMeta } from "./doc-lines.js";
import { withFields } from "../objects.js";
import type { DocResult, DocTask, StageMs } from "./task.js";
import type { ExtractOutcome } from "./doc-work.js";
import type { DocPool } from "./pool.js";

export interface DocsOptions {
  data: string;
  /** Worker threads; 1 or less runs everything in this thread. */
  workers: number;
  /** Use and update DATA/interim/cache/. */
  cache: boolean;
  /** Fewest documents left to compute for the workers to start (default MIN_PARALLEL_TASKS; tests pass 0). */
  minParallelTasks?: number;
  log?: (line: string) => void;
}

export interface DocsSummary {
  clean: CleanSummary;
  extract: ExtractSummary;
  validate: Omit<ValidateSummary, "exitCode">;
  /** Documents whose clean / extract results came from the cache (`copied`: as bytes of the previous interim files); documents read from disk. */
  cache: { cleanHits: number; extractHits: number; filesRead: number; corrupt: number; copied: number };
  /** Worker threads used (1: everything ran in this thread). */
  threads: number;
  /** Seconds the threads spent decoding and cleaning, extracting and validating the documents computed (not those from the cache), summed over threads. */
  threadSeconds: { clean: number; extract: number; validate: number };
  /** What the no-op check (cache/state.ts) needs: the manifest's stamp before reading, files, digest of their stamps. */
  inputs: {
    manifest: FileStamp | null;
    files: string[];
    listed: string[];
    statDigest: string;
    /** The manifest and files whose stamps were racy (racyStamp), with the SHA-256 of the bytes this pass used: a no-op check reads them again. */
    racy: [file: string, sha256: string][];
    /** Racy ones this pass could not read: the next build cannot be a no-op. */
    racyUnread: number;
  };
}

export const CACHE_DIR = "cache";
const STAT_INDEX = "files.json";
/** Written with the interim files: their stamps and sha256, and the documents table's rows. */
export const OUTPUTS = "outputs.json";
export const DOCUMENTS = "documents.jsonl";

const CHUNK = 1024;
/** Heap growth (bytes) between two collections of the docs pass (see the loop over chunks). */
const GC_GROWTH = 128 << 20;
const BATCH = 24;
/**
 * Fewest documents left to compute (this chunk's plus every later row of the manifest)
 * for worker threads to be started. Starting two workers from the bundle (worker-bundle.ts)
 * takes about 0.4 s wall, but each worker also pays V8's warm-up again (JIT and regex
 * compilation: its first thousand documents cost about twice the later ones). Measured on
 * 2 CPUs, docs pass without cache, 1 thread vs 2 workers (three runs each): 1,000 bench
 * documents 3.20-3.35 s vs 3.45-3.71 s (+2 CPU-s), 2,000 documents 4.6-5.3 s vs 4.4-4.8 s.
 * Break-even is about 1,500 documents; below that (small corpora, a rebuild after a few
 * edits) this thread does the work.
 */
export const MIN_PARALLEL_TASKS = 1500;
/** And fewest in the chunk itself: a chunk of cache hits does not start the workers. */
const MIN_PARALLEL_CHUNK = 512;

interface StatEntry {
  stamp: FileStamp;
  sha256: string;
}

export interface CleanHead {
  /** problems: [stage, reason] */
  p: [string, string][];
  /** encoding; null when the document was not built */
  e: string | null;
  l: number;
  b: number;
}

interface Slot {
  source: Source;
  meta: DocMeta;
  /** Resolve or read failed: the reason, and nothing else happens. */
  unread?: string;
  sha?: string;
  size?: number;
  cleanKey?: string;
  docKey?: string;
  /** Cached clean payload: header line, then the body tail. */
  cleanHead?: CleanHead;
  cleanTail?: string | null;
  /** Cached extract payload, split into lines. */
  docLines?: string[];
  /** Its bytes in the previous interim files (cache/ledger.ts), to be copied from there. */
  reuse?: PlacedEntry;
  task?: number;
}

interface Chunk {
  slots: Slot[];
  results: Promise<DocResult[]>[];
  batchOf: number[];
}

function readStatIndex(dir: string): Map<string, StatEntry> {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, STAT_INDEX), "utf8")) as { format: number; files: [string, FileStamp, string][] };
    // Format 1 recorded stamps taken too soon after a change (racyStamp) as well.
    if (raw.format !== 2) return new Map();
    return new Map(raw.files.map(([f, stamp, sha256]) => [f, { stamp, sha256 }]));
  } catch {
    return new Map();
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, file);
}

export async function runDocs(opts: DocsOptions): Promise<DocsSummary> {
  const log = opts.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const data = path.resolve(opts.data);
  if (!fs.existsSync(data) || !fs.statSync(data).isDirectory()) throw new UserError(`corpus folder ${data} does not exist`);
  if (!fs.existsSync(path.join(data, MANIFEST_NAME))) {
    throw new UserError(`no ${MANIFEST_NAME} in ${data}: a corpus folder holds ${MANIFEST_NAME} and the files it lists`);
  }
  const clean: CleanSummary = { read: 0, cleaned: 0, problems: [] };
  const extract: ExtractSummary = { documents: 0, claims: 0, unsupported: {}, problems: [] };
  const report = (p: Problem) => {
    clean.problems.push(p);
    log(formatProblem(p));
  };
  // Every stamp below is taken after this moment: one too close to a change is not recorded as proof of anything (racyStamp).
  const takenMs = Date.now();
  const manifestStamp = stampOfPath(path.join(data, MANIFEST_NAME));
  const racy: [string, string][] = [];
  let racyUnread = 0;
  const manifest = readManifestBytes(data, report);
  const sources = manifest?.sources ?? [];
  if (manifestStamp !== null && racyStamp(manifestStamp, takenMs)) {
    if (manifest) racy.push([MANIFEST_NAME, sha256Hex(manifest.bytes)]);
    else racyUnread++;
  }
  /** Documents whose file's stamp was racy: their bytes' digest is known once read. */
  const racySlots: Slot[] = [];
  const statHash = createHash("sha256");

  const dir = interimDir(data);
  const cacheDir = path.join(dir, CACHE_DIR);
  const keys = opts.cache ? codeKeys() : null;
  const cleanPack = opts.cache ? new PackStore(cacheDir, "clean") : null;
  const docPack = opts.cache ? new PackStore(cacheDir, "docs") : null;
  const oldStats = opts.cache ? readStatIndex(cacheDir) : new Map<string, StatEntry>();
  const newStats: [string, FileStamp, string][] = [];
  /** Into the stat index, unless racy: the next build then reads the file again. */
  const recordStat = (file: string, stamp: FileStamp, sha256: string) => {
    if (!racyStamp(stamp, takenMs)) newStats.push([file, stamp, sha256]);
  };
  const counters = { cleanHits: 0, extractHits: 0, filesRead: 0, corrupt: 0, copied: 0 };
  const threadMs: StageMs = [0, 0, 0];

  // Read before the writers below replace the files it describes; they stay open for copying from.
  const ledger = opts.cache ? readLedger(dir) : null;
  const previousFds = ledger ? LEDGER_FILES.map((f) => fs.openSync(path.join(dir, f), "r")) : [];
  const newLedger: LedgerEntry[] = [];
  // Hashed: the files publish reads (read-inputs.ts takes their SHA-256 from outputs.json
  // instead of reading them again). claims.jsonl and the documents sidecar are not among
  // them: hashing their bytes was ~0.75 s of an add-one build at 100k articles, for nothing.
  const out = {
    clean: new AtomicJsonlWriter(path.join(dir, "clean.jsonl"), true),
    claims: new AtomicJsonlWriter(path.join(dir, "claims.jsonl")),
    valid: new AtomicJsonlWriter(path.join(dir, "valid.jsonl"), true),
    rejected: new AtomicJsonlWriter(path.join(dir, "rejected.jsonl"), true),
    problemsExtract: new AtomicJsonlWriter(path.join(dir, "problems.extract.jsonl"), true),
    documents: opts.cache ? new AtomicJsonlWriter(path.join(cacheDir, DOCUMENTS)) : null,
  };
  const closePrevious = () => {
    for (const fd of previousFds.splice(0)) fs.closeSync(fd);
  };
  const abortAll = () => {
    for (const w of Object.values(out)) w?.abort();
  };

  // Worker threads are started once, and only when at least MIN_PARALLEL_TASKS
  // documents are left to compute: starting a worker (tsx loading the
  // extractor in each thread) costs what ~1,500 documents save
  // (measured: see MIN_PARALLEL_TASKS). A rebuild with a handful of changed documents
  // or a small corpus stays in-process.
  const DocPoolClass = opts.workers > 1 ? (await import("./pool.js")).DocPool : null;
  let poolStarting: Promise<DocPool> | null = null;
  const startPool = async (Pool: typeof DocPool): Promise<DocPool> => {
    const bundle = await (await import("./worker-bundle.js")).workerBundle();
    if ("error" in bundle) log(`docs: could not bundle the worker module (${bundle.error}); worker threads load it through tsx`);
    return new Pool(opts.workers, "file" in bundle ? bundle.file : null);
  };
  let inProcess: ((tasks: DocTask[]) => DocResult[]) | null = null;
  const exec = (tasks: DocTask[], parallel: boolean): Promise<DocResult[]> => {
    if (parallel && DocPoolClass) {
      poolStarting ??= startPool(DocPoolClass);
      return poolStarting.then((p) => p.run(tasks));
    }
    // In-process: run when awaited, one batch at a time, like a worker would.
    return Promise.resolve().then(async () => {
      inProcess ??= (await import("./task.js")).runBatch;
      return inProcess(tasks);
    });
  };

  const reader = new CorpusReader(data);

  /** Main-thread part of a chunk: stat, cache lookups, reads; starts the batches. */
  const prepare = (from: number): Chunk => {
    const slots: Slot[] = [];
    const tasks: DocTask[] = [];
    for (const source of sources.slice(from, from + CHUNK)) {
      const slot: Slot = { source, meta: docMeta(source) };
      slots.push(slot);
      const resolved = reader.resolve(source.file);
      statHash.update(statLine(source.file, resolved));
      const racyNow = "stamp" in resolved && resolved.stamp !== undefined && racyStamp(resolved.stamp, takenMs);
      if (racyNow) racySlots.push(slot);
      if ("error" in resolved) {
        slot.unread = `${resolved.error}; document not built`;
        continue;
      }
      let bytes: Uint8Array | undefined;
      const old = oldStats.get(source.file);
      if (old && resolved.stamp && sameStamp(old.stamp, resolved.stamp)) {
        slot.sha = old.sha256;
        slot.size = old.stamp.size;
        // The stamp it had is the one it has: racy now if racy then, and then it was not recorded.
        if (!racyNow) newStats.push([source.file, old.stamp, old.sha256]);
      } else {
        const read = reader.read(resolved.path);
        if ("error" in read) {
          slot.unread = `${read.error}; document not built`;
          continue;
        }
        counters.filesRead++;
        bytes = read.bytes;
        slot.sha = sha256Hex(bytes);
        slot.size = bytes.length;
        if (read.stamp) recordStat(source.file, read.stamp, slot.sha);
      }
      if (keys && cleanPack && docPack) {
        slot.cleanKey = hashOf(keys.clean, slot.sha);
        const before = ledger?.get(source.doc_id);
        if (before) {
          const docKey = hashOf(keys.extract, slot.cleanKey, JSON.stringify(slot.meta));
          if (docKey === before.docKey) {
            slot.docKey = docKey;
            slot.reuse = before;
            // Still this build's entries: the packs keep them when they compact.
            cleanPack.touch(slot.cleanKey);
            docPack.touch(docKey);
            counters.cleanHits++;
            counters.extractHits++;
            counters.copied++;
            continue;
          }
        }
        const payload = cleanPack.get(slot.cleanKey);
        if (payload !== null) {
          const nl = payload.indexOf("\n");
          try {
            slot.cleanHead = JSON.parse(nl < 0 ? payload : payload.slice(0, nl)) as CleanHead;
            slot.cleanTail = nl < 0 ? null : payload.slice(nl + 1);
            if ((slot.cleanHead.e === null) !== (slot.cleanTail === null)) throw new Error("inconsistent entry");
          } catch {
            slot.cleanHead = undefined;
            slot.cleanTail = undefined;
            counters.corrupt++;
          }
        }
        if (slot.cleanHead) {
          counters.cleanHits++;
          if (slot.cleanHead.e !== null) {
            slot.docKey = hashOf(keys.extract, slot.cleanKey, JSON.stringify(slot.meta));
            const docPayload = docPack.get(slot.docKey);
            const lines = docPayload === null ? null : parseDocPayload(docPayload);
            if (lines) {
              slot.docLines = lines;
              counters.extractHits++;
              continue;
            }
            if (docPayload !== null) counters.corrupt++;
            // Extract only: the body comes from the cache.
            let body;
            try {
              body = JSON.parse(`{${slot.cleanTail}`);
            } catch {
              body = null;
            }
            if (body) {
              slot.task = tasks.length;
              tasks.push({ meta: slot.meta, raw_sha256: slot.sha, raw_bytes: slot.size, body });
              continue;
            }
            slot.cleanHead = undefined;
            slot.cleanTail = undefined;
            counters.cleanHits--;
            counters.corrupt++;
          } else {
            continue;
          }
        }
      }
      if (!bytes) {
        const read = reader.read(resolved.path);
        if ("error" in read) {
          slot.unread = `${read.error}; document not built`;
          continue;
        }
        counters.filesRead++;
        bytes = read.bytes;
        const sha = sha256Hex(bytes);
        if (sha !== slot.sha) {
          // Changed under the same stamp (or the index lied): trust the bytes.
          slot.sha = sha;
          slot.size = bytes.length;
          slot.cleanKey = keys ? hashOf(keys.clean, slot.sha) : undefined;
          if (newStats.at(-1)?.[0] === source.file) newStats.pop();
          if (read.stamp) recordStat(source.file, read.stamp, slot.sha);
        }
      }
      slot.task = tasks.length;
      tasks.push({ meta: slot.meta, raw_sha256: slot.sha!, raw_bytes: slot.size!, bytes });
    }
    const results: Promise<DocResult[]>[] = [];
    const batchOf: number[] = [];
    const minTotal = opts.minParallelTasks ?? MIN_PARALLEL_TASKS;
    const later = Math.max(0, sources.length - (from + CHUNK));
    const parallel = poolStarting !== null || (tasks.length >= Math.min(MIN_PARALLEL_CHUNK, minTotal) && tasks.length + later >= minTotal);
    for (let i = 0; i < tasks.length; i += BATCH) {
      for (let j = i; j < Math.min(i + BATCH, tasks.length); j++) batchOf.push(results.length);
      results.push(exec(tasks.slice(i, i + BATCH), parallel));
    }
    return { slots, results, batchOf };
  };

  const interimRel = path.relative(process.cwd(), dir) || ".";
  /** Writes a chunk's documents in order, once its batches are back. */
  const finish = async (chunk: Chunk): Promise<void> => {
    const batches = await Promise.all(chunk.results);
    for (const slot of chunk.slots) {
      const { source, meta } = slot;
      const problem = (reason: string, stage: string) =>
        report({ stage: stage as Problem["stage"], doc_id: source.doc_id, file: source.file, line: source.line, reason });
      if (slot.unread !== undefined) {
        problem(slot.unread, "read");
        continue;
      }
      clean.read++;
      // In the order of LEDGER_FILES.
      const writers = [out.clean, out.documents, out.claims, out.valid, out.rejected];
      if (slot.reuse) {
        const r = slot.reuse;
        for (const [stage, reason] of r.problems) problem(reason, stage);
        clean.cleaned++;
        extract.documents++;
        const lines = [1, 1, r.claims, r.valid, r.rejected];
        writers.forEach((w, i) => w!.copyFrom(previousFds[i]!, r.offsets[i]!, r.bytes[i]!, lines[i]!));
        if (r.unsupported !== null) extract.unsupported[r.unsupported] = (extract.unsupported[r.unsupported] ?? 0) + 1;
        extract.claims += r.claims;
        const { offsets: _offsets, ...entry } = r;
        newLedger.push(entry);
        continue;
      }
      const start = writers.map((w) => w?.bytes ?? 0);
      const result = slot.task === undefined ? undefined : batches[chunk.batchOf[slot.task]!]![slot.task % BATCH]!;
      if (result) for (let k = 0; k < 3; k++) threadMs[k]! += result.ms[k]!;
      let head = slot.cleanHead;
      let tail = slot.cleanTail ?? null;
      if (!head) {
        const c = result!.clean!;
        if (c.crash) process.stderr.write(`clean: internal error on ${source.doc_id} (a bug, please report it):\n${c.crash}\n`);
        head = { p: c.problems, e: c.encoding, l: c.cleaned_length, b: c.removed_blocks };
        tail = c.tail;
        if (!c.crash && cleanPack && slot.cleanKey) cleanPack.put(slot.cleanKey, cleanPayload(head, tail));
      }
      for (const [stage, reason] of head.p) problem(reason, stage);
      if (head.e === null || tail === null) continue;
      clean.cleaned++;
      out.clean.writeLine(cleanLine(meta, head.e, slot.sha!, slot.size!, tail));
      out.documents?.write(withFields(meta, { encoding: head.e, raw_sha256: slot.sha, raw_bytes: slot.size, cleaned_length: head.l, removed_blocks: head.b }));

      extract.documents++;
      let lines = slot.docLines;
      if (!lines) {
        const x = result!.extract!;
        if (x.crash) {
          process.stderr.write(`extract: internal error on ${source.doc_id} (a bug, please report it):\n${x.crash.stack}\n`);
          const p: Problem = { stage: "extract", doc_id: source.doc_id, file: source.file, line: null, reason: x.crash.reason };
          extract.problems.push(p);
          out.problemsExtract.write(p);
          continue;
        }
        lines = docPayloadLines(x);
        if (docPack && slot.docKey === undefined && keys && slot.cleanKey) slot.docKey = hashOf(keys.extract, slot.cleanKey, JSON.stringify(meta));
        if (docPack && slot.docKey) docPack.put(slot.docKey, lines.join("\n"));
      }
      const h = JSON.parse(lines[0]!) as { u: string | null; c: number; v: number; r: number };
      if (h.u !== null) {
        extract.unsupported[h.u] = (extract.unsupported[h.u] ?? 0) + 1;
      } else {
        let i = 1;
        for (const end = i + h.c; i < end; i++) out.claims.writeLine(lines[i]!);
        extract.claims += h.c;
        for (const end = i + h.v; i < end; i++) {
          const v = lines[i]!;
          out.valid.writeLine(v.startsWith("=") ? lines[1 + Number(v.slice(1))]! : v);
        }
        for (const end = i + h.r; i < end; i++) out.rejected.writeLine(lines[i]!);
      }
      if (slot.docKey && out.documents) {
        newLedger.push({
          doc_id: source.doc_id,
          docKey: slot.docKey,
          problems: head.p,
          unsupported: h.u,
          claims: h.u === null ? h.c : 0,
          valid: h.u === null ? h.v : 0,
          rejected: h.u === null ? h.r : 0,
          bytes: writers.map((w, k) => (w?.bytes ?? 0) - start[k]!),
        });
      }
    }
  };

  try {
    let previous: Chunk | null = null;
    for (let from = 0; from < sources.length; from += CHUNK) {
      const chunk = prepare(from);
      if (previous) await finish(previous);
      previous = chunk;
      // The cached payloads and lines of a chunk are garbage once written, but V8 lets them
      // pile up in the old generation: a rebuild from cache at 100k documents swung between
      // 244 and 706 MB of heap; with a collection every 8 chunks, 181-330 MB, in no more time.
      // A chunk copied from the previous interim files leaves almost nothing: collect by growth.
      collectGarbageIfGrown(GC_GROWTH);
    }
    if (previous) await finish(previous);
  } catch (e) {
    abortAll();
    closePrevious();
    throw e;
  } finally {
    // Assigned in exec(), which TypeScript does not follow.
    const started = poolStarting as Promise<DocPool> | null;
    if (started) await started.then((p) => p.close(), () => {});
  }

  const files = sources.map((s) => s.file);
  const listed = files.concat(listedButRejected(clean.problems));
  for (const file of await listUnlistedFiles(data, listed)) {
    report({ stage: "read", doc_id: null, file, line: null, reason: `${file} is not listed in ${MANIFEST_NAME}; not built` });
  }
  const problemsClean = new AtomicJsonlWriter(path.join(dir, "problems.clean.jsonl"), true);
  for (const p of clean.problems) problemsClean.write(p);
  const writers = { "clean.jsonl": out.clean, "claims.jsonl": out.claims, "valid.jsonl": out.valid, "rejected.jsonl": out.rejected, "problems.clean.jsonl": problemsClean, "problems.extract.jsonl": out.problemsExtract };
  for (const w of Object.values(writers)) w.close();
  out.documents?.close();
  // The writers have copied what they reused from the previous files.
  closePrevious();

  if (opts.cache && cleanPack && docPack && out.documents) {
    cleanPack.close();
    docPack.close();
    counters.corrupt += cleanPack.corrupt + docPack.corrupt;
    writeJsonAtomic(path.join(cacheDir, STAT_INDEX), { format: 2, files: newStats });
    const files: Record<string, { stamp: FileStamp | null; sha256: string | null }> = {};
    for (const [name, w] of Object.entries(writers)) files[name] = { stamp: stampOfPath(path.join(dir, name)), sha256: w.sha256 };
    writeJsonAtomic(path.join(cacheDir, OUTPUTS), {
      format: 1,
      files,
      documents: { file: DOCUMENTS, stamp: stampOfPath(path.join(cacheDir, DOCUMENTS)), sha256: out.documents.sha256, for: "clean.jsonl" },
    });
    writeLedger(dir, newLedger, writeJsonAtomic);
  }

  const validate = {
    input: extract.claims,
    valid: out.valid.count,
    rejected: out.rejected.count,
    message: `validate: ${extract.claims} records read, ${out.valid.count} valid, ${out.rejected.count} rejected (${interimRel}/rejected.jsonl)`,
  };
  for (const slot of racySlots) {
    if (slot.sha !== undefined && slot.unread === undefined) racy.push([slot.source.file, slot.sha]);
    else racyUnread++;
  }
  return {
    clean,
    extract,
    validate,
    cache: counters,
    threads: poolStarting ? opts.workers : 1,
    threadSeconds: { clean: threadMs[0] / 1000, extract: threadMs[1] / 1000, validate: threadMs[2] / 1000 },
    inputs: { manifest: manifestStamp, files, listed, statDigest: statHash.digest("hex"), racy, racyUnread },
  };
}

/** A clean.pack payload: the head's JSON, then the end of the clean.jsonl line when the document was built. */
export function cleanPayload(head: CleanHead, tail: string | null): string {
  return JSON.stringify(head) + (tail === null ? "" : `\n${tail}`);
}

/** The lines of a docs.pack payload (joined by "\n"): a header with the counts, then the claims, valid and rejected lines. */
export function docPayloadLines(x: Pick<ExtractOutcome, "unsupported" | "claims" | "valid" | "rejected">): string[] {
  // A valid line that repeats claims line n is cached as "=n" (no JSON line starts with "=").
  const valid = x.valid.map((v) => (typeof v === "number" ? `=${v}` : v));
  return [JSON.stringify({ u: x.unsupported, c: x.claims.length, v: x.valid.length, r: x.rejected.length }), ...x.claims, ...valid, ...x.rejected];
}

/** The lines of a cached extract payload, or null when its header does not match its body. */
export function parseDocPayload(payload: string): string[] | null {
  const lines = payload.split("\n");
  try {
    const h = JSON.parse(lines[0]!) as { u: string | null; c: number; v: number; r: number };
    if (h.u === null ? lines.length !== 1 + h.c + h.v + h.r : lines.length !== 1) return null;
    // Each "=n" must name one of the document's claims lines.
    for (let i = 1 + h.c; i < 1 + h.c + h.v; i++) {
      const v = lines[i]!;
      if (v.startsWith("=") && !(/^=(0|[1-9]\d*)$/.test(v) && Number(v.slice(1)) < h.c)) return null;
    }
    return lines;
  } catch {
    return null;
  }
}
