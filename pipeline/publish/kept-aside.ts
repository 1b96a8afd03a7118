// What the build kept out of the tables, published beside them so nothing is
// lost: rejected.jsonl (records that failed validation, with the errors) and
// problems.csv (documents or manifest rows a stage could not process).
import Papa from "papaparse";
import type { Problem } from "../types.js";
import { escapeFormula } from "../schema/index.js";
import type { RejectedRecord } from "./inputs.js";
import { compareText } from "./order.js";

const STAGE_ORDER: Problem["stage"][] = ["manifest", "read", "clean", "extract", "validate", "publish"];

/** One JSON object per line, "\n" ends, sorted by doc_id then record text, so the bytes do not depend on input order. */
export function rejectedJsonl(rejected: readonly RejectedRecord[]): string {
  const lines = rejected.map((r) => ({ key: `${r.doc_id ?? ""}\u0000${JSON.stringify(r.record)}`, line: JSON.stringify({ doc_id: r.doc_id, record: r.record, errors: r.errors }) }));
  lines.sort((a, b) => compareText(a.key, b.key) || compareText(a.line, b.line));
  return lines.map((l) => `${l.line}\n`).join("");
}

export const PROBLEM_COLUMNS = ["stage", "doc_id", "file", "line", "reason"] as const;

export function sortedProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
      compareText(a.doc_id ?? "", b.doc_id ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.reason, b.reason),
  );
}

/** Same CSV conventions as the tables: header, "\n" ends, empty cell for null, formula cells neutralised. */
export function problemsCsv(problems: readonly Problem[]): string {
  const rows = sortedProblems(problems).map((p) => ({
    stage: p.stage,
    doc_id: escapeFormula(p.doc_id ?? ""),
    file: escapeFormula(p.file ?? ""),
    line: p.line === null ? "" : String(p.line),
    reason: escapeFormula(p.reason),
  }));
  return Papa.unparse(rows, { columns: [...PROBLEM_COLUMNS], header: true, newline: "\n" }) + "\n";
}
