// The CSV codec shared by the publisher (writing) and the validator (reading
// users' files), typed by the JSON Schema so both sides agree on every cell.
//
// Cell rules, per column kind:
//   null            -> ""            ("" -> null only for nullable columns; the schema forbids "" in
//                                     every nullable string column, so the mapping is one to one)
//   integer         -> decimal       (read back only if it is exactly /-?(0|[1-9][0-9]*)/)
//   date            -> YYYY-MM-DD    (kept as the ISO string)
//   list of strings -> items joined with "; ", [] -> "" (the schema forbids ";" inside an item)
//   string, enum    -> as is
//
// Formula-injection neutralisation: a cell whose text starts with = + - @ TAB or CR
// is opened as a formula by spreadsheets. The rule, done here on write and undone
// on read so that a round trip is exact:
//   write: if the text matches /^'*[=+\-@\t\r]/, prefix one "'"
//   read:  if the cell matches /^'+[=+\-@\t\r]/, remove one leading "'"
// Counting the leading quotes keeps a value that itself starts with "'=" distinct
// from an escaped "=". papaparse's `escapeFormulae: true` applies the same prefix,
// but its test /^[=+\-@\t\r].*$/ misses multi-line cells ("." stops at a newline),
// so the codec does it itself, on every cell (numbers, dates and lists too), and papaparse
// is called without escapeFormulae: after the codec no cell starts with those characters.
import Papa from "papaparse";
import { claimColumnSpecs, columnsOf, documentColumnSpecs, type Column } from "./columns.js";
import { claimSchema, documentSchema, type RecordSchema } from "./schemas.js";
import { rowMaker } from "./values.js";

export const LIST_DELIMITER = "; ";

const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const STRICT_INTEGER = /^-?(0|[1-9][0-9]*)$/;

export function escapeFormula(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `'${text}` : text;
}

export function unescapeFormula(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}

function columnsFor(jsonSchema: RecordSchema): readonly Column[] {
  if (jsonSchema === claimSchema) return claimColumnSpecs;
  if (jsonSchema === documentSchema) return documentColumnSpecs;
  return columnsOf(jsonSchema);
}

function encodeCell(column: Column, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (column.kind === "list" && Array.isArray(value)) return value.map(String).join(LIST_DELIMITER);
  return String(value);
}

const rowMakers = new WeakMap<RecordSchema, (record: object) => Record<string, string>>();

/**
 * One record as CSV cells keyed by column, in column order, formula-escaped. Unknown keys
 * are not written. Made by a function generated for the schema's columns (values.ts),
 * since publish calls it once per row of a 480k-row table.
 */
export function toCsvRow(record: object, jsonSchema: RecordSchema = claimSchema): Record<string, string> {
  let make = rowMakers.get(jsonSchema);
  if (!make) {
    const columns = columnsFor(jsonSchema);
    make = rowMaker(
      columns.map((c) => c.name),
      (j, value) => escapeFormula(encodeCell(columns[j]!, value)),
    );
    rowMakers.set(jsonSchema, make);
  }
  return make(record);
}

function decodeCell(column: Column, cell: string): unknown {
  const text = unescapeFormula(cell);
  if (text === "") {
    if (column.kind === "list") return [];
    // A non-nullable column keeps "" so that validation reports it rather than a silent null.
    return column.nullable ? null : "";
  }
  if (column.kind === "list") return text.split(LIST_DELIMITER);
  if (column.kind === "integer") {
    const n = Number(text);
    // Anything else ("1.0", " 12", "1e3", "12abc") stays a string: validation then says "must be integer".
    return STRICT_INTEGER.test(text) && Number.isSafeInteger(n) ? n : text;
  }
  return text;
}

/**
 * The inverse of toCsvRow: one CSV row (cells keyed by column) back to a record, typed by the
 * schema. The result is not validated: cells that do not decode stay strings for the validator
 * to reject. Columns missing from `row` are left out; keys not in the schema are ignored.
 */
export function fromCsvRow(row: Record<string, string>, jsonSchema: RecordSchema = claimSchema): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of columnsFor(jsonSchema)) {
    const cell = row[column.name];
    if (cell !== undefined) record[column.name] = decodeCell(column, cell);
  }
  return record;
}

/** A whole CSV file: header row of column names, then one row per record, "\n" line ends. */
export function encodeCsv(records: readonly object[], jsonSchema: RecordSchema = claimSchema): string {
  const columns = columnsFor(jsonSchema).map((c) => c.name);
  const rows = records.map((r) => toCsvRow(r, jsonSchema));
  return Papa.unparse(rows, { columns, header: true, newline: "\n" }) + "\n";
}

export interface CsvRow {
  /** 1-based row number in the file, the header being row 1 (as a spreadsheet numbers it). */
  row: number;
  cells: Record<string, string>;
  /** Cells beyond the header's width, or too few cells: the row is malformed. */
  problem: string | null;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  /** Syntax errors from papaparse (unterminated quote, ...), by 1-based row. */
  errors: { row: number; message: string }[];
}

/** Parse a CSV written by encodeCsv (or a user's edit of one). Blank lines are skipped but still counted. */
export function parseCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const [header = [], ...body] = parsed.data;
  const rows: CsvRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length === 1 && cells[0] === "") return;
    const record: Record<string, string> = {};
    header.forEach((name, j) => {
      const cell = cells[j];
      if (cell !== undefined) record[name] = cell;
    });
    const problem = cells.length === header.length ? null : `row has ${cells.length} cells, header has ${header.length}`;
    rows.push({ row, cells: record, problem });
  });
  const errors = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: `${e.code}: ${e.message}` }));
  return { header, rows, errors };
}
