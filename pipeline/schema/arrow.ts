// Arrow schema derived from a record JSON Schema.
import { DateDay, Dictionary, Field, Int32, List, Schema, Utf8, type DataType } from "apache-arrow";
import { columnsOf, type Column } from "./columns.js";
import type { RecordSchema } from "./schemas.js";

function arrowType(column: Column, dictionaryId: number): DataType {
  switch (column.kind) {
    case "enum":
      // Explicit ids keep two calls on the same schema equal (arrow would otherwise number dictionaries globally).
      return new Dictionary(new Utf8(), new Int32(), dictionaryId, false);
    case "integer":
      return new Int32();
    case "date":
      return new DateDay();
    case "list":
      // Items carry minLength 1 in the schema and are never null.
      return new List(new Field("item", new Utf8(), false));
    case "string":
      return new Utf8();
  }
}

/** The Arrow schema of a table of records of `jsonSchema`: one field per property, in order, descriptions in field metadata. */
export function arrowSchema(jsonSchema: RecordSchema): Schema {
  const fields = columnsOf(jsonSchema).map(
    (c, i) => new Field(c.name, arrowType(c, i), c.nullable, new Map([["description", c.description]])),
  );
  const metadata = new Map([
    ["title", jsonSchema.title],
    ["description", jsonSchema.description],
    ["json_schema_id", jsonSchema.$id],
  ]);
  return new Schema(fields, metadata);
}
