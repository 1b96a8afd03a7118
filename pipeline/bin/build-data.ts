// `npm run build-data [-- --data DIR --dist DIR --strict]`: clean -> extract -> validate -> publish.
// Each stage runs in-process through the same function its own script exports,
// so `npm run build-data` and running the four scripts by hand give the same files.
//
// By default clean, extract and validate run as one parallel, incremental pass
// (pipeline/parallel/docs.ts: worker threads, cache in DATA/interim/cache/), which
// writes the same interim files as the three stage scripts. `--stages` runs the
// stage scripts one after the other instead; `--workers N` (default: the CPUs)
// and `--no-cache` tune the parallel pass.
import os from "node:os";
import { runClean, type CleanSummary } from "./clean.js";
import { formatExtractSummary, runExtract, type ExtractSummary } from "./extract.js";
import { withBuildLock } from "../lock.js";
import { isMain, parseStageArgs, runMain, UserError, type StageOptions } from "./cli.js";

export interface BuildOptions extends StageOptions {
  /** Worker threads for clean + extract + validate (default: available CPUs); 1 = in this thread. */
  workers?: number;
  /** Use and update the build cache in DATA/interim/cache/ (default true). */
  cache?: boolean;
  /** Run the four stage scripts one after the other (no workers, no cache). */
  stages?: boolean;
}

export interface BuildSummary {
  read: number;
  cleaned: number;
  claims: number;
  valid: number;
  rejected: number;
  problems: number;
  unsupported: Record<string, number>;
  release: string;
  /** Exit code the command line uses. */
  exitCode: number;
  lines: string[];
}

type Log = (line: string) => void;

export async function buildData(opts: BuildOptions, log: Log = () => {}): Promise<BuildSummary> {
  return withBuildLock(opts.dist, async () => {
    const t0 = performance.now();
    const step = (name: string, t: number, detail: string) =>
      log(`[${name.padEnd(8)}] ${detail} (${((performance.now() - t) / 1000).toFixed(2)} s)`);

    let t = performance.now();
    let cleaned: CleanSummary;
    let extracted: ExtractSummary;
    let validated: { valid: number; rejected: number };
    if (opts.stages) {
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
      const workers = opts.workers ?? os.availableParallelism();
      const docs = await runDocs({ data: opts.data, workers, cache: opts.cache ?? true });
      cleaned = docs.clean;
      extracted = docs.extract;
      validated = docs.validate;
      const c = docs.cache;
      step(
        "docs",
        t,
        `${cleaned.read} documents read, ${cleaned.cleaned} cleaned, ${cleaned.problems.length} problems; ` +
          formatExtractSummary(extracted).replace(/^extract: /, "") +
          `; ${validated.valid} valid, ${validated.rejected} rejected; ` +
          (opts.cache ?? true
            ? `cache: ${c.filesRead} files read, ${c.cleanHits} cleaned and ${c.extractHits} extracted from cache${c.corrupt ? `, ${c.corrupt} bad entries recomputed` : ""}; `
            : "no cache; ") +
          `${workers > 1 ? `${workers} workers` : "1 thread"}`,
      );
    }

    t = performance.now();
    const { runPublish } = await import("./publish.js");
    const published = await runPublish({ data: opts.data, dist: opts.dist, strict: opts.strict });
    step("publish", t, published.message);

    const problems = cleaned.problems.length + extracted.problems.length;
    const lines = [
      "",
      "Build summary",
      `  documents read        ${cleaned.read}`,
      `  documents cleaned     ${cleaned.cleaned}`,
      `  claims extracted      ${extracted.claims}`,
      `  records valid         ${validated.valid}`,
      `  records rejected      ${validated.rejected}${validated.rejected ? "  (kept aside in the release's rejected.jsonl with their reasons)" : ""}`,
      `  input problems        ${problems}${problems ? "  (listed above and in the release's problems.csv)" : ""}`,
      ...Object.entries(extracted.unsupported).map(
        ([lang, n]) => `  not extracted         ${n} document(s) in '${lang}': language not supported yet`,
      ),
      `  release               ${published.message}`,
      `  total time            ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    ];
    for (const l of lines) log(l);
    const failed = opts.strict && (problems > 0 || validated.rejected > 0);
    if (failed) log(`build-data: --strict: ${problems} input problem(s) and ${validated.rejected} rejected record(s)`);
    return {
      read: cleaned.read,
      cleaned: cleaned.cleaned,
      claims: extracted.claims,
      valid: validated.valid,
      rejected: validated.rejected,
      problems,
      unsupported: extracted.unsupported,
      release: published.message,
      exitCode: failed ? 1 : 0,
      lines,
    };
  });
}

if (isMain(import.meta.url)) {
  runMain("build-data", async () => {
    const args = parseStageArgs(process.argv.slice(2), ["workers", "cache", "stages"]);
    const workers = args.flags.workers === undefined ? undefined : Number(args.flags.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new UserError(`--workers must be a whole number >= 1, not ${String(args.flags.workers)}`);
    const s = await buildData(
      { ...args, workers, cache: args.flags.cache !== false, stages: Boolean(args.flags.stages) },
      (l) => console.log(l),
    );
    return s.exitCode;
  });
}
