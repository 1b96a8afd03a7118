// `node pipeline/bin/run.mjs NAME [args]`: runs the script pipeline/bin/NAME.ts, as the npm
// scripts do. The scripts run from a bundle made by esbuild (pipeline/bundle.mjs: cached,
// rebuilt whenever a source file changes), not through tsx, whose loader hooks took
// about 0.3 s to start and more per module loaded. Without esbuild, or with
// NK_NO_BUNDLE=1 in the environment, the script runs through tsx, after a one-line notice.
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pipelineBundle, SCRIPTS } from "../bundle.mjs";

// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine
// code on a later run: the extractor's large case-insensitive Unicode expressions were thus
// compiled twice in each thread, about 0.2 s of every thread's first thousand articles
// (`npm run bench-docs -- --warm 0 --docs 1000`: extraction 1.61-1.76 ms per article against
// 1.82-2.03 ms, four alternating pairs). The flag is the whole process's, worker threads
// included, and only decides when a pattern is compiled, never what it matches.
v8.setFlagsFromString("--no-regexp-tier-up");
const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!SCRIPTS.includes(name ?? "")) {
  process.stderr.write(`usage: node pipeline/bin/run.mjs (${SCRIPTS.join("|")}) [args]\n`);
  process.exit(2);
}
const script = path.join(here, `${name}.ts`);
let entry;
try {
  const dir = await pipelineBundle();
  entry = path.join(dir, `${name}.mjs`);
  // Where the bundle's other entries are (the stat worker of cache/stat-digest.ts).
  globalThis[Symbol.for("nk-troops-claims.bundle-dir")] = dir;
} catch (e) {
  process.stderr.write(`run: not running a bundle (${String(e.message).split("\n")[0]}); running ${name} through tsx\n`);
  const { register } = await import("tsx/esm/api");
  register();
  entry = script;
}
// The script runs its command when it is the one named on the command line (cli.ts isMain).
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(entry).href);
// A script that did not see itself as the one run would do nothing and exit 0, as every
// script did from a bundle made for another folder of the same sources (bundle.mjs keyOf).
if (globalThis[Symbol.for("nk-troops-claims.main-started")] !== true) {
  process.stderr.write(`run: ${name} did not start: ${entry} does not see itself as ${script} (a bug, please report it)\n`);
  process.exit(70);
}
