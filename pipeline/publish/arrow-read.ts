// Arrow file back to plain records (JSON-like values, dates as ISO strings).
// Used to diff a new release against the previous one: the Arrow file keeps
// exact values and describes itself, so it still reads after a schema change.
import { DataType, tableFromIPC, type Field, type Table } from "apache-arrow";

function plainValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(field.type)) return new Date(value as number).toISOString().slice(0, 10);
  if (DataType.isList(field.type)) return Array.from(value as Iterable<unknown>, (item) => plainValue(field.type.children[0]!, item));
  return value;
}

export function recordsFromTable(table: Table): Record<string, unknown>[] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => table.getChild(f.name)!);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const record: Record<string, unknown> = {};
    fields.forEach((f, j) => {
      record[f.name] = plainValue(f, columns[j]!.get(i));
    });
    records.push(record);
  }
  return records;
}

export function readArrowFile(bytes: Uint8Array): { table: Table; records: Record<string, unknown>[] } {
  const table = tableFromIPC(bytes);
  return { table, records: recordsFromTable(table) };
}
