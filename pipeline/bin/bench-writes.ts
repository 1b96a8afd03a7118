// `npm run bench-writes -- --data DIR [--runs R] [--json]`
//
// The cost of what the docs pass's main thread writes (interim JSONL files and cache
// packs), replayed from a built corpus (pipeline/bench/write-replay.ts) into a scratch
// folder R times (default 3). Point it at a kept bench corpus:
// `npm run bench -- --docs 10000 --keep /tmp/b`, then `npm run bench-writes -- --data /tmp/b/corpus`.
// To compare two versions of the writers, run it in both checkouts in turn.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import minimist from "minimist";
import { readBuiltLines, replayWrites, type WriteReplay } from "../bench/write-replay.js";
import { isMain, runMain, UserError } from "./cli.js";

const USAGE = "usage: npm run bench-writes -- [--data DIR (data)] [--runs R (3)] [--json]";

export function benchWrites(data: string, runs: number): WriteReplay[] {
  if (!fs.existsSync(path.join(data, "interim", "clean.jsonl"))) throw new UserError(`${data}: no interim/clean.jsonl; build the corpus first (npm run build-data -- --data ${data})`);
  const built = readBuiltLines(data);
  const out: WriteReplay[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-bench-writes-"));
    try {
      out.push(replayWrites(built, dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

if (isMain(import.meta.url)) {
  runMain("bench-writes", async () => {
    const a = minimist(process.argv.slice(2), { string: ["data", "runs"], boolean: ["json", "help"], alias: { h: "help" } });
    for (const k of Object.keys(a)) if (!["_", "data", "runs", "json", "help", "h"].includes(k)) throw new UserError(`unknown option --${k}\n${USAGE}`);
    if (a.help) {
      console.log(USAGE);
      return 0;
    }
    const runs = a.runs === undefined ? 3 : Number(a.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new UserError(`--runs must be a whole number >= 1, not '${String(a.runs)}'\n${USAGE}`);
    const data = path.resolve(a.data ?? "data");
    const r = benchWrites(data, runs);
    if (a.json) console.log(JSON.stringify(r));
    else {
      console.log(`bench-writes: the docs pass's writes for ${r[0]!.documents} documents of ${data} (${(r[0]!.bytes / 2 ** 20).toFixed(1)} MiB), ${runs} run(s)`);
      for (const x of r) console.log(`  ${x.wall_ms} ms wall, ${x.cpu_ms} ms CPU (user ${x.user_ms}, system ${x.system_ms})`);
    }
    return 0;
  });
}
