// The release folder DIST on disk (file I/O: used by the publish script).
//
// Crash safety. A version folder DIST/vX.Y.Z is the only thing whose presence
// means "published", and it appears in one step: the files are written and
// fsynced in a hidden staging folder DIST/.tmp-<random>/, which is then renamed
// to vX.Y.Z (rename(2) is atomic within one file system). A kill at any moment
// therefore leaves either no vX.Y.Z or a complete one, and an existing version
// folder is never opened for writing, renamed or deleted.
//
// DIST/latest/ and DIST/index.json are derived from the version folders and
// every run brings them up to date, also when the data are unchanged; so a kill
// between installing a version and updating them leaves them one version
// behind until the next run, never wrong. index.json is replaced by rename of a
// temporary file. latest/ is a real copy, not a symlink (static hosts and zip
// downloads do not follow links), and Linux cannot swap two non-empty folders
// atomically from Node (no renameat2 RENAME_EXCHANGE), so it is replaced in two
// renames: latest -> .tmp-old-latest-<random>, then the staged copy -> latest.
// Between the two, for a few microseconds, latest/ is absent: a reader or a
// kill in that gap sees no latest/ (and the next run recreates it), never a
// mixture of two versions or a half-copied folder.
//
// Leftovers of a killed run are hidden names starting with ".tmp-" and are
// removed at the start of the next run. Only one publish may run on a DIST at a
// time: callers hold the build lock (pipeline/lock.ts) around it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { compareVersions, isVersion } from "./version.js";
import { folderStamps, sameStamps, type KnownLatest } from "./folder-stamps.js";

export const TMP_PREFIX = ".tmp-";
export const LATEST = "latest";
export const INDEX = "index.json";

function tmpName(dist: string, what: string): string {
  return path.join(dist, `${TMP_PREFIX}${what}${randomBytes(6).toString("hex")}`);
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeDurable(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, "wx");
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `files` into a new hidden folder of DIST, fsynced, and returns its path. */
function stage(dist: string, files: ReadonlyMap<string, Uint8Array>, what: string): string {
  const dir = tmpName(dist, what);
  fs.mkdirSync(dir);
  for (const [name, bytes] of files) writeDurable(path.join(dir, name), bytes);
  fsyncPath(dir);
  return dir;
}

/** Removes what a killed run left behind: every hidden ".tmp-" entry of DIST. */
export function removeLeftovers(dist: string): string[] {
  if (!fs.existsSync(dist)) return [];
  const leftovers = fs.readdirSync(dist).filter((n) => n.startsWith(TMP_PREFIX));
  for (const n of leftovers) fs.rmSync(path.join(dist, n), { recursive: true, force: true });
  return leftovers;
}

export function versionDir(dist: string, version: string): string {
  return path.join(dist, `v${version}`);
}

/** Published versions, oldest first. */
export function listVersions(dist: string): string[] {
  if (!fs.existsSync(dist)) return [];
  return fs
    .readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith("v") && isVersion(e.name.slice(1)))
    .map((e) => e.name.slice(1))
    .sort(compareVersions);
}

/** A folder's files by name (only those in `only` when given). */
export function readFolder(dir: string, only?: readonly string[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of fs.readdirSync(dir).sort()) if (!only || only.includes(name)) files.set(name, fs.readFileSync(path.join(dir, name)));
  return files;
}

/** Publishes a new version folder in one rename; refuses to touch an existing one. */
export function installVersion(dist: string, version: string, files: ReadonlyMap<string, Uint8Array>): string {
  fs.mkdirSync(dist, { recursive: true });
  const target = versionDir(dist, version);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: a published version is never rewritten`);
  const staged = stage(dist, files, `v${version}-`);
  // rename onto an existing *empty* folder would succeed, so the check above is what guards it.
  fs.renameSync(staged, target);
  fsyncPath(dist);
  return target;
}

/**
 * A new version folder written file by file as the release is made (publish's
 * ReleaseSink): a hidden staging folder DIST/.tmp-v-<random>/, created on the first
 * write; install() fsyncs it and renames it to vX.Y.Z, as installVersion does.
 */
export class StagedVersion {
  private dir: string | null = null;

  constructor(private readonly dist: string) {}

  write(name: string, chunks: Iterable<Uint8Array>): void {
    if (this.dir === null) {
      fs.mkdirSync(this.dist, { recursive: true });
      this.dir = tmpName(this.dist, "v-");
      fs.mkdirSync(this.dir);
    }
    // fsynced at install(): files of a release that turns out unchanged are only discarded.
    const fd = fs.openSync(path.join(this.dir, name), "wx");
    try {
      for (const bytes of chunks) {
        let n = 0;
        while (n < bytes.length) n += fs.writeSync(fd, bytes, n, bytes.length - n);
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  install(version: string): string {
    if (this.dir === null) throw new Error("nothing staged");
    const target = versionDir(this.dist, version);
    if (fs.existsSync(target)) throw new Error(`${target} already exists: a published version is never rewritten`);
    for (const name of fs.readdirSync(this.dir)) fsyncPath(path.join(this.dir, name));
    fsyncPath(this.dir);
    fs.renameSync(this.dir, target);
    this.dir = null;
    fsyncPath(this.dist);
    return target;
  }

  /** Removes what was staged (nothing published). */
  discard(): void {
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** Whether two folders hold the same files with the same bytes, compared 1 MB at a time (a release can be GBs). */
function sameFolderOnDisk(a: string, b: string): boolean {
  const names = fs.readdirSync(a).sort();
  const other = fs.readdirSync(b).sort();
  if (names.length !== other.length || names.some((n, i) => n !== other[i])) return false;
  for (const n of names) if (fs.statSync(path.join(a, n)).size !== fs.statSync(path.join(b, n)).size) return false;
  const bufA = Buffer.allocUnsafe(1 << 20);
  const bufB = Buffer.allocUnsafe(1 << 20);
  for (const n of names) {
    const fa = fs.openSync(path.join(a, n), "r");
    const fb = fs.openSync(path.join(b, n), "r");
    try {
      for (;;) {
        const ra = fs.readSync(fa, bufA, 0, bufA.length, null);
        const rb = fs.readSync(fb, bufB, 0, bufB.length, null);
        if (ra !== rb || !bufA.subarray(0, ra).equals(bufB.subarray(0, rb))) return false;
        if (ra === 0) break;
      }
    } finally {
      fs.closeSync(fa);
      fs.closeSync(fb);
    }
  }
  return true;
}

/**
 * Whether latest/ still equals `source` without reading their data: both folders'
 * files have the stamps recorded when they were equal, and their SHA256SUMS match.
 * A file written, truncated, replaced or touched since gets a new ctime (which no
 * user call can set back) or inode, so equal stamps mean untouched files.
 */
function knownSame(latest: string, source: string, known: KnownLatest | undefined): boolean {
  if (!known) return false;
  if (!sameStamps(folderStamps(latest), known.latest) || !sameStamps(folderStamps(source), known.version)) return false;
  try {
    return fs.readFileSync(path.join(latest, "SHA256SUMS")).equals(fs.readFileSync(path.join(source, "SHA256SUMS")));
  } catch {
    return false;
  }
}

/**
 * Makes DIST/latest a copy of `version`'s folder, if it is not already; returns whether it changed.
 * With `known` (stamps recorded when both were equal) and nothing touched since, the byte
 * comparison is skipped.
 */
export function updateLatest(dist: string, version: string, known?: KnownLatest): boolean {
  const source = versionDir(dist, version);
  const latest = path.join(dist, LATEST);
  if (knownSame(latest, source, known)) return false;
  if (fs.existsSync(latest) && fs.statSync(latest).isDirectory() && sameFolderOnDisk(latest, source)) return false;
  const staged = stageCopy(dist, source, "latest-");
  let old: string | null = null;
  if (fs.existsSync(latest)) {
    old = tmpName(dist, "old-latest-");
    fs.renameSync(latest, old);
  }
  fs.renameSync(staged, latest);
  fsyncPath(dist);
  if (old) fs.rmSync(old, { recursive: true, force: true });
  return true;
}

/** stage() for a folder already on disk: copied file by file (copy_file_range), fsynced. */
function stageCopy(dist: string, from: string, what: string): string {
  const dir = tmpName(dist, what);
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync(from).sort()) {
    const target = path.join(dir, name);
    fs.copyFileSync(path.join(from, name), target, fs.constants.COPYFILE_EXCL);
    fsyncPath(target);
  }
  fsyncPath(dir);
  return dir;
}

export interface IndexEntry {
  version: string;
  created: string;
  path: string;
  claims: number;
  documents: number;
  rejected: number;
  problems: number;
  added: number;
  changed: number;
  removed: number;
}

function readIndex(file: string): Map<string, IndexEntry> {
  try {
    const index = JSON.parse(fs.readFileSync(file, "utf8")) as { versions?: IndexEntry[] };
    return new Map((index.versions ?? []).map((e) => [e.version, e]));
  } catch {
    // Absent or unreadable: every entry is rebuilt from its folder.
    return new Map();
  }
}

/**
 * Rewrites DIST/index.json (newest first), by temporary file and rename;
 * returns whether it changed. Entries of versions already listed are kept as
 * they are (a published folder never changes), so a run reads only the folders
 * it has not indexed yet, not every version's data files.
 */
export async function updateIndex(dist: string, fresh?: IndexEntry): Promise<boolean> {
  const file = path.join(dist, INDEX);
  const known = readIndex(file);
  // The entry of the version just published, from what publish knows of it: equal to
  // index-entry.ts's, without reading its claims.arrow and CHANGES.csv back (GBs at 500k claims).
  if (fresh) known.set(fresh.version, fresh);
  const versions = listVersions(dist).reverse();
  // Reading a folder back needs Arrow and papaparse: loaded only then, so that a build with
  // nothing to do (which still runs this) does not spend ~0.6 s loading them.
  const reader = versions.every((v) => known.has(v)) ? null : await import("./index-entry.js");
  const entries = versions.map((v) => known.get(v) ?? reader!.indexEntry(dist, v));
  const index = { name: "nk-troops-claims", latest: versions[0] ?? null, versions: entries };
  const bytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return false;
  const tmp = tmpName(dist, "index-");
  writeDurable(tmp, bytes);
  fs.renameSync(tmp, file);
  fsyncPath(dist);
  return true;
}
