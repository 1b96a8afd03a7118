// Clean stage script: DATA/sources.csv + raw files -> interim/clean.jsonl.
//
// Documents are processed one at a time in doc_id order (the manifest is sorted
// first, so the output is sorted without holding the corpus in memory). A file
// that cannot be read, decoded or cleaned costs that document only and becomes a
// Problem; the stage itself fails only when the corpus folder or its manifest is
// missing (a wrong --data, not bad data).
import fs from "node:fs";
import path from "node:path";
import type { CleanedDoc, Problem, Source } from "../types.js";
import { parseManifest } from "../manifest.js";
import { decode, MANIFEST_MAX_BYTES } from "../decode.js";
import { CorpusReader, listUnlistedFiles, MANIFEST_NAME } from "../corpus-files.js";
import { cleanedDoc, docMeta, sha256Hex } from "../parallel/doc-lines.js";
import type { CleanOutcome } from "../parallel/doc-work.js";
import { isMain, parseStageArgs, runMain, UserError } from "./cli.js";
import { AtomicJsonlWriter, interimDir } from "./io.js";

export interface CleanSummary {
  /** Documents whose bytes were read from disk. */
  read: number;
  /** Documents written to interim/clean.jsonl. */
  cleaned: number;
  problems: Problem[];
}

export interface CleanOptions {
  data: string;
  /** Receives one line per problem; defaults to stderr. */
  log?: (line: string) => void;
}

export async function runClean(opts: CleanOptions): Promise<CleanSummary> {
  const log = opts.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const data = path.resolve(opts.data);
  const manifestPath = path.join(data, MANIFEST_NAME);
  if (!fs.existsSync(data) || !fs.statSync(data).isDirectory()) throw new UserError(`corpus folder ${data} does not exist`);
  if (!fs.existsSync(manifestPath)) throw new UserError(`no ${MANIFEST_NAME} in ${data}: a corpus folder holds ${MANIFEST_NAME} and the files it lists`);

  const summary: CleanSummary = { read: 0, cleaned: 0, problems: [] };
  const report = (p: Problem) => {
    summary.problems.push(p);
    log(formatProblem(p));
  };

  const sources = await readManifest(data, report);
  const out = new AtomicJsonlWriter(path.join(interimDir(data), "clean.jsonl"));
  const reader = new CorpusReader(data);
  // Loaded here, not at the top: build-data imports this module for its helpers only.
  const { cleanBytes } = await import("../parallel/doc-work.js");
  for (const source of sources) {
    const doc = cleanOne(reader, cleanBytes, source, (reason, stage = "read") =>
      report({ stage, doc_id: source.doc_id, file: source.file, line: source.line, reason }),
    );
    if (doc === "unread") continue;
    summary.read++;
    if (doc) {
      out.write(doc);
      summary.cleaned++;
    }
  }

  for (const file of await listUnlistedFiles(data, sources.map((s) => s.file).concat(listedButRejected(summary.problems)))) {
    report({ stage: "read", doc_id: null, file, line: null, reason: `${file} is not listed in ${MANIFEST_NAME}; not built` });
  }

  const problemsOut = new AtomicJsonlWriter(path.join(interimDir(data), "problems.clean.jsonl"));
  for (const p of summary.problems) problemsOut.write(p);
  out.close();
  problemsOut.close();
  return summary;
}

/** `<file>: <doc_id>: <reason>` on one line, with control characters escaped. */
export function formatProblem(p: Problem): string {
  return `${p.file ?? "-"}: ${p.doc_id ?? "-"}: ${p.reason}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export async function readManifest(data: string, report: (p: Problem) => void): Promise<Source[]> {
  return readManifestBytes(data, report)?.sources ?? [];
}

/**
 * The manifest's rows sorted by doc_id, and its bytes; null when it is unusable
 * (reported). It has its own size limit (MANIFEST_MAX_BYTES), far above an article's.
 */
export function readManifestBytes(data: string, report: (p: Problem) => void): { sources: Source[]; bytes: Uint8Array } | null {
  const unusable = (why: string) =>
    report({ stage: "manifest", doc_id: null, file: MANIFEST_NAME, line: null, reason: `manifest unusable: ${why}; no document built` });
  // The manifest is a corpus file like the others: a symlink out of the folder is refused too.
  const reader = new CorpusReader(data, MANIFEST_MAX_BYTES);
  const resolved = reader.resolve(MANIFEST_NAME);
  const read = "error" in resolved ? resolved : reader.read(resolved.path);
  if ("error" in read) {
    unusable(read.error);
    return null;
  }
  const decoded = decode(read.bytes, MANIFEST_MAX_BYTES);
  if ("error" in decoded) {
    unusable(decoded.error);
    return null;
  }
  const { sources, problems } = parseManifest(decoded.text, MANIFEST_NAME);
  problems.forEach(report);
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  return { sources: sources.sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)), bytes: read.bytes };
}

/**
 * Files named by rejected manifest rows: already reported with their row, so not
 * reported a second time as unlisted.
 */
export function listedButRejected(problems: Problem[]): string[] {
  return problems.filter((p) => p.stage === "manifest" && p.file && p.file !== MANIFEST_NAME).map((p) => p.file!);
}

type Report = (reason: string, stage?: Problem["stage"]) => void;

/** One document through resolve, read, decode and clean; "unread" when its bytes could not be read. */
function cleanOne(reader: CorpusReader, cleanBytes: (bytes: Uint8Array) => CleanOutcome, source: Source, problem: Report): CleanedDoc | null | "unread" {
  const resolved = reader.resolve(source.file);
  if ("error" in resolved) {
    problem(`${resolved.error}; document not built`);
    return "unread";
  }
  const read = reader.read(resolved.path);
  if ("error" in read) {
    problem(`${read.error}; document not built`);
    return "unread";
  }
  const outcome = cleanBytes(read.bytes);
  // A crash here is a bug (ours or a library's on odd input), not bad data: show
  // its stack, but let the other documents through.
  if (outcome.crash) process.stderr.write(`clean: internal error on ${source.doc_id} (a bug, please report it):\n${outcome.crash}\n`);
  for (const [stage, reason] of outcome.problems) problem(reason, stage);
  if (!outcome.body) return null;
  return cleanedDoc(docMeta(source), outcome.body, sha256Hex(read.bytes), read.bytes.length);
}

if (isMain(import.meta.url)) {
  runMain("clean", async () => {
    const args = parseStageArgs(process.argv.slice(2));
    const s = await runClean({ data: args.data });
    console.log(`clean: ${s.read} documents read, ${s.cleaned} cleaned, ${s.problems.length} problems`);
    const unusable = s.problems.some((p) => p.stage === "manifest" && p.reason.startsWith("manifest unusable"));
    return unusable || (args.strict && s.problems.length) ? 1 : 0;
  });
}
