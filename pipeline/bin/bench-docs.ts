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
//
// `--against DIR [--pairs P]` compares this checkout with another one (DIR, a
// checkout or worktree that has bench-docs too): both run in turn, P times,
// each in a child process on the same documents, the order swapped every pair.
// This machine's speed drifts by a third within an hour, so only runs made
// seconds apart compare; it prints the median ratio of the per-document times,
// and whether both gave the same output (exit 1 when not).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import minimist from "minimist";
import { timeDocWork, type DocTiming } from "../bench/doc-timing.js";
import { docMeta } from "../parallel/doc-work.js";
import { readManifestBytes } from "./clean.js";
import { isMain, runMain, UserError } from "./cli.js";

const USAGE = "usage: npm run bench-docs -- [--data DIR (data)] [--warm W (0)] [--docs N (all after W)] [--json] [--against CHECKOUT [--pairs P (5)]]";

/** This checkout (pipeline/bin/ is two levels down). */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

/** bench-docs --json of the checkout `root`, in a child process. */
function runCheckout(root: string, args: readonly string[]): DocsBench {
  const r = spawnSync(process.execPath, [path.join(root, "pipeline", "bin", "run.mjs"), "bench-docs", ...args, "--json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const last = r.stdout?.trim().split("\n").at(-1) ?? "";
  if (r.status !== 0 || !last.startsWith("{")) {
    throw new UserError(`bench-docs in ${root} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" / ")}`);
  }
  return JSON.parse(last) as DocsBench;
}

export interface Comparison {
  pairs: { self: DocsBench; other: DocsBench; ratio: number }[];
  /** Median over pairs of (this checkout's clean + extract time) / (the other's). */
  median_ratio: number;
  same_output: boolean;
}

/**
 * Runs this checkout and `other` in turn, `pairs` times, on the same documents (`args`,
 * bench-docs options), swapping the order every pair; `run` runs one (a child process).
 */
export function compareCheckouts(other: string, args: readonly string[], pairs: number, run: (root: string, args: readonly string[]) => DocsBench = runCheckout): Comparison {
  const rows: Comparison["pairs"] = [];
  for (let i = 0; i < pairs; i++) {
    let self: DocsBench;
    let them: DocsBench;
    if (i % 2 === 0) {
      self = run(REPO, args);
      them = run(other, args);
    } else {
      them = run(other, args);
      self = run(REPO, args);
    }
    rows.push({ self, other: them, ratio: (self.clean_us + self.extract_us) / (them.clean_us + them.extract_us) });
  }
  const sorted = rows.map((r) => r.ratio).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { pairs: rows, median_ratio: median, same_output: rows.every((r) => r.self.output_sha256 === r.other.output_sha256) };
}

function count(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--${name} must be a whole number >= 0, not '${String(v)}'\n${USAGE}`);
  return n;
}

if (isMain(import.meta.url)) {
  runMain("bench-docs", async () => {
    const a = minimist(process.argv.slice(2), { string: ["data", "warm", "docs", "against", "pairs"], boolean: ["json", "help"], alias: { h: "help" } });
    for (const k of Object.keys(a)) if (!["_", "data", "warm", "docs", "json", "against", "pairs", "help", "h"].includes(k)) throw new UserError(`unknown option --${k}\n${USAGE}`);
    if (a.help) {
      console.log(USAGE);
      return 0;
    }
    const docs = count(a.docs, "docs");
    if (docs === 0) throw new UserError(`--docs must be at least 1\n${USAGE}`);
    const data = path.resolve(a.data ?? "data");
    const warm = count(a.warm, "warm") ?? 0;
    if (a.against !== undefined) {
      const other = path.resolve(String(a.against));
      if (!fs.existsSync(path.join(other, "pipeline", "bin", "run.mjs"))) throw new UserError(`--against ${other}: not a checkout of this project (no pipeline/bin/run.mjs)`);
      const pairs = count(a.pairs, "pairs") ?? 5;
      if (pairs < 1) throw new UserError(`--pairs must be at least 1\n${USAGE}`);
      const c = compareCheckouts(other, ["--data", data, "--warm", String(warm), ...(docs === null ? [] : ["--docs", String(docs)])], pairs);
      if (a.json) console.log(JSON.stringify(c));
      else {
        console.log(`bench-docs: this checkout (${REPO}) against ${other}, ${pairs} pair(s), ${c.pairs[0]!.self.docs} documents of ${data} each`);
        for (const p of c.pairs) {
          console.log(`  this ${p.self.clean_us} + ${p.self.extract_us} us, other ${p.other.clean_us} + ${p.other.extract_us} us per document: ratio ${p.ratio.toFixed(3)}`);
        }
        const ratios = c.pairs.map((p) => p.ratio);
        console.log(`  this/other median ${c.median_ratio.toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}); same output: ${c.same_output ? "yes" : "NO"}`);
      }
      return c.same_output ? 0 : 1;
    }
    const r = benchDocs(data, warm, docs);
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
