// Everything derived from schema/*.json, in one import for the publish and validate stages.
export { claimSchema, documentSchema, type RecordSchema, type PropertySchema } from "./schemas.js";
export { claimColumns, documentColumns, claimColumnSpecs, documentColumnSpecs, columnsOf, type Column, type ColumnKind } from "./columns.js";
export { arrowSchema } from "./arrow.js";
export { tableSchema, type TableSchema, type TableSchemaField } from "./table-schema.js";
export {
  toCsvRow,
  fromCsvRow,
  encodeCsv,
  parseCsv,
  escapeFormula,
  unescapeFormula,
  LIST_DELIMITER,
  type CsvRow,
  type ParsedCsv,
} from "./csv.js";
