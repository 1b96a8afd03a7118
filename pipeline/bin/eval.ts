// `npm run eval [-- --claims FILE] [--json] [--min-f1-numeric X] [--min-f1-all Y] [--min-field Z]`
//
// Scores claims against the gold annotations (test/fixtures/gold). By default it
// builds the seed corpus (data/) into a temporary release, as users get it, and
// scores DIST/latest/claims.csv; --stages runs only clean + extract in process;
// --claims FILE scores a given CSV (codebook column names) or JSONL file.
// Exit 1 when a threshold is not met.
import path from "node:path";
import minimist from "minimist";
import { checkThresholds, formatReport, score, toJson, type Row } from "../eval/score.js";
import { claimsFromBuild, claimsFromStages, readClaims, readGold } from "../eval/io.js";
import { isMain, runMain, UserError } from "./cli.js";

const USAGE = `usage: npm run eval -- [--claims FILE] [--gold DIR] [--data DIR] [--stages] [--json] [--quiet]
                        [--min-f1-numeric X] [--min-f1-all Y] [--min-field Z]`;

function threshold(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UserError(`--${name} wants a number between 0 and 1, got ${String(v)}`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const known = new Set(["_", "claims", "gold", "data", "stages", "json", "quiet", "min-f1-numeric", "min-f1-all", "min-field", "help", "h"]);
  const a = minimist(argv, { string: ["claims", "gold", "data", "min-f1-numeric", "min-f1-all", "min-field"], boolean: ["json", "stages", "quiet", "help", "h"] });
  for (const k of Object.keys(a)) if (!known.has(k)) throw new UserError(`unknown option --${k}\n${USAGE}`);
  if (a.help || a.h) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const gold = readGold(path.resolve(a.gold || "test/fixtures/gold"));
  const data = path.resolve(a.data || "data");
  let claims: Row[];
  let source: string;
  if (a.claims) {
    claims = readClaims(path.resolve(a.claims));
    source = a.claims;
  } else if (a.stages) {
    claims = await claimsFromStages(data);
    source = `clean + extract over ${data}`;
  } else {
    claims = await claimsFromBuild(data);
    source = `build-data over ${data} (latest/claims.csv)`;
  }
  const result = score(gold, claims);
  const failures = checkThresholds(result, {
    minF1Numeric: threshold(a["min-f1-numeric"], "min-f1-numeric"),
    minF1All: threshold(a["min-f1-all"], "min-f1-all"),
    minField: threshold(a["min-field"], "min-field"),
  });
  if (a.json) process.stdout.write(JSON.stringify({ source, ...toJson(result), failures }, null, 1) + "\n");
  else {
    process.stdout.write(`eval: ${claims.length} claims from ${source}, ${gold.length} gold documents\n`);
    process.stdout.write(formatReport(result, !a.quiet) + "\n");
    for (const f of failures) process.stdout.write(`below threshold: ${f}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) runMain("eval", () => main(process.argv.slice(2)));
