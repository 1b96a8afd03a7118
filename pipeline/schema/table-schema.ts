// Frictionless Table Schema (Data Package v2) derived from a record JSON Schema,
// describing the published CSV as the codec in csv.ts writes it.
import { columnsOf, type Column } from "./columns.js";
import { LIST_DELIMITER } from "./csv.js";
import type { RecordSchema } from "./schemas.js";

export interface TableSchemaField {
  name: string;
  type: "string" | "integer" | "date" | "list";
  format?: string;
  description: string;
  delimiter?: string;
  itemType?: "string";
  constraints: {
    required?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    minLength?: number;
    pattern?: string;
  };
}

export interface TableSchema {
  $schema: string;
  fields: TableSchemaField[];
  primaryKey: string[];
  missingValues: string[];
}

/** Table Schema patterns match the whole value implicitly, so the JSON Schema anchors are dropped. */
function unanchored(pattern: string): string {
  return pattern.replace(/^\^/, "").replace(/(?<!\\)\$$/, "");
}

function field(c: Column): TableSchemaField {
  const p = c.property;
  const f: TableSchemaField = { name: c.name, type: "string", description: c.description, constraints: {} };
  switch (c.kind) {
    case "integer":
      f.type = "integer";
      break;
    case "date":
      f.type = "date";
      f.format = "default";
      break;
    case "list":
      // A list is written as its items joined with "; " and an empty list as "", which Table
      // Schema reads as missing: so a list column is never `required`, even though it is never null.
      f.type = "list";
      f.delimiter = LIST_DELIMITER;
      f.itemType = "string";
      break;
    case "enum":
      f.constraints.enum = c.values;
      break;
    case "string":
      if (p.format === "uri") f.format = "uri";
      break;
  }
  if (!c.nullable && c.kind !== "list") f.constraints.required = true;
  if (p.minimum !== undefined) f.constraints.minimum = p.minimum;
  if (p.maximum !== undefined) f.constraints.maximum = p.maximum;
  if (p.minLength !== undefined) f.constraints.minLength = p.minLength;
  if (p.pattern !== undefined) f.constraints.pattern = unanchored(p.pattern);
  return f;
}

/** Table Schema of the CSV for records of `jsonSchema`; the first column is the primary key (claim_id, doc_id). */
export function tableSchema(jsonSchema: RecordSchema): TableSchema {
  const fields = columnsOf(jsonSchema).map(field);
  return {
    $schema: "https://datapackage.org/profiles/2.0/tableschema.json",
    fields,
    primaryKey: [fields[0]!.name],
    missingValues: [""],
  };
}
