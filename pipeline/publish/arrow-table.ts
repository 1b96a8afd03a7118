// A typed Arrow table of records, laid out by the Arrow schema that the schema
// module derives from the JSON Schema, and its Arrow IPC file bytes.
import { DataType, makeData, RecordBatch, RecordBatchFileWriter, Schema, Struct, Table, tableToIPC, type Data, type DateDay, type Dictionary, type Field, type Int32, type Utf8 } from "apache-arrow";
import { arrowSchema, columnsOf, type Column, type RecordSchema } from "../schema/index.js";
import { columnReader } from "../schema/values.js";
import { dateDayData, dictionaryData, int32Data, utf8Data, utf8ListData } from "./arrow-columns.js";

function columnData(column: Column, field: Field, values: unknown[]): Data {
  const type = field.type;
  // The derived schema only uses Dictionary<Utf8, Int32>, Int32 and DateDay; the builders check the values.
  if (DataType.isDictionary(type)) return dictionaryData(type as Dictionary<Utf8, Int32>, column.values, values as (string | null)[]);
  if (DataType.isInt(type)) return int32Data(type as Int32, values as (number | null)[]);
  if (DataType.isDate(type)) return dateDayData(type as DateDay, values as (string | null)[]);
  if (DataType.isList(type)) return utf8ListData(type, values as (string[] | null)[]);
  if (DataType.isUtf8(type)) return utf8Data(type, values as (string | null)[]);
  throw new Error(`column ${column.name}: no builder for Arrow type ${String(type)}`);
}

/** One column's values, in record order. */
function columnValues(records: readonly object[], column: Column): unknown[] {
  const values = columnReader(column.name)(records);
  if (values.includes(undefined)) throw new Error(`record lacks ${column.name}`);
  return values;
}

/**
 * One record batch holding `records` in the given order. `metadata` is added to
 * the derived schema's own (title, description, json_schema_id); both end up in
 * the Arrow file and, through it, in the Parquet file.
 */
export function recordTable(records: readonly object[], jsonSchema: RecordSchema, metadata: ReadonlyMap<string, string>): Table {
  const derived = arrowSchema(jsonSchema);
  const schema = new Schema(derived.fields, new Map([...derived.metadata, ...metadata]));
  const columns = columnsOf(jsonSchema);
  // Column by column, so that only one column's values are held besides the table.
  const children = columns.map((c, i) => columnData(c, schema.fields[i]!, columnValues(records, c)));
  const struct = makeData({ type: new Struct(schema.fields), length: records.length, nullCount: 0, children });
  return new Table(schema, new RecordBatch(schema, struct));
}

/** Arrow IPC file format ("Feather v2"), the random-access flavour that pyarrow.feather, polars and R arrow open. */
export function arrowFileBytes(table: Table): Uint8Array {
  return tableToIPC(table, "file");
}

/**
 * The same bytes as arrowFileBytes, as the writer's chunks (mostly views of the
 * table's own buffers), so the file can be written without one more copy of it in memory.
 */
export async function arrowFileChunks(table: Table): Promise<Uint8Array[]> {
  const writer = RecordBatchFileWriter.writeAll(table);
  const chunks: Uint8Array[] = [];
  for await (const chunk of writer) chunks.push(chunk);
  return chunks;
}
