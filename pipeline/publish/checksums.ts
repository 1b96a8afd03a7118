// SHA-256 digests and the SHA256SUMS manifest.
import { createHash } from "node:crypto";

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A written file's size and SHA-256 (hex): all that datapackage.json and SHA256SUMS need of it. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** `sha256sum -c` format: "<hex>  <name>" (two spaces: text mode), one line per file, sorted by name. */
export function sha256Sums(files: ReadonlyMap<string, FileDigest>): string {
  return [...files.keys()]
    .sort()
    .map((name) => `${files.get(name)!.sha256}  ${name}\n`)
    .join("");
}
