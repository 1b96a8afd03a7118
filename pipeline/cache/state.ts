// The no-op rebuild: DATA/interim/cache/build-state.json records what the last
// complete build (`build-data`, with the cache) read and wrote. When every input is
// as it was — the code (cache/keys.ts), the manifest's stamp, the stamp of every
// listed file (resolved as the clean stage does), the set of unlisted files, the
// interim files, and the newest release of DIST (its SHA256SUMS) — the build has
// nothing to compute: it brings DIST/latest and index.json up to date, as publish
// always does, and reports the recorded figures. Anything missing, unreadable or
// different means a normal (incremental) build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CorpusReader, listUnlistedFiles, MANIFEST_NAME, sameStamp, stampOfPath, type FileStamp, type Resolved } from "../corpus-files.js";
import { codeKeys, type CodeKeys } from "./keys.js";
import { folderStamps, type KnownLatest } from "../publish/folder-stamps.js";

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
  format: 1;
  keys: CodeKeys;
  dist: string;
  manifest: FileStamp | null;
  files: string[];
  listed: string[];
  statDigest: string;
  unlistedDigest: string;
  outputs: Record<string, FileStamp | null>;
  release: { version: string; sumsSha256: string; latest?: KnownLatest | null };
  result: RecordedResult;
}


export function stampText(s: FileStamp | null | undefined): string {
  return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : "-";
}

/** One file's line in the stat digest: the no-op check and the docs pass (parallel/docs.ts) must write it alike. */
export function statLine(file: string, resolved: Resolved): string {
  return `${file}\0${"error" in resolved ? `E${resolved.error}` : stampText(resolved.stamp)}\n`;
}

/** Digest of the stamps of `files` as the clean stage resolves them (errors included). */
export function statDigest(data: string, files: readonly string[]): string {
  const reader = new CorpusReader(data);
  const h = createHash("sha256");
  // Hashed in pieces of many lines: one update per file cost more than the lstat at 100,000 files.
  let piece = "";
  for (const f of files) {
    piece += statLine(f, reader.resolve(f));
    if (piece.length > 1 << 16) {
      h.update(piece);
      piece = "";
    }
  }
  h.update(piece);
  return h.digest("hex");
}

function digestList(list: readonly string[]): string {
  return createHash("sha256").update(list.join("\n")).digest("hex");
}

function sumsSha(dist: string, version: string): string | null {
  try {
    return createHash("sha256").update(fs.readFileSync(path.join(dist, `v${version}`, "SHA256SUMS"))).digest("hex");
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
  if (s.format !== 1 || s.dist !== path.resolve(dist)) return null;
  const keys = codeKeys();
  if (s.keys.clean !== keys.clean || s.keys.extract !== keys.extract || s.keys.publish !== keys.publish) return null;
  if (!sameStamp(s.manifest ?? undefined, stampOfPath(path.join(data, MANIFEST_NAME)) ?? undefined)) return null;
  const interim = path.join(data, "interim");
  for (const name of INTERIM_OUTPUTS) {
    if (stampText(s.outputs[name]) !== stampText(stampOfPath(path.join(interim, name)))) return null;
  }
  if (newestVersion(dist) !== s.release.version || sumsSha(dist, s.release.version) !== s.release.sumsSha256) return null;
  if (statDigest(data, s.files) !== s.statDigest) return null;
  if (digestList(await listUnlistedFiles(data, s.listed)) !== s.unlistedDigest) return null;
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
  version: string;
  result: RecordedResult;
}): Promise<void> {
  const sums = sumsSha(opts.dist, opts.version);
  if (sums === null) return;
  const interim = path.join(opts.data, "interim");
  const state: BuildState = {
    format: 1,
    keys: codeKeys(),
    dist: path.resolve(opts.dist),
    manifest: opts.manifest,
    files: opts.files,
    listed: opts.listed,
    statDigest: opts.statDigest,
    unlistedDigest: digestList(await listUnlistedFiles(opts.data, opts.listed)),
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
