// The no-op rebuild: DATA/interim/cache/build-state.json records what the last
// complete build (`build-data`, with the cache) read and wrote. When every input is
// as it was — the code (cache/keys.ts), the manifest's stamp, the stamp of every
// listed file (resolved as the clean stage does), the set of unlisted files, the
// interim files, and the newest release of DIST (its SHA256SUMS) — the build has
// nothing to compute: it brings DIST/latest and index.json up to date, as publish
// always does, and reports the recorded figures. Anything missing, unreadable or
// different means a normal (incremental) build.
import fs from "node:fs";
import path from "node:path";
import { CorpusReader, listUnlistedFiles, MANIFEST_NAME, racyStamp, sameStamp, stampOfPath, type FileStamp } from "../corpus-files.js";
import { MANIFEST_MAX_BYTES, MAX_BYTES } from "../size-limits.js";
import { codeKeys, type CodeKeys } from "./keys.js";
import { statDigest, stampText, type StatWorkerStart } from "./stat-digest.js";
export { stampText, statLine } from "./stat-digest.js";
import { folderStamps, type KnownLatest } from "../publish/folder-stamps.js";
import { sha256Hex } from "../publish/checksums.js";

const STATE = "build-state.json";
export const INTERIM_OUTPUTS = ["clean.jsonl", "claims.jsonl", "valid.jsonl", "rejected.jsonl", "problems.clean.jsonl", "problems.extract.jsonl"];

/** The figures of a build, kept so that a build with nothing to do can report them. */
export interface BuildFigures {
  read: number;
  cleaned: number;
  claims: number;
  valid: number;
  rejected: number;
  problems: number;
  unsupported: Record<string, number>;
}

export interface RecordedResult extends BuildFigures {
  counts: { claims: number; documents: number; rejected: number; problems: number };
}

interface BuildState {
  format: 3;
  keys: CodeKeys;
  dist: string;
  manifest: FileStamp | null;
  files: string[];
  /** What the manifest lists: `files`, then these (rows refused before their file was resolved). */
  listedAfterFiles: string[];
  statDigest: string;
  /** Files (and the manifest) whose stamps were racy when taken: trusted only if their bytes still have this SHA-256. */
  racy: [string, string][];
  unlistedDigest: string;
  /** The stamp of each corpus folder the unlisted files were looked for in, and when (ms since the epoch) they were taken. */
  folders: Record<string, string>;
  foldersTakenMs: number;
  outputs: Record<string, FileStamp | null>;
  release: { version: string; sumsSha256: string; latest?: KnownLatest | null };
  result: RecordedResult;
}


/** The bundled stat worker, when this command runs from the bundle (pipeline/bin/run.mjs says where it is); through tsx, none. */
function statWorker(): StatWorkerStart | null {
  const dir = (globalThis as Record<symbol, unknown>)[Symbol.for("nk-troops-claims.bundle-dir")];
  return typeof dir === "string" ? { file: path.join(dir, "stat-worker.mjs") } : null;
}

/**
 * Reading the corpus folders again would find the same files: every folder has the stamp it had
 * when it was read (an entry added, removed or renamed in a folder changes its times), and
 * that stamp was not racy (racyStamp) when taken.
 */
function sameFolders(data: string, folders: Record<string, string>, takenMs: number): boolean {
  const entries = Object.entries(folders);
  if (entries.length === 0) return false;
  for (const [rel, text] of entries) {
    const now = stampOfPath(path.join(data, rel));
    if (!now || stampText(now) !== text || racyStamp(now, takenMs)) return false;
  }
  return true;
}

/** Each file still has the bytes whose SHA-256 is given (read as the clean stage reads them): what a racy stamp cannot vouch for. */
function sameBytes(data: string, files: readonly [string, string][]): boolean {
  if (files.length === 0) return true;
  const reader = new CorpusReader(data, Math.max(MAX_BYTES, MANIFEST_MAX_BYTES));
  for (const [file, sha256] of files) {
    const resolved = reader.resolve(file);
    const read = "error" in resolved ? resolved : reader.read(resolved.path);
    if ("error" in read || sha256Hex(read.bytes) !== sha256) return false;
  }
  return true;
}

function digestList(list: readonly string[]): string {
  return sha256Hex(list.join("\n"));
}

function sumsSha(dist: string, version: string): string | null {
  try {
    return sha256Hex(fs.readFileSync(path.join(dist, `v${version}`, "SHA256SUMS")));
  } catch {
    return null;
  }
}

function newestVersion(dist: string): string | null {
  if (!fs.existsSync(dist)) return null;
  const versions = fs
    .readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^v\d+\.\d+\.\d+$/.test(e.name))
    .map((e) => e.name.slice(1).split(".").map(Number) as [number, number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const v = versions.at(-1);
  return v ? v.join(".") : null;
}

const statePath = (data: string) => path.join(data, "interim", "cache", STATE);

/** The recorded result when nothing changed since the last complete build, else null. */
export async function unchangedBuild(data: string, dist: string): Promise<{ version: string; result: RecordedResult; latest: KnownLatest | undefined } | null> {
  let s: BuildState;
  try {
    s = JSON.parse(fs.readFileSync(statePath(data), "utf8")) as BuildState;
  } catch {
    return null;
  }
  if (s.format !== 3 || s.dist !== path.resolve(dist)) return null;
  const keys = codeKeys();
  if (s.keys.clean !== keys.clean || s.keys.extract !== keys.extract || s.keys.publish !== keys.publish) return null;
  if (!sameStamp(s.manifest ?? undefined, stampOfPath(path.join(data, MANIFEST_NAME)) ?? undefined)) return null;
  const interim = path.join(data, "interim");
  for (const name of INTERIM_OUTPUTS) {
    if (stampText(s.outputs[name]) !== stampText(stampOfPath(path.join(interim, name)))) return null;
  }
  if (newestVersion(dist) !== s.release.version || sumsSha(dist, s.release.version) !== s.release.sumsSha256) return null;
  if ((await statDigest(data, s.files, statWorker())) !== s.statDigest) return null;
  if (!sameFolders(data, s.folders, s.foldersTakenMs) && digestList(await listUnlistedFiles(data, s.files.concat(s.listedAfterFiles))) !== s.unlistedDigest) return null;
  if (!sameBytes(data, s.racy)) return null;
  return { version: s.release.version, result: s.result, latest: s.release.latest ?? undefined };
}

/** Records a complete build; `manifest` is the manifest's stamp taken before it was read. */
export async function saveBuildState(opts: {
  data: string;
  dist: string;
  manifest: FileStamp | null;
  files: string[];
  listed: string[];
  statDigest: string;
  /** The manifest and files whose stamps were too close to a change to vouch for them (racyStamp), with the digest of the bytes used. */
  racy: [string, string][];
  /** Racy ones that could not be read: then nothing is recorded. */
  racyUnread: number;
  version: string;
  result: RecordedResult;
}): Promise<void> {
  const sums = sumsSha(opts.dist, opts.version);
  if (sums === null) return;
  // A file changed again within the tick its stamp was taken in would look unchanged: a no-op check reads the racy ones again.
  if (opts.racyUnread > 0) return;
  // docs.ts lists the files first; any other list is not recorded, and the next build is a normal one.
  if (opts.listed.length < opts.files.length || opts.files.some((f, i) => opts.listed[i] !== f)) return;
  const folders = new Map<string, FileStamp | null>();
  const foldersTakenMs = Date.now();
  const unlistedDigest = digestList(await listUnlistedFiles(opts.data, opts.listed, folders));
  const interim = path.join(opts.data, "interim");
  const state: BuildState = {
    format: 3,
    keys: codeKeys(),
    dist: path.resolve(opts.dist),
    manifest: opts.manifest,
    files: opts.files,
    listedAfterFiles: opts.listed.slice(opts.files.length),
    statDigest: opts.statDigest,
    racy: opts.racy,
    unlistedDigest,
    folders: Object.fromEntries([...folders].map(([rel, stamp]) => [rel, stampText(stamp)])),
    foldersTakenMs,
    outputs: Object.fromEntries(INTERIM_OUTPUTS.map((n) => [n, stampOfPath(path.join(interim, n))])),
    release: { version: opts.version, sumsSha256: sums, latest: knownLatest(opts.dist, opts.version) },
    result: opts.result,
  };
  const file = statePath(opts.data);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

/** Stamps of latest/ and the version folder, called right after publish made them equal. */
function knownLatest(dist: string, version: string): KnownLatest | null {
  const latest = folderStamps(path.join(dist, "latest"));
  const ver = folderStamps(path.join(dist, `v${version}`));
  return latest && ver ? { latest, version: ver } : null;
}

/** Forgets the recorded build (before a build starts: a killed build must not look complete). */
export function clearBuildState(data: string): void {
  fs.rmSync(statePath(data), { force: true });
}
