// `npm run build-data [-- --data DIR --dist DIR --strict]`: clean -> extract -> validate -> publish.
// Each stage runs in-process through the same function its own script exports,
// so `npm run build-data` and running the four scripts by hand give the same files.
//
// By default clean, extract and validate run as one parallel, incremental pass
// (pipeline/parallel/docs.ts: worker threads, cache in DATA/interim/cache/), which
// writes the same interim files as the three stage scripts. `--stages` runs the
// stage scripts one after the other instead; `--workers N` (default: the CPUs)
// and `--no-cache` tune the parallel pass.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildFigures, RecordedResult } from "../cache/state.js";
import type { KnownLatest } from "../publish/folder-stamps.js";
import type { Problem } from "../types.js";
// Stage modules are loaded when used: a build with nothing to do loads none of the
// heavy ones (HTML parser, extractor, Arrow, Parquet).
import type { CleanSummary } from "./clean.js";
import type { DocsSummary } from "../parallel/docs.js";
import type { ChildUsage } from "../parallel/docs-process.js";
import type { ExtractSummary } from "./extract.js";
import { withBuildLock } from "../lock.js";
import { isInside, MANIFEST_NAME } from "../corpus-files.js";
import { collectGarbage } from "../gc.js";
import { isMain, parseStageArgs, runMain, UserError, type StageOptions } from "./cli.js";

export interface BuildOptions extends StageOptions {
  /** Worker threads for clean + extract + validate (default: available CPUs); 1 = in this thread. */
  workers?: number;
  /** Fewest documents left to compute for worker threads to start (default parallel/docs.ts MIN_PARALLEL_TASKS). */
  minParallelTasks?: number;
  /** Use and update the build cache in DATA/interim/cache/ (default true). */
  cache?: boolean;
  /** Run the four stage scripts one after the other (no workers, no cache). */
  stages?: boolean;
  /**
   * Run the docs pass in a child process (parallel/docs-process.ts) rather than in this one;
   * default: when the manifest has at least DOCS_PROCESS_MIN_ROWS rows.
   */
  docsProcess?: boolean;
}

/**
 * Manifest rows from which the docs pass runs in a process of its own, so that publish does not
 * stack its memory peak on what the pass leaves behind. Below it the pass stays in this process:
 * starting one costs about 0.2 s, and at 10,000 bench articles the whole build peaks under 500 MB.
 */
export const DOCS_PROCESS_MIN_ROWS = 20_000;

/** Whether the docs pass runs in a child process: as asked, else from DOCS_PROCESS_MIN_ROWS manifest rows. */
export function useDocsProcess(opts: Pick<BuildOptions, "data" | "docsProcess">): boolean {
  // The header line is not a row.
  return opts.docsProcess ?? manifestLines(opts.data) - 1 >= DOCS_PROCESS_MIN_ROWS;
}

/** Lines of the manifest, as an estimate of its rows (a quoted field may hold a line break); 0 when unreadable. */
function manifestLines(data: string): number {
  try {
    const bytes = fs.readFileSync(path.join(data, MANIFEST_NAME));
    let n = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
    return n;
  } catch {
    return 0;
  }
}

export interface BuildSummary extends Figures {
  release: string;
  /** Exit code the command line uses. */
  exitCode: number;
  /**
   * How the parallel pass used the build cache: "nothing" when no input changed (no
   * stage ran), else files read and documents taken from the cache; absent with --stages.
   */
  cache?: { nothing: boolean; filesRead: number; cleanHits: number; extractHits: number; corrupt: number; copied: number };
  /** The docs pass's process, when it ran in one (useDocsProcess): its peak RSS and CPU time. */
  docsProcess?: ChildUsage;
  /** The docs pass's thread time per stage (parallel/docs.ts DocsSummary.threadSeconds); absent with --stages and when nothing changed. */
  threadSeconds?: { clean: number; extract: number; validate: number };
  lines: string[];
}

type Log = (line: string) => void;

/**
 * A DIST inside the corpus folder would be scanned with it: every release file reported
 * as an unlisted article, that report published, and so a new release on every build.
 */
function checkDistOutsideCorpus(data: string, dist: string): void {
  const [root, out] = [path.resolve(data), path.resolve(dist)];
  if (out === root || isInside(root, out)) {
    throw new UserError(`--dist ${dist} is inside the corpus folder ${data}: its release files would be read as unlisted articles; choose a folder outside it`);
  }
}

export async function buildData(opts: BuildOptions, log: Log = () => {}): Promise<BuildSummary> {
  checkDistOutsideCorpus(opts.data, opts.dist);
  return withBuildLock(opts.dist, async () => {
    const t0 = performance.now();
    const step = (name: string, t: number, detail: string) =>
      log(`[${name.padEnd(8)}] ${detail} (${((performance.now() - t) / 1000).toFixed(2)} s)`);

    let t = performance.now();
    const cached = !opts.stages && (opts.cache ?? true);
    if (cached) {
      const state = await import("../cache/state.js");
      const same = await state.unchangedBuild(opts.data, opts.dist);
      if (same) return noopBuild(opts, same.version, same.result, same.latest, t0, log);
      // A build killed from here on must not look complete to the next run.
      state.clearBuildState(opts.data);
    }
    let cleaned: CleanSummary;
    let inputs: import("../parallel/docs.js").DocsSummary["inputs"] | null = null;
    let cacheUse: BuildSummary["cache"];
    let docsChild: ChildUsage | undefined;
    let threadSeconds: BuildSummary["threadSeconds"];
    let extracted: ExtractSummary;
    let validated: { valid: number; rejected: number };
    if (opts.stages) {
      const { runClean } = await import("./clean.js");
      const { formatExtractSummary, runExtract } = await import("./extract.js");
      cleaned = await runClean({ data: opts.data });
      step("clean", t, `${cleaned.read} documents read, ${cleaned.cleaned} cleaned, ${cleaned.problems.length} problems`);

      t = performance.now();
      extracted = await runExtract({ data: opts.data });
      step("extract", t, formatExtractSummary(extracted).replace(/^extract: /, ""));

      t = performance.now();
      const { runValidate } = await import("./validate.js");
      validated = await runValidate({ data: opts.data, strict: opts.strict });
      step("validate", t, `${validated.valid} valid, ${validated.rejected} rejected`);
    } else {
      const { runDocs } = await import("../parallel/docs.js");
      const { formatExtractSummary } = await import("./extract.js");
      const workers = opts.workers ?? os.availableParallelism();
      const docsOpts = { data: opts.data, workers, cache: opts.cache ?? true, minParallelTasks: opts.minParallelTasks };
      const inChild = useDocsProcess(opts);
      const docs: DocsSummary & { process?: ChildUsage } = inChild ? await (await import("../parallel/docs-process.js")).runDocsInChild(docsOpts) : await runDocs(docsOpts);
      docsChild = docs.process;
      threadSeconds = docs.threadSeconds;
      cleaned = docs.clean;
      extracted = docs.extract;
      inputs = docs.inputs;
      cacheUse = { nothing: false, ...docs.cache };
      validated = docs.validate;
      const c = docs.cache;
      step(
        "docs",
        t,
        `${cleaned.read} documents read, ${cleaned.cleaned} cleaned, ${cleaned.problems.length} problems; ` +
          formatExtractSummary(extracted).replace(/^extract: /, "") +
          `; ${validated.valid} valid, ${validated.rejected} rejected; ` +
          (opts.cache ?? true
            ? `cache: ${c.filesRead} files read, ${c.cleanHits} cleaned and ${c.extractHits} extracted from cache (${c.copied} copied from the last interim files)${c.corrupt ? `, ${c.corrupt} bad entries recomputed` : ""}; `
            : "no cache; ") +
          `${docs.threads > 1 ? `${docs.threads} workers` : "1 thread"}` +
          (docsChild ? ` in a child process (peak RSS ${docsChild.peakRssBytes === null ? "?" : (docsChild.peakRssBytes / 2 ** 20).toFixed(0)} MB, CPU ${((docsChild.cpuUserUs + docsChild.cpuSystemUs) / 1e6).toFixed(2)} s)` : "") +
          `; thread time: clean ${threadSeconds.clean.toFixed(2)} s, extract ${threadSeconds.extract.toFixed(2)} s, validate ${threadSeconds.validate.toFixed(2)} s`,
      );
    }

    t = performance.now();
    // What the earlier stages held (the docs pass's cache indexes and ledger) is garbage now,
    // and publish's memory peak comes next.
    collectGarbage();
    const { runPublish } = await import("./publish.js");
    const published = await runPublish({ data: opts.data, dist: opts.dist, strict: opts.strict, rowDigests: cached });
    step("publish", t, published.message);

    const problems = cleaned.problems.length + extracted.problems.length;
    const figures: Figures = {
      read: cleaned.read,
      cleaned: cleaned.cleaned,
      claims: extracted.claims,
      valid: validated.valid,
      rejected: validated.rejected,
      problems,
      unsupported: extracted.unsupported,
    };
    if (cached && inputs) {
      const { saveBuildState } = await import("../cache/state.js");
      await saveBuildState({
        data: opts.data,
        dist: opts.dist,
        ...inputs,
        version: published.version,
        result: { ...figures, counts: published.counts },
      });
    }

    const { lines, failed } = summarise(figures, published.message, t0, opts.strict, log);
    return {
      ...figures,
      release: published.message,
      exitCode: failed ? 1 : 0,
      lines,
      ...(cacheUse ? { cache: cacheUse } : {}),
      ...(docsChild ? { docsProcess: docsChild } : {}),
      ...(threadSeconds ? { threadSeconds } : {}),
    };
  });
}

type Figures = BuildFigures;

/** The one-screen summary every build ends with; `failed` when --strict and anything was kept aside. */
function summarise(f: Figures, release: string, t0: number, strict: boolean, log: Log): { lines: string[]; failed: boolean } {
  const lines = [
    "",
    "Build summary",
    `  documents read        ${f.read}`,
    `  documents cleaned     ${f.cleaned}`,
    `  claims extracted      ${f.claims}`,
    `  records valid         ${f.valid}`,
    `  records rejected      ${f.rejected}${f.rejected ? "  (kept aside in the release's rejected.jsonl with their reasons)" : ""}`,
    `  input problems        ${f.problems}${f.problems ? "  (listed above and in the release's problems.csv)" : ""}`,
    ...Object.entries(f.unsupported).map(([lang, n]) => `  not extracted         ${n} document(s) in '${lang}': language not supported yet`),
    `  release               ${release}`,
    `  total time            ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  ];
  for (const l of lines) log(l);
  const failed = strict && (f.problems > 0 || f.rejected > 0);
  if (failed) log(`build-data: --strict: ${f.problems} input problem(s) and ${f.rejected} rejected record(s)`);
  return { lines, failed };
}

/** Nothing changed since the last complete build: bring latest/ and index.json up to date, report the recorded figures. */
async function noopBuild(opts: BuildOptions, version: string, r: RecordedResult, latest: KnownLatest | undefined, t0: number, log: Log): Promise<BuildSummary> {
  const t = performance.now();
  const { removeLeftovers, updateIndex, updateLatest, versionDir } = await import("../publish/dist-store.js");
  // The clean stage prints its problems on every run; so does a build that had nothing to do.
  const problemsFile = path.join(opts.data, "interim", "problems.clean.jsonl");
  if (r.problems > 0 && fs.existsSync(problemsFile)) {
    const { forEachLine } = await import("../publish/read-inputs.js");
    const { formatProblem } = await import("./clean.js");
    forEachLine(problemsFile, (line) => {
      if (line.trim()) process.stderr.write(formatProblem(JSON.parse(line) as Problem) + "\n");
    });
  }
  removeLeftovers(opts.dist);
  updateLatest(opts.dist, version, latest);
  await updateIndex(opts.dist);
  const dir = versionDir(opts.dist, version);
  const relative = path.relative(process.cwd(), dir);
  const shown = relative && !relative.startsWith("..") ? relative : dir;
  const c = r.counts;
  const release = `unchanged: the data equal release ${version} (${shown}); no new version (${c.claims} claims, ${c.documents} documents, ${c.rejected} rejected, ${c.problems} problems)`;
  log(`[${"nothing".padEnd(8)}] no input, interim file, code or release changed since the last build (${((performance.now() - t0) / 1000).toFixed(2)} s)`);
  log(`[${"publish".padEnd(8)}] ${release} (${((performance.now() - t) / 1000).toFixed(2)} s)`);
  const { lines, failed } = summarise(r, release, t0, opts.strict, log);
  return { read: r.read, cleaned: r.cleaned, claims: r.claims, valid: r.valid, rejected: r.rejected, problems: r.problems, unsupported: r.unsupported, release, exitCode: failed ? 1 : 0, lines,
    cache: { nothing: true, filesRead: 0, cleanHits: 0, extractHits: 0, corrupt: 0, copied: 0 } };
}

if (isMain(import.meta.url)) {
  runMain("build-data", async () => {
    const args = parseStageArgs(process.argv.slice(2), ["workers", "cache", "stages", "docs-process"]);
    const workers = args.flags.workers === undefined ? undefined : Number(args.flags.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new UserError(`--workers must be a whole number >= 1, not ${String(args.flags.workers)}`);
    const s = await buildData(
      {
        ...args,
        workers,
        cache: args.flags.cache !== false,
        stages: Boolean(args.flags.stages),
        ...(args.flags["docs-process"] === undefined ? {} : { docsProcess: Boolean(args.flags["docs-process"]) }),
      },
      (l) => console.log(l),
    );
    return s.exitCode;
  });
}
