// Reading one column of many records. `records.map((r) => r[column.name])` for each
// column sends every column through one property-access site, which V8 then treats
// as megamorphic: at 480k claims that read cost 1.85 s of building the Arrow table.
// A loop made for the column (`records[i]["claim_id"]`) keeps its site monomorphic
// (on 100k claims, all 26 columns: 170-210 ms -> 88-91 ms). The name comes from the
// JSON Schema and is embedded as a JSON string literal, so any name is safe.
export type ColumnReader = (records: readonly object[]) => unknown[];

const readers = new Map<string, ColumnReader>();

/** The values of column `name` of each record, in order (undefined where a record lacks it). */
export function columnReader(name: string): ColumnReader {
  let read = readers.get(name);
  if (!read) {
    const body = `"use strict";
const out = new Array(records.length);
for (let i = 0; i < records.length; i++) out[i] = records[i][${JSON.stringify(name)}];
return out;`;
    read = new Function("records", body) as ColumnReader;
    readers.set(name, read);
  }
  return read;
}

/**
 * A function from a record to its row of cells, an object with the columns as keys in
 * order, each value passed through `cell` (column index, value). Made for the columns
 * for the same reason as columnReader; and an object literal, not an array, because
 * papaparse walks each row's keys (Object.keys), which for an array makes a string
 * per cell: at 480k claims that garbage kept 125 MB more on the heap.
 */
export function rowMaker(names: readonly string[], cell: (column: number, value: unknown) => string): (record: object) => Record<string, string> {
  const entries = names.map((n, j) => `${JSON.stringify(n)}: cell(${j}, r[${JSON.stringify(n)}])`).join(", ");
  return new Function("cell", `"use strict"; return (r) => ({ ${entries} });`)(cell) as (record: object) => Record<string, string>;
}
