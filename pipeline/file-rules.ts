// Lexical rules for manifest cells that the file readers need too. Kept apart
// from manifest.ts so that reading files (and the no-op rebuild, which stats
// every listed file) does not load the CSV parser.

// C0, DEL and C1 controls: never legitimate in a manifest cell, and dangerous when echoed to a terminal.
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Quotes a value for a one-line message, escaping control characters. */
export function show(value: string): string {
  return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
}

/**
 * Lexical check of a manifest `file`: relative, forward slashes, no `..`.
 * Symlinks are checked later against the real file system (corpus-files.ts).
 */
export function checkFile(file: string): string | null {
  if (file === "") return "empty file";
  if (CONTROL.test(file)) return `file ${show(file)} contains control characters`;
  if (file.startsWith("/") || /^[A-Za-z]:/.test(file) || file.startsWith("\\")) {
    return `file ${show(file)} is an absolute path: it must be relative to the corpus folder`;
  }
  // A backslash is a separator on Windows: "..\\x" would escape there.
  if (file.includes("\\")) return `file ${show(file)} contains a backslash: use / as the separator`;
  if (file.split("/").some((seg) => seg === "..")) return `file ${show(file)} escapes the corpus folder (..)`;
  return null;
}
