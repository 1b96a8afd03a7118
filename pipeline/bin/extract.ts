// Extract stage script: interim/clean.jsonl -> interim/claims.jsonl.
import path from "node:path";
import type { CleanedDoc, Problem } from "../types.js";
import { isMain, parseStageArgs, runMain } from "./cli.js";
import { AtomicJsonlWriter, interimDir, readJsonl } from "./io.js";

/** Languages the extractor reads; other documents are kept, with zero claims and a note. */
export const SUPPORTED_LANGUAGES = new Set(["fr"]);

export interface ExtractSummary {
  documents: number;
  claims: number;
  /** Documents skipped per unsupported language code. */
  unsupported: Record<string, number>;
  problems: Problem[];
}

export async function runExtract(opts: { data: string }): Promise<ExtractSummary> {
  const dir = interimDir(opts.data);
  const out = new AtomicJsonlWriter(path.join(dir, "claims.jsonl"));
  const problemsOut = new AtomicJsonlWriter(path.join(dir, "problems.extract.jsonl"));
  const summary: ExtractSummary = { documents: 0, claims: 0, unsupported: {}, problems: [] };
  try {
    // Loaded here, not at the top: build-data imports this module for formatExtractSummary only.
    const { extractClaims, EXTRACTOR_VERSION } = await import("../extract/index.js");
    const { finishClaims } = await import("../records.js");
    await extractAll(dir, out, problemsOut, summary, { extractClaims, EXTRACTOR_VERSION, finishClaims });
  } catch (e) {
    out.abort();
    problemsOut.abort();
    throw e;
  }
  out.close();
  problemsOut.close();
  return summary;
}

interface Extractor {
  extractClaims: typeof import("../extract/index.js").extractClaims;
  EXTRACTOR_VERSION: string;
  finishClaims: typeof import("../records.js").finishClaims;
}

async function extractAll(
  dir: string,
  out: AtomicJsonlWriter,
  problemsOut: AtomicJsonlWriter,
  summary: ExtractSummary,
  { extractClaims, EXTRACTOR_VERSION, finishClaims }: Extractor,
): Promise<void> {
  for await (const [line, value] of readJsonl(path.join(dir, "clean.jsonl"))) {
    if (value instanceof Error) {
      const p: Problem = { stage: "extract", doc_id: null, file: null, line, reason: value.message };
      summary.problems.push(p);
      problemsOut.write(p);
      continue;
    }
    const doc = value as CleanedDoc;
    summary.documents++;
    if (!SUPPORTED_LANGUAGES.has(doc.language)) {
      summary.unsupported[doc.language] = (summary.unsupported[doc.language] ?? 0) + 1;
      continue;
    }
    try {
      const drafts = extractClaims({ text: doc.text, doc_id: doc.doc_id, published_at: doc.published_at, language: doc.language });
      for (const claim of finishClaims(doc, drafts, EXTRACTOR_VERSION)) {
        out.write(claim);
        summary.claims++;
      }
    } catch (e) {
      // A crash on one document is a bug, but it must not cost the other documents:
      // report it with its stack and keep going.
      const err = e as Error;
      process.stderr.write(`extract: internal error on ${doc.doc_id} (a bug, please report it):\n${err.stack ?? err.message}\n`);
      const p: Problem = { stage: "extract", doc_id: doc.doc_id, file: doc.file, line: null, reason: `extractor failed: ${err.message}` };
      summary.problems.push(p);
      problemsOut.write(p);
    }
  }
}

export function formatExtractSummary(s: ExtractSummary): string {
  const skipped = Object.entries(s.unsupported)
    .map(([lang, n]) => `${n} in '${lang}' (not supported yet: 0 claims)`)
    .join(", ");
  return `extract: ${s.documents} documents, ${s.claims} claims` + (skipped ? `; ${skipped}` : "") +
    (s.problems.length ? `; ${s.problems.length} problems` : "");
}

if (isMain(import.meta.url)) {
  runMain("extract", async () => {
    const args = parseStageArgs(process.argv.slice(2));
    const s = await runExtract(args);
    console.log(formatExtractSummary(s));
    return args.strict && s.problems.length ? 1 : 0;
  });
}
