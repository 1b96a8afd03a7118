// `npm run bench -- --docs N [--json] [--keep DIR] [--seed S] [--rebuild] [--add-one] [--cpu-prof DIR] [--no-rg]`
//
// Generates a deterministic synthetic corpus of N articles (pipeline/bench/),
// runs the full build (`buildData`) on it into a temporary dist, and prints
// documents, seconds, documents/s, MB/s, peak RSS and the time of each stage;
// then times ripgrep over the same files and prints the ratio build/rg.
//
// The build runs in a child process (this script with --child), so that:
//  - its peak RSS is the build's alone, not the generator's or this script's;
//  - worker threads it may start are inside that process, so its VmHWM
//    (/proc/<pid>/status, the kernel's peak resident set) counts them;
//  - child processes it may start are counted by this parent sampling, every
//    50 ms, the summed VmRSS of the whole process tree under the build.
// Peak RSS reported = max(VmHWM of the build process, sampled tree sum).
// Per-stage peaks come from VmHWM read at the end of each stage, reset by
// writing 5 to /proc/self/clear_refs (Linux >= 4.0) at the start of the next.
//
// --rebuild times a second build with nothing changed; --add-one then adds one
// French article (the generator's next one) to the corpus, times the build
// again and reports what it took from the cache, and takes the article out of
// the corpus again (a kept corpus stays the one its marker describes).
//
// Before the build, a speed probe times the workers' per-article work on a fixed
// set of 400 generated articles in this process: this machine's speed drifts by a
// third from hour to hour, and the probe says how fast it was for these figures.
//
// With --json the last line printed is one JSON object (docs, seconds,
// peak_rss_mb, stages, ...). Speed is only ever reported here, never asserted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatSummary, summarizeProfile, type CpuProfile } from "../bench/profile.js";
import { timeDocWork } from "../bench/doc-timing.js";
import { DEFAULT_SEED, GENERATOR_VERSION, generateCorpus, generateDoc, SOURCES_HEADER, sourcesLine } from "../bench/corpus.js";
import { childPids, childrenCpu, procStatus } from "../proc.js";
import { isMain, runMain, UserError } from "./cli.js";

const MB = 1024 * 1024;
const MARKER = ".bench-corpus.json";

// ------------------------------------------------------------------ corpus

export interface CorpusInfo {
  generator_version: string;
  seed: number;
  docs: number;
  bytes: number;
  planted: number;
  languages: Record<string, number>;
  shapes: Record<string, number>;
  encodings: Record<string, number>;
}

/**
 * The modification time of the generated files: those of an archive, written long before the
 * build. A file stamped less than 2 s after it changed is read again by the next build
 * (corpus-files.ts racyStamp), which would make the rebuild right after a small corpus's
 * first build measure that instead of a build with nothing to do.
 */
export const ARCHIVED_AT = new Date("2025-01-01T00:00:00Z");

/**
 * Writes the corpus of `n` documents into `dir` (sources.csv and raw/), one
 * document at a time: memory does not grow with n.
 */
export function writeCorpus(dir: string, n: number, seed = DEFAULT_SEED): CorpusInfo {
  fs.mkdirSync(path.join(dir, "raw"), { recursive: true });
  const info: CorpusInfo = { generator_version: GENERATOR_VERSION, seed, docs: 0, bytes: 0, planted: 0, languages: {}, shapes: {}, encodings: {} };
  const csvTmp = path.join(dir, "sources.csv.tmp");
  const fd = fs.openSync(csvTmp, "w");
  let buf = SOURCES_HEADER + "\n";
  try {
    for (const d of generateCorpus(n, seed)) {
      const file = path.join(dir, d.source.file);
      fs.writeFileSync(file, d.bytes);
      fs.utimesSync(file, ARCHIVED_AT, ARCHIVED_AT);
      buf += sourcesLine(d.source);
      if (buf.length > 1 << 16) {
        fs.writeSync(fd, buf);
        buf = "";
      }
      info.docs++;
      info.bytes += d.bytes.length;
      info.planted += d.planted;
      info.languages[d.source.language] = (info.languages[d.source.language] ?? 0) + 1;
      info.shapes[d.shape] = (info.shapes[d.shape] ?? 0) + 1;
      info.encodings[d.encoding] = (info.encodings[d.encoding] ?? 0) + 1;
    }
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(csvTmp, path.join(dir, "sources.csv"));
  fs.utimesSync(path.join(dir, "sources.csv"), ARCHIVED_AT, ARCHIVED_AT);
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2) + "\n");
  return info;
}

/** The corpus already in `dir` when it was made by this generator version with the same n and seed. */
function existingCorpus(dir: string, n: number, seed: number): CorpusInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dir, MARKER), "utf8")) as CorpusInfo;
    return info.generator_version === GENERATOR_VERSION && info.docs === n && info.seed === seed ? info : null;
  } catch {
    return null;
  }
}

const PROBE_SEED = 1;
const PROBE_WARM = 200;
const PROBE_DOCS = 400;

/** Per-article time of the workers' work on a fixed set of generated articles, in this process (doc-timing.ts). */
function speedProbe(): { docs: number; clean_us: number; extract_us: number; output_sha256: string } {
  const items = Array.from({ length: PROBE_WARM + PROBE_DOCS }, (_, i) => {
    const d = generateDoc(PROBE_SEED, i);
    return { meta: { ...d.source, url: d.source.url || null }, bytes: d.bytes };
  });
  const t = timeDocWork(items, PROBE_WARM);
  return { docs: t.docs, clean_us: t.clean_us, extract_us: t.extract_us, output_sha256: t.output_sha256 };
}

/**
 * Adds the generator's next French document after the corpus' `n` to the corpus folder
 * (its file and a manifest row); `remove` puts the folder back as it was.
 */
function addArticle(dir: string, seed: number, n: number): { doc_id: string; remove: () => void } {
  let d = generateDoc(seed, n);
  for (let i = n + 1; d.source.language !== "fr"; i++) d = generateDoc(seed, i);
  const manifest = path.join(dir, "sources.csv");
  const before = fs.readFileSync(manifest);
  const file = path.join(dir, d.source.file);
  fs.writeFileSync(file, d.bytes);
  fs.appendFileSync(manifest, sourcesLine(d.source));
  return {
    doc_id: d.source.doc_id,
    remove: () => {
      fs.writeFileSync(manifest, before);
      fs.rmSync(file, { force: true });
    },
  };
}

// ------------------------------------------------------------------ memory


/** Summed VmRSS of a process and all its descendants, and how many processes that was. */
function treeRss(pid: number): { rss: number; procs: number } {
  let rss = 0;
  let procs = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    const s = procStatus(p);
    if (!s) continue;
    rss += s.rss;
    procs++;
    stack.push(...childPids(p));
  }
  return { rss, procs };
}

function resetHwm(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------ child: the build

interface StageResult {
  name: string;
  seconds: number;
  /** Peak RSS of the build process during this stage (VmHWM, reset at each stage start), MB. */
  peak_rss_mb: number | null;
  detail: string;
}

interface ChildResult {
  ok: boolean;
  error?: string;
  seconds: number;
  /** Of which loading the build's modules. */
  load_seconds: number;
  stages: StageResult[];
  vmhwm_mb: number;
  inproc_sampled_mb: number;
  cpu_user_s: number;
  cpu_system_s: number;
  summary?: { read: number; cleaned: number; claims: number; valid: number; rejected: number; problems: number; release: string; cache?: BuildCacheUse };
  /** The docs pass's thread seconds per stage (clean, extract, validate), summed over its threads. */
  thread_seconds?: { clean: number; extract: number; validate: number };
  log: string[];
}

type BuildCacheUse = NonNullable<Awaited<ReturnType<typeof import("./build-data.js").buildData>>["cache"]>;

const STAGE_LINE = /^\[(\w+)\s*\]\s*(.*?)\s*\((\d+(?:\.\d+)?) s\)\s*$/;

/** CPU microseconds of this process plus those of the children it waited for since `before` (the docs pass's process). */
function withChildren(own: NodeJS.CpuUsage, before: { user: number; system: number }): NodeJS.CpuUsage {
  const now = childrenCpu();
  return { user: own.user + (now.user - before.user) * 1e6, system: own.system + (now.system - before.system) * 1e6 };
}

async function childMain(data: string, dist: string): Promise<void> {
  const send = (r: ChildResult) => new Promise<void>((res) => process.send!(r, () => res()));
  const hwmResettable = resetHwm();
  let inprocPeak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    inprocPeak = Math.max(inprocPeak, process.memoryUsage.rss());
  }, 20);
  timer.unref();
  const stages: StageResult[] = [];
  const log: string[] = [];
  let mark = performance.now();
  let overallHwm = 0;
  const cpu0 = process.cpuUsage();
  const children0 = childrenCpu();
  const t0 = performance.now();
  try {
    const { buildData } = await import("./build-data.js");
    mark = performance.now();
    const loadSeconds = (mark - t0) / 1000;
    const s = await buildData({ data, dist, strict: false }, (line) => {
      log.push(line);
      const m = STAGE_LINE.exec(line);
      if (!m) return;
      const now = performance.now();
      const hwm = procStatus("self")?.hwm ?? 0;
      overallHwm = Math.max(overallHwm, hwm);
      stages.push({
        name: m[1]!,
        // The runner's own figure; our clock between stage lines is the fallback.
        seconds: Number(m[3] ?? (now - mark) / 1000),
        peak_rss_mb: hwmResettable ? hwm / MB : null,
        detail: m[2] ?? "",
      });
      if (hwmResettable) resetHwm();
      mark = performance.now();
    });
    const seconds = (performance.now() - t0) / 1000;
    // A docs pass run in a child process (from 20,000 rows) reports that process's peak: the docs
    // stage's figure is then both peaks added, an upper bound (the tree's sampled peak is the measurement).
    const docs = stages.find((st) => st.name === "docs");
    if (docs && docs.peak_rss_mb !== null && s.docsProcess?.peakRssBytes) docs.peak_rss_mb += s.docsProcess.peakRssBytes / MB;
    const cpu = withChildren(process.cpuUsage(cpu0), children0);
    clearInterval(timer);
    overallHwm = Math.max(overallHwm, procStatus("self")?.hwm ?? 0);
    await send({
      ok: true, seconds, load_seconds: loadSeconds, stages, log,
      vmhwm_mb: overallHwm / MB,
      inproc_sampled_mb: Math.max(inprocPeak, process.memoryUsage.rss()) / MB,
      cpu_user_s: cpu.user / 1e6, cpu_system_s: cpu.system / 1e6,
      summary: { read: s.read, cleaned: s.cleaned, claims: s.claims, valid: s.valid, rejected: s.rejected, problems: s.problems, release: s.release, cache: s.cache },
      ...(s.threadSeconds ? { thread_seconds: s.threadSeconds } : {}),
    });
  } catch (e) {
    const cpu = withChildren(process.cpuUsage(cpu0), children0);
    clearInterval(timer);
    await send({
      ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      seconds: (performance.now() - t0) / 1000, load_seconds: 0, stages, log,
      vmhwm_mb: Math.max(overallHwm, procStatus("self")?.hwm ?? 0) / MB,
      inproc_sampled_mb: inprocPeak / MB, cpu_user_s: cpu.user / 1e6, cpu_system_s: cpu.system / 1e6,
    });
  }
}

interface BuildRun extends ChildResult {
  pid: number | null;
  /** Largest summed VmRSS of the build's process tree seen by the parent's sampling, MB. */
  tree_sampled_mb: number;
  max_procs: number;
  peak_rss_mb: number;
  wall_seconds: number;
}

/** Runs the build in a child process and watches its memory from outside. */
function runBuildChild(data: string, dist: string, cpuProfDir: string | null, onLog: (l: string) => void): Promise<BuildRun> {
  const self = fileURLToPath(import.meta.url);
  // The way `npm run build-data` runs it: through the launcher (bundled scripts, no tsx).
  const args: string[] = [];
  if (cpuProfDir) args.push("--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`);
  args.push(path.join(path.dirname(self), "run.mjs"), "bench", "--child", "--data", data, "--dist", dist);
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit", "ipc"], cwd: path.resolve(path.dirname(self), "../..") });
  let treePeak = 0;
  let maxProcs = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const t = treeRss(child.pid);
    treePeak = Math.max(treePeak, t.rss);
    maxProcs = Math.max(maxProcs, t.procs);
  };
  const timer = setInterval(sample, 50);
  let result: ChildResult | null = null;
  child.on("message", (m) => {
    result = m as ChildResult;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearInterval(timer);
      const wall = (performance.now() - t0) / 1000;
      const r: ChildResult = result ?? {
        ok: false, error: `build process exited with ${signal ?? `code ${code}`} before reporting (killed? out of memory?)`,
        seconds: wall, load_seconds: 0, stages: [], log: [], vmhwm_mb: 0, inproc_sampled_mb: 0, cpu_user_s: 0, cpu_system_s: 0,
      };
      for (const l of r.log) onLog(l);
      const tree = treePeak / MB;
      resolve({ ...r, pid: child.pid ?? null, tree_sampled_mb: tree, max_procs: maxProcs, peak_rss_mb: Math.max(r.vmhwm_mb, tree), wall_seconds: wall });
    });
  });
}

// ------------------------------------------------------------------ ripgrep

export const RG_PATTERN = "[0-9][0-9 .,]*[0-9]";

interface RgRun {
  seconds: number;
  version: string;
  matching_lines: number;
  threads: number;
}

function findRg(install: boolean, say: (l: string) => void): string | null {
  const which = () => spawnSync("rg", ["--version"], { encoding: "utf8" });
  let v = which();
  if (v.status === 0) return v.stdout.split("\n")[0] ?? "rg";
  if (!install) return null;
  const script = fileURLToPath(new URL("../bench/setup-ripgrep.sh", import.meta.url));
  say(`ripgrep: rg not found, trying ${path.relative(process.cwd(), script)} (apt-get install ripgrep)`);
  const r = spawnSync("sh", [script], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0) {
    say(`ripgrep: could not install: ${(r.stderr || r.stdout).trim().split("\n").pop()}`);
    return null;
  }
  v = which();
  return v.status === 0 ? (v.stdout.split("\n")[0] ?? "rg") : null;
}

/** Times `rg -c PATTERN DIR/raw` (best of 3, files already in the page cache). */
function timeRg(dir: string, version: string): RgRun {
  let best = Infinity;
  let lines = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync("rg", ["-c", "--no-ignore", "--no-messages", RG_PATTERN, path.join(dir, "raw")], { encoding: "utf8", maxBuffer: 1 << 30 });
    const s = (performance.now() - t) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
    best = Math.min(best, s);
    lines = 0;
    for (const l of r.stdout.split("\n")) {
      const m = /:(\d+)$/.exec(l);
      if (m) lines += Number(m[1]);
    }
  }
  return { seconds: best, version, matching_lines: lines, threads: os.availableParallelism() };
}

// ------------------------------------------------------------------ main

export interface BenchOptions {
  docs: number;
  seed: number;
  json: boolean;
  keep: string | null;
  rebuild: boolean;
  addOne: boolean;
  cpuProf: string | null;
  rg: boolean;
}

export function parseBenchArgs(argv: string[]): BenchOptions & { child: { data: string; dist: string } | null } {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        docs: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" }, keep: { type: "string" },
        rebuild: { type: "boolean" }, "add-one": { type: "boolean" }, "cpu-prof": { type: "string" }, "no-rg": { type: "boolean" },
        child: { type: "boolean" }, data: { type: "string" }, dist: { type: "string" }, help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  if (v.help) {
    throw new UserError("usage: npm run bench -- [--docs N (1000)] [--json] [--keep DIR] [--seed S] [--rebuild] [--add-one] [--cpu-prof DIR] [--no-rg]");
  }
  const docs = Number(v.docs ?? 1000);
  if (!Number.isInteger(docs) || docs < 1) throw new UserError(`--docs must be a positive integer, not '${v.docs}'`);
  const seed = Number(v.seed ?? DEFAULT_SEED);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UserError(`--seed must be an integer in [0, 2^32), not '${v.seed}'`);
  return {
    docs, seed, json: Boolean(v.json), keep: v.keep ? path.resolve(v.keep) : null, rebuild: Boolean(v.rebuild), addOne: Boolean(v["add-one"]),
    cpuProf: v["cpu-prof"] ? path.resolve(v["cpu-prof"]) : null, rg: !v["no-rg"],
    child: v.child ? { data: path.resolve(v.data ?? "data"), dist: path.resolve(v.dist ?? "dist") } : null,
  };
}

const f2 = (x: number) => x.toFixed(2);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export async function bench(o: BenchOptions, out: (l: string) => void = (l) => console.log(l)): Promise<{ report: Record<string, unknown>; ok: boolean }> {
  // root/corpus is the corpus folder (sources.csv, raw/, then interim/); root/dist the release folder,
  // outside the corpus so the clean stage does not see releases as unlisted files.
  const root = o.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "nk-bench-"));
  const data = path.join(root, "corpus");
  const dist = path.join(root, "dist");
  try {
    let t = performance.now();
    let info = o.keep ? existingCorpus(data, o.docs, o.seed) : null;
    const reused = info !== null;
    if (o.keep && !reused && fs.existsSync(root) && fs.readdirSync(root).length && !fs.existsSync(path.join(data, MARKER))) {
      throw new UserError(`--keep ${root}: folder exists and holds no bench corpus; give an empty or new folder`);
    }
    // A reused corpus keeps its raw files, but the build starts cold.
    for (const sub of reused ? [path.join(data, "interim"), dist] : [data, dist]) fs.rmSync(sub, { recursive: true, force: true });
    if (!info) info = writeCorpus(data, o.docs, o.seed);
    const genSeconds = (performance.now() - t) / 1000;
    const mbIn = info.bytes / MB;
    out(`corpus: ${info.docs} documents, ${f2(mbIn)} MB (${Math.round(info.bytes / info.docs)} B/doc avg), seed ${o.seed}, ` +
      `${reused ? "reused" : `generated in ${f2(genSeconds)} s`} in ${data}`);
    out(`        languages ${JSON.stringify(info.languages)}, shapes ${JSON.stringify(info.shapes)}, encodings ${JSON.stringify(info.encodings)}, ${info.planted} claim sentences planted`);

    // This machine's speed drifts: how fast it is now, on a fixed workload, to compare runs taken at other times.
    const probe = speedProbe();
    out(`speed probe: ${probe.docs} generated articles (seed ${PROBE_SEED}) in one thread, after ${PROBE_WARM} to warm up: ` +
      `decode+clean ${probe.clean_us} us, extract+validate ${probe.extract_us} us per article`);

    // Other work on the machine skews every figure: say how busy it was.
    const load = os.loadavg()[0]!;
    if (load > os.availableParallelism() * 0.5) out(`warning: load average ${load.toFixed(2)} on ${os.availableParallelism()} CPUs before the build: figures will be noisy`);
    const buildStart = Date.now();
    const build = await runBuildChild(data, dist, o.cpuProf, (l) => out(`  | ${l}`));
    const loadAfter = os.loadavg()[0]!;
    const report: Record<string, unknown> = {
      docs: info.docs,
      bytes: info.bytes,
      mb: round(mbIn),
      seed: o.seed,
      generator_version: GENERATOR_VERSION,
      planted: info.planted,
      corpus_seconds: reused ? null : round(genSeconds),
      ok: build.ok,
      seconds: round(build.seconds),
      load_seconds: round(build.load_seconds),
      wall_seconds: round(build.wall_seconds),
      docs_per_s: round(info.docs / build.seconds, 1),
      mb_per_s: round(mbIn / build.seconds),
      peak_rss_mb: round(build.peak_rss_mb, 1),
      peak_rss: {
        vmhwm_mb: round(build.vmhwm_mb, 1),
        tree_sampled_mb: round(build.tree_sampled_mb, 1),
        inproc_sampled_mb: round(build.inproc_sampled_mb, 1),
        max_processes: build.max_procs,
        method: "max(VmHWM of the build process incl. its worker threads, 50 ms samples of summed VmRSS over its process tree)",
      },
      stages: Object.fromEntries(build.stages.map((s) => [s.name, round(s.seconds)])),
      stage_peak_rss_mb: Object.fromEntries(build.stages.map((s) => [s.name, s.peak_rss_mb === null ? null : round(s.peak_rss_mb, 1)])),
      ...(build.thread_seconds ? { docs_thread_seconds: Object.fromEntries(Object.entries(build.thread_seconds).map(([k, v]) => [k, round(v)])) } : {}),
      cpu_seconds: { user: round(build.cpu_user_s), system: round(build.cpu_system_s) },
      ...(build.summary ?? {}),
      node: process.version,
      cpus: os.availableParallelism(),
      speed_probe: probe,
      loadavg_1m: { before: round(load, 2), after: round(loadAfter, 2) },
    };
    if (!build.ok) {
      report.error = build.error;
      out(`build FAILED after ${f2(build.seconds)} s:\n${build.error}`);
    } else {
      out("");
      out(`build: ${info.docs} documents in ${f2(build.seconds)} s: ${(info.docs / build.seconds).toFixed(1)} docs/s, ` +
        `${(mbIn / build.seconds).toFixed(3)} MB/s, peak RSS ${build.peak_rss_mb.toFixed(0)} MB ` +
        `(VmHWM ${build.vmhwm_mb.toFixed(0)}, tree sampled ${build.tree_sampled_mb.toFixed(0)} over ≤${build.max_procs} process(es)), ` +
        `CPU ${f2(build.cpu_user_s)} s user + ${f2(build.cpu_system_s)} s sys`);
      const sum = build.stages.reduce((a, s) => a + s.seconds, 0);
      for (const s of build.stages) {
        out(`  ${s.name.padEnd(9)} ${s.seconds.toFixed(2).padStart(8)} s  ${((100 * s.seconds) / build.seconds).toFixed(1).padStart(5)} %` +
          `  peak RSS ${s.peak_rss_mb === null ? "?" : s.peak_rss_mb.toFixed(0).padStart(5)} MB  ${(s.seconds * 1000 / info.docs).toFixed(2)} ms/doc`);
        // Clean, extract and validate run together, document by document, on several threads: their share is thread time.
        if (s.name === "docs" && build.thread_seconds) {
          for (const [stage, sec] of Object.entries(build.thread_seconds)) {
            out(`    ${stage.padEnd(9)} ${sec.toFixed(2).padStart(8)} s of thread time  ${(sec * 1000 / info.docs).toFixed(2)} ms/doc`);
          }
        }
      }
      out(`  ${"load".padEnd(9)} ${build.load_seconds.toFixed(2).padStart(8)} s  (loading the build's modules)`);
      out(`  ${"other".padEnd(9)} ${(build.seconds - sum - build.load_seconds).toFixed(2).padStart(8)} s  (build lock, summary)`);
    }

    if (o.rebuild && build.ok) {
      const again = await runBuildChild(data, dist, null, () => {});
      report.rebuild_seconds = round(again.seconds);
      report.rebuild_peak_rss_mb = round(again.peak_rss_mb, 1);
      report.rebuild_stages = Object.fromEntries(again.stages.map((s) => [s.name, round(s.seconds)]));
      out(`rebuild (same inputs, same dist): ${f2(again.seconds)} s, peak RSS ${again.peak_rss_mb.toFixed(0)} MB ` +
        `(${again.stages.map((s) => `${s.name} ${f2(s.seconds)}`).join(", ")})${again.ok ? "" : ` FAILED: ${again.error}`}`);
    }

    if (o.addOne && build.ok) {
      const added = addArticle(data, o.seed, info.docs);
      try {
        const one = await runBuildChild(data, dist, null, () => {});
        const cache = one.summary?.cache ?? null;
        report.add_one = {
          doc_id: added.doc_id,
          ok: one.ok,
          seconds: round(one.seconds),
          peak_rss_mb: round(one.peak_rss_mb, 1),
          stages: Object.fromEntries(one.stages.map((s) => [s.name, round(s.seconds)])),
          cache,
          release: one.summary?.release ?? null,
        };
        out(`add one article (${added.doc_id}): ${f2(one.seconds)} s, peak RSS ${one.peak_rss_mb.toFixed(0)} MB ` +
          `(${one.stages.map((s) => `${s.name} ${f2(s.seconds)}`).join(", ")})` +
          (one.ok ? (cache ? `; ${cache.filesRead} file(s) read, ${cache.cleanHits} cleaned and ${cache.extractHits} extracted from cache` : "") : ` FAILED: ${one.error}`));
      } finally {
        added.remove();
      }
    }

    const rg = o.rg ? findRg(true, out) : null;
    if (!o.rg) {
      report.rg = null;
    } else if (!rg) {
      out("ripgrep: rg is unavailable: ratio build/rg skipped (run pipeline/bench/setup-ripgrep.sh as root)");
      report.rg = null;
    } else {
      const r = timeRg(data, rg);
      report.rg = { seconds: round(r.seconds, 4), version: r.version, pattern: RG_PATTERN, matching_lines: r.matching_lines, threads: r.threads };
      const ratio = build.ok ? build.seconds / r.seconds : null;
      report.build_rg_ratio = ratio === null ? null : round(ratio, 1);
      out(`ripgrep: rg -c '${RG_PATTERN}' over the same files: ${r.seconds.toFixed(3)} s (best of 3, ${r.threads} threads, ` +
        `${r.matching_lines} matching lines)` + (ratio === null ? "" : `; build/rg = ${ratio.toFixed(0)}x`));
    }
    if (o.cpuProf) {
      // Files are CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is a process's main thread
      // (thread 1 is tsx's module loader). The build's, and that of the docs pass's process when the
      // build started one (from 20,000 rows; its pid is not known here, so: a main thread's profile
      // written since this build started, other than the build's).
      const mainThread = (f: string) => f.endsWith(".cpuprofile") && f.split(".")[4] === "0";
      const mine = fs.readdirSync(o.cpuProf).filter(
        (f) => build.pid !== null && mainThread(f) && (f.includes(`.${build.pid}.0.`) || fs.statSync(path.join(o.cpuProf!, f)).mtimeMs >= buildStart),
      ).sort((a, b) => Number(!a.includes(`.${build.pid}.0.`)) - Number(!b.includes(`.${build.pid}.0.`)));
      for (const f of mine) {
        const prof = JSON.parse(fs.readFileSync(path.join(o.cpuProf, f), "utf8")) as CpuProfile;
        out(`cpu profile ${path.join(o.cpuProf, f)} (open in Chrome DevTools > Performance, or speedscope):`);
        for (const l of formatSummary(summarizeProfile(prof, path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")), 20)) out(l);
      }
    }
    if (o.keep) out(`kept: corpus in ${data}, release in ${dist}`);
    if (o.json) out(JSON.stringify(report));
    return { report, ok: build.ok };
  } finally {
    if (!o.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (opts.child) {
    void childMain(opts.child.data, opts.child.dist);
  } else {
    runMain("bench", async () => ((await bench(opts)).ok ? 0 : 1));
  }
}
