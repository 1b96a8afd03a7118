// One unit of work of the parallel build, the same in a worker thread and in-process.
import { bodyTail, cleanBytes, cleanedDoc, extractDoc, type CleanedBody, type DocMeta, type ExtractOutcome, type StageMs } from "./doc-work.js";
export type { StageMs } from "./doc-work.js";

export interface DocTask {
  meta: DocMeta;
  raw_sha256: string;
  raw_bytes: number;
  /** The raw bytes, when the document must be cleaned. */
  bytes?: Uint8Array;
  /** The cleaned body, when cleaning came from the cache but extraction did not. */
  body?: CleanedBody;
}

export interface CleanPart {
  problems: [string, string][];
  crash: string | null;
  /** Set when the document was built. */
  encoding: string | null;
  cleaned_length: number;
  removed_blocks: number;
  /** `"text":...,"map":...,"removed":...}`, the end of the clean.jsonl line. */
  tail: string | null;
}

export interface DocResult {
  clean?: CleanPart;
  /** Absent when the document was not built. */
  extract?: ExtractOutcome;
  /** Milliseconds this thread spent on the document: decoding and cleaning, extracting, validating (reported, never written). */
  ms: StageMs;
}

export function runTask(task: DocTask): DocResult {
  const result: DocResult = { ms: [0, 0, 0] };
  let body = task.body ?? null;
  if (task.bytes) {
    const t = performance.now();
    const outcome = cleanBytes(task.bytes);
    body = outcome.body;
    result.clean = {
      problems: outcome.problems,
      crash: outcome.crash,
      encoding: body?.encoding ?? null,
      cleaned_length: body?.text.length ?? 0,
      removed_blocks: body?.removed.length ?? 0,
      tail: body ? bodyTail(body) : null,
    };
    result.ms[0] = performance.now() - t;
  }
  if (body) result.extract = extractDoc(cleanedDoc(task.meta, body, task.raw_sha256, task.raw_bytes), result.ms);
  return result;
}

export function runBatch(tasks: DocTask[]): DocResult[] {
  return tasks.map(runTask);
}
