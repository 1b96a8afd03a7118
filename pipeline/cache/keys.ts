// What a cached result depends on besides its input: the code that computed it.
//
// A code key hashes the source files (and reference tables) a stage's per-document
// work runs, the versions of the packages it calls, and the Node version (regular
// expressions and Unicode tables come with it). Any edit to one of them, even a
// comment, invalidates that stage's cache entries: conservative, never stale.
// EXTRACTOR_VERSION is not enough on its own, since rules change without it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the layout of cache entries changes. */
export const CACHE_FORMAT = "nk-cache-2";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const CLEAN_SOURCES = ["pipeline/clean", "pipeline/decode.ts", "pipeline/html.ts", "pipeline/offsets.ts", "pipeline/types.ts", "pipeline/parallel/doc-work.ts", "pipeline/parallel/doc-lines.ts", "pipeline/parallel/task.ts"];
const CLEAN_PACKAGES = ["chardet", "iconv-lite", "linkedom", "@mozilla/readability"];

const EXTRACT_SOURCES = [
  "pipeline/extract",
  "pipeline/records.ts",
  "pipeline/offsets.ts",
  "pipeline/types.ts",
  "pipeline/generated",
  "pipeline/validate",
  "pipeline/schema",
  "schema",
  "data/reference",
  "pipeline/parallel/doc-work.ts",
  "pipeline/parallel/doc-lines.ts",
  "pipeline/parallel/task.ts",
];
const EXTRACT_PACKAGES = ["chrono-node", "papaparse", "ajv", "ajv-formats"];

const PUBLISH_SOURCES = ["pipeline/publish", "pipeline/schema", "schema", "pipeline/bin/publish.ts", "pipeline/generated"];
const PUBLISH_PACKAGES = ["apache-arrow", "parquet-wasm", "papaparse"];

function walk(rel: string, out: string[]): void {
  const abs = path.join(REPO, rel);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    out.push(`${rel}\0missing`);
    return;
  }
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) {
      if (name.startsWith(".") || name === "interim" || name === "node_modules") continue;
      walk(`${rel}/${name}`, out);
    }
  } else {
    out.push(rel);
  }
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function codeKey(stage: string, sources: string[], packages: string[]): string {
  const h = createHash("sha256");
  h.update(`${CACHE_FORMAT}\0${stage}\0${process.version}\0`);
  const files: string[] = [];
  for (const s of sources) walk(s, files);
  for (const f of files) {
    h.update(`${f}\0`);
    if (!f.endsWith("\0missing")) h.update(fs.readFileSync(path.join(REPO, f)));
    h.update("\0");
  }
  for (const p of packages) h.update(`${p}@${packageVersion(p)}\0`);
  return h.digest("hex");
}

export interface CodeKeys {
  clean: string;
  extract: string;
  publish: string;
}

let memo: CodeKeys | null = null;

export function codeKeys(): CodeKeys {
  memo ??= {
    clean: codeKey("clean", CLEAN_SOURCES, CLEAN_PACKAGES),
    extract: codeKey("extract", EXTRACT_SOURCES, EXTRACT_PACKAGES),
    publish: codeKey("publish", PUBLISH_SOURCES, PUBLISH_PACKAGES),
  };
  return memo;
}

export function hashOf(...parts: string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(`${p.length}:${p}`);
  return h.digest("hex");
}
