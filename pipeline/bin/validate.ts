// `npm run validate -- [--data DIR] [--strict]`: the validate stage, interim/claims.jsonl ->
//   interim/valid.jsonl + interim/rejected.jsonl (every input line lands in exactly one).
// `npm run validate -- FILE [--table claims|documents]`: checks a user's CSV, JSONL or Arrow
//   file against the schema and prints FILE:row:column: message per problem (exit 1 if any).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { claimChecker } from "../validate/index.js";
import { checkUserFile, type TableName } from "../validate/user-check.js";
import { isMain, parseStageArgs, runMain, UserError } from "./cli.js";
import { AtomicJsonlWriter, interimDir } from "./io.js";

export interface ValidateSummary {
  /** Lines read from claims.jsonl. */
  input: number;
  valid: number;
  rejected: number;
  /** Exit code for the command line: 1 under --strict when a record was rejected. */
  exitCode: number;
  message: string;
}

export async function runValidate(opts: { data: string; strict: boolean }): Promise<ValidateSummary> {
  const dir = interimDir(opts.data);
  const input = path.join(dir, "claims.jsonl");
  if (!fs.existsSync(input)) throw new UserError(`${input} does not exist: run the extract stage first (npm run build-data runs them all)`);
  const valid = new AtomicJsonlWriter(path.join(dir, "valid.jsonl"));
  const rejected = new AtomicJsonlWriter(path.join(dir, "rejected.jsonl"));
  const checker = claimChecker();
  const lines = readline.createInterface({ input: fs.createReadStream(input, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      // Kept as the raw text: a line that is not JSON is a record the extract stage lost, and it must show.
      rejected.write({ doc_id: null, record: line, errors: [{ pointer: "", message: `line ${n}: not JSON: ${(e as Error).message}` }] });
      continue;
    }
    const r = checker.check(record);
    if (r.rejected) rejected.write(r.rejected);
    else valid.write(r.valid);
  }
  valid.close();
  rejected.close();
  const message = `validate: ${n} records read, ${valid.count} valid, ${rejected.count} rejected (${path.relative(process.cwd(), dir) || "."}/rejected.jsonl)`;
  return { input: n, valid: valid.count, rejected: rejected.count, exitCode: opts.strict && rejected.count > 0 ? 1 : 0, message };
}

export function runUserMode(file: string, table: TableName, out: (line: string) => void): number {
  if (!fs.existsSync(file)) throw new UserError(`${file} does not exist`);
  const check = checkUserFile(file, fs.readFileSync(file), table);
  for (const p of check.problems) out(`${file}:${p.row}:${p.column}: ${p.message}`);
  const rows = check.format === "csv" ? "rows (row 1 is the header)" : check.format === "jsonl" ? "lines" : "rows";
  out(
    `${file}: ${check.format}, ${check.records} ${table} ${rows}, ${check.valid} valid, ` +
      `${check.problems.length === 0 ? "no problems" : `${check.problems.length} problem(s)`}`,
  );
  return check.problems.length === 0 ? 0 : 1;
}

if (isMain(import.meta.url)) {
  runMain("validate", async () => {
    const args = parseStageArgs(process.argv.slice(2), ["table"]);
    const [file, ...extra] = args.positional;
    if (extra.length) throw new UserError(`one file at a time, got ${args.positional.length}`);
    if (file !== undefined) {
      const table = String(args.flags.table ?? "claims");
      if (table !== "claims" && table !== "documents") throw new UserError(`--table is claims or documents, not ${table}`);
      return runUserMode(file, table, (l) => console.log(l));
    }
    const s = await runValidate(args);
    console.log(s.message);
    if (s.exitCode) console.log(`validate: --strict: ${s.rejected} record(s) rejected`);
    return s.exitCode;
  });
}
