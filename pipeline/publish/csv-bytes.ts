// A table's CSV as UTF-8 bytes, encoded a block of rows at a time: the same bytes as
// utf8(encodeCsv(records)) without ever holding the whole file, as one JS string or
// as bytes (at 480k claims the file is 210 MB; the publish script writes each block
// to disk as it is made).
import Papa from "papaparse";
import { columnsOf, toCsvRow, type RecordSchema } from "../schema/index.js";

/**
 * Rows per Papa.unparse call. Small on purpose: the row objects and strings of a block
 * then die young (scavenged), instead of surviving into the old generation and piling
 * up as garbage until a full GC (which showed as +600 MB of RSS at 500k claims).
 */
const BLOCK = 256;

/**
 * The CSV's UTF-8 bytes, block by block, made as they are consumed (concatenated, the bytes
 * of encodeCsv). Without `withHeader`, the row lines alone (csv-splice.ts renders the rows
 * it does not copy that way): nothing at all for no rows.
 */
export function* csvChunks(records: readonly object[], jsonSchema: RecordSchema, withHeader = true): Generator<Buffer> {
  const names = columnsOf(jsonSchema).map((c) => c.name);
  if (!withHeader && records.length === 0) return;
  for (let from = 0; from === 0 || from < records.length; from += BLOCK) {
    const rows = records.slice(from, from + BLOCK).map((r) => toCsvRow(r, jsonSchema));
    // encodeCsv: Papa.unparse(all rows, header) + "\n"; Papa joins rows with "\n", so blocks join the same way.
    const text = Papa.unparse(rows, { columns: names, header: withHeader && from === 0, newline: "\n" });
    yield Buffer.from(from === 0 ? text : `\n${text}`, "utf8");
  }
  yield Buffer.from("\n");
}

export function csvBytes(records: readonly object[], jsonSchema: RecordSchema): Buffer {
  return Buffer.concat([...csvChunks(records, jsonSchema)]);
}
