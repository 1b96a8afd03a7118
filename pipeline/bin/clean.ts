// Clean stage script: DATA/sources.csv + raw files -> interim/clean.jsonl.
//
// Documents are processed one at a time in doc_id order (the manifest is sorted
// first, so the output is sorted without holding the corpus in memory). A file
// that cannot be read, decoded or cleaned costs that document only and becomes a
// Problem; the stage itself fails only when the corpus folder or its manifest is
// missing (a wrong --data, not bad data).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { CleanedDoc, CleanResult, Problem, Source } from "../types.js";
import { clean } from "../clean/index.js";
import { parseManifest } from "../manifest.js";
import { decode } from "../decode.js";
import { htmlToText, looksLikeHtml } from "../html.js";
import { listUnlistedFiles, MANIFEST_NAME, readCorpusFile, resolveCorpusFile } from "../corpus-files.js";
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
  for (const source of sources) {
    const doc = await cleanOne(data, source, (reason, stage = "read") =>
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

async function readManifest(data: string, report: (p: Problem) => void): Promise<Source[]> {
  const unusable = (why: string) =>
    report({ stage: "manifest", doc_id: null, file: MANIFEST_NAME, line: null, reason: `manifest unusable: ${why}; no document built` });
  // The manifest is a corpus file like the others: a symlink out of the folder is refused too.
  const resolved = await resolveCorpusFile(data, MANIFEST_NAME);
  const read = "error" in resolved ? resolved : await readCorpusFile(resolved.path);
  if ("error" in read) {
    unusable(read.error);
    return [];
  }
  const decoded = decode(read.bytes);
  if ("error" in decoded) {
    unusable(decoded.error);
    return [];
  }
  const { sources, problems } = parseManifest(decoded.text, MANIFEST_NAME);
  problems.forEach(report);
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  return sources.sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0));
}

/**
 * Files named by rejected manifest rows: already reported with their row, so not
 * reported a second time as unlisted.
 */
function listedButRejected(problems: Problem[]): string[] {
  return problems.filter((p) => p.stage === "manifest" && p.file && p.file !== MANIFEST_NAME).map((p) => p.file!);
}

type Report = (reason: string, stage?: Problem["stage"]) => void;

/** One document through resolve, read, decode and clean; "unread" when its bytes could not be read. */
async function cleanOne(data: string, source: Source, problem: Report): Promise<CleanedDoc | null | "unread"> {
  const resolved = await resolveCorpusFile(data, source.file);
  if ("error" in resolved) {
    problem(`${resolved.error}; document not built`);
    return "unread";
  }
  const read = await readCorpusFile(resolved.path);
  if ("error" in read) {
    problem(`${read.error}; document not built`);
    return "unread";
  }
  const decoded = decode(read.bytes);
  if ("error" in decoded) {
    problem(`${decoded.error}; document not built`);
    return null;
  }
  let { text, encoding } = decoded;
  let result: CleanResult;
  let html = false;
  try {
    html = looksLikeHtml(text);
    if (html) {
      text = htmlToText(text).text;
      encoding += "+html";
      if (text.trim() === "") {
        problem("HTML page with no article text; document not built");
        return null;
      }
    }
    result = clean(text);
  } catch (e) {
    // A crash here is a bug (ours or a library's on odd input), not bad data: show
    // its stack, but let the other documents through.
    const err = e as Error;
    process.stderr.write(`clean: internal error on ${source.doc_id} (a bug, please report it):\n${err.stack ?? err.message}\n`);
    problem(`${html ? "HTML extraction or cleaning" : "cleaning"} failed: ${err.message}; document not built`, "clean");
    return null;
  }
  if (result.text.trim() === "") problem("cleaning removed all text; document kept with empty text", "clean");

  const { line: _line, ...meta } = source;
  return {
    ...meta,
    encoding,
    raw_sha256: createHash("sha256").update(read.bytes).digest("hex"),
    raw_bytes: read.bytes.length,
    text: result.text,
    map: result.map,
    removed: result.removed,
  };
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
