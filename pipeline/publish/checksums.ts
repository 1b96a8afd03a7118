// SHA-256 digests and the SHA256SUMS manifest.
import { createHash } from "node:crypto";

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `sha256sum -c` format: "<hex>  <name>" (two spaces: text mode), one line per file, sorted by name. */
export function sha256Sums(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files.keys()]
    .sort()
    .map((name) => `${sha256Hex(files.get(name)!)}  ${name}\n`)
    .join("");
}
