// File-system access to the corpus folder, confined to it.
//
// The manifest's `file` is checked lexically by manifest.ts; here the real file
// system has the last word: the path is resolved with realpath, so a symlink (or a
// symlinked sub-folder) that leads outside the corpus folder is refused before a
// single byte is read. Only regular files are read: a FIFO or a device would block
// or never end.
import fs from "node:fs/promises";
import fsSync, { constants } from "node:fs";
import path from "node:path";
import { checkFile } from "./file-rules.js";
import { MAX_BYTES, tooLarge } from "./size-limits.js";

export type Resolved = { path: string; stamp?: FileStamp } | { error: string };
export type ReadResult = { bytes: Uint8Array } | { error: string };

/** Files and folders of the corpus folder that are not documents. */
export const MANIFEST_NAME = "sources.csv";
// reference/ holds the extractor's tables (actors, places) in the repository's
// own corpus folder: data, but not articles.
const NOT_DOCUMENTS = new Set([MANIFEST_NAME, "interim", "reference"]);

/** Real path of `file` inside `corpusDir`, or why it may not be read. */
export async function resolveCorpusFile(corpusDir: string, file: string): Promise<Resolved> {
  const lexical = checkFile(file);
  if (lexical) return { error: lexical };
  const root = await fs.realpath(corpusDir);
  let real: string;
  try {
    real = await fs.realpath(path.join(root, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: `file not found: ${file}` };
    if (code === "ELOOP") return { error: `symlink loop: ${file}` };
    if (code === "EACCES") return { error: `permission denied: ${file}` };
    throw e;
  }
  if (!isInside(root, real)) return { error: `file ${file} resolves outside the corpus folder (symlink?); not read` };
  return { path: real };
}

/**
 * Reads a resolved corpus file whole, after checking through the open handle
 * that it is a regular file within the size limit, so an oversized file is
 * refused without reading it into memory.
 */
export async function readCorpusFile(realPath: string, maxBytes = MAX_BYTES): Promise<ReadResult> {
  let handle: fs.FileHandle;
  try {
    // O_NOFOLLOW: realpath already resolved every link; a link appearing here now was swapped in since.
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer; the isFile check below refuses it.
    handle = await fs.open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: "file not found" };
    if (code === "EACCES") return { error: "permission denied" };
    if (code === "ELOOP") return { error: "symlink appeared after resolution; not read" };
    if (code === "EISDIR") return { error: "is a directory, not a file" };
    throw e;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { error: st.isDirectory() ? "is a directory, not a file" : "not a regular file (device, FIFO or socket)" };
    if (st.size > maxBytes) return { error: tooLarge(st.size, maxBytes) };
    const bytes = await handle.readFile();
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return { error: tooLarge(bytes.length, maxBytes) };
    return { bytes };
  } catch (e) {
    return readError(e);
  } finally {
    await handle.close();
  }
}

/** A read failure the input explains (a user error) as a message; anything else is a bug and rethrown. */
function readError(e: unknown): { error: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EISDIR") return { error: "is a directory, not a file" };
  if (code === "EIO") return { error: "I/O error while reading" };
  throw e;
}

/** Identity of a file's bytes on disk: equal identity, same bytes (the stat index of the build cache). */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeNs: string;
  ctimeNs: string;
}

function stampOf(st: fsSync.BigIntStats): FileStamp {
  return { dev: Number(st.dev), ino: Number(st.ino), size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs) };
}

/** The stamp of a path, or null when it does not exist. */
export function stampOfPath(file: string): FileStamp | null {
  try {
    return stampOf(fsSync.statSync(file, { bigint: true }));
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** How close to a change a stamp may be taken and still be trusted (see racyStamp). */
export const RACY_MS = 2000;

/**
 * A stamp taken at `takenMs` (ms since the epoch, or earlier) that a later change could leave
 * as it is. A change sets a file's mtime and ctime to the file system's clock, which moves in
 * ticks (4 ms on this project's machine, 1-2 s on some file systems): a change in the tick
 * the stamp was taken in gives the same times. A stamp one of whose times is older than
 * `takenMs` - RACY_MS cannot be given again by a later change; git treats its index entries
 * the same way ("racily clean"). A racy stamp is not recorded as proof that a file is unchanged.
 */
export function racyStamp(stamp: FileStamp, takenMs: number): boolean {
  const since = BigInt(Math.floor(takenMs) - RACY_MS) * 1_000_000n;
  return BigInt(stamp.mtimeNs) >= since && BigInt(stamp.ctimeNs) >= since;
}

/**
 * Synchronous, confined reads of many files of one corpus folder: the same
 * checks and messages as resolveCorpusFile + readCorpusFile, but the corpus
 * folder and each sub-folder are resolved once (realpath), not once per file.
 * The last path component is opened with O_NOFOLLOW: when it is a symlink, the
 * file takes the slow path (a realpath of its own), so a link out of the folder
 * is refused as before. The bytes are read through the same open handle whose
 * fstat was checked.
 */
export class CorpusReader {
  readonly root: string;
  private readonly dirs = new Map<string, { real: string } | { error: string }>();

  constructor(corpusDir: string, private readonly maxBytes = MAX_BYTES) {
    this.root = fsSync.realpathSync(corpusDir);
  }

  private realDir(dir: string, file: string): { real: string } | { error: string } {
    let hit = this.dirs.get(dir);
    if (hit) return hit;
    try {
      const real = dir === "." ? this.root : fsSync.realpathSync(path.join(this.root, dir));
      hit = real === this.root || isInside(this.root, real) ? { real } : { error: `file ${file} resolves outside the corpus folder (symlink?); not read` };
    } catch (e) {
      hit = { error: realpathError(e, file) };
      // A missing folder is not cached: the next file's message names that file.
      return hit;
    }
    this.dirs.set(dir, hit);
    if ("error" in hit) return { error: `file ${file} resolves outside the corpus folder (symlink?); not read` };
    return hit;
  }

  /** Where `file` is on disk (inside the corpus folder), or why it may not be read. */
  resolve(file: string): Resolved {
    const lexical = checkFile(file);
    if (lexical) return { error: lexical };
    const dir = this.realDir(path.dirname(file), file);
    if ("error" in dir) return dir;
    const base = path.basename(file);
    // dir.real is a realpath (absolute, normalised): a plain name needs no path.join (the no-op rebuild resolves every file).
    const candidate = base === "." || base === "" ? path.join(dir.real, base) : `${dir.real}/${base}`;
    let st: fsSync.BigIntStats;
    try {
      st = fsSync.lstatSync(candidate, { bigint: true });
    } catch (e) {
      return { error: realpathError(e, file) };
    }
    if (!st.isSymbolicLink()) return st.isFile() ? { path: candidate, stamp: stampOf(st) } : { path: candidate };
    // A symlink: resolve it fully, as resolveCorpusFile does.
    let real: string;
    try {
      real = fsSync.realpathSync(candidate);
    } catch (e) {
      return { error: realpathError(e, file) };
    }
    if (!isInside(this.root, real)) return { error: `file ${file} resolves outside the corpus folder (symlink?); not read` };
    return { path: real, stamp: this.stamp(real) ?? undefined };
  }

  /** stat of a resolved path (following nothing: resolve() already did), or null when it cannot be stat'ed. */
  stamp(realPath: string): FileStamp | null {
    try {
      const st = fsSync.lstatSync(realPath, { bigint: true });
      return st.isFile() ? stampOf(st) : null;
    } catch {
      return null;
    }
  }

  /** readCorpusFile, synchronous; also returns the stamp of the handle it read through. */
  read(realPath: string): ReadResult & { stamp?: FileStamp } {
    let fd: number;
    try {
      fd = fsSync.openSync(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      return { error: openError(e) };
    }
    try {
      const st = fsSync.fstatSync(fd, { bigint: true });
      if (!st.isFile()) return { error: st.isDirectory() ? "is a directory, not a file" : "not a regular file (device, FIFO or socket)" };
      const size = Number(st.size);
      if (size > this.maxBytes) return { error: tooLarge(size, this.maxBytes) };
      // Read to the end (the file may have grown since fstat), refusing past the limit.
      let buf = Buffer.allocUnsafe(Math.max(size, 1) + 1);
      let n = 0;
      for (;;) {
        if (n === buf.length) {
          if (buf.length > this.maxBytes) return { error: tooLarge(buf.length, this.maxBytes) };
          const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, this.maxBytes + 1));
          buf.copy(bigger, 0, 0, n);
          buf = bigger;
        }
        const r = fsSync.readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
      }
      if (n > this.maxBytes) return { error: tooLarge(n, this.maxBytes) };
      return { bytes: buf.subarray(0, n), stamp: stampOf(st) };
    } catch (e) {
      return readError(e);
    } finally {
      fsSync.closeSync(fd);
    }
  }
}

function realpathError(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return `file not found: ${file}`;
  if (code === "ELOOP") return `symlink loop: ${file}`;
  if (code === "EACCES") return `permission denied: ${file}`;
  throw e;
}

function openError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EACCES") return "permission denied";
  if (code === "ELOOP") return "symlink appeared after resolution; not read";
  if (code === "EISDIR") return "is a directory, not a file";
  throw e;
}

/**
 * Files under `corpusDir` that no manifest row lists, as corpus-relative paths
 * with forward slashes, sorted. Skips the manifest, interim/, reference/ and dot-files; does
 * not descend into symlinked folders (they may lead anywhere). `folders`, when given,
 * receives the stamp of each folder read, by corpus-relative path ("" for the corpus folder).
 */
export async function listUnlistedFiles(corpusDir: string, listed: Iterable<string>, folders?: Map<string, FileStamp | null>): Promise<string[]> {
  const known = new Set([...listed].map((f) => path.posix.normalize(f)));
  const found: string[] = [];
  async function walk(rel: string): Promise<void> {
    // Stamped before it is read: an entry added or removed after this changes the folder's stamp (cache/state.ts).
    folders?.set(rel, stampOfPath(path.join(corpusDir, rel)));
    const entries = await fs.readdir(path.join(corpusDir, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (!rel && NOT_DOCUMENTS.has(entry.name)) continue;
      if (entry.isDirectory()) await walk(relPath);
      else if (known.has(relPath)) continue;
      // A symlinked folder that listed files go through is in use, not forgotten.
      else if (entry.isSymbolicLink() && [...known].some((f) => f.startsWith(relPath + "/"))) continue;
      else found.push(relPath);
    }
  }
  await walk("");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `candidate` is strictly inside folder `root` (both absolute, resolved the same way). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== "" && rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel);
}
