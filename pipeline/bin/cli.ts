// Shared edges of every stage script: argument parsing, user-facing errors,
// and the rule that a bad input prints one line while a bug prints a stack.
import path from "node:path";
import { pathToFileURL } from "node:url";
import minimist from "minimist";

/** An error caused by the user's input or setup, not by a bug: printed as one line. */
export class UserError extends Error {
  override name = "UserError";
}

/** Thrown by parseStageArgs for --help; runMain prints the script's usage. */
class HelpRequested extends Error {}

const COMMON = `  --data DIR   corpus folder holding sources.csv (default: data)
  --dist DIR   release folder (default: dist)
  --strict     exit 1 when any input problem or rejected record was found
  --help       this text`;

const USAGE: Record<string, string> = {
  "build-data": `usage: npm run build-data -- [--data DIR] [--dist DIR] [--strict] [--workers N] [--no-cache] [--stages] [--[no-]docs-process]\n\nclean -> extract -> validate -> publish: builds the corpus in DIR into a release in DIST.\n\n${COMMON}\n  --workers N  worker threads for clean+extract+validate (default: the CPUs; used from 1,500 documents to compute)\n  --no-cache   ignore and do not update the build cache in DIR/interim/cache/\n  --stages     run the four stage scripts one after the other (no workers, no cache)\n  --docs-process, --no-docs-process\n               run clean+extract+validate in a child process, or in this one (default: a child process from 20,000 manifest rows, so that publish's memory peak does not add to theirs)`,
  clean: `usage: npm run clean -- [--data DIR]\n\nReads DIR/sources.csv and the files it lists; writes DIR/interim/clean.jsonl.\n\n${COMMON}`,
  extract: `usage: npm run extract -- [--data DIR]\n\nDIR/interim/clean.jsonl -> DIR/interim/claims.jsonl (French articles; others get 0 claims).\n\n${COMMON}`,
  validate: `usage: npm run validate -- [--data DIR] [--strict]      (stage: interim/claims.jsonl -> valid.jsonl, rejected.jsonl)\n       npm run validate -- FILE [--table claims|documents]  (check a CSV, JSONL or Arrow file; prints FILE:row:column: message)\n\n${COMMON}`,
  publish: `usage: npm run publish-release -- [--data DIR] [--dist DIR] [--strict]\n\nWrites DIST/vX.Y.Z/, DIST/latest/ and DIST/index.json from DIR/interim/.\n\n${COMMON}`,
};

export interface StageOptions {
  /** Corpus folder holding sources.csv. */
  data: string;
  /** Output folder of releases. */
  dist: string;
  strict: boolean;
}

export interface ParsedArgs extends StageOptions {
  positional: string[];
  flags: Record<string, unknown>;
}

const KNOWN = new Set(["data", "dist", "strict", "_", "json", "docs", "claims", "help", "h"]);

export function parseStageArgs(argv: string[], extraFlags: string[] = []): ParsedArgs {
  const known = new Set([...KNOWN, ...extraFlags]);
  const a = minimist(argv, { string: ["data", "dist"], boolean: ["strict", "json", "help"], alias: { h: "help" } });
  if (a.help) throw new HelpRequested();
  for (const k of Object.keys(a)) {
    if (!known.has(k)) throw new UserError(`unknown option --${k}`);
  }
  return {
    data: path.resolve(typeof a.data === "string" && a.data ? a.data : "data"),
    dist: path.resolve(typeof a.dist === "string" && a.dist ? a.dist : "dist"),
    strict: Boolean(a.strict),
    positional: a._.map(String),
    flags: a,
  };
}

/**
 * True when the module at `metaUrl` is the script node was started with.
 * A bundle gives every module the bundle's own URL, so a bundled program that
 * imports stage scripts sets NK_NO_SCRIPT_MAIN=1 to keep their mains from running.
 */
export function isMain(metaUrl: string): boolean {
  if (process.env.NK_NO_SCRIPT_MAIN === "1") return false;
  const entry = process.argv[1];
  const main = entry !== undefined && pathToFileURL(path.resolve(entry)).href === metaUrl;
  if (main) (globalThis as Record<symbol, unknown>)[MAIN_STARTED] = true;
  return main;
}

/** Set when a script saw itself as the one run: the launcher (run.mjs) fails loudly when none did. */
export const MAIN_STARTED = Symbol.for("nk-troops-claims.main-started");

/** Runs a script body: user errors give one line and exit 2, bugs keep their stack. */
export function runMain(name: string, body: () => Promise<number | void>): void {
  body().then(
    (code) => {
      process.exitCode = typeof code === "number" ? code : 0;
    },
    (err: unknown) => {
      if (err instanceof HelpRequested) {
        process.stdout.write(`${USAGE[name] ?? `usage: ${name} [options]\n\n${COMMON}`}\n`);
        process.exitCode = 0;
      } else if (err instanceof UserError) {
        process.stderr.write(`${name}: error: ${err.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${name}: internal error (a bug, please report it):\n`);
        process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
        process.exitCode = 70;
      }
    },
  );
}
