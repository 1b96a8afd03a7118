// `npm run bench-docs -- [--data DIR] [--warm W] [--docs N] [--json]`
//
// The per-document cost of the worker threads' work, in this one thread with
// nothing else running: decode + clean, then extract + validate, of the corpus'
// documents [W, W+N) after warming V8 up on documents [0, W). No cache, no files
// written; the manifest and raw files are read before the clock starts. Prints
// microseconds per document of each part and a SHA-256 of what the documents
// gave (clean tails and claim lines), so that two versions of the code can be
// compared on the same documents for speed and for identical output.
// Point it at a kept bench corpus: `npm run bench -- --docs 10000 --keep /tmp/b`,
// then `npm run bench-docs -- --data /tmp/b/corpus --warm 2000 --docs 8000`.
import fs from "node:fs";
import path from "node:path";
import minimist from "minimist";
import { timeDocWork, type DocTiming } from "../bench/doc-timing.js";
import { docMeta } from "../parallel/doc-work.js";
import { readManifestBytes } from "./clean.js";
import { isMain, runMain, UserError } from "./cli.js";

const USAGE = "usage: npm run bench-docs -- [--data DIR (data)] [--warm W (0)] [--docs N (all after W)] [--json]";

export interface DocsBench extends DocTiming {
  data: string;
  warm: number;
}

export function benchDocs(data: string, warm: number, count: number | null): DocsBench {
  const problems: string[] = [];
  const manifest = readManifestBytes(data, (p) => problems.push(p.reason));
  if (!manifest) throw new UserError(`${data}: ${problems.join("; ")}`);
  const sources = manifest.sources;
  if (warm >= sources.length) throw new UserError(`--warm ${warm}: the corpus has ${sources.length} documents, none left to time`);
  const all = sources.slice(0, count === null ? undefined : warm + count);
  // Read before the clock starts.
  const items = all.map((s) => ({ meta: docMeta(s), bytes: new Uint8Array(fs.readFileSync(path.join(data, s.file))) }));
  return { data, warm, ...timeDocWork(items, warm) };
}

function count(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--${name} must be a whole number >= 0, not '${String(v)}'\n${USAGE}`);
  return n;
}

if (isMain(import.meta.url)) {
  runMain("bench-docs", async () => {
    const a = minimist(process.argv.slice(2), { string: ["data", "warm", "docs"], boolean: ["json", "help"], alias: { h: "help" } });
    for (const k of Object.keys(a)) if (!["_", "data", "warm", "docs", "json", "help", "h"].includes(k)) throw new UserError(`unknown option --${k}\n${USAGE}`);
    if (a.help) {
      console.log(USAGE);
      return 0;
    }
    const docs = count(a.docs, "docs");
    if (docs === 0) throw new UserError(`--docs must be at least 1\n${USAGE}`);
    const r = benchDocs(path.resolve(a.data ?? "data"), count(a.warm, "warm") ?? 0, docs);
    if (a.json) console.log(JSON.stringify(r));
    else {
      console.log(`bench-docs: ${r.docs} documents of ${r.data} after ${r.warm} to warm up, one thread`);
      console.log(`  decode + clean        ${r.clean_us} us/document`);
      console.log(`  extract + validate    ${r.extract_us} us/document (${r.claims} claims)`);
      console.log(`  output sha256         ${r.output_sha256}`);
    }
    return 0;
  });
}
