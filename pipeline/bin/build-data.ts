// `npm run build-data [-- --data DIR --dist DIR --strict]`: clean -> extract -> validate -> publish.
// Each stage runs in-process through the same function its own script exports,
// so `npm run build-data` and running the four scripts by hand give the same files.
import { runClean } from "./clean.js";
import { formatExtractSummary, runExtract } from "./extract.js";
import { runValidate } from "./validate.js";
import { runPublish } from "./publish.js";
import { withBuildLock } from "../lock.js";
import { isMain, parseStageArgs, runMain, type StageOptions } from "./cli.js";

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

export async function buildData(opts: StageOptions, log: Log = () => {}): Promise<BuildSummary> {
  return withBuildLock(opts.dist, async () => {
    const t0 = performance.now();
    const step = (name: string, t: number, detail: string) =>
      log(`[${name.padEnd(8)}] ${detail} (${((performance.now() - t) / 1000).toFixed(2)} s)`);

    let t = performance.now();
    const cleaned = await runClean({ data: opts.data });
    step("clean", t, `${cleaned.read} documents read, ${cleaned.cleaned} cleaned, ${cleaned.problems.length} problems`);

    t = performance.now();
    const extracted = await runExtract({ data: opts.data });
    step("extract", t, formatExtractSummary(extracted).replace(/^extract: /, ""));

    t = performance.now();
    const validated = await runValidate({ data: opts.data, strict: opts.strict });
    step("validate", t, `${validated.valid} valid, ${validated.rejected} rejected`);

    t = performance.now();
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
    const args = parseStageArgs(process.argv.slice(2));
    const s = await buildData(args, (l) => console.log(l));
    return s.exitCode;
  });
}
