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
// With `--side-by-side` both run at the same time instead, one on each core (pinned with
// taskset when the machine has it, swapping cores every round): a drift of the machine's
// speed then slows both alike. Two copies running at once are each slower than one alone
// (they share the caches), so read the ratio, not the times.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import minimist from "minimist";
import { timeDocWork, type DocTiming } from "../bench/doc-timing.js";
import { docMeta } from "../parallel/doc-work.js";
import { readManifestBytes } from "./clean.js";
import { isMain, runMain, UserError } from "./cli.js";

const USAGE =
  "usage: npm run bench-docs -- [--data DIR (data)] [--warm W (0)] [--docs N (all after W)] [--json] [--against CHECKOUT [--pairs P (5)] [--side-by-side]]";

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

/** The DocsBench that a child bench-docs --json printed last, or a UserError naming the checkout. */
function childResult(root: string, exit: number | string | null, stdout: string, stderr: string): DocsBench {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (exit !== 0 || !last.startsWith("{")) {
    throw new UserError(`bench-docs in ${root} failed (exit ${exit}): ${(stderr || stdout).trim().split("\n").slice(-3).join(" / ")}`);
  }
  return JSON.parse(last) as DocsBench;
}

/** Whether `taskset` can pin a process to one CPU here. */
function hasTaskset(): boolean {
  return spawnSync("taskset", ["-c", "0", "true"], { stdio: "ignore" }).status === 0;
}

/** A runner of one checkout's bench-docs: `cpu` is the CPU to pin it to, or null. */
type Runner = (root: string, args: readonly string[], cpu: number | null) => DocsBench | Promise<DocsBench>;

/** bench-docs --json of the checkout `root` in a child process, pinned to CPU `cpu` (null: not pinned). */
function runCheckout(root: string, args: readonly string[], cpu: number | null): Promise<DocsBench> {
  const command = [process.execPath, path.join(root, "pipeline", "bin", "run.mjs"), "bench-docs", ...args, "--json"];
  const [cmd, ...cmdArgs] = cpu === null ? command : ["taskset", "-c", String(cpu), ...command];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, cmdArgs, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      try {
        resolve(childResult(root, code ?? signal, stdout, stderr));
      } catch (e) {
        reject(e);
      }
    });
  });
}

export interface Comparison {
  pairs: { self: DocsBench; other: DocsBench; ratio: number }[];
  /** Median over pairs of (this checkout's clean + extract time) / (the other's). */
  median_ratio: number;
  /**
   * Geometric mean of the ratios of pairs 1 and 2, 3 and 4, ...: each checkout once on each CPU
   * (side by side) or once first and once second (in turn). One CPU of this machine was seen
   * running up to 30% faster than the other for minutes, which made single ratios alternate
   * (1.29, 0.72, 1.48, 0.88); swapped pairs cancel that out.
   */
  balanced_ratios: number[];
  /** Median of balanced_ratios; null with fewer than two pairs. */
  median_balanced: number | null;
  same_output: boolean;
}

/**
 * Runs this checkout and `other` in turn, `pairs` times, on the same documents (`args`,
 * bench-docs options), swapping the order every pair; `run` runs one (a child process).
 */
export async function compareCheckouts(other: string, args: readonly string[], pairs: number, run: Runner = runCheckout): Promise<Comparison> {
  const rows: Comparison["pairs"] = [];
  for (let i = 0; i < pairs; i++) {
    let self: DocsBench;
    let them: DocsBench;
    if (i % 2 === 0) {
      self = await run(REPO, args, null);
      them = await run(other, args, null);
    } else {
      them = await run(other, args, null);
      self = await run(REPO, args, null);
    }
    rows.push(pairOf(self, them));
  }
  return summary(rows);
}

/**
 * Runs this checkout and `other` at the same time, `rounds` times, on the same documents:
 * each on a CPU of its own when `pin` (this checkout on CPU 0 in the first round, then the
 * CPUs swap), so that both see the same machine speed. `run` runs one (a child process).
 */
export async function compareSideBySide(
  other: string,
  args: readonly string[],
  rounds: number,
  pin: boolean,
  run: Runner = runCheckout,
): Promise<Comparison> {
  const rows: Comparison["pairs"] = [];
  for (let i = 0; i < rounds; i++) {
    const [selfCpu, otherCpu] = !pin ? [null, null] : i % 2 === 0 ? [0, 1] : [1, 0];
    const [self, them] = await Promise.all([run(REPO, args, selfCpu), run(other, args, otherCpu)]);
    rows.push(pairOf(self, them));
  }
  return summary(rows);
}

/** One pair: this checkout's clean + extract time over the other's. */
function pairOf(self: DocsBench, other: DocsBench): Comparison["pairs"][number] {
  return { self, other, ratio: (self.clean_us + self.extract_us) / (other.clean_us + other.extract_us) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summary(rows: Comparison["pairs"]): Comparison {
  const balanced: number[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) balanced.push(Math.sqrt(rows[i]!.ratio * rows[i + 1]!.ratio));
  return {
    pairs: rows,
    median_ratio: median(rows.map((r) => r.ratio)),
    balanced_ratios: balanced,
    median_balanced: balanced.length > 0 ? median(balanced) : null,
    same_output: rows.every((r) => r.self.output_sha256 === r.other.output_sha256),
  };
}

function count(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--${name} must be a whole number >= 0, not '${String(v)}'\n${USAGE}`);
  return n;
}

if (isMain(import.meta.url)) {
  runMain("bench-docs", async () => {
    const a = minimist(process.argv.slice(2), { string: ["data", "warm", "docs", "against", "pairs"], boolean: ["json", "help", "side-by-side"], alias: { h: "help" } });
    for (const k of Object.keys(a)) if (!["_", "data", "warm", "docs", "json", "against", "pairs", "side-by-side", "help", "h"].includes(k)) throw new UserError(`unknown option --${k}\n${USAGE}`);
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
      const childArgs = ["--data", data, "--warm", String(warm), ...(docs === null ? [] : ["--docs", String(docs)])];
      let how = "in turn";
      let c: Comparison;
      if (a["side-by-side"]) {
        if (os.availableParallelism() < 2) throw new UserError(`--side-by-side needs two CPUs; this machine has ${os.availableParallelism()}`);
        const pin = hasTaskset();
        how = pin ? "side by side, one per CPU (taskset)" : "side by side (no taskset: not pinned)";
        c = await compareSideBySide(other, childArgs, pairs, pin);
      } else c = await compareCheckouts(other, childArgs, pairs);
      if (a.json) console.log(JSON.stringify(c));
      else {
        console.log(`bench-docs: this checkout (${REPO}) against ${other}, ${how}, ${pairs} pair(s), ${c.pairs[0]!.self.docs} documents of ${data} each`);
        for (const p of c.pairs) {
          console.log(`  this ${p.self.clean_us} + ${p.self.extract_us} us, other ${p.other.clean_us} + ${p.other.extract_us} us per document: ratio ${p.ratio.toFixed(3)}`);
        }
        const ratios = c.pairs.map((p) => p.ratio);
        console.log(`  this/other median ${c.median_ratio.toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}); same output: ${c.same_output ? "yes" : "NO"}`);
        if (c.median_balanced !== null) {
          const b = c.balanced_ratios;
          console.log(`  swapped pairs (${b.map((r) => r.toFixed(3)).join(", ")}): median ${c.median_balanced.toFixed(3)}`);
        }
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
