// File-system access to the corpus folder, confined to it.
//
// The manifest's `file` is checked lexically by manifest.ts; here the real file
// system has the last word: the path is resolved with realpath, so a symlink (or a
// symlinked sub-folder) that leads outside the corpus folder is refused before a
// single byte is read. Only regular files are read: a FIFO or a device would block
// or never end.
import fs from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";
import { checkFile } from "./manifest.js";
import { MAX_BYTES, tooLarge } from "./decode.js";

export type Resolved = { path: string } | { error: string };
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
    if (st.size > maxBytes) return { error: tooLarge(st.size) };
    const bytes = await handle.readFile();
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return { error: tooLarge(bytes.length) };
    return { bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return { error: "is a directory, not a file" };
    if (code === "EIO") return { error: "I/O error while reading" };
    throw e;
  } finally {
    await handle.close();
  }
}

/**
 * Files under `corpusDir` that no manifest row lists, as corpus-relative paths
 * with forward slashes, sorted. Skips the manifest, interim/, reference/ and dot-files; does
 * not descend into symlinked folders (they may lead anywhere).
 */
export async function listUnlistedFiles(corpusDir: string, listed: Iterable<string>): Promise<string[]> {
  const known = new Set([...listed].map((f) => path.posix.normalize(f)));
  const found: string[] = [];
  async function walk(rel: string): Promise<void> {
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

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== "" && rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel);
}
