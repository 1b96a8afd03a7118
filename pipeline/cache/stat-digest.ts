// The stat digest of a corpus: a SHA-256 over one line per listed file, its stamp
// (device, inode, size, times) as the clean stage resolves it, or why it cannot be read.
// The docs pass computes it as it reads the files; a build with nothing to do
// (cache/state.ts) computes it again, and that is most of its time: at 100,000 files, the
// `lstat` of every file. From STAT_WORKER_MIN files on, a worker thread takes a
// share of the files, so both cores stat; the lines are hashed in file order all the same.
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import { CorpusReader, type FileStamp, type Resolved } from "../corpus-files.js";

export function stampText(s: FileStamp | null | undefined): string {
  return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : "-";
}

/** One file's line in the stat digest: the no-op check and the docs pass (parallel/docs.ts) must write it alike. */
export function statLine(file: string, resolved: Resolved): string {
  return `${file}\0${"error" in resolved ? `E${resolved.error}` : stampText(resolved.stamp)}\n`;
}

/** Files per share: the main thread and the worker each take the next share not yet taken. */
export const STAT_CHUNK = 2048;
/** Below this many files a worker's start (~50 ms) costs more than it saves. */
export const STAT_WORKER_MIN = 20_000;

function shareLines(reader: CorpusReader, files: readonly string[], share: number): string {
  let text = "";
  for (let i = share * STAT_CHUNK; i < Math.min(files.length, (share + 1) * STAT_CHUNK); i++) text += statLine(files[i]!, reader.resolve(files[i]!));
  return text;
}

/** The lines of shares taken from `next` (a shared counter) until none is left, by share number. */
export function statShares(data: string, files: readonly string[], next: Int32Array): Map<number, string> {
  const reader = new CorpusReader(data);
  const out = new Map<number, string>();
  for (;;) {
    const share = Atomics.add(next, 0, 1);
    if (share * STAT_CHUNK >= files.length) return out;
    out.set(share, shareLines(reader, files, share));
  }
}

/** The message a stat worker (cache/stat-worker.ts) is sent. */
export interface StatJob {
  data: string;
  files: readonly string[];
  next: SharedArrayBuffer;
}

/** How to start a stat worker: the bundled module, or (tests, tsx runs) boot.mjs with the TypeScript entry. */
export type StatWorkerStart = { file: string } | { boot: URL; entry: string };

/**
 * Digest of the stamps of `files` as the clean stage resolves them (errors included).
 * With `worker` and enough files, a worker thread stats a share of them; when it fails,
 * this thread stats what it had taken.
 */
export async function statDigest(data: string, files: readonly string[], worker: StatWorkerStart | null = null, workerMin = STAT_WORKER_MIN): Promise<string> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  let helper: Promise<Map<number, string> | null> = Promise.resolve(null);
  if (worker && files.length >= workerMin) {
    const w = "file" in worker ? new Worker(worker.file, { execArgv: [] }) : new Worker(worker.boot, { workerData: { entry: worker.entry }, execArgv: [] });
    helper = new Promise((resolve) => {
      w.once("message", (m: Map<number, string>) => resolve(m));
      w.once("error", () => resolve(null));
      w.once("exit", () => resolve(null));
    }).finally(() => void w.terminate()) as Promise<Map<number, string> | null>;
    const job: StatJob = { data, files, next: next.buffer as SharedArrayBuffer };
    w.postMessage(job);
  }
  const mine = statShares(data, files, next);
  const theirs = (await helper) ?? new Map<number, string>();
  let reader: CorpusReader | null = null;
  return digestShares(Math.ceil(files.length / STAT_CHUNK), [mine, theirs], (share) => shareLines((reader ??= new CorpusReader(data)), files, share));
}

/** SHA-256 of every share's lines in file order, from whichever thread stat'ed it; a share no thread returned (its worker failed) from `restat`. */
export function digestShares(shares: number, done: readonly ReadonlyMap<number, string>[], restat: (share: number) => string): string {
  const h = createHash("sha256");
  for (let share = 0; share < shares; share++) {
    let text: string | undefined;
    for (const d of done) if ((text = d.get(share)) !== undefined) break;
    h.update(text ?? restat(share));
  }
  return h.digest("hex");
}
