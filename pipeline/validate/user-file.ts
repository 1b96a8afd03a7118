// Reads a user's claims (or documents) file, as published or edited by hand,
// into records with the row number each came from, plus the file-level problems
// (header, syntax) that are not about any one record.
import { DataType, tableFromIPC, type Vector } from "apache-arrow";
import { fromCsvRow, parseCsv } from "../schema/csv.js";
import type { RecordSchema } from "../schema/schemas.js";

export type FileFormat = "csv" | "jsonl" | "arrow";

export interface FileRecord {
  /** CSV: 1-based row with the header as row 1; JSONL: 1-based line; Arrow: 1-based row of the table. */
  row: number;
  record: unknown;
}

export interface FileProblem {
  /** Row as in FileRecord; 1 for the CSV header, 0 for the Arrow schema. */
  row: number;
  /** Column name, or "" when the problem is about the whole row. */
  column: string;
  message: string;
}

export interface ReadFile {
  records: FileRecord[];
  problems: FileProblem[];
}

const ARROW_MAGIC = "ARROW1";

export function detectFormat(file: string, bytes: Uint8Array): FileFormat {
  if (/\.(arrow|feather|ipc)$/i.test(file) || Buffer.from(bytes.subarray(0, 6)).toString("latin1") === ARROW_MAGIC) return "arrow";
  if (/\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  return "csv";
}

function headerProblems(names: readonly string[], schema: RecordSchema, row: number): FileProblem[] {
  const expected = Object.keys(schema.properties);
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!expected.includes(name)) problems.push({ row, column: name, message: "unknown column" });
    else if (seen.has(name)) problems.push({ row, column: name, message: "column appears twice" });
    seen.add(name);
  }
  for (const name of expected) if (!seen.has(name)) problems.push({ row, column: name, message: "missing column" });
  return problems;
}

function readCsv(text: string, schema: RecordSchema): ReadFile {
  const parsed = parseCsv(text);
  const problems = headerProblems(parsed.header, schema, 1);
  for (const e of parsed.errors) problems.push({ row: e.row, column: "", message: e.message });
  const records: FileRecord[] = [];
  for (const r of parsed.rows) {
    if (r.problem) problems.push({ row: r.row, column: "", message: r.problem });
    records.push({ row: r.row, record: fromCsvRow(r.cells, schema) });
  }
  return { records, problems };
}

function readJsonl(text: string): ReadFile {
  const records: FileRecord[] = [];
  const problems: FileProblem[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    try {
      records.push({ row: i + 1, record: JSON.parse(line) });
    } catch (e) {
      problems.push({ row: i + 1, column: "", message: `not JSON: ${(e as Error).message}` });
    }
  });
  return { records, problems };
}

const MS_PER_DAY = 86_400_000;

/** One Arrow cell as the JSON value the schema describes. */
function fromArrow(type: DataType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // apache-arrow gives Date32/Date64 cells as milliseconds since the epoch.
  if (DataType.isDate(type) && typeof value === "number") return new Date(Math.floor(value / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
  if (DataType.isList(type)) {
    const child = type.children[0]!.type as DataType;
    return Array.from(value as Vector, (v) => fromArrow(child, v));
  }
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  return value;
}

function readArrow(bytes: Uint8Array, schema: RecordSchema): ReadFile {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    return { records: [], problems: [{ row: 0, column: "", message: `not an Arrow IPC file: ${(e as Error).message}` }] };
  }
  const fields = table.schema.fields;
  const problems = headerProblems(fields.map((f) => f.name), schema, 0);
  const vectors = fields.map((f) => table.getChild(f.name)!);
  const records: FileRecord[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const record: Record<string, unknown> = {};
    fields.forEach((f, j) => {
      record[f.name] = fromArrow(f.type, vectors[j]!.get(i));
    });
    records.push({ row: i + 1, record });
  }
  return { records, problems };
}

export function readUserFile(file: string, bytes: Uint8Array, schema: RecordSchema): ReadFile & { format: FileFormat } {
  const format = detectFormat(file, bytes);
  const text = () => new TextDecoder("utf-8").decode(bytes);
  const read = format === "arrow" ? readArrow(bytes, schema) : format === "jsonl" ? readJsonl(text()) : readCsv(text(), schema);
  return { ...read, format };
}
