// One normalised view of each schema property, from which the Arrow schema,
// the Table Schema, the CSV codec and the generated types are all derived, so
// that they cannot drift apart.
import { claimSchema, documentSchema, type PropertySchema, type RecordSchema } from "./schemas.js";

/** How a column is stored: each kind maps to one Arrow type, one Table Schema type, one CSV rule. */
export type ColumnKind = "enum" | "integer" | "date" | "list" | "string";

export interface Column {
  name: string;
  kind: ColumnKind;
  /** The type admits null (JSON null, "" in CSV, a null slot in Arrow). */
  nullable: boolean;
  description: string;
  /** Allowed values for enum columns, without null. */
  values: string[];
  property: PropertySchema;
}

function typesOf(p: PropertySchema): string[] {
  return Array.isArray(p.type) ? p.type : [p.type];
}

function kindOf(name: string, p: PropertySchema): ColumnKind {
  const types = typesOf(p).filter((t) => t !== "null");
  if (types.length !== 1) throw new Error(`schema property ${name}: expected one non-null type, got ${types.join(", ")}`);
  const [type] = types;
  if (type === "integer") return "integer";
  if (type === "array") {
    if (!p.items || typesOf(p.items).join() !== "string") throw new Error(`schema property ${name}: only arrays of strings are supported`);
    return "list";
  }
  if (type === "string") {
    if (p.enum) return "enum";
    if (p.format === "date") return "date";
    return "string";
  }
  throw new Error(`schema property ${name}: type ${type} has no column mapping`);
}

/** Columns in property order, which is the published column order. */
export function columnsOf(schema: RecordSchema): Column[] {
  return Object.entries(schema.properties).map(([name, p]) => ({
    name,
    kind: kindOf(name, p),
    nullable: typesOf(p).includes("null"),
    description: p.description ?? "",
    values: (p.enum ?? []).filter((v): v is string => v !== null),
    property: p,
  }));
}

export const claimColumnSpecs: readonly Column[] = columnsOf(claimSchema);
export const documentColumnSpecs: readonly Column[] = columnsOf(documentSchema);

/** Column names of the claims table, in published order. */
export const claimColumns: readonly string[] = claimColumnSpecs.map((c) => c.name);
/** Column names of the documents table, in published order. */
export const documentColumns: readonly string[] = documentColumnSpecs.map((c) => c.name);
