// Arrow file back to plain records (JSON-like values, dates as ISO strings).
// Used to diff a new release against the previous one: the Arrow file keeps
// exact values and describes itself, so it still reads after a schema change.
import { DataType, tableFromIPC, type Field, type Table } from "apache-arrow";

/** A column's values as plain JS: dates as ISO strings, lists as arrays, nulls as null. */
function plainColumn(field: Field, values: Iterable<unknown>): unknown[] {
  const out: unknown[] = [];
  if (DataType.isDate(field.type)) {
    // Few distinct dates in many rows: format each once.
    const iso = new Map<number, string>();
    for (const v of values) {
      if (v === null || v === undefined) out.push(null);
      else {
        let text = iso.get(v as number);
        if (text === undefined) iso.set(v as number, (text = new Date(v as number).toISOString().slice(0, 10)));
        out.push(text);
      }
    }
  } else if (DataType.isList(field.type)) {
    const item = field.type.children[0]!;
    for (const v of values) out.push(v === null || v === undefined ? null : plainColumn(item, v as Iterable<unknown>));
  } else {
    for (const v of values) out.push(v === undefined ? null : v);
  }
  return out;
}

/** Columns are read by iterating their vectors (several times faster than get(i) per cell), then zipped into rows. */
export function recordsFromTable(table: Table): Record<string, unknown>[] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => plainColumn(f, table.getChild(f.name)!));
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const record: Record<string, unknown> = {};
    for (let j = 0; j < fields.length; j++) record[fields[j]!.name] = columns[j]![i];
    records.push(record);
  }
  return records;
}

export function readArrowFile(bytes: Uint8Array): { table: Table; records: Record<string, unknown>[] } {
  const table = tableFromIPC(bytes);
  return { table, records: recordsFromTable(table) };
}
