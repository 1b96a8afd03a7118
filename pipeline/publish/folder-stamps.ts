// Stat stamps of a release folder's files: what lets a no-op build see that latest/
// still equals the newest version without reading either (dist-store.ts updateLatest).
// Light on purpose (no Arrow, no CSV): the build cache's state check imports it.
import fs from "node:fs";
import path from "node:path";
import { sameStamp, type FileStamp } from "../corpus-files.js";

/** Stat stamps of a folder's files by name (dev, inode, size, mtime, ctime), or null when it cannot be listed. */
export type FolderStamps = Record<string, FileStamp>;

export function folderStamps(dir: string): FolderStamps | null {
  try {
    const out: FolderStamps = {};
    for (const name of fs.readdirSync(dir).sort()) {
      const st = fs.lstatSync(path.join(dir, name), { bigint: true });
      if (!st.isFile()) return null;
      out[name] = { dev: Number(st.dev), ino: Number(st.ino), size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs) };
    }
    return out;
  } catch {
    return null;
  }
}

export function sameStamps(a: FolderStamps | null, b: FolderStamps | null | undefined): boolean {
  if (!a || !b) return false;
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((n) => b[n] !== undefined && sameStamp(a[n], b[n]));
}

/**
 * Stamps of latest/ and of the version folder taken when they were known to hold the
 * same bytes (right after updateLatest, recorded by the build cache's build-state.json).
 */
export interface KnownLatest {
  latest: FolderStamps;
  version: FolderStamps;
}

